# Ressursbanken. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# manage.py alone means production settings; make means the development tier unless told.
MANAGE := DJANGO_SETTINGS_MODULE=$${DJANGO_SETTINGS_MODULE:-resourcebank.settings.dev} $(BIN)/python manage.py
PYTEST := $(BIN)/pytest
# One PostgreSQL database per checkout, so parallel checkouts do not collide.
PG_DATABASE ?= ressursbanken_$(shell basename "$(CURDIR)" | tr -c 'a-z0-9\n' '_')
export PG_DATABASE

.PHONY: help
help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-18s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || { scripts/system-deps.sh venv && $(PYTHON) -m venv $(VENV); }

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet '.[test]'
	touch $@

.PHONY: install
install: $(VENV)/.installed ## Create the virtual environment and install the project with its test tools

.PHONY: system-deps
system-deps: ## Install the Debian packages the site needs (fonts, pango, gettext, apertium)
	scripts/system-deps.sh run

.PHONY: system-deps-test
system-deps-test: ## Install the Debian packages the tests need (PostgreSQL, chromium, ...)
	scripts/system-deps.sh test

.PHONY: system-deps-production
system-deps-production: ## Install the Debian packages of the production tier (Redis, Varnish, nginx, wrk, ...)
	scripts/system-deps.sh production

.PHONY: compilemessages
compilemessages: install ## Compile the gettext catalogues under locale/
	$(MANAGE) compilemessages --ignore '$(VENV)/*' --ignore 'node_modules/*' -v 0

.PHONY: messages
messages: install ## Extract interface strings into locale/ (nb, nn and the languages added for the public); pre-fill new nn strings from nb (fuzzy, to check)
	$(MANAGE) makemessages -l nb -l nn -l en -l pl -l ur -l so -l ar --no-obsolete --ignore '$(VENV)/*' --ignore 'var/*' --ignore 'tests/*' --ignore 'static_root/*' --ignore 'media/*' --ignore 'node_modules/*' --add-location file
	$(MANAGE) prefill_nynorsk

.PHONY: admin-catalogues
admin-catalogues: install ## Rebuild locale-admin/{nb,nn} from localization/admin_catalogues (Bokmål, Apertium, checked Nynorsk)
	$(MANAGE) build_admin_catalogues
	$(MANAGE) compilemessages --ignore '$(VENV)/*' --ignore 'node_modules/*' -v 0

.PHONY: admin-catalogues-check
admin-catalogues-check: install ## List upstream admin strings new or gone since localization/admin_catalogues/nb was written
	$(MANAGE) build_admin_catalogues --check

.PHONY: migrate
migrate: install ## Apply database migrations
	$(MANAGE) migrate --noinput

.PHONY: demo
demo: migrate ## Load the demo content (idempotent)
	$(MANAGE) load_demo

.PHONY: run
run: system-deps install compilemessages demo ## Install, migrate, load demo content and serve on http://127.0.0.1:8000
	$(MANAGE) runserver 127.0.0.1:8000

.PHONY: lint
lint: install ## ruff check, ruff format --check, and the import contract (imports run one way)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

.PHONY: checks
checks: install ## Django system checks, deploy checks under production settings, migrations committed
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run --noinput
	DJANGO_SETTINGS_MODULE=resourcebank.settings.production \
	DJANGO_SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
	DATABASE_URL=sqlite:///var/deploy-check.sqlite3 DJANGO_ALLOWED_HOSTS=ressursbanken.example.org \
	$(MANAGE) check --deploy --fail-level WARNING

# Front end: Designsystemet and our theme built into static/css/designsystemet.css (committed,
# so `make run` needs no Node); stylelint on our own CSS. Versions pinned by package-lock.json.
NPM_BIN := node_modules/.bin
QUALITY_TOOLS := tools/quality/node_modules

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

.PHONY: css
css: node_modules/.installed ## Build static/css/designsystemet.css from frontend/designsystemet.config.json (commit the result)
	$(NPM_BIN)/designsystemet tokens create --config frontend/designsystemet.config.json >/dev/null
	$(NPM_BIN)/designsystemet tokens build -t var/frontend/design-tokens -o var/frontend/theme --clean >/dev/null
	node frontend/build-css.mjs var/frontend/theme/ressursbanken.css static/css/designsystemet.css

