#!/usr/bin/env bash
# Until DenseLinear is published on nuget.org: packs DenseLinear, DenseLinear.Specification (xunit 2) and
# DenseLinear.Specification.XunitV3 from this clone into its artifacts/packages folder, and, given a project folder,
# writes a nuget.config there that adds that folder as a package source. The machine's own sources (nuget.org) stay
# in force for xunit, FsCheck and the test SDK.
#   samples/local-feed.sh [PROJECT_FOLDER]
set -euo pipefail
repository=$(cd "$(dirname "$0")/.." && pwd)
feed="$repository/artifacts/packages"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$repository/Directory.Build.props" | head -n 1)
mkdir -p "$feed"
for project in src/DenseLinear/DenseLinear.csproj properties/DenseLinear.Specification/DenseLinear.Specification.csproj \
  properties/DenseLinear.Specification.XunitV3/DenseLinear.Specification.XunitV3.csproj; do
  dotnet pack "$repository/$project" -c Release -o "$feed" --nologo -v quiet
done
echo "local-feed: DenseLinear, DenseLinear.Specification and DenseLinear.Specification.XunitV3 $version in $feed"

if [ $# -gt 0 ]; then
  mkdir -p "$1"
  cat >"$1/nuget.config" <<CONFIG
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <!-- Written by DenseLinear's samples/local-feed.sh: adds the packages built from a clone of DenseLinear. -->
  <packageSources>
    <add key="DenseLinear local feed" value="$feed" />
  </packageSources>
</configuration>
CONFIG
  echo "local-feed: wrote $(cd "$1" && pwd)/nuget.config"
fi
