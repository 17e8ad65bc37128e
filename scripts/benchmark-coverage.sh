#!/usr/bin/env bash
# Full coverage analysis on a generated 300k-node city (150 institutions, 100,000 cells) against one
# bare multi-source Dijkstra and against isochrone polygons intersected in PostGIS, in one run
# (about 10 minutes, most of it generating and importing the city once). docs/benchmarks.md has the numbers.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=target/benchmark
mkdir -p "$work"
url=$(scripts/postgis.sh start carecircle | tail -1)
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt"
exec java -Xmx8g -cp "target/test-classes:target/classes:$(cat "$work/classpath.txt")" \
  org.carecircle.engine.coverage.CoverageBenchmark "$work" "$url"
