#!/usr/bin/env bash
# A whole city through the running service, as a planning bureau would use it: a generated city of
# about 3 million junctions, 2,000 institutions and a 100 m population raster, uploaded, analysed,
# edited and restarted, each step timed, with the service's peak memory (docs/benchmarks.md).
# The first run generates the city (about 0.8 GB of OSM XML in target/benchmark-city); later runs
# reuse it. CITY_BLOCKS=600 makes a smaller city for a trial; SERVICE_HEAP sets the service's -Xmx.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=target/benchmark-city
mkdir -p "$work"
scripts/postgis.sh start >/dev/null
scripts/postgis.sh drop carecircle_city
url=$(scripts/postgis.sh start carecircle_city | tail -n 1)
rm -rf "$work/graph-cache" "$work/service.log"
./mvnw -B -q package -DskipTests
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt"
exec java -Xmx12g -cp "target/test-classes:target/classes:$(cat "$work/classpath.txt")" \
  org.carecircle.CityBenchmark "$work" target/quarkus-app/quarkus-run.jar "$url" "${SERVICE_HEAP:-6g}"
