#!/usr/bin/env bash
# Loads a served SDL as a front-end team would: graphql-js buildSchema, then GraphQL Code Generator's typed
# operations for the map page's queries, compiled by TypeScript in strict mode. Installs its npm packages on
# first use.   scripts/schema/check.sh path/to/schema.graphql output-folder
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
sdl=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
out=$(mkdir -p "$2" && cd "$2" && pwd)
cd "$here"
[ -d node_modules/@graphql-codegen/cli ] && [ -d node_modules/@types/geojson ] || npm ci --no-audit --no-fund --silent >&2
node --input-type=module -e "
import { buildSchema } from 'graphql';
import { readFileSync } from 'node:fs';
const schema = buildSchema(readFileSync('$sdl', 'utf8'));
console.log('graphql-js buildSchema: ' + Object.keys(schema.getTypeMap()).length + ' types');"
CARECIRCLE_SCHEMA="$sdl" CARECIRCLE_GENERATED="$out/map-operations.ts" node_modules/.bin/graphql-codegen --config codegen.yml
# the GeoJSON scalars are typed by @types/geojson, found from the generated file through baseUrl
node_modules/.bin/tsc --noEmit --strict --skipLibCheck --target es2022 --moduleResolution node --baseUrl "$here/node_modules/@types" "$out/map-operations.ts"
echo "check.sh: $(grep -c '^export type Map.*\(Query\|Mutation\) = ' "$out/map-operations.ts") typed operations compiled"
