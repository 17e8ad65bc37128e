#!/usr/bin/env bash
# The main job: PostGIS up, the service built if its sources changed, started on a district's walking
# network, the district's data estimated from OpenStreetMap (once per extract), the planner's summary
# printed, and the API left running. Stop it with Ctrl-C.
#   scripts/run.sh                      the Chengdu Xipu extract (../shared/data) or the first in osm-data/
#   scripts/run.sh --area dafeng        ../shared/data/osm/chengdu-dafeng.osm (or osm-data/*dafeng*)
#   scripts/run.sh path/to/extract.osm  any extract (.osm, .osm.pbf, .osm.gz, .osm.bz2)
#   --targets SHAOXING_2027             the target set of the summary (default CHONGQING_2025)
# Settings: CARECIRCLE_PORT (8080), CARECIRCLE_HOST (127.0.0.1: this machine only; 0.0.0.0 for the network),
# CARECIRCLE_HEAP (the service's -Xmx; sized to the extract unless set), CARECIRCLE_PLANNER_PASSWORD (made on
# first start and kept in .carecircle/planner-password unless set), and those of scripts/postgis.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
port=${CARECIRCLE_PORT:-8080}
host=${CARECIRCLE_HOST:-127.0.0.1}
base="http://localhost:$port"

say() { echo "run.sh: $*" >&2; }

# no well-known password: one is made on first start, kept where only this user can read it, and reused
if [ -z "${CARECIRCLE_PLANNER_PASSWORD:-}" ]; then
  secret=.carecircle/planner-password
  if [ ! -s "$secret" ]; then
    mkdir -p .carecircle && chmod 700 .carecircle
    (umask 077; head -c 18 /dev/urandom | base64 | tr -d '/+=' > "$secret")
    say "made a password for the planner login: $(cat "$secret") (kept in $secret)"
  fi
  CARECIRCLE_PLANNER_PASSWORD=$(cat "$secret")
fi
export CARECIRCLE_PLANNER_PASSWORD

if [ -z "${CARECIRCLE_DB_URL:-}" ]; then
  CARECIRCLE_DB_URL=$(scripts/postgis.sh start carecircle | tail -n 1)
  export CARECIRCLE_DB_URL
fi