.PHONY: lint-css
lint-css: node_modules/.installed ## stylelint on our own CSS under static/css (not the built designsystemet.css)
	$(NPM_BIN)/stylelint "static/css/**/*.css"

$(QUALITY_TOOLS)/.installed: tools/quality/package.json tools/quality/package-lock.json
	npm ci --prefix tools/quality --no-audit --no-fund
	touch $@

.PHONY: quality-tools
quality-tools: $(QUALITY_TOOLS)/.installed ## Install the Nu HTML checker and Lighthouse (pinned) for the page-quality tests

.PHONY: test-quality
test-quality: install compilemessages quality-tools ## axe, the Nu checker, Lighthouse and reflow on every page type in nb and nn
	mkdir -p var
	$(PYTEST) tests/e2e/test_page_quality.py -p no:cacheprovider

.PHONY: screenshots
screenshots: install compilemessages ## PNGs of every page type (390 and 1366 px, light and dark, print) in var/screenshots/
	mkdir -p var/screenshots
	SCREENSHOTS_DIR=var/screenshots $(PYTEST) tests/e2e/test_screenshots.py -p no:cacheprovider -q
	@echo "Open var/screenshots/index.html to see them all at once."

.PHONY: admin-screenshots
admin-screenshots: install compilemessages ## PNGs of the admin (dashboard, explorer, page and translation editors) as an editor, nb and nn, in var/admin-screenshots/
	mkdir -p var/admin-screenshots
	ADMIN_SCREENSHOTS_DIR=var/admin-screenshots $(PYTEST) tests/e2e/test_admin_screenshots.py -p no:cacheprovider -q
	@echo "Open var/admin-screenshots/index.html to see them all at once."

.PHONY: test-sqlite
# The real search engines for the search tests: OpenSearch and Elasticsearch 8 on loopback,
# started here and stopped when the recipe ends. CI fails when one cannot start; elsewhere
# the tests of a missing engine skip and say how to get it.
# Inside `make test` the engines are started once for both runs (SEARCH_ENGINES_SHARED).
SEARCH_ENGINES = if [ -n "$$SEARCH_ENGINES_SHARED" ]; then :; else \
	engines=$$(scripts/search-engine.sh start-all); \
	trap 'scripts/search-engine.sh stop-all' EXIT; \
	os_url=$$(tr ' ' '\n' <<<"$$engines" | sed -n 's/^opensearch=//p'); \
	es_url=$$(tr ' ' '\n' <<<"$$engines" | sed -n 's/^elasticsearch=//p'); \
	if [ -z "$$os_url" ] || [ -z "$$es_url" ]; then \
	  if [ "$$CI" = true ]; then echo "FAIL: a search engine could not be started ($$engines)" >&2; exit 1; fi; \
	  echo "SKIPPED: tests of the engines that did not start (needs mvn and Java 17: scripts/search-engine.sh start opensearch|elasticsearch)"; \
	fi; \
	export SEARCH_URL_OPENSEARCH="$$os_url" SEARCH_URL_ELASTICSEARCH="$$es_url"; fi

.PHONY: search-engine
search-engine: ## Start the test search engines (OpenSearch and Elasticsearch 8 on 127.0.0.1) and print their URLs
	@scripts/search-engine.sh start-all

.PHONY: search-engine-stop
search-engine-stop: ## Stop the test search engines
	@scripts/search-engine.sh stop-all

test-sqlite: install compilemessages quality-tools ## Run every test on SQLite (the embedded default), browser tests and page-quality gates included
	mkdir -p var
	@$(SEARCH_ENGINES); $(PYTEST) -m "not bench and not production"

