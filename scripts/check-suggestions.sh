#!/usr/bin/env bash
# Site suggestions against the exact optimum (issue 14): writes instances small enough to solve
# (a generated 14,641-junction city, 500 candidates of 60 slots, K = 3 and 5) with the greedy choice,
# solves each exactly with CBC (PuLP, installed with pip when missing) and prints greedy / optimum;
# also prints what making the candidates fewer by squares costs. About 5 minutes. INSTANCES=10 by default.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work=target/suggestion-quality
mkdir -p "$work"
python3 -c "import pulp" 2>/dev/null || python3 -m pip install --quiet pulp
./mvnw -B -q test-compile
./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/classpath.txt"
java -Xmx4g -cp "target/test-classes:target/classes:$(cat "$work/classpath.txt")" \
  org.carecircle.engine.planning.SuggestionQuality "$work" "${INSTANCES:-10}"
python3 scripts/suggestion-optimum.py "$work"/instance-*.json
