#!/usr/bin/env bash
# arm64 smoke test: runs pistream built for linux-arm64 (the Pi's 64-bit OS) under qemu-aarch64 user-mode
# emulation with Debian's arm64 libraries, and checks what it does, not how fast (timing under emulation
# means nothing): --version, probe --json, serve streams decodable video, /do_orient moves the simulated HAT,
# SIGTERM stops it cleanly. Child processes (ffmpeg) run natively.
#
# Usage: scripts/arm64-smoke.sh [--binary PATH]
#   without --binary it publishes the Native AOT linux-arm64 build into artifacts/arm64-smoke/ (scripts/publish.sh);
#   with it, it tests that executable (CI: the one in the pistream.linux-arm64 tool package; or a release tarball's).
# Installs what is missing (qemu-user, the arm64 cross libraries, ffmpeg) and keeps an arm64 sysroot with
# libssl3 and zlib in ${PISTREAM_ARM64_CACHE:-~/.cache/pistream-arm64}. Exits 0 when every check passed.
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

binary=
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary=${2:?--binary needs a path}; shift 2 ;;
    *) echo "usage: scripts/arm64-smoke.sh [--binary PATH]" >&2; exit 2 ;;
  esac
done

cache=${PISTREAM_ARM64_CACHE:-$HOME/.cache/pistream-arm64}
sysroot=$cache/sysroot
cross=/usr/aarch64-linux-gnu/lib
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=0
apt_update_once() { [ "$apt_updated" -eq 1 ] || { as_root apt-get update -qq && apt_updated=1; }; }

# --- what the emulation needs --------------------------------------------------------------------------------
prerequisites=()
[ -z "$binary" ] && prerequisites=(--native)  # the cross-build
bash scripts/prerequisites.sh "${prerequisites[@]}" >/dev/null || { echo "arm64 smoke: prerequisites failed"; exit 1; }
missing=()
command -v qemu-aarch64 >/dev/null 2>&1 || missing+=(qemu-user)
[ -e "$cross/ld-linux-aarch64.so.1" ] || missing+=(libc6-arm64-cross)
[ -e "$cross/libstdc++.so.6" ] || missing+=(libstdc++6-arm64-cross)
[ -e "$cross/libgcc_s.so.1" ] || missing+=(libgcc-s1-arm64-cross)
command -v ffprobe >/dev/null 2>&1 || missing+=(ffmpeg)
command -v pgrep >/dev/null 2>&1 || missing+=(procps)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  apt_update_once && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null \
    || { echo "arm64 smoke: could not install ${missing[*]}"; exit 1; }
fi

