#!/usr/bin/env bash
# Packs the pistream .NET tool into artifacts/ (or --output DIR): the package users install, 'pistream', and the
# two it points 'dotnet tool install' at: pistream.linux-arm64 (Native AOT, for 64-bit Raspberry Pi OS) and
# pistream.any (framework-dependent, every other machine with .NET 10). Install with:
#   dotnet tool install --global --add-source artifacts pistream
# pack.ps1 does the same in PowerShell. The linux-arm64 package is compiled to native code: on an x64 machine that
# is a cross-build, which needs clang and Debian's arm64 cross linker and C library (scripts/prerequisites.sh --native).
# Usage: scripts/pack.sh [--output DIR] [more dotnet pack arguments, e.g. -c Debug]
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

out=artifacts
if [ "${1:-}" = "--output" ]; then out=${2:?--output needs a directory}; shift 2; fi

dotnet pack PiStreamCli.csproj -c Release -o "$out" "$@"
for rid in any linux-arm64; do
  dotnet pack PiStreamCli.csproj -c Release -r "$rid" -o "$out" "$@"
done
