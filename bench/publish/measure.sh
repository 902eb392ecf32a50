#!/bin/bash
# CPU seconds of pistream and its children over 30 s, without and with --publish; then N HLS fetches from nginx.
# Run from the repository after `dotnet build -c Release`; needs nginx-light + libnginx-mod-rtmp, curl, bc. 127.0.0.1 only.
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
BIN=${BIN:-$HERE/../../bin/Release/net10.0/PiStreamCli}
DIR=$(mktemp -d); chmod 755 "$DIR"; mkdir -m 777 "$DIR/hls"
sed "s#DIR#$DIR#g" "$HERE/nginx.conf" > "$DIR/nginx.conf"
cd "$DIR"
tree_cpu() { # user+sys ticks of pid and all descendants
  local pids="$1 $(pgrep -P $1 | tr '\n' ' ')"; local t=0
  for p in $pids; do for c in $(pgrep -P $p); do pids="$pids $c"; done; done
  for p in $pids; do [ -r /proc/$p/stat ] && t=$((t + $(awk '{print $14+$15+$16+$17}' /proc/$p/stat))); done; echo $t; }
run() {
  $BIN serve --source test --port 0 --ws-port 0 --bind 127.0.0.1 --pantilt none "$@" > run.out 2>&1 & local pid=$!
  sleep 8; local a=$(tree_cpu $pid); sleep 20; local b=$(tree_cpu $pid)
  echo "$* : $(( (b-a) )) ticks in 20 s ($(getconf CLK_TCK)/s)"; kill -TERM $pid; wait $pid; }
nginx -c "$DIR/nginx.conf" -p "$DIR/" & NG=$!
sleep 1
run
run --publish rtmp://127.0.0.1:19351/live/cam &
RUNPID=$!
sleep 10
N=300; start=$(date +%s.%N); ok=0
for i in $(seq $N); do
  pl=$(curl -sf http://127.0.0.1:18080/hls/cam.m3u8) || continue
  seg=$(echo "$pl" | grep '\.ts$' | tail -1)
  curl -sf -o /dev/null http://127.0.0.1:18080/hls/$seg && ok=$((ok+1))
done
end=$(date +%s.%N)
echo "HLS: $ok of $N playlist+segment fetches ok in $(echo "$end - $start" | bc) s; segment size $(ls -l hls/*.ts | awk '{s+=$5; n++} END {print int(s/n)}') bytes avg"
wait $RUNPID
kill $NG