targets=CHONGQING_2025
extract=""
while [ $# -gt 0 ]; do
  case "$1" in
    --area) area=${2:?--area needs a name, e.g. dafeng}; shift 2
      extract=$(ls "$root"/../shared/data/osm/*"$area"* "$root"/osm-data/*"$area"* 2>/dev/null | grep -E '\.osm(\.pbf|\.gz|\.bz2)?$|\.pbf$' | head -1 || true)
      [ -n "$extract" ] || { say "no extract named like '$area' in ../shared/data/osm or osm-data/ (see osm-data/README.md)"; exit 2; } ;;
    --targets) targets=${2:?--targets needs a target set id}; shift 2 ;;
    -*) say "unknown option $1 (see the top of this script)"; exit 2 ;;
    *) extract=$1; shift ;;
  esac
done
if [ -z "$extract" ]; then
  extract=${CARECIRCLE_OSM_FILE:-}
fi
if [ -z "$extract" ]; then
  demo="$root/../shared/data/osm/chengdu-xipu.osm"
  if [ -f "$demo" ]; then
    extract=$demo
  else
    extract=$(ls "$root"/osm-data/*.osm "$root"/osm-data/*.pbf "$root"/osm-data/*.osm.gz "$root"/osm-data/*.osm.bz2 2>/dev/null | head -1 || true)
  fi
fi
if [ -z "$extract" ] || [ ! -f "$extract" ]; then
  say "no OSM extract${extract:+ at $extract}: put one in osm-data/ (osm-data/README.md tells where to get one) or name it: scripts/run.sh path/to/extract.osm"
  exit 2
fi
export CARECIRCLE_OSM_FILE=$(cd "$(dirname "$extract")" && pwd)/$(basename "$extract")
name=$(basename "$extract"); name=${name%%.osm*}; name=${name%.pbf}

jar=target/quarkus-app/quarkus-run.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  say "building the service (sources changed or no jar yet)"
  # npm installs the map page's library during the build
  command -v npm >/dev/null || { . scripts/debian.sh; debian_install nodejs npm; }
  ./mvnw -B -q package -DskipTests
fi

# GraphHopper imports in memory: about 8 times the extract as OSM XML, 20 times compressed (gz, bz2), 80 times as PBF
# (a 783 MB XML city of 3 million junctions peaked at 5.9 GB); at least 1 GB, at most three quarters of the machine
heap=${CARECIRCLE_HEAP:-}
if [ -z "$heap" ]; then
  size_mb=$(( $(stat -c %s "$CARECIRCLE_OSM_FILE") / 1048576 + 1 ))
  case "$CARECIRCLE_OSM_FILE" in
    *.pbf) factor=80 ;; *.gz|*.bz2) factor=20 ;; *) factor=8 ;;
  esac
  total_mb=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo 2>/dev/null || echo 4194304) / 1024 ))
  heap_mb=$(( size_mb * factor )); [ $heap_mb -lt 1024 ] && heap_mb=1024
  [ $heap_mb -gt $(( total_mb * 3 / 4 )) ] && heap_mb=$(( total_mb * 3 / 4 ))
  heap=${heap_mb}m
fi
say "starting the service with a heap of $heap (CARECIRCLE_HEAP=8g, say, to change it)"
say "listening on $host:$port (CARECIRCLE_HOST=0.0.0.0 to serve other machines)"
java -Xmx"$heap" -Dcom.google.protobuf.use_unsafe_pre22_gencode=true -Dquarkus.http.host="$host" -Dquarkus.http.port="$port" \
  -jar "$jar" &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null' INT TERM EXIT

# wait as long as the service makes progress (a city's import takes minutes); give up after 3 minutes without any
last="" since=$(date +%s)
while true; do
  code=$(curl -s -o "$root/target/readiness.json" -w '%{http_code}' "$base/q/health/ready" 2>/dev/null || true)
  if [ "$code" = 200 ]; then break; fi
  status=$(cat "$root/target/readiness.json" 2>/dev/null || true)
  if ! kill -0 $service 2>/dev/null; then say "the service stopped while starting; see its log above"; exit 1; fi
  if echo "$status" | grep -q '"network": *"the walking network could not'; then say "the walking network did not load; see the log above"; exit 1; fi
  stage=$(echo "$status" | sed -n 's/.*"stage": *"\([^"]*\)".*/\1/p')
  if [ -n "$stage" ] && [ "$stage" != "$last" ]; then
    say "walking network: $stage"
    last=$stage since=$(date +%s)
  elif [ $(( $(date +%s) - since )) -gt 180 ]; then
    say "no progress for 3 minutes (last: ${last:-starting}); see the service's log above"; exit 1
  fi
  sleep 1
done

graphql() { curl -fsS -u "planner:$CARECIRCLE_PLANNER_PASSWORD" "$base/graphql" -H 'Content-Type: application/json' -d "$1"; }
if graphql "{\"query\": \"{ area(code: \\\"osm-$name\\\") { code } }\"}" | grep -q "\"osm-$name\""; then
  say "reusing the estimates already imported for $name"
else
  say "estimating $name's areas, population and institutions from OpenStreetMap"
  estimate=$(graphql '{"query": "mutation { estimateFromOsm { report { areaCodes } userErrors { field message } } }"}') \
    && grep -q '"userErrors":\[\]' <<<"$estimate" \
    || { say "the estimate failed: ${estimate:-see the log of the service above}"; exit 1; }
fi
echo
curl -fsS "$base/summary.txt?targetSet=$targets" || { say "the summary failed; see the service's log above"; exit 1; }

cat <<MSG

CareCircle is ready.
  GraphQL   $base/graphql
  GraphiQL  $base/graphiql
  Schema    $base/graphql/schema.graphql
  Writes need the planner login: user planner, password in .carecircle/planner-password
  (or \$CARECIRCLE_PLANNER_PASSWORD when set).
Press Ctrl-C to stop.
MSG
wait $service
