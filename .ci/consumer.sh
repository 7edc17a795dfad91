#!/usr/bin/env bash
# Consumer gate: proves the path an outside user takes. Packs DenseLinear and DenseLinear.Specification into the
# local feed (artifacts/packages), restores samples/ThirdPartyKernel from that feed into a fresh packages folder
# (so no stale cached DenseLinear package can be used), then
#   1. runs the sample's own kernel under the specification: it must pass;
#   2. runs the sample's deliberately broken kernel: it must FAIL, and the failure must name the shape and the seed.
# The summary lines start with "consumer:"; this script never prints a bare "N passed, N failed" line (that line
# belongs to .ci/run). Exit status: 0 only when both expectations hold.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
start=$SECONDS

root="$(pwd)"
sample="$root/samples/ThirdPartyKernel"
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

# Counts from the first TRX in a directory, as "passed failed" (errors count as failed).
trx_counts() {
  local trx counters p f e
  trx=$(find "$1" -name '*.trx' | head -n 1)
  [ -n "$trx" ] || { echo "0 0"; return; }
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
  echo "${p:-0} $((${f:-0} + ${e:-0}))"
}

version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props | head -n 1)
[ -n "$version" ] || fail "no <Version> in Directory.Build.props"
echo "consumer: packing DenseLinear $version and DenseLinear.Specification $version into ${feed#"$root"/}"

# --- pack -----------------------------------------------------------------------------------------------------------
rm -f "$feed"/DenseLinear.*nupkg
for project in src/DenseLinear/DenseLinear.csproj properties/DenseLinear.Specification/DenseLinear.Specification.csproj; do
  dotnet pack "$project" -c Release -o "$feed" >>"$results/pack.log" 2>&1 || { cat "$results/pack.log"; fail "dotnet pack $project"; }
done
for id in DenseLinear DenseLinear.Specification; do
  [ -f "$feed/$id.$version.nupkg" ] || fail "$id.$version.nupkg was not produced"
done
pack_done=$SECONDS

# --- restore from the feed into a fresh packages folder, then build ----------------------------------------------------
dotnet restore "$sample/ThirdPartyKernel.slnx" --packages "$packages" -p:DenseLinearVersion="$version" \
  >"$results/restore.log" 2>&1 || { cat "$results/restore.log"; fail "restore of the sample"; }
# NuGet records where each package came from: both must come from the local feed, not from a cache or a remote.
for id in denselinear denselinear.specification; do
  metadata="$packages/$id/$version/.nupkg.metadata"
  [ -f "$metadata" ] || fail "$id $version was not restored"
  grep -q "\"source\": \"${feed%/}/\?\"" "$metadata" || fail "$id $version was restored from elsewhere: $(grep '"source"' "$metadata")"
done
dotnet build "$sample/ThirdPartyKernel.slnx" -c Release --no-restore -p:DenseLinearVersion="$version" \
  >"$results/build.log" 2>&1 || { cat "$results/build.log"; fail "build of the sample"; }
build_done=$SECONDS

# --- 1. the sample's kernel must pass ---------------------------------------------------------------------------------
echo "consumer: ---- good kernel (samples/ThirdPartyKernel/ThirdPartyKernel.Tests), must pass ----"
dotnet test "$sample/ThirdPartyKernel.Tests/ThirdPartyKernel.Tests.csproj" -c Release --no-build \
  --logger "trx" --results-directory "$results/good" 2>&1 | tee "$results/good.log" | grep -E '^(Passed!|Failed!)|^  Failed |\| kernel '
good_status=${PIPESTATUS[0]}
read -r good_passed good_failed < <(trx_counts "$results/good")
good_done=$SECONDS

# --- 2. the deliberately broken kernel must fail, naming shape and seed -----------------------------------------------
echo "consumer: ---- buggy kernel (samples/ThirdPartyKernel/ThirdPartyKernel.ExpectedFailure), must fail ----"
dotnet test "$sample/ThirdPartyKernel.ExpectedFailure/ThirdPartyKernel.ExpectedFailure.csproj" -c Release --no-build \
  --logger "trx" --results-directory "$results/buggy" >"$results/buggy.log" 2>&1
buggy_status=$?
read -r buggy_passed buggy_failed < <(trx_counts "$results/buggy")
# A property failure as FsCheck reports it: the seed pair, and the label (or the harness's message, same form)
# naming the kernel and the shape.
evidence=$( (grep -E -m 1 'Falsifiable, after [0-9]+ tests? .*\([0-9]+,[0-9]+\)' "$results/buggy.log" \
  && grep -E -m 1 'kernel ThirdParty\.DroppedColumn .*x \[[0-9]+×[0-9]+\]' "$results/buggy.log") | head -n 2)
[ "$(wc -l <<<"$evidence")" -eq 2 ] || evidence=""
buggy_done=$SECONDS
[ -n "$evidence" ] && sed 's/^/consumer:   /' <<<"$evidence"

# --- summary ----------------------------------------------------------------------------------------------------------
echo "consumer: ---- summary ----"
status=0
if [ "$good_status" -eq 0 ] && [ "$good_failed" -eq 0 ] && [ "$good_passed" -gt 0 ]; then
  echo "consumer: good kernel $good_passed passed, $good_failed failed"
else
  echo "consumer: FAILED: good kernel $good_passed passed, $good_failed failed (exit $good_status); see ${results#"$root"/}/good.log"
  status=1
fi
if [ "$buggy_status" -eq 0 ] || [ "$buggy_failed" -eq 0 ]; then
  echo "consumer: FAILED: the buggy kernel passed ($buggy_passed passed); the specification missed a known bug"
  status=1
elif [ -z "$evidence" ]; then
  echo "consumer: FAILED: the buggy kernel failed ($buggy_failed tests), but no failure names both the shape and the seed; see ${results#"$root"/}/buggy.log"
  status=1
else
  echo "consumer: buggy kernel failed as expected ($buggy_failed of $((buggy_passed + buggy_failed)) tests; shape and seed named)"
fi
echo "consumer: times: pack $((pack_done - start))s, restore+build $((build_done - pack_done))s, good tests $((good_done - build_done))s, buggy tests $((buggy_done - good_done))s, total $((SECONDS - start))s"
exit $status
