#!/usr/bin/env bash
# Regenerates the README pictures: prints Monday's cards of demo class 2b and an outage card
# with the real printer, then rasterises page 1 of each PDF at 60 dpi (poppler-utils).
# Usage: card-templates/docs/make-pictures.sh [path/to/scanstation]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cli="${1:-$here/../../build/dev/cli/scanstation}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export SCANSTATION_KEYS="$work/keys" # a throw-away card key, not the machine's
ss() { "$cli" --data "$work/data" "$@" >/dev/null; }
ss demo init
ss cards print --class 2b --from 2026-11-23 --template attendance-a4-v1 --out "$work/attendance"
ss cards print --class 2b --from 2026-11-23 --template grade-a4-v1 --out "$work/grade"
ss cards print --outage 1 --out "$work/outage"
for kind in attendance grade outage; do
  pdftoppm -f 1 -l 1 -r 60 -gray -png -singlefile "$work/$kind"/*.pdf "$here/$kind-a4-v1"
done
echo "pictures written to $here"
