#!/usr/bin/env bash
# The test suite against a real PostGIS: starts (installing on Debian if needed) the project-local
# cluster with its test database, then runs every test with the Maven wrapper.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/postgis.sh start carecircle_test >/dev/null
exec ./mvnw -B verify "$@"
