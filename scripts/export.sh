#!/usr/bin/env bash
# Downloads a running CareCircle's results into a folder with curl: institutions, cells with their
# coverage, areas, gap areas and indicators, as CSV (UTF-8 with BOM) and GeoJSON for QGIS.
#   scripts/export.sh [FOLDER] [--targets SHAOXING_2027] [--take-up 0.24] [--capacity SLOTS|FREE_PLACES]
# CARECIRCLE_URL (default http://localhost:8080).
set -euo pipefail
folder=carecircle-export
targets=CHONGQING_2025
parameters="minutes=5&minutes=15"
while [ $# -gt 0 ]; do
  case "$1" in
    --targets) targets=${2:?}; shift 2 ;;
    --take-up) parameters="$parameters&takeUpRate=${2:?}"; shift 2 ;;
    --capacity) parameters="$parameters&capacity=${2:?}"; shift 2 ;;
    -*) echo "export.sh: unknown option $1" >&2; exit 2 ;;
    *) folder=$1; shift ;;
  esac
done
base=${CARECIRCLE_URL:-http://localhost:8080}
mkdir -p "$folder"
get() { curl -fsS -o "$folder/$1" "$base/$2" || { echo "export.sh: $base/$2 failed" >&2; exit 1; }; echo "  $folder/$1"; }
echo "export.sh: writing"
get institutions.csv "export/institutions.csv"
get institutions.geojson "export/institutions.geojson"
get coverage-cells.csv "export/coverage/cells.csv?$parameters"
get coverage-cells.geojson "export/coverage/cells.geojson?$parameters"
get coverage-areas.csv "export/coverage/areas.csv?$parameters"
get gaps-15-minutes.geojson "export/coverage/gaps.geojson?$parameters&gapMinutes=15&first=100"
get gaps-15-minutes-with-capacity.geojson "export/coverage/gaps.geojson?$parameters&gapMinutes=15&withCapacity=true&first=100"
get "indicators-$targets.csv" "export/indicators.csv?targetSet=$targets&${parameters#minutes=5&minutes=15}"
get "indicators-$targets.geojson" "export/indicators.geojson?targetSet=$targets&${parameters#minutes=5&minutes=15}"
get summary.txt "summary.txt?targetSet=$targets"
