#!/usr/bin/env bash
# pistream benchmarks: latency, first picture, fan-out, slow-viewer isolation, start-up.
#   bash bench/run.sh           full suite (~25 min), writes docs/benchmarks.md
#   bash bench/run.sh --quick   CI smoke (< 1 min): checks the harness runs, writes nothing to docs/
#   bash bench/run.sh --home    snapshot latency and MJPEG CPU (~3 min), its own section of docs/benchmarks.md
#   bash bench/run.sh --players [--quick]         latency per player at 640x480 and 1280x720, SSIM through the viewer,
#                                                 encoder CPU, fan-out by codec (~14 min): its own section (quick: prints only)
#   bash bench/run.sh --players-drift [--quick]   the MSE player's latency drift over 10 minutes: its own section
#   bash bench/run.sh --players-quality [--quick] the SSIM part of --players alone (~9 min): its own section
#                                                 (both fetch the camera clip once into ~/.cache/pistream-bench, see camera_clip)
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
  # The Native AOT build for this machine: the form a Raspberry Pi runs, on which the targets are checked
  # (the JIT build is measured beside it). --quick measures the JIT build only, unless BENCH_NATIVE_PISTREAM names one.
  if [[ " $* " != *" --quick "* ]] && [ -z "${BENCH_NATIVE_PISTREAM:-}" ]; then
    case "$(uname -m)" in x86_64) rid=linux-x64 ;; aarch64) rid=linux-arm64 ;; *) rid= ;; esac
    if [ -n "$rid" ] && bash scripts/prerequisites.sh --native >/dev/null && bash scripts/publish.sh "$rid" artifacts/bench-native; then
      export BENCH_NATIVE_PISTREAM=$PWD/artifacts/bench-native/PiStreamCli
    else
      echo "bench: no Native AOT build for $(uname -m); measuring the JIT build only" >&2
    fi
  fi
elif [ -n "${1:-}" ]; then
  echo "usage: bash bench/run.sh [--quick|--home|--players|--players-drift|--players-quality [--quick]|--perf [--quick] [--parts LIST] [--rounds N]]" >&2
  exit 2
fi

# The quality benchmark's camera clip (issue 12: "a natural-motion clip"): OpenCV's vtest.avi from Debian's
# opencv-doc package, kept in a cache folder (never in the repository) and handed over as BENCH_CAMERA_CLIP, or
# why there is none as BENCH_CAMERA_CLIP_MISSING (not PISTREAM_*: serve reads those as its settings).
# --players and --players-quality fetch it once (96 MB package, one file kept); their --quick runs download
# nothing and use the clip only if it is already cached.
camera_clip() {
  local cache="${XDG_CACHE_HOME:-$HOME/.cache}/pistream-bench"
  local clip="$cache/vtest.avi" member=./usr/share/doc/opencv-doc/examples/data/vtest.avi tmp why
  unset BENCH_CAMERA_CLIP BENCH_CAMERA_CLIP_MISSING
  if [ ! -s "$clip" ]; then
    if [ "$1" = quick ]; then
      export BENCH_CAMERA_CLIP_MISSING="not in $cache (a --quick run downloads nothing; a full --players-quality run fetches it)"
      return
    elif ! command -v apt-get >/dev/null || ! command -v dpkg-deb >/dev/null; then
      export BENCH_CAMERA_CLIP_MISSING="no apt-get/dpkg-deb here to fetch it from Debian's opencv-doc package"
      return
    fi
    echo "fetching the camera clip (vtest.avi from Debian's opencv-doc) into $cache"
    tmp=$(mktemp -d) why=
    if ! (cd "$tmp" && apt-get download opencv-doc >download.log 2>&1); then
      why="apt-get download opencv-doc failed: $(tail -n 1 "$tmp/download.log")"
    elif ! dpkg-deb --fsys-tarfile "$tmp"/opencv-doc_*.deb | tar -x -C "$tmp" "$member"; then
      why="$member is not in $(basename "$tmp"/opencv-doc_*.deb)"
    elif ! { mkdir -p "$cache" && mv "$tmp/$member" "$clip.part" && mv "$clip.part" "$clip"; }; then
      why="could not write $clip"
    fi
    rm -rf "$tmp" "$clip.part"
    if [ -n "$why" ]; then
      export BENCH_CAMERA_CLIP_MISSING="$why"
      return
    fi
  fi
  export BENCH_CAMERA_CLIP="$clip"
}
if [ "${1:-}" = "--players" ] || [ "${1:-}" = "--players-quality" ]; then
  if [ "${2:-}" = "--quick" ]; then camera_clip quick; else camera_clip full; fi
fi

dotnet build bench/PiStreamBench/PiStreamBench.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet bench/PiStreamBench/bin/Release/net10.0/PiStreamBench.dll "${quick[@]}" --output "$output"
