#!/usr/bin/env bash
# Uploads an institution register (CSV or GeoJSON) to a running CareCircle with curl: all or nothing.
#   scripts/import-register.sh FILE [--dry-run] [--coordinates WGS84|GCJ02|BD09] [--charset GB18030] [--format CSV|GEOJSON]
# CARECIRCLE_URL (default http://localhost:8080), CARECIRCLE_USER (planner), CARECIRCLE_PLANNER_PASSWORD (default: the
# one scripts/run.sh made, in .carecircle/planner-password).
# Prints the report ({"dryRun", "records", "inserted", "updated"}) or every bad line, and exits 1 on a refusal.
set -euo pipefail
usage="usage: scripts/import-register.sh FILE [--dry-run] [--coordinates WGS84|GCJ02|BD09] [--charset GB18030] [--format CSV|GEOJSON]"
case "${1:-}" in
  ""|-h|--help) echo "$usage"; [ -n "${1:-}" ] && exit 0 || exit 2 ;;
esac
file=$1
shift
if [ ! -f "$file" ] || [ ! -r "$file" ]; then
  echo "import-register.sh: $file: no such readable file" >&2; exit 2
fi
if [ ! -s "$file" ]; then
  echo "import-register.sh: $file is empty: nothing to import" >&2; exit 2
fi
query=""
case "$file" in *.geojson|*.json) query="format=GEOJSON" ;; esac
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) query="$query&dryRun=true"; shift ;;
    --coordinates) query="$query&coordinates=${2:?--coordinates needs WGS84, GCJ02 or BD09}"; shift 2 ;;
    --charset) query="$query&charset=${2:?--charset needs a name such as GB18030}"; shift 2 ;;
    --format) query="$query&format=${2:?--format needs CSV or GEOJSON}"; shift 2 ;;
    -h|--help) echo "$usage"; exit 0 ;;
    *) echo "import-register.sh: unknown option $1" >&2; echo "$usage" >&2; exit 2 ;;
  esac
done
base=${CARECIRCLE_URL:-http://localhost:8080}
secret="$(cd "$(dirname "$0")/.." && pwd)/.carecircle/planner-password"
password=${CARECIRCLE_PLANNER_PASSWORD:-$(cat "$secret" 2>/dev/null || true)}
answer=$(mktemp)
trap 'rm -f "$answer"' EXIT
if ! status=$(curl -sS -o "$answer" -w '%{http_code}' -u "${CARECIRCLE_USER:-planner}:$password" \
  -H 'Content-Type: application/octet-stream' --data-binary @"$file" "$base/import/institutions?${query#&}"); then
  echo "import-register.sh: could not reach CareCircle at $base" >&2; exit 1
fi
case "$status" in
  200) cat "$answer"; echo ;;
  401) echo "import-register.sh: refused (HTTP 401): wrong user or password" >&2; exit 1 ;;
  403) echo "import-register.sh: refused (HTTP 403): this user may not import; a planner may" >&2; exit 1 ;;
  413) echo "import-register.sh: refused (HTTP 413): the file is larger than an upload may be" >&2; exit 1 ;;
  *) echo "import-register.sh: refused (HTTP $status):" >&2; cat "$answer" >&2; echo >&2; exit 1 ;;
esac
