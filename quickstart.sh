#!/usr/bin/env bash
# One command from a fresh clone: install everything, build, prepare a series folder (by default
# the bundled example: init if needed, ingest, align, suggest moments, one search) and start the
# workbench on it. RECEIPTS_NO_SERVE=1 stops before the workbench (for scripts).
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
receipts suggest --all
echo
receipts search "$query" --context 1
echo
echo "The command line: node dist/cli/main.js search <words> | claim <claim> | moments list | gif ...   (--help on each)"
if [ "${RECEIPTS_NO_SERVE:-}" = "1" ]; then exit 0; fi
echo
# The workbench, until Ctrl-C: it prints its address and opens a browser when there is one.
receipts serve
