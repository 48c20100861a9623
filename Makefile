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

.PHONY: test-sqlite
# The real search engine for the search tests (OpenSearch on loopback; CI fails without it).
SEARCH_ENGINE_URL = url=$$(scripts/search-engine.sh start) || { \
	  if [ "$$CI" = true ]; then echo "FAIL: the search engine could not be started" >&2; exit 1; fi; \
	  echo "SKIPPED: search-engine tests (needs mvn and Java 17: scripts/search-engine.sh start)"; url=; }

.PHONY: search-engine
search-engine: ## Start the test search engine (OpenSearch on 127.0.0.1) and print its URL
	@scripts/search-engine.sh start

.PHONY: search-engine-stop
search-engine-stop: ## Stop the test search engine
	@scripts/search-engine.sh stop

test-sqlite: install compilemessages ## Run every test on SQLite (the embedded default), browser tests included
	mkdir -p var
	@$(SEARCH_ENGINE_URL); SEARCH_URL="$$url" $(PYTEST) -m "not bench"

.PHONY: test-postgres
test-postgres: install compilemessages ## Run the tests on PostgreSQL (started here; CI fails if it cannot run)
	@url=$$(scripts/postgres.sh) || { \
	  if [ "$$CI" = true ]; then echo "FAIL: PostgreSQL could not be started" >&2; exit 1; fi; \
	  echo "SKIPPED: PostgreSQL tests (install it: apt-get install postgresql)"; exit 0; }; \
	echo "PostgreSQL tier: $$url"; \
	db_url="$$url"; $(SEARCH_ENGINE_URL); \
	SEARCH_URL="$$url" DATABASE_URL="$$db_url" $(PYTEST) -m "not bench and not e2e" -p no:cacheprovider

.PHONY: test
test: system-deps system-deps-test install compilemessages lint checks test-sqlite test-postgres ## Install what the tests need and run them all (SQLite and PostgreSQL)

.PHONY: security
security: system-deps install compilemessages ## Serve the site over TLS on loopback and attack it with Debian's wapiti and sqlmap (0 findings or it fails)
	scripts/system-deps.sh security
	mkdir -p var
	scripts/security-scan.sh

.PHONY: bench
bench: install compilemessages ## Run the benchmarks under tests/bench and print their figures
	mkdir -p var
	$(PYTEST) tests/bench -m bench -s -p no:cacheprovider

.PHONY: bench-search
bench-search: install ## Search latency at 10k and 50k resources, per available backend (prints a table)
	mkdir -p var
	@$(SEARCH_ENGINE_URL); SEARCH_URL="$$url" $(PYTEST) tests/bench/test_search_speed.py -m bench -s -p no:cacheprovider

.PHONY: clean
clean: ## Remove the virtual environment, the dev database and generated files
	rm -rf $(VENV) var db.sqlite3 media static_root
	find . -name '*.mo' -path './locale/*' -delete
