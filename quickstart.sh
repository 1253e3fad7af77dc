#!/usr/bin/env bash
# One command from a fresh clone: install everything, build, and run Receipts' main flow
# (init if needed, ingest, align, search) on a series folder, by default the bundled example.
#   bash quickstart.sh [series-folder] [search words...]
set -euo pipefail
cd "$(dirname "$0")"
folder="${1:-examples/lighthouse}"
shift || true
query="${*:-would you miss me}"

bash scripts/install-system-packages.sh
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run --silent build

receipts() { node dist/cli/main.js "$@"; }
if [ ! -f "$folder/canon.yaml" ]; then receipts init "$folder"; fi
receipts ingest "$folder/canon.yaml"
echo
receipts align --all
echo
receipts search "$query" --context 1
echo
echo "Try: node dist/cli/main.js search <words> | episodes | characters | stats | suggest --all | moments list   (--help on each)"