# The sysroot: arm64 libssl3 and zlib (.NET loads them at start-up) next to the cross C/C++ runtime.
if [ ! -e "$sysroot/.complete" ]; then
  echo "Building the arm64 sysroot in $sysroot"
  dpkg --print-foreign-architectures | grep -qx arm64 || { as_root dpkg --add-architecture arm64 && apt_updated=0; }
  debs=$(mktemp -d) && chmod 0777 "$debs"  # apt downloads as its _apt user
  if ! (cd "$debs" && apt-get download -qq libssl3:arm64 zlib1g:arm64 2>/dev/null); then
    apt_update_once && (cd "$debs" && apt-get download -qq libssl3:arm64 zlib1g:arm64) \
      || { echo "arm64 smoke: could not download libssl3:arm64 and zlib1g:arm64"; rm -rf "$debs"; exit 1; }
  fi
  built=1
  rm -rf "$sysroot" && mkdir -p "$sysroot/usr/lib/aarch64-linux-gnu" "$sysroot/lib" || built=0
  for deb in "$debs"/*.deb; do dpkg-deb -x "$deb" "$sysroot" || built=0; done
  rm -rf "$debs"
  cp -a "$cross"/. "$sysroot/usr/lib/aarch64-linux-gnu/" || built=0
  ln -sf "$cross/ld-linux-aarch64.so.1" "$sysroot/lib/ld-linux-aarch64.so.1" || built=0
  { [ $built -eq 1 ] && [ -e "$sysroot/usr/lib/aarch64-linux-gnu/libssl.so.3" ]; } \
    || { echo "arm64 smoke: could not build the sysroot in $sysroot"; exit 1; }
  touch "$sysroot/.complete"  # only a complete sysroot is reused
fi

# --- the arm64 build -------------------------------------------------------------------------------------------
if [ -z "$binary" ]; then
  start=$(date +%s)
  bash scripts/publish.sh linux-arm64 artifacts/arm64-smoke || { echo "arm64 smoke: publish FAILED"; exit 1; }
  echo "published linux-arm64 in $(( $(date +%s) - start )) s"
  binary=artifacts/arm64-smoke/PiStreamCli
fi
[ -x "$binary" ] || { echo "arm64 smoke: $binary is not an executable"; exit 1; }
binary=$(realpath "$binary")

work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
    pkill -KILL -P "$server" 2>/dev/null
    kill -KILL "$server" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT

export DOTNET_EnableWriteXorExecute=0  # W^X double mapping does not work under qemu-user
arm64() { qemu-aarch64 -L "$sysroot" "$binary" "$@"; }
# GET http://127.0.0.1:$http_port$1, never through a proxy; prints the status code, then the body.
http_get() {
  python3 - "$http_port" "$1" <<'EOF'
import sys, urllib.request, urllib.error
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
try:
    with opener.open(f"http://127.0.0.1:{sys.argv[1]}{sys.argv[2]}", timeout=10) as r:
        print(r.status); print(r.read().decode())
except urllib.error.HTTPError as e:
    print(e.code); print(e.read().decode())
except OSError as e:
    print(0); print(e)
EOF
}
json_field() { python3 -c 'import json,sys; d=json.load(sys.stdin)
for k in sys.argv[1].split("."): d=d[k]
print(json.dumps(d))' "$1"; }

passed=0
failed=0
check() { # check NAME CONDITION-RESULT(0/1) DETAIL
  if [ "$2" -eq 0 ]; then passed=$((passed + 1)); echo "ok:   $1"; else failed=$((failed + 1)); echo "FAIL: $1 -- $3"; fi
}

echo "== arm64 smoke: $binary under qemu-aarch64 =="
# 0. an arm64 ELF executable (e_machine 0xB7 at offset 18), so nothing below can pass on an x64 build
machine=$(od -An -tx1 -j18 -N2 "$binary" | tr -d ' \n')
[ "$(head -c 4 "$binary" | od -An -tx1 | tr -d ' \n')" = 7f454c46 ] && [ "$machine" = b700 ]
check "the executable is an arm64 ELF" $? "ELF machine bytes: $machine (aarch64 is b700)"
read -r http_port ws_port < <(python3 -c 'import socket
s=[socket.socket() for _ in range(2)]
[x.bind(("127.0.0.1",0)) for x in s]
print(*[x.getsockname()[1] for x in s])
[x.close() for x in s]')

# 1. --version
expected_version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' PiStreamCli.csproj | head -n 1)
version=$(arm64 --version 2>&1); status=$?
[ $status -eq 0 ] && [[ "$version" == "$expected_version"* ]]
check "--version prints $expected_version" $? "exit $status, output: $(head -c 300 <<<"$version")"

# 2. probe --json: one JSON document, arm64, ffmpeg (a native child) found, serve can run
probe=$(arm64 probe --json --port "$http_port" --ws-port "$ws_port" 2>"$work/probe.err"); status=$?
arch=$(json_field platform.architecture <<<"$probe" 2>/dev/null)
process_arch=$(json_field platform.processArchitecture <<<"$probe" 2>/dev/null)
ffmpeg_found=$(json_field ffmpeg.encoders.mpeg1video <<<"$probe" 2>/dev/null)
can_serve=$(json_field verdict.canServe <<<"$probe" 2>/dev/null)
[ $status -eq 0 ] && [ "$arch" = '"arm64"' ] && [ "$process_arch" = '"arm64"' ] && [ "$ffmpeg_found" = true ] && [ "$can_serve" = true ]
check "probe --json parses: architecture arm64, process arm64, mpeg1video, canServe" $? \
  "exit $status, architecture $arch, processArchitecture $process_arch, mpeg1video $ffmpeg_found, canServe $can_serve; $(head -c 300 "$work/probe.err")"

# 2b. probe for people: the architecture line (no /proc/device-tree/model, no /dev/video* here: it must cope)
text=$(arm64 probe --port "$http_port" --ws-port "$ws_port" 2>&1); status=$?
[ $status -eq 0 ] && grep -q "Architecture:  arm64 (pistream runs as arm64)" <<<"$text"
check "probe prints 'Architecture:  arm64 (pistream runs as arm64)'" $? "exit $status: $(head -c 400 <<<"$text")"

# 3. serve: up, streams decodable video
qemu-aarch64 -L "$sysroot" "$binary" serve --source test --codec mpeg1 --pantilt sim --bind 127.0.0.1 --port "$http_port" --ws-port "$ws_port" >"$work/serve.log" 2>&1 &
server=$!
up=1
deadline=$(( $(date +%s) + 90 ))
while [ "$(date +%s)" -lt $deadline ]; do
  kill -0 "$server" 2>/dev/null || break
  reply=$(http_get /api/status)
  [ "${reply%%$'\n'*}" = 200 ] && { up=0; break; }
  sleep 0.5
done
check "serve answers /api/status" $up "$(tail -n 5 "$work/serve.log")"

# 3b. ... with every section filled in (a native build serializes only what was compiled for it)
reply=$(http_get /api/status)
body=${reply#*$'\n'}
width=$(json_field width <<<"$body" 2>/dev/null); kind=$(json_field panTilt.kind <<<"$body" 2>/dev/null)
[ "$width" = 640 ] && [ "$kind" = '"simulated"' ]
check "/api/status: width 640, panTilt.kind simulated" $? "width $width, panTilt.kind $kind: $(head -c 300 <<<"$body")"

python3 scripts/stream-check.py --port "$http_port" --seconds 3 --min-messages 24 --out "$work/stream.ts"; status=$?
frames=$(ffprobe -v error -count_frames -select_streams v:0 -show_entries stream=codec_name,width,height,nb_read_frames \
  -of json "$work/stream.ts" 2>"$work/ffprobe.err" | python3 -c 'import json,sys
s=json.load(sys.stdin)["streams"][0]; print(s["codec_name"], s["width"], s["height"], s["nb_read_frames"])' 2>/dev/null)
read -r codec width height count <<<"$frames"
[ $status -eq 0 ] && [ "$codec $width $height" = "mpeg1video 640 480" ] && [ "${count:-0}" -ge 24 ]
check "/stream: jsmp header, then MPEG-TS that ffprobe decodes (>= 24 frames of 640x480 mpeg1video)" $? \
  "stream-check exit $status; ffprobe: ${frames:-nothing} $(head -c 300 "$work/ffprobe.err")"

# 4. /do_orient moves the simulated HAT
reply=$(http_get "/do_orient?pan=20&tilt=-10")
orient=${reply%%$'\n'*}
moved=1
body=
deadline=$(( $(date +%s) + 20 ))
[ "$orient" = 200 ] && while [ "$(date +%s)" -lt $deadline ]; do
  reply=$(http_get /api/orientation)
  body=${reply#*$'\n'}
  pan=$(json_field pan <<<"$body" 2>/dev/null); tilt=$(json_field tilt <<<"$body" 2>/dev/null)
  [ "$pan" = 20 ] && [ "$tilt" = -10 ] && { moved=0; break; }
  sleep 0.25
done
check "/do_orient?pan=20&tilt=-10 -> /api/orientation pan 20, tilt -10" $moved "do_orient answered $orient; orientation: $body"

# 5. SIGTERM: serve stops, and no ffmpeg outlives it. Natively serve stops gracefully (exit 0) within 2 s, and
#    its own tests hold it to that. Under emulation the shutdown code runs for the first time, JIT-compiled
#    slowly, so on a busy machine the 2 s deadline of the command line's SIGTERM handling may run out first:
#    the process is then ended by the signal (exit 143) no sooner than that deadline. Both count as stopping;
#    anything else, not stopping within 10 s, or a child still running 5 s later fails.
children=$(pgrep -P "$server" | tr '\n' ' ')
kill -TERM "$server"
start=$(date +%s%N)
stopped=1
while [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt 10 ]; do
  kill -0 "$server" 2>/dev/null || { stopped=0; break; }
  sleep 0.1
done
elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))
status=none
if [ $stopped -eq 0 ]; then wait "$server"; status=$?; server=; fi
leftover=
for _ in $(seq 1 50); do
  leftover=
  for child in $children; do kill -0 "$child" 2>/dev/null && leftover+="$child "; done
  [ -z "$leftover" ] && break
  sleep 0.1
done
{ [ "$status" = 0 ] || { [ "$status" = 143 ] && [ "$elapsed_ms" -ge 1500 ]; }; } && [ -z "$leftover" ]
check "SIGTERM: stopped with exit $status after ${elapsed_ms} ms (emulated), no child left (had: ${children:-none})" $? \
  "exit $status (0, or 143 after serve's 2 s deadline, expected), children still running: ${leftover:-none}; $(tail -n 5 "$work/serve.log")"
[ "$status" = 143 ] && echo "note: serve's graceful stop took longer than its 2 s deadline under emulation; the signal ended it"

if [ "$failed" -eq 0 ]; then echo "arm64 smoke: all $passed checks passed"; else echo "arm64 smoke: $failed of $((passed + failed)) checks FAILED"; fi
[ "$failed" -eq 0 ]
