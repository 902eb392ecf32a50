#!/usr/bin/env bash
# Runs every test (real ffmpeg, real Kestrel, real headless Chromium) and closes with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/prerequisites.sh --test || exit $?

results=TestResults
rm -rf "$results"
dotnet test tests/PiStreamCli.Tests -c Release --logger "trx;LogFileName=results.trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?

trx=$(find "$results" -name results.trx 2>/dev/null | head -n 1)
if [ -z "$trx" ]; then
  echo "0 passed, 1 failed"
  exit 1
fi
passed=$(grep -o 'passed="[0-9]*"' "$trx" | head -n 1 | grep -o '[0-9]*')
failed=$(grep -o 'failed="[0-9]*"' "$trx" | head -n 1 | grep -o '[0-9]*')
echo "tests: ${passed:-0} passed, ${failed:-0} failed"
exit $status
