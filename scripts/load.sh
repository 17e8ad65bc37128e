#!/usr/bin/env bash
# Load and fairness runs against a running service (start it first with scripts/run.sh). Installs
# autocannon from npm into scripts/load/node_modules on first use. Figures: docs/reliability.md.
#   scripts/load.sh mix 50 60         50 clients × 60 s, institutions 60 % / circles 30 % / coverage 10 %
#   scripts/load.sh fairness 4 60     4 clients looping the heaviest admitted request, 2 reading meanwhile
# Settings: CARECIRCLE_URL (http://127.0.0.1:8080).
set -euo pipefail
cd "$(dirname "$0")/load"
command -v node >/dev/null || { echo "load.sh: needs Node.js 18 or later (Debian: nodejs npm)" >&2; exit 1; }
[ -d node_modules/autocannon ] || npm install --no-audit --no-fund --silent >&2
exec node load.mjs "$@"
