#!/usr/bin/env bash
# The test suite against a real PostGIS: starts (installing on Debian if needed) the project-local
# cluster with its test database, then runs every test with the Maven wrapper.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. scripts/debian.sh
CARECIRCLE_TEST_DB_URL=$(scripts/postgis.sh start carecircle_test | tail -n 1)
export CARECIRCLE_TEST_DB_URL
# the map page's tests drive a real headless Chromium: Debian's chromium and its driver (fonts for Chinese text)
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  debian_install chromium chromium-driver fonts-wqy-zenhei
fi
# the GraphQL fuzzer (FuzzTest): hypothesis-graphql from pip in a project-local virtual environment
if [ ! -x .carecircle/fuzz/bin/python ] || ! .carecircle/fuzz/bin/python -c "import hypothesis_graphql, requests" 2>/dev/null; then
  echo "test.sh: installing the fuzzer (scripts/fuzz/requirements.txt) into .carecircle/fuzz" >&2
  mkdir -p .carecircle
  rm -rf .carecircle/fuzz
  if ! python3 -m venv .carecircle/fuzz 2>/dev/null; then
    debian_install python3-venv
    python3 -m venv .carecircle/fuzz
  fi
  .carecircle/fuzz/bin/pip install --quiet --retries 1 --timeout 15 --disable-pip-version-check -r scripts/fuzz/requirements.txt
fi
# npm: the map page's library (the build installs it) and the schema check's graphql-js and GraphQL Code Generator
command -v npm >/dev/null || debian_install nodejs npm
[ -d scripts/schema/node_modules/@graphql-codegen/cli ] && [ -d scripts/schema/node_modules/@types/geojson ] || (cd scripts/schema && npm ci --no-audit --no-fund --silent)
exec ./mvnw -B verify "$@"
