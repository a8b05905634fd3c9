#!/usr/bin/env bash
# Vendors the web application's front-end libraries from npm, at the versions pinned in
# web/package.json and web/package-lock.json, into src/factiongraph/web/static/vendor/.
# The result is committed, so `pip install factiongraph[web]` needs no npm; rerun this after
# changing a version. npm runs in a temporary folder: nothing is left under web/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/src/factiongraph/web/static/vendor"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cp "$root/web/package.json" "$root/web/package-lock.json" "$tmp/"
(cd "$tmp" && npm ci --no-audit --no-fund --ignore-scripts >/dev/null)
nm="$tmp/node_modules"
mkdir -p "$out/licenses"
cp "$nm/cytoscape/dist/cytoscape.min.js" "$out/cytoscape.min.js"
cp "$nm/topojson-client/dist/topojson-client.min.js" "$out/topojson-client.min.js"
cp "$nm/world-atlas/countries-110m.json" "$out/countries-110m.json"
cp "$nm/cytoscape/LICENSE" "$out/licenses/cytoscape-LICENSE.txt"
cp "$nm/topojson-client/LICENSE" "$out/licenses/topojson-client-LICENSE.txt"
cp "$nm/world-atlas/LICENSE" "$out/licenses/world-atlas-LICENSE.txt"
{
  echo "Vendored by scripts/vendor_web_assets.sh from npm (versions pinned in web/package-lock.json):"
  for p in cytoscape topojson-client world-atlas; do
    node -e "const p=require('$nm/$p/package.json'); console.log('- ' + p.name + ' ' + p.version + ' (' + p.license + ')')"
  done
  echo "countries-110m.json is world-atlas's TopoJSON of Natural Earth 1:110m country borders"
  echo "(Natural Earth data is in the public domain)."
} >"$out/VERSIONS.txt"
ls -l "$out"
