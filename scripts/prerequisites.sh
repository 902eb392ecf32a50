#!/usr/bin/env bash
# Installs what pistream needs on Debian 12 / Raspberry Pi OS when it is missing, and nothing else.
# Usage: scripts/prerequisites.sh [--native|--test]
#   --native: also what a Native AOT build needs (scripts/pack.sh, publish.sh, release.sh): clang and llvm, and on an
#             x64 machine Debian's arm64 cross linker and C library for the linux-arm64 build
#   --test:   --native, and what the tests use: Chromium, systemd-analyze, python3-prometheus-client, nginx with RTMP
set -euo pipefail

cd "$(dirname "$0")/.."
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v ffmpeg >/dev/null 2>&1 || missing+=(ffmpeg)
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if [ "${1:-}" = "--native" ] || [ "${1:-}" = "--test" ]; then
  command -v clang >/dev/null 2>&1 || missing+=(clang)
  command -v llvm-objcopy >/dev/null 2>&1 || missing+=(llvm)
  if [ "$(uname -m)" = x86_64 ]; then
    command -v aarch64-linux-gnu-ld.bfd >/dev/null 2>&1 || missing+=(binutils-aarch64-linux-gnu)
    [ -e /usr/aarch64-linux-gnu/lib/crt1.o ] || missing+=(libc6-dev-arm64-cross)
    compgen -G "/usr/lib/gcc-cross/aarch64-linux-gnu/*/crtbeginS.o" >/dev/null || missing+=(libgcc-12-dev-arm64-cross)
  fi
fi
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
