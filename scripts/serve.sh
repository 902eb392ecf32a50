#!/usr/bin/env bash
# Quick start: install what is missing, build, and run `pistream serve` (extra arguments pass through).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/prerequisites.sh
exec dotnet run --project PiStreamCli.csproj -c Release -- serve "$@"