.PHONY: test-postgres
test-postgres: install compilemessages ## Run the tests on PostgreSQL (started here; CI fails if it cannot run)
	@was_up=$$(scripts/postgres.sh running && echo yes); \
	url=$$(scripts/postgres.sh) || { \
	  if [ "$$CI" = true ]; then echo "FAIL: PostgreSQL could not be started" >&2; exit 1; fi; \
	  echo "SKIPPED: PostgreSQL tests (install it: apt-get install postgresql)"; exit 0; }; \
	echo "PostgreSQL tier: $$url"; \
	$(SEARCH_ENGINES); \
	DATABASE_URL="$$url" $(PYTEST) -m "not bench and not e2e and not production" -p no:cacheprovider; \
	status=$$?; [ -n "$$was_up" ] || scripts/postgres.sh stop; exit $$status

.PHONY: test
test: system-deps system-deps-test install compilemessages lint lint-css checks ## Install what the tests need and run them all (SQLite and PostgreSQL)
	@$(SEARCH_ENGINES); export SEARCH_ENGINES_SHARED=1; mkdir -p var; \
	echo "PostgreSQL run in the background (its output follows the SQLite run's): var/test-postgres.log"; \
	TEST_MEDIA_ROOT=var/test-media-postgres $(MAKE) --no-print-directory -o compilemessages test-postgres >var/test-postgres.log 2>&1 & pg=$$!; \
	$(MAKE) --no-print-directory -o compilemessages test-sqlite; sqlite_status=$$?; \
	wait $$pg; pg_status=$$?; \
	echo "──── PostgreSQL run (var/test-postgres.log) ────"; cat var/test-postgres.log; \
	echo "SQLite run: exit $$sqlite_status; PostgreSQL run: exit $$pg_status"; \
	[ $$sqlite_status -eq 0 ] && [ $$pg_status -eq 0 ]

.PHONY: security
security: system-deps install compilemessages ## Serve the site over TLS on loopback and attack it with Debian's wapiti and sqlmap (0 findings or it fails)
	scripts/system-deps.sh security
	mkdir -p var
	timeout 1200 scripts/security-scan.sh

.PHONY: bench
bench: install compilemessages ## Run the benchmarks under tests/bench and print their figures
	mkdir -p var
	$(PYTEST) tests/bench -m bench -s -p no:cacheprovider

.PHONY: bench-search
bench-search: install ## Search latency at 10k and 50k resources, per available backend (prints a table; PostgreSQL too)
	mkdir -p var
	@$(SEARCH_ENGINES); \
	$(PYTEST) tests/bench/test_search_speed.py -m bench -s -p no:cacheprovider; \
	was_up=$$(scripts/postgres.sh running && echo yes); \
	if pg_url=$$(scripts/postgres.sh); then \
	  BENCH_SEARCH_ENGINES=0 DATABASE_URL="$$pg_url" $(PYTEST) tests/bench/test_search_speed.py -m bench -s -p no:cacheprovider; \
	  [ -n "$$was_up" ] || scripts/postgres.sh stop; \
	else echo "SKIPPED: PostgreSQL bench (apt-get install postgresql)"; fi

.PHONY: production-local
production-local: system-deps-production install compilemessages ## The production tier on loopback: Varnish, nginx, 2 gunicorn, PostgreSQL, OpenSearch, Redis, s3rver, apertium-apy, worker; prints the URL
	@scripts/production-local.sh start

.PHONY: production-local-stop
production-local-stop: ## Stop everything make production-local started
	@scripts/production-local.sh stop

.PHONY: test-production
test-production: system-deps-production install compilemessages ## Start the production tier, drive it over HTTP (tests/production), stop it again
	@trap 'scripts/production-local.sh stop' EXIT; \
	scripts/production-local.sh start >/dev/null && \
	$(PYTEST) tests/production -m production -p no:cacheprovider

.PHONY: bench-web
bench-web: system-deps-production install compilemessages ## Requests per second per page type under gunicorn and wrk (SQLite, PostgreSQL, Varnish); prints a table
	mkdir -p var
	$(BIN)/python -m tests.bench.web

.PHONY: clean
clean: ## Remove the virtual environment, the dev database and generated files
	rm -rf $(VENV) var db.sqlite3 media static_root node_modules tools/quality/node_modules
	find . -name '*.mo' -path './locale/*' -delete
