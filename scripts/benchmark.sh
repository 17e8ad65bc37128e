#!/usr/bin/env bash
# 15-minute circle latency: CareCircle against GraphHopper's own isochrones, on the real Andorra
# extract, the Chengdu Xipu demo district and a generated 100k-node city, in one run (about 15 minutes). Results go to the terminal;
# docs/benchmarks.md records them with the method.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=target/benchmark
mkdir -p "$work"
CARECIRCLE_DB_URL=$(scripts/postgis.sh start carecircle | tail -n 1)
export CARECIRCLE_DB_URL
./mvnw -B -q package -DskipTests
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt"
./mvnw -B -q dependency:copy -Dartifact=com.graphhopper:graphhopper-web:11.0 -DoutputDirectory="$work"
exec java -Xmx8g -Dcom.google.protobuf.use_unsafe_pre22_gencode=true \
  -cp "target/test-classes:target/classes:$(cat "$work/classpath.txt")" \
  org.carecircle.engine.network.CircleBenchmark "$work" target/quarkus-app/quarkus-run.jar "$work/graphhopper-web-11.0.jar" \
  "${ANDORRA:-$root/../shared/data/osm/andorra.osm.pbf}" "${XIPU:-$root/../shared/data/osm/chengdu-xipu.osm}"
