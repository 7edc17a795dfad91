#!/usr/bin/env bash
# Consumer gate: proves the path an outside user takes. Packs DenseLinear, DenseLinear.Specification (xunit 2) and
# DenseLinear.Specification.XunitV3 into the local feed (artifacts/packages), restores samples/ThirdPartyKernel and
# samples/ThirdPartyKernelV3 from that feed into a fresh packages folder (so no stale cached DenseLinear package can
# be used), then, for each sample,
#   1. runs the sample's own kernel under the specification: it must pass;
#   2. runs the sample's deliberately broken kernel: it must FAIL, and the failure must name the shape and the seed;
# and last it follows README.md's first screen as written (samples/local-feed.sh, dotnet new xunit, dotnet add package,
# the README's MyKernel.cs, dotnet test) with a fresh HOME, so a fresh NuGet cache: the good kernel must pass.
# The xunit v3 sample runs both ways an xunit v3 project runs: `dotnet test` (Microsoft Testing Platform mode, set by
# the sample's own global.json, so it runs from the sample's folder) and its test executable started directly.
# The summary lines start with "consumer:"; this script never prints a bare "N passed, N failed" line (that line
# belongs to .ci/run). Exit status: 0 only when both expectations hold.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
start=$SECONDS

root="$(pwd)"
sample="$root/samples/ThirdPartyKernel"
sample3="$root/samples/ThirdPartyKernelV3"
feed="$root/artifacts/packages" # the folder samples/ThirdPartyKernel/NuGet.config adds as a source
results="$root/TestResults/consumer"
packages="$(mktemp -d "${TMPDIR:-/tmp}/denselinear-consumer-packages.XXXXXX")"
trap 'rm -rf "$packages"' EXIT
rm -rf "$results"
mkdir -p "$results" "$feed"

fail() {
  echo "consumer: FAILED: $*"
  echo "consumer: logs in ${results#"$root"/}"
  exit 1
}

trx_counts() { # results-dir: "passed failed" of its TRX file, parsed by .ci/count-results.py ("0 0" without one)
  local trx
  trx=$(find "$1" -name '*.trx' | head -n 1)
  [ -n "$trx" ] && python3 "$root/.ci/count-results.py" --numbers "$trx" 2>/dev/null || echo "0 0"
}

# Whether the sample's SkippedPropertyExample shows in the results as skipped, with its reason.
skip_shown() { # results-dir
  local trx
  trx=$(find "$1" -name '*.trx' | head -n 1)
  [ -n "$trx" ] && python3 "$root/.ci/count-results.py" --skipped "$trx" \
    | grep -q "SkippedPropertyExample\.AgreesWithExactReferenceInTheUnderflowRange.*Demonstration of a skipped property"
}

version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n 1)
[ -n "$version" ] || fail "no <Version> in Directory.Build.props"
echo "consumer: packing DenseLinear, DenseLinear.Specification and DenseLinear.Specification.XunitV3 $version into ${feed#"$root"/}"

# --- pack -----------------------------------------------------------------------------------------------------------
rm -f "$feed"/DenseLinear.*nupkg
for project in src/DenseLinear/DenseLinear.csproj properties/DenseLinear.Specification/DenseLinear.Specification.csproj \
  properties/DenseLinear.Specification.XunitV3/DenseLinear.Specification.XunitV3.csproj; do
  dotnet pack "$project" -c Release -o "$feed" >>"$results/pack.log" 2>&1 || { cat "$results/pack.log"; fail "dotnet pack $project"; }
done
for id in DenseLinear DenseLinear.Specification DenseLinear.Specification.XunitV3; do
  [ -f "$feed/$id.$version.nupkg" ] || fail "$id.$version.nupkg was not produced"
done
pack_done=$SECONDS

