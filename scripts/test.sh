#!/usr/bin/env bash
# The test suite against a real PostGIS: starts (installing on Debian if needed) the project-local
# cluster with its test database, then runs every test with the Maven wrapper.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
CARECIRCLE_TEST_DB_URL=$(scripts/postgis.sh start carecircle_test | tail -n 1)
export CARECIRCLE_TEST_DB_URL
# the map page's tests drive a real headless Chromium: Debian's chromium and its driver (fonts for Chinese text)
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ -f /etc/debian_version ] && command -v apt-get >/dev/null; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "test.sh: installing chromium, chromium-driver and fonts-wqy-zenhei (Debian packages)" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
      chromium chromium-driver fonts-wqy-zenhei >/dev/null
  else
    echo "test.sh: the map tests need Chromium and chromedriver on the PATH (Debian: chromium chromium-driver)" >&2
    exit 1
  fi
fi
# the GraphQL fuzzer (FuzzTest): hypothesis-graphql from pip in a project-local virtual environment
if [ ! -x .carecircle/fuzz/bin/python ] || ! .carecircle/fuzz/bin/python -c "import hypothesis_graphql, requests" 2>/dev/null; then
  echo "test.sh: installing the fuzzer (scripts/fuzz/requirements.txt) into .carecircle/fuzz" >&2
  mkdir -p .carecircle
  rm -rf .carecircle/fuzz
  if ! python3 -m venv .carecircle/fuzz 2>/dev/null; then
    sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends python3-venv >/dev/null
    python3 -m venv .carecircle/fuzz
  fi
  .carecircle/fuzz/bin/pip install --quiet --retries 1 --timeout 15 --disable-pip-version-check -r scripts/fuzz/requirements.txt
fi
# the schema check (SchemaContractTest): graphql-js and GraphQL Code Generator from npm
if ! command -v npm >/dev/null && [ -f /etc/debian_version ]; then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
[ -d scripts/schema/node_modules/@graphql-codegen/cli ] && [ -d scripts/schema/node_modules/@types/geojson ] || (cd scripts/schema && npm ci --no-audit --no-fund --silent)
exec ./mvnw -B verify "$@"
