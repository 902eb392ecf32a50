#!/usr/bin/env bash
# pistream benchmarks: latency, first picture, fan-out, slow-viewer isolation, start-up.
#   bash bench/run.sh           full suite (~25 min), writes docs/benchmarks.md
#   bash bench/run.sh --quick   CI smoke (< 1 min): checks the harness runs, writes nothing to docs/
#   bash bench/run.sh --home    snapshot latency and MJPEG CPU (~3 min), its own section of docs/benchmarks.md
#   bash bench/run.sh --players [--quick]         latency per player at 640x480 and 1280x720, SSIM through the viewer,
#                                                 encoder CPU, fan-out by codec (~11 min): its own section (quick: prints only)
#   bash bench/run.sh --players-drift [--quick]   the MSE player's latency drift over 10 minutes: its own section
#   bash bench/run.sh --players-quality [--quick] the SSIM part of --players alone (~5 min): its own section
#   bash bench/run.sh --perf [--quick] [--parts fanout,memory,budget,renderer] [--rounds N]
#                               pistream against the node relay (bench/relay), memory per runtime setting, the
#                               one-core Pi budget, JSMpeg renderers (~20 min); its own section of docs/benchmarks.md
# Exits non-zero if the harness itself breaks (a missed target is reported, not a failure).
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
ulimit -n 4096 2>/dev/null || ulimit -n "$(ulimit -Hn)"

quick=()
output=docs/benchmarks.md
if [ "${1:-}" = "--quick" ]; then
  quick=(--quick)
  output=$(mktemp --suffix=.md)
elif [ "${1:-}" = "--home" ]; then
  quick=(--home)           # snapshot and MJPEG only (~3 min): its own section of docs/benchmarks.md
elif [ "${1:-}" = "--players" ] || [ "${1:-}" = "--players-drift" ] || [ "${1:-}" = "--players-quality" ]; then
  quick=("$1")             # issue 12's player modes (PlayersMode.cs): their own sections of docs/benchmarks.md
  if [ "${2:-}" = "--quick" ]; then
    quick+=(--quick)
    output=$(mktemp --suffix=.md)
  fi
elif [ "${1:-}" = "--perf" ]; then
  shift
  quick=(--perf "$@")      # issue 16: its own section of docs/benchmarks.md; --quick writes to a temporary file
  if [[ " $* " == *" --quick "* ]]; then output=$(mktemp --suffix=.md); fi
  [ -d bench/relay/node_modules/ws ] || npm ci --prefix bench/relay --no-audit --no-fund --loglevel=error
elif [ -n "${1:-}" ]; then
  echo "usage: bash bench/run.sh [--quick|--home|--players|--players-drift|--players-quality [--quick]|--perf [--quick] [--parts LIST] [--rounds N]]" >&2
  exit 2
fi

dotnet build bench/PiStreamBench/PiStreamBench.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet bench/PiStreamBench/bin/Release/net10.0/PiStreamBench.dll "${quick[@]}" --output "$output"
