#!/usr/bin/env bash
# Shell entry point for the performance suite; see perf/README.md. Run from anywhere.
#   perf/bench.sh quick [bdn-args]     the CI smoke's cases (in-process, ~1-2 min), OpenBLAS on its fastest core
#   perf/bench.sh cores                the OpenBLAS core probe alone: every candidate's rates and the one chosen
#   perf/bench.sh medium [bdn-args]    every suite in-process, short counts (~15 min), then peak
#   perf/bench.sh medium3 [bdn-args]   medium three times (~45 min) into three folders, peak after each, then table3
#   perf/bench.sh full [bdn-args]      every suite, a process per case (1-1.5 hours), then peak
#   perf/bench.sh peak [options]       the core's FMA ceiling into the results folder (the chart's line)
#   perf/bench.sh compare [options]    this run's results against perf/baseline/run1..3 (exit 1 on a regression)
#   perf/bench.sh chart [options]      docs/perf.svg from this run's results
#   perf/bench.sh chart3 [options]     docs/perf.svg from medium3's three runs (medians)
#   perf/bench.sh table [options]      markdown ratio table from this run's results
#   perf/bench.sh table3 [options]     markdown table over medium3's three runs (median and spread)
#   perf/bench.sh baseline3            copy medium3's three runs (reports, run-info.json, fma-peak.txt) into perf/baseline/run1..3
#   perf/bench.sh results3 NAME        copy them into docs/results/NAME/run1..3 instead, then readme --set that folder
#   perf/bench.sh readme [options]     the README's generated figures and docs/perf.svg, from the set the README names
# quick, medium, medium3 and full anchor OpenBLAS on the fastest core that computes correctly (see below).
# Options after compare/chart/table override their defaults; an --input (--baseline, --current) replaces the default.
set -euo pipefail
script=$(realpath "$0")
cd "$(dirname "$script")/.."
project=perf/DenseLinear.Benchmarks
results=BenchmarkDotNet.Artifacts/results
three=BenchmarkDotNet.Artifacts/medium3
inputs3=(--input "$three/run1/results" --input "$three/run2/results" --input "$three/run3/results")

build() { dotnet build "$project" -c Release --nologo -v quiet >&2; }

# The report commands: the environment as it is.
report() { dotnet run -c Release --no-build --project "$project" -- "$@"; }

# The timing commands. OpenBLAS at its best: the program times every core this OpenBLAS can run here, each in a
# process of its own, and loads the fastest (--openblas-core fastest, its default; pass --openblas-core environment
# to keep the machine's OPENBLAS_* pins, or a core's name to force one).
timed() { dotnet run -c Release --no-build --project "$project" -- "$@"; }

# Whether the option $1 is among the remaining arguments.
given() {
    local option=$1 arg
    shift
    for arg in "$@"; do [[ $arg == "$option" ]] && return 0; done
    return 1
}

command=${1:-}
shift || true
case "$command" in
    quick) build && timed --quick "$@" ;;
    medium) build && timed --medium "$@" && timed peak ;;
    medium3)
        build
        for run in 1 2 3; do
            # A fresh folder per run, so a stale report from an earlier measurement cannot be paired with this one.
            rm -rf "${three:?}/run$run"
            timed --medium --artifacts "$three/run$run" "$@"
            timed peak --output "$three/run$run/results/fma-peak.txt"
        done
        report table "${inputs3[@]}"
        ;;
    full) build && timed "$@" && timed peak ;;
    peak) build && timed peak "$@" ;;
    cores) build && timed openblas-cores ;;
    compare)
        build
        defaults=()
        given --baseline "$@" || defaults+=(--baseline perf/baseline/run1 --baseline perf/baseline/run2 --baseline perf/baseline/run3)
        given --current "$@" || defaults+=(--current "$results")
        report compare "${defaults[@]}" "$@"
        ;;
    chart | table)
        build
        defaults=()
        given --input "$@" || defaults+=(--input "$results")
        if [[ $command == chart ]]; then defaults+=(--output docs/perf.svg); fi
        report "$command" "${defaults[@]}" "$@"
        ;;
    chart3) build && report chart "${inputs3[@]}" --output docs/perf.svg "$@" ;;
    table3) build && report table "${inputs3[@]}" "$@" ;;
    baseline3 | results3)
        # medium3's three runs become the baseline, or a published set: the reports, the run record and the peak of each.
        target=perf/baseline
        if [[ $command == results3 ]]; then target=docs/results/${1:?results3 takes a name, e.g. 2026-12-24-what-changed}; fi
        for run in 1 2 3; do
            rm -rf "$target/run$run" && mkdir -p "$target/run$run"
            cp "$three/run$run/results/"*-report-full.json "$three/run$run/results/run-info.json" \
                "$three/run$run/results/fma-peak.txt" "$target/run$run/"
        done
        ls "$target"/run*
        if [[ $command == results3 ]]; then "$script" readme --set "$target"; fi
        ;;
    readme)
        # The regions of README.md between its generated markers, then the chart from the same runs.
        build && report readme "$@"
        set=$(sed -n 's/^<!-- generated: performance \([^ ]*\).*/\1/p' README.md)
        report chart --input "$set/run1" --input "$set/run2" --input "$set/run3" --output docs/perf.svg
        ;;
    *) sed -n '2,18p' "$script"; exit 2 ;;
esac
