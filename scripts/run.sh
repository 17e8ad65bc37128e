#!/usr/bin/env bash
# The main job: PostGIS up, the service built if its sources changed, started, and ready to query.
# Stop it with Ctrl-C. Settings: CARECIRCLE_PORT (8080) and those of scripts/postgis.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
port=${CARECIRCLE_PORT:-8080}
base="http://localhost:$port"

say() { echo "run.sh: $*" >&2; }

scripts/postgis.sh start carecircle >/dev/null

# The demo district's walking network: the real Chengdu Xipu extract beside the checkout, unless one is given.
demo="$root/../shared/data/osm/chengdu-xipu.osm"
if [ -z "${CARECIRCLE_OSM_FILE:-}" ]; then
  if [ -f "$demo" ]; then
    export CARECIRCLE_OSM_FILE="$demo"
  else
    say "no walking network: set CARECIRCLE_OSM_FILE to an OSM extract (see osm-data/README.md); service circles stay unavailable"
  fi
fi

jar=target/quarkus-app/quarkus-run.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -print -quit)" ]; then
  say "building the service (sources changed or no jar yet)"
  ./mvnw -B -q package -DskipTests
fi

java -Dcom.google.protobuf.use_unsafe_pre22_gencode=true -Dquarkus.http.port="$port" -jar "$jar" &
service=$!
trap 'kill $service 2>/dev/null; wait $service 2>/dev/null' INT TERM EXIT

for _ in $(seq 1 120); do
  if curl -fs "$base/q/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 $service 2>/dev/null; then say "the service stopped while starting; see its log above"; exit 1; fi
  sleep 0.5
done
curl -fs "$base/q/health/ready" >/dev/null || { say "the service did not become ready in 60 s"; exit 1; }

# Demo district: the network, population and institution import and the analysis summary go here (issue 5).

cat <<MSG

CareCircle is ready.
  GraphQL   $base/graphql
  GraphiQL  $base/graphiql
  Schema    $base/graphql/schema.graphql
  Writes need the planner login (user planner, password \$CARECIRCLE_PLANNER_PASSWORD, default planner).
Press Ctrl-C to stop.
MSG
wait $service
