#!/usr/bin/env bash
# Rebuilds tests/real-tables/data/ from the registries: the vega-datasets npm package (packed into a temp
# folder, never a dependency), scikit-learn's and statsmodels' bundled data (Debian python3-sklearn and
# python3-statsmodels). Run from the repository root: bash tests/real-tables/collect.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="$here/data"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$data"

(cd "$tmp" && npm pack --silent vega-datasets@3.2.1 >/dev/null && tar xzf vega-datasets-3.2.1.tgz)
vega="$tmp/package/data"
for f in movies.json weather.csv cars.json penguins.json birdstrikes.csv flights-2k.json jobs.json \
	seattle-weather-hourly-normals.csv; do
	cp "$vega/$f" "$data/$f"
done
# The Parquet copy is written by the project's own writer, so reading it exercises hyparquet end to end.
node "$here/write-parquet.mjs" "$vega/gapminder.json" "$data/gapminder.parquet"

/usr/bin/python3 "$here/convert.py" "$data"
ls -l "$data"
