# Ressursbanken. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
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

.PHONY: compilemessages
compilemessages: install ## Compile the gettext catalogues under locale/
	$(MANAGE) compilemessages --ignore '$(VENV)/*' --ignore 'node_modules/*' -v 0

.PHONY: messages
messages: install ## Extract interface strings into locale/nb and locale/nn; pre-fill new nn strings from nb (fuzzy, to check)
	$(MANAGE) makemessages -l nb -l nn --no-obsolete --ignore '$(VENV)/*' --ignore 'var/*' --ignore 'tests/*' --ignore 'static_root/*' --ignore 'media/*' --ignore 'node_modules/*' --add-location file
	$(MANAGE) prefill_nynorsk

.PHONY: admin-nynorsk
admin-nynorsk: install ## Regenerate locale-admin/nn: the Nynorsk admin, machine translated from Wagtail's Bokmål catalogues
	$(MANAGE) build_admin_nynorsk

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
lint: install ## ruff check and ruff format --check
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

.PHONY: checks
checks: install ## Django system checks, deploy checks under production settings, migrations committed
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run --noinput
	DJANGO_SETTINGS_MODULE=resourcebank.settings.production \
	DJANGO_SECRET_KEY="$$($(BIN)/python -c 'import secrets; print(secrets.token_urlsafe(64))')" \
	DATABASE_URL=sqlite:///var/deploy-check.sqlite3 DJANGO_ALLOWED_HOSTS=ressursbanken.example.org \
	$(MANAGE) check --deploy --fail-level WARNING

.PHONY: test-sqlite
# The real search engines for the search tests: OpenSearch and Elasticsearch 8 on loopback,
# started here and stopped when the recipe ends. CI fails when one cannot start; elsewhere
# the tests of a missing engine skip and say how to get it.
SEARCH_ENGINES = engines=$$(scripts/search-engine.sh start-all); \
	trap 'scripts/search-engine.sh stop-all' EXIT; \
	os_url=$$(tr ' ' '\n' <<<"$$engines" | sed -n 's/^opensearch=//p'); \
	es_url=$$(tr ' ' '\n' <<<"$$engines" | sed -n 's/^elasticsearch=//p'); \
	if [ -z "$$os_url" ] || [ -z "$$es_url" ]; then \
	  if [ "$$CI" = true ]; then echo "FAIL: a search engine could not be started ($$engines)" >&2; exit 1; fi; \
	  echo "SKIPPED: tests of the engines that did not start (needs mvn and Java 17: scripts/search-engine.sh start opensearch|elasticsearch)"; \
	fi; \
	export SEARCH_URL_OPENSEARCH="$$os_url" SEARCH_URL_ELASTICSEARCH="$$es_url"

.PHONY: search-engine
search-engine: ## Start the test search engines (OpenSearch and Elasticsearch 8 on 127.0.0.1) and print their URLs
	@scripts/search-engine.sh start-all

.PHONY: search-engine-stop
search-engine-stop: ## Stop the test search engines
	@scripts/search-engine.sh stop-all

test-sqlite: install compilemessages ## Run every test on SQLite (the embedded default), browser tests included
	mkdir -p var
	@$(SEARCH_ENGINES); $(PYTEST) -m "not bench"

.PHONY: test-postgres
test-postgres: install compilemessages ## Run the tests on PostgreSQL (started here; CI fails if it cannot run)
	@url=$$(scripts/postgres.sh) || { \
	  if [ "$$CI" = true ]; then echo "FAIL: PostgreSQL could not be started" >&2; exit 1; fi; \
	  echo "SKIPPED: PostgreSQL tests (install it: apt-get install postgresql)"; exit 0; }; \
	echo "PostgreSQL tier: $$url"; \
	$(SEARCH_ENGINES); \
	DATABASE_URL="$$url" $(PYTEST) -m "not bench and not e2e" -p no:cacheprovider

.PHONY: test
test: system-deps system-deps-test install compilemessages lint checks test-sqlite test-postgres ## Install what the tests need and run them all (SQLite and PostgreSQL)

.PHONY: bench
bench: install compilemessages ## Run the benchmarks under tests/bench and print their figures
	mkdir -p var
	$(PYTEST) tests/bench -m bench -s -p no:cacheprovider

.PHONY: bench-search
bench-search: install ## Search latency at 10k and 50k resources, per available backend (prints a table; PostgreSQL too)
	mkdir -p var
	@$(SEARCH_ENGINES); \
	$(PYTEST) tests/bench/test_search_speed.py -m bench -s -p no:cacheprovider; \
	if pg_url=$$(scripts/postgres.sh); then \
	  DATABASE_URL="$$pg_url" $(PYTEST) tests/bench/test_search_speed.py -m bench -s -p no:cacheprovider; \
	else echo "SKIPPED: PostgreSQL bench (apt-get install postgresql)"; fi

.PHONY: clean
clean: ## Remove the virtual environment, the dev database and generated files
	rm -rf $(VENV) var db.sqlite3 media static_root
	find . -name '*.mo' -path './locale/*' -delete
