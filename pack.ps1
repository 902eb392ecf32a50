# Packs the pistream .NET tool into ./artifacts (a thin wrapper over dotnet pack; .ci/run does the same in bash).
# Install it with: dotnet tool install --global --add-source ./artifacts pistream
param([string]$Configuration = "Release")
$ErrorActionPreference = "Stop"
dotnet pack "$PSScriptRoot/PiStreamCli.csproj" -c $Configuration -o "$PSScriptRoot/artifacts" @args
exit $LASTEXITCODE
