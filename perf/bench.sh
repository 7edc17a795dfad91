#!/usr/bin/env bash
# Shell entry point for the performance suite; see perf/README.md. Run from anywhere.
#   perf/bench.sh quick [bdn-args]     CI smoke (in-process, ~1-2 min)
#   perf/bench.sh full [bdn-args]      every suite (1-1.5 hours)
#   perf/bench.sh medium [bdn-args]    every suite in-process, short counts (~15 min): the README numbers
#   perf/bench.sh self-test            the comparison logic's built-in cases
#   perf/bench.sh compare [options]    this run's results against perf/baseline (exit 1 on a regression)
#   perf/bench.sh chart [options]      docs/perf.svg from this run's results
#   perf/bench.sh table [options]      markdown ratio table from this run's results
#   perf/bench.sh baseline             copy this run's full JSON into perf/baseline/
# Options given after compare/chart/table override the defaults in the case lines below.
set -euo pipefail
cd "$(dirname "$0")/.."
project=perf/DenseLinear.Benchmarks
results=BenchmarkDotNet.Artifacts/results

run() {
    dotnet build "$project" -c Release --nologo -v quiet >&2
    dotnet run -c Release --no-build --project "$project" -- "$@"
}

command=${1:-}
shift || true
case "$command" in
    quick) run --quick "$@" ;;
    full) run "$@" ;;
    medium) run --medium "$@" ;;
    self-test) run compare --self-test ;;
    compare) run compare --baseline perf/baseline --current "$results" "$@" ;;
    chart) run chart --input "$results" --output docs/perf.svg "$@" ;;
    table) run table --input "$results" "$@" ;;
    baseline) cp "$results"/*-report-full.json perf/baseline/ && ls perf/baseline ;;
    *) sed -n '2,11p' "$0"; exit 2 ;;
esac
