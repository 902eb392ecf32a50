#!/usr/bin/env bash
# Where pistream's time goes: perf profiles of the frame path (1 viewer) and the send path (200 viewers) at
# 640x480@24, 800 kbit/s, fed by an external generator (bench/run.sh --perf's setup), 20 s each.
#   bash bench/profile.sh [OUT_DIR]     (needs perf: apt-get install linux-perf; run under the bench lock, no nice)
# Writes OUT_DIR/perf-1.txt and perf-200.txt (by shared object, by symbol, and the kernel/user split).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-/tmp/pistream-profile}
mkdir -p "$out"
ulimit -n 4096 2>/dev/null || true
dotnet build bench/PiStreamBench/PiStreamBench.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
dotnet bench/PiStreamBench/bin/Release/net10.0/PiStreamBench.dll --perf --parts hold --output "$out/unused.md" | while read -r word level pid; do
  if [ "$word" = hold ]; then
    perf record -q -F 499 -g -p "$pid" -o "$out/perf-$level.data" -- sleep 20 2>/dev/null
    {
      echo "== $level viewers: samples by user/kernel"
      perf report -i "$out/perf-$level.data" --no-children --sort cpumode --stdio 2>/dev/null | grep -E '^ +[0-9]'
      echo "== by shared object"
      perf report -i "$out/perf-$level.data" --no-children --sort dso --stdio 2>/dev/null | grep -E '^ +[0-9]' | head -15
      echo "== by symbol"
      perf report -i "$out/perf-$level.data" --no-children --sort sym --stdio -g none 2>/dev/null | grep -E '^ +[0-9]' | head -40
    } > "$out/perf-$level.txt"
    echo "profile of $level viewers: $out/perf-$level.txt"
  fi
done
