#!/usr/bin/env bash
# Installs what pistream needs on Debian 12 / Raspberry Pi OS when it is missing, and nothing else.
# Usage: scripts/prerequisites.sh [--test]   (--test also installs what the tests use: Chromium, systemd-analyze, python3-prometheus-client, nginx with RTMP)
set -euo pipefail

cd "$(dirname "$0")/.."
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ "${1:-}" = "--test" ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
  # /metrics tests parse the exposition with the Prometheus client's own text parser (Debian's python3).
  /usr/bin/python3 -c 'import prometheus_client' >/dev/null 2>&1 || missing+=(python3-prometheus-client)
  # serve --publish is tested against a real nginx with the RTMP module (docs/scale-out.md).
  command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
  [ -f /usr/lib/nginx/modules/ngx_rtmp_module.so ] || missing+=(libnginx-mod-rtmp)
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is missing: install it from https://dot.net (sudo apt-get install dotnet-sdk-10.0 where your OS packages it)." >&2
  exit 3
fi

# The page's player, pinned by package-lock.json, embedded into the tool at build time.
[ -f node_modules/@cycjimmy/jsmpeg-player/package.json ] || npm ci --no-audit --no-fund --loglevel=error
