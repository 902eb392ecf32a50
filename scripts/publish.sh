#!/usr/bin/env bash
# Publishes pistream as one native executable for a runtime identifier (Native AOT: no .NET needed where it runs).
# Usage: scripts/publish.sh RID OUTDIR      e.g. scripts/publish.sh linux-arm64 artifacts/publish/linux-arm64
# Needs clang, and for linux-arm64 on an x64 machine Debian's arm64 cross linker and C library: run
# scripts/prerequisites.sh --native first. (The RID build's own lock file is set up by PiStreamCli.csproj.)
set -euo pipefail
cd "$(dirname "$0")/.."
rid=${1:?usage: scripts/publish.sh RID OUTDIR}
out=${2:?usage: scripts/publish.sh RID OUTDIR}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet publish PiStreamCli.csproj -c Release -r "$rid" -o "$out" -v quiet -nologo
test -x "$out/PiStreamCli"
