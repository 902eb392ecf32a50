#!/usr/bin/env bash
# Publishes pistream as one self-contained executable for a runtime identifier (no .NET needed where it runs).
# Usage: scripts/publish.sh RID OUTDIR      e.g. scripts/publish.sh linux-arm64 artifacts/publish/linux-arm64
# The committed packages.lock.json has no runtime section, so a RID publish restores with a lock file of its own
# under artifacts/ (same pinned versions) instead of rewriting the committed one or failing CI's locked mode.
set -euo pipefail
cd "$(dirname "$0")/.."
rid=${1:?usage: scripts/publish.sh RID OUTDIR}
out=${2:?usage: scripts/publish.sh RID OUTDIR}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

mkdir -p artifacts/publish
dotnet publish PiStreamCli.csproj -c Release -r "$rid" --self-contained \
  -p:PublishSingleFile=true -p:DebugType=none \
  -p:RestoreLockedMode=false -p:NuGetLockFilePath="$PWD/artifacts/publish/$rid.packages.lock.json" \
  -o "$out" -v quiet -nologo
test -x "$out/PiStreamCli"
