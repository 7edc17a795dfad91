#!/usr/bin/env bash
# Shell entry point for the performance suite; see perf/README.md. Run from anywhere.
#   perf/bench.sh quick [bdn-args]     CI smoke (in-process, ~1-2 min)
#   perf/bench.sh full [bdn-args]      every suite (1-1.5 hours), then peak
#   perf/bench.sh medium [bdn-args]    every suite in-process, short counts (~15 min), then peak: the README numbers
#   perf/bench.sh peak [options]       the core's FMA ceiling into the results folder (the chart's line)
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
    full) run "$@" && run peak ;;
    medium) run --medium "$@" && run peak ;;
    peak) run peak "$@" ;;
    self-test) run compare --self-test ;;
    compare) run compare --baseline perf/baseline --current "$results" "$@" ;;
    chart) run chart --input "$results" --output docs/perf.svg "$@" ;;
    table) run table --input "$results" "$@" ;;
    baseline) cp "$results"/*-report-full.json perf/baseline/ && ls perf/baseline ;;
    *) sed -n '2,12p' "$0"; exit 2 ;;
esac
