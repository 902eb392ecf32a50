#!/usr/bin/env bash
# Release tarballs: pistream as one native executable (Native AOT: no .NET needed on the target) for linux-arm64
# (64-bit Raspberry Pi OS) and linux-x64, each as pistream-<version>-<rid>.tar.gz holding the directory
# pistream-<version>-<rid>/ with pistream, README.md, LICENSE and CHANGELOG.md; and SHA256SUMS beside them.
# The version is <Version> in PiStreamCli.csproj. Nothing is written unless both executables pass their checks:
# the arm64 one the full scripts/arm64-smoke.sh (under qemu), the x64 one --version and probe --json natively.
# Usage: scripts/release.sh [--output DIR]    (default: artifacts/release)
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

out=artifacts/release
while [ $# -gt 0 ]; do
  case "$1" in
    --output) out=${2:?--output needs a directory}; shift 2 ;;
    *) echo "usage: scripts/release.sh [--output DIR]" >&2; exit 2 ;;
  esac
done

version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' PiStreamCli.csproj | head -n 1)
[ -n "$version" ] || { echo "release: no <Version> in PiStreamCli.csproj" >&2; exit 1; }
bash scripts/prerequisites.sh --native >/dev/null

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
rids=(linux-arm64 linux-x64)
for rid in "${rids[@]}"; do
  start=$(date +%s)
  bash scripts/publish.sh "$rid" "artifacts/publish/$rid"
  echo "published $rid in $(( $(date +%s) - start )) s"
  dir=$stage/pistream-$version-$rid
  mkdir -p "$dir"
  cp "artifacts/publish/$rid/PiStreamCli" "$dir/pistream"
  cp README.md LICENSE CHANGELOG.md "$dir/"
  chmod 0755 "$dir/pistream"
  chmod 0644 "$dir/README.md" "$dir/LICENSE" "$dir/CHANGELOG.md"
done

# The executables exactly as they go into the tarballs.
x64=$stage/pistream-$version-linux-x64/pistream
printed=$("$x64" --version)
[ "$printed" = "$version" ] || [[ "$printed" == "$version+"* ]] \
  || { echo "release: linux-x64 pistream --version printed '$printed', not $version" >&2; exit 1; }
read -r http_port ws_port < <(python3 -c 'import socket
s=[socket.socket() for _ in range(2)]
[x.bind(("127.0.0.1",0)) for x in s]
print(*[x.getsockname()[1] for x in s])')
"$x64" probe --json --port "$http_port" --ws-port "$ws_port" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["platform"]["processArchitecture"] == "x64", d["platform"]' \
  || { echo "release: linux-x64 pistream probe --json failed" >&2; exit 1; }
echo "ok:   linux-x64 pistream: --version $version, probe --json"
bash scripts/arm64-smoke.sh --binary "$stage/pistream-$version-linux-arm64/pistream" \
  || { echo "release: the linux-arm64 pistream failed the arm64 smoke test; no tarball written" >&2; exit 1; }

mkdir -p "$out"
out=$(realpath "$out")
mtime=$(git log -1 --format=%ct 2>/dev/null || date +%s)
tarballs=()
for rid in "${rids[@]}"; do
  name=pistream-$version-$rid
  tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$mtime" -C "$stage" -cf - "$name" | gzip -n -9 >"$out/$name.tar.gz"
  tarballs+=("$name.tar.gz")
done
(cd "$out" && sha256sum "${tarballs[@]}" >SHA256SUMS && sha256sum -c --quiet SHA256SUMS)

echo "Release $version in $out:"
(cd "$out" && ls -l "${tarballs[@]}" SHA256SUMS)
