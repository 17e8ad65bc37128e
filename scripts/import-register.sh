#!/usr/bin/env bash
# Uploads an institution register (CSV or GeoJSON) to a running CareCircle with curl: all or nothing.
#   scripts/import-register.sh FILE [--dry-run] [--coordinates WGS84|GCJ02|BD09] [--charset GB18030] [--format CSV|GEOJSON]
# CARECIRCLE_URL (default http://localhost:8080), CARECIRCLE_USER / CARECIRCLE_PLANNER_PASSWORD (planner / planner).
# Prints the report ({"dryRun", "records", "inserted", "updated"}) or every bad line, and exits 1 on a refusal.
set -euo pipefail
file=${1:?usage: scripts/import-register.sh FILE [--dry-run] [--coordinates GCJ02] [--charset GB18030]}
shift
query=""
case "$file" in *.geojson|*.json) query="format=GEOJSON" ;; esac
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) query="$query&dryRun=true"; shift ;;
    --coordinates) query="$query&coordinates=${2:?}"; shift 2 ;;
    --charset) query="$query&charset=${2:?}"; shift 2 ;;
    --format) query="$query&format=${2:?}"; shift 2 ;;
    *) echo "import-register.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
base=${CARECIRCLE_URL:-http://localhost:8080}
status=$(curl -sS -o /tmp/carecircle-import.$$ -w '%{http_code}' -u "${CARECIRCLE_USER:-planner}:${CARECIRCLE_PLANNER_PASSWORD:-planner}" \
  -H 'Content-Type: application/octet-stream' --data-binary @"$file" "$base/import/institutions?${query#&}")
cat /tmp/carecircle-import.$$; echo
rm -f /tmp/carecircle-import.$$
[ "$status" = 200 ]
