#!/bin/bash
# Pi-side cost of --publish and --record with an H.264 live stream: CPU seconds of serve and all its children
# over 20 s (after 8 s of warm-up), for the build AFTER (copies the live H.264) and a build BEFORE (a second
# encoder for publishing/recording), interleaved in ROUNDS so the machine's load drifts over all alike.
# Usage: AFTER=path/to/PiStreamCli BEFORE=path/to/old/PiStreamCli bash bench/publish/reuse.sh
# Needs nginx-light + libnginx-mod-rtmp. Everything on 127.0.0.1.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
AFTER=${AFTER:-$HERE/../../bin/Release/net10.0/PiStreamCli}
BEFORE=${BEFORE:?set BEFORE to the PiStreamCli of a build without the reuse}
ROUNDS=${ROUNDS:-2}
SIZE=(--width 640 --height 480 --framerate 24 --bitrate 800k --keyframe-interval 24)
DIR=$(mktemp -d); chmod 755 "$DIR"; mkdir -m 777 "$DIR/hls"; mkdir "$DIR/rec"
sed "s#DIR#$DIR#g" "$HERE/nginx.conf" > "$DIR/nginx.conf"
cd "$DIR"
tree_cpu() { # user+sys ticks of pid and all its descendants
  local pids="$1 $(pgrep -P $1 | tr '\n' ' ')"; local t=0
  for p in $pids; do for c in $(pgrep -P $p); do pids="$pids $c"; done; done
  for p in $pids; do [ -r /proc/$p/stat ] && t=$((t + $(awk '{print $14+$15+$16+$17}' /proc/$p/stat))); done; echo $t; }
run() { # name binary args...
  local name=$1 bin=$2; shift 2
  rm -rf rec/*
  $bin serve --source test --codec h264 --port 0 --ws-port 0 --bind 127.0.0.1 --pantilt none "${SIZE[@]}" "$@" > "run-$name.out" 2>&1 & local pid=$!
  sleep 8; local a=$(tree_cpu $pid); sleep 20; local b=$(tree_cpu $pid)
  local encoders=$(for c in $(pgrep -P $pid); do tr '\0' ' ' < /proc/$c/cmdline; echo; done | grep -c -- '-c:v libx264')
  printf '%-16s %5d ticks/20 s  %5.1f %% of a core  H.264 encoders: %d  load: %s\n' "$name" $((b-a)) "$(echo "($b-$a)*100/20/$(getconf CLK_TCK)" | bc -l)" "$encoders" "$(cut -d' ' -f1-3 /proc/loadavg)"
  kill -TERM $pid; wait $pid; }
nginx -c "$DIR/nginx.conf" -p "$DIR/" & NG=$!
sleep 1
for round in $(seq "$ROUNDS"); do
  echo "round $round"
  run none          "$AFTER"
  run none-before   "$BEFORE"
  run publish-copy  "$AFTER"  --publish rtmp://127.0.0.1:19351/live/cam
  run publish-encode "$BEFORE" --publish rtmp://127.0.0.1:19351/live/cam
  run record-copy   "$AFTER"  --record rec --segment-length 10s
  run record-encode "$BEFORE" --record rec --segment-length 10s
done
kill $NG
