#!/usr/bin/env bash
# Soak test: the real `pistream serve` for N minutes (default 30) with 20 viewers, ffmpeg killed every
# 5 minutes, then SIGTERM; writes docs/soak.md. Usage: bash bench/soak/run.sh [--minutes N] [--pantilt] [...]
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build bench/soak/PiStreamSoak.csproj -c Release -v quiet -nologo
dotnet bench/soak/bin/Release/net10.0/PiStreamSoak.dll "$@"