# --- restore from the feed into a fresh packages folder, then build ----------------------------------------------------
for solution in "$sample/ThirdPartyKernel.slnx" "$sample3/ThirdPartyKernelV3.slnx"; do
  dotnet restore "$solution" --packages "$packages" -p:DenseLinearVersion="$version" \
    >>"$results/restore.log" 2>&1 || { cat "$results/restore.log"; fail "restore of ${solution#"$root"/}"; }
done
# NuGet records where each package came from: all three must come from the local feed, not from a cache or a remote.
for id in denselinear denselinear.specification denselinear.specification.xunitv3; do
  metadata="$packages/$id/$version/.nupkg.metadata"
  [ -f "$metadata" ] || fail "$id $version was not restored"
  grep -q "\"source\": \"${feed%/}/\?\"" "$metadata" || fail "$id $version was restored from elsewhere: $(grep '"source"' "$metadata")"
done
for solution in "$sample/ThirdPartyKernel.slnx" "$sample3/ThirdPartyKernelV3.slnx"; do
  dotnet build "$solution" -c Release --no-restore -p:DenseLinearVersion="$version" \
    >>"$results/build.log" 2>&1 || { cat "$results/build.log"; fail "build of ${solution#"$root"/}"; }
done
build_done=$SECONDS

# A good run passes: exit 0, no failure, some passes in its TRX. Prints its summary line; returns 1 otherwise.
judge_good() { # name exit-status results-dir log
  local passed failed
  read -r passed failed < <(trx_counts "$3")
  if [ "$2" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$passed" -gt 0 ] && skip_shown "$3"; then
    echo "consumer: $1: good kernel $passed passed, $failed failed; the example's skipped property shows with its reason"
  else
    echo "consumer: FAILED: $1: good kernel $passed passed, $failed failed (exit $2), or the example's skip is missing from its results; see ${4#"$root"/}"
    return 1
  fi
}

# A buggy run fails, and a failure as FsCheck reports it names the seed pair, and the label (or the harness's
# message, same form) names the kernel and the shape. Prints the evidence and its summary line; returns 1 otherwise.
judge_buggy() { # name exit-status results-dir log
  local passed failed evidence
  read -r passed failed < <(trx_counts "$3")
  evidence=$( (grep -E -m 1 'Falsifiable, after [0-9]+ tests? .*\([0-9]+,[0-9]+\)' "$4" \
    && grep -E -m 1 'kernel ThirdParty\.DroppedColumn .*x \[[0-9]+×[0-9]+\]' "$4") | head -n 2)
  [ "$(wc -l <<<"$evidence")" -eq 2 ] || evidence=""
  [ -n "$evidence" ] && sed -e 's/^ *//' -e 's/^/consumer:   /' <<<"$evidence" | cut -c 1-220
  if [ "$2" -eq 0 ] || [ "$failed" -eq 0 ]; then
    echo "consumer: FAILED: $1: the buggy kernel passed ($passed passed); the specification missed a known bug"
    return 1
  elif [ -z "$evidence" ]; then
    echo "consumer: FAILED: $1: the buggy kernel failed ($failed tests), but no failure names both the shape and the seed; see ${4#"$root"/}"
    return 1
  fi
  echo "consumer: $1: buggy kernel failed as expected ($failed of $((passed + failed)) tests; shape and seed named)"
}

status=0

# --- xunit 2: the sample's kernel must pass, the deliberately broken one must fail naming shape and seed -----------
echo "consumer: ---- xunit 2 (samples/ThirdPartyKernel): good kernel must pass, buggy kernel must fail ----"
dotnet test "$sample/ThirdPartyKernel.Tests/ThirdPartyKernel.Tests.csproj" -c Release --no-build \
  --logger "trx" --results-directory "$results/good" >"$results/good.log" 2>&1
judge_good "xunit 2, dotnet test" $? "$results/good" "$results/good.log" || status=1
dotnet test "$sample/ThirdPartyKernel.ExpectedFailure/ThirdPartyKernel.ExpectedFailure.csproj" -c Release --no-build \
  --logger "trx" --results-directory "$results/buggy" >"$results/buggy.log" 2>&1
judge_buggy "xunit 2, dotnet test" $? "$results/buggy" "$results/buggy.log" || status=1
v2_done=$SECONDS

# --- xunit 3: the same, through `dotnet test` (MTP mode, from the sample's folder) and as the MTP executable -------
echo "consumer: ---- xunit v3 (samples/ThirdPartyKernelV3): good kernel must pass, buggy kernel must fail ----"
for run in good:ThirdPartyKernelV3.Tests:judge_good buggy:ThirdPartyKernelV3.ExpectedFailure:judge_buggy; do
  IFS=: read -r kind project judge <<<"$run"
  (cd "$sample3" && dotnet test --project "$project/$project.csproj" -c Release --no-build \
    --report-xunit-trx --results-directory "$results/v3-$kind-dotnet-test") >"$results/v3-$kind-dotnet-test.log" 2>&1
  "$judge" "xunit v3, dotnet test" $? "$results/v3-$kind-dotnet-test" "$results/v3-$kind-dotnet-test.log" || status=1
  "$sample3/$project/bin/Release/net10.0/$project" --report-xunit-trx --results-directory "$results/v3-$kind-executable" \
    >"$results/v3-$kind-executable.log" 2>&1
  "$judge" "xunit v3, executable" $? "$results/v3-$kind-executable" "$results/v3-$kind-executable.log" || status=1
done
v3_done=$SECONDS

# --- the README's first screen, as written ------------------------------------------------------------------------
# The blocks after README.md's "<!-- consumer: …" markers run in one shell from the repository's root, with a fresh
# HOME: no NuGet cache, no NuGet configuration, no dotnet first-run state, as on a new machine. The C# block is the
# file the README says to add. A README step that stops working fails here.
echo "consumer: ---- README.md's first screen, as written, with a fresh HOME and NuGet cache ----"
readme_block() { # marker: the lines of the fenced block after the line that starts with "<!-- consumer: MARKER"
  awk -v marker="<!-- consumer: $1" 'index($0, marker) == 1 { found = 1; next }
    found && /^```/ { if (inside) exit; inside = 1; next }
    inside { print }' "$root/README.md"
}
steps=$(readme_block steps)
kernel=$(readme_block MyKernel.cs)
test_command=$(readme_block test)
if [ -z "$steps" ] || [ -z "$kernel" ] || [ -z "$test_command" ]; then
  echo "consumer: FAILED: README.md lacks a block marked <!-- consumer: steps / MyKernel.cs / test -->"; status=1
else
  home="$(mktemp -d "${TMPDIR:-/tmp}/denselinear-readme-home.XXXXXX")"
  (
    set -e
    unset NUGET_PACKAGES
    export HOME="$home"
    cd "$root"
    eval "$steps"
    printf '%s\n' "$kernel" >MyKernel.cs
    eval "$test_command"
  ) >"$results/readme.log" 2>&1
  readme_status=$?
  summary=$(grep -E -m 1 '(Passed|Failed)! +- Failed: +[0-9]+, Passed: +[0-9]+' "$results/readme.log" | sed -e 's/^ *//')
  if [ "$readme_status" -eq 0 ] && grep -qE 'Passed! +- Failed: +0, Passed: +[1-9]' <<<"$summary"; then
    echo "consumer: README, dotnet test: $summary"
  else
    echo "consumer: FAILED: README's steps (exit $readme_status): ${summary:-no test summary}; see ${results#"$root"/}/readme.log"
    tail -n 30 "$results/readme.log" | sed -e 's/^/consumer:   /'
    status=1
  fi
  rm -rf "$home"
fi
readme_done=$SECONDS

echo "consumer: times: pack $((pack_done - start))s, restore+build $((build_done - pack_done))s, xunit 2 tests $((v2_done - build_done))s, xunit v3 tests $((v3_done - v2_done))s, README steps $((readme_done - v3_done))s, total $((SECONDS - start))s"
exit $status
