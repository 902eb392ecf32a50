# Packs the pistream .NET tool into ./artifacts (a thin wrapper over dotnet pack; scripts/pack.sh does the same in
# bash, and .ci/run runs that): 'pistream', which points 'dotnet tool install' at pistream.linux-arm64 (Native AOT,
# for 64-bit Raspberry Pi OS) or pistream.any (every other machine with .NET 10).
# Install it with: dotnet tool install --global --add-source ./artifacts pistream
param([string]$Configuration = "Release")
$ErrorActionPreference = "Stop"
foreach ($rid in @($null, "any", "linux-arm64")) {
    $runtime = if ($rid) { @("-r", $rid) } else { @() }
    dotnet pack "$PSScriptRoot/PiStreamCli.csproj" -c $Configuration -o "$PSScriptRoot/artifacts" @runtime @args
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}
