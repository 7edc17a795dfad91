#!/usr/bin/env bash
# Runs one part of the mutation run and commits nothing: Stryker on the part's mutate globs (mutation/parts/<part>.json),
# then its full JSON report (mutation-testing-elements schema, every file's source included) copied to
# mutation/reports/<part>.json. mutation/score.py merges the parts and checks that each report is of the current code.
#
#   mutation/run-part.sh kernels|core|io [stryker options]   # e.g. -m "**/Kernels/Vector512MicroKernels.cs" for one file
#
# DENSELINEAR_PROFILE=mutation is set here. Options after the part go to Stryker; a -m there replaces the part's globs,
# and the files that run measures replace theirs in the part's existing report (mutation/merge-report.py); without an
# existing report, score.py names the part's files the new one leaves unmeasured.
set -euo pipefail
part=${1:?usage: mutation/run-part.sh kernels|core|io [stryker options]}
shift
root=$(cd "$(dirname "$0")/.." && pwd)
config="$root/mutation/parts/$part.json"
[ -f "$config" ] || { echo "no such part: $part (mutation/parts/*.json)" >&2; exit 2; }

# Where Stryker starts: a part with one test project runs from it, a part with several from the project under test.
case "$part" in
  kernels) workdir="$root/properties/DenseLinear.Properties" ;;
  io) workdir="$root/properties/DenseLinear.Interop.Tests" ;;
  core) workdir="$root/src/DenseLinear" ;;
  *) echo "no start folder known for part $part" >&2; exit 2 ;;
esac

export DENSELINEAR_PROFILE=mutation
cd "$root" && dotnet tool restore >/dev/null
"$root/mutation/reap-testhosts.sh" & reaper=$!
trap 'kill $reaper 2>/dev/null || true' EXIT
output="$root/StrykerOutput/$part"
rm -rf "$output"
(cd "$workdir" && dotnet stryker --config-file "$config" --output "$output" "$@")
mkdir -p "$root/mutation/reports"
report="$root/mutation/reports/$part.json"
subset=no
for arg in "$@"; do case "$arg" in -m|--mutate|--mutate=*) subset=yes ;; esac; done
if [ "$subset" = yes ] && [ -f "$report" ]; then
  python3 "$root/mutation/merge-report.py" "$report" "$output/reports/mutation-report.json"
else
  cp "$output/reports/mutation-report.json" "$report"
fi
echo "mutation/reports/$part.json written; mutation/score.py merges the parts"
