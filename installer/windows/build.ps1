<#
.SYNOPSIS
    Bygger Windows-installationsprogrammet för Secretary.

.DESCRIPTION
    Körs på en 64-bitars Windows 10/11 med Python 3.11 (python.org, med py-startprogrammet)
    och Inno Setup 6. Från repots rot:

        powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1

    Steg:
      1. en venv i build\windows\venv med secretary och PyInstaller (pyproject.toml, extra "dev")
      2. PyInstaller med installer\secretary.spec -> build\windows\app\secretary\
         (secretary.exe för fönstret, secretary-cli.exe för kommandon och självtest, _internal\)
      3. secretary-cli.exe --self-test på den byggda mappen (Qt offscreen); misslyckas det
         byggs inget installationsprogram
      4. Inno Setup (ISCC.exe) med installer\windows\secretary.iss
         -> dist\secretary-<version>-windows-x64-setup.exe
      5. med -Zip även en zip av mappen (körs utan installation):
         dist\secretary-<version>-windows-x64.zip

.PARAMETER PythonVersion
    Vilken Python py-startprogrammet ska använda (standard 3.11, samma som CI).

.PARAMETER Iscc
    Sökväg till ISCC.exe om Inno Setup inte ligger på standardplatsen.

.PARAMETER SkipInstaller
    Bygg och testa bara mappen, utan Inno Setup.

.PARAMETER Zip
    Skriv även en zip av programmappen.
#>
[CmdletBinding()]
param(
    [string]$PythonVersion = "3.11",
    [string]$Iscc = "",
    [switch]$SkipInstaller,
    [switch]$Zip
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest

$Root = (Resolve-Path (Join-Path $PSScriptRoot "..\..")).Path
Set-Location $Root
$Build = Join-Path $Root "build\windows"
$Venv = Join-Path $Build "venv"
$Dist = Join-Path $Root "dist"
$Py = Join-Path $Venv "Scripts\python.exe"

function Invoke-Native {
    # Runs a program and stops the build if it fails (PowerShell does not do that by itself).
    param([Parameter(Mandatory)][string]$Program, [string[]]$Arguments = @())
    Write-Host "> $Program $($Arguments -join ' ')"
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "$Program avslutades med kod $LASTEXITCODE."
    }
}

function Find-Iscc {
    if ($Iscc) {
        if (-not (Test-Path $Iscc)) { throw "ISCC.exe finns inte: $Iscc" }
        return $Iscc
    }
    $candidates = @(
        (Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:ProgramFiles "Inno Setup 6\ISCC.exe"),
        (Join-Path $env:LOCALAPPDATA "Programs\Inno Setup 6\ISCC.exe")
    )
    foreach ($c in $candidates) {
        if ($c -and (Test-Path $c)) { return $c }
    }
    $cmd = Get-Command ISCC.exe -ErrorAction SilentlyContinue
    if ($cmd) { return $cmd.Source }
    throw "Inno Setup 6 hittades inte. Installera det (till exempel: winget install JRSoftware.InnoSetup) eller ange -Iscc <sökväg till ISCC.exe>."
}

$started = Get-Date
New-Item -ItemType Directory -Force -Path $Build, $Dist | Out-Null

# 1. The build's own Python environment, so nothing else on the machine ends up in the bundle.
if (-not (Test-Path $Py)) {
    if (-not (Get-Command py -ErrorAction SilentlyContinue)) {
        throw "py-startprogrammet saknas. Installera Python $PythonVersion (64-bitars) från python.org."
    }
    Invoke-Native "py" @("-$PythonVersion", "-m", "venv", $Venv)
}
Invoke-Native $Py @("-m", "pip", "install", "--quiet", "--upgrade", "pip")
Invoke-Native $Py @("-m", "pip", "install", "--quiet", ".[dev]")

$Version = (& $Py -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])").Trim()
if ($LASTEXITCODE -ne 0 -or -not $Version) { throw "Versionen kunde inte läsas ur pyproject.toml." }
# The file version resource takes numbers only: 1.2.0rc1 -> 1.2.0
$NumericVersion = ($Version -replace '[^0-9.].*$', '').TrimEnd('.')
Write-Host "Bygger Secretary $Version"

# 2. PyInstaller: one folder with the program and everything it reads.
$AppDir = Join-Path $Build "app"
$WorkDir = Join-Path $Build "pyinstaller"
Remove-Item -Recurse -Force $AppDir, $WorkDir -ErrorAction SilentlyContinue
Invoke-Native $Py @("-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
    "--distpath", $AppDir, "--workpath", $WorkDir, "installer\secretary.spec")
$Bundle = Join-Path $AppDir "secretary"
foreach ($exe in @("secretary.exe", "secretary-cli.exe")) {
    if (-not (Test-Path (Join-Path $Bundle $exe))) { throw "$exe saknas i $Bundle." }
}

# 3. The self-test, through the console program (the windowed one has no output).
Write-Host "Självtest av det byggda programmet:"
$env:QT_QPA_PLATFORM = "offscreen"
try {
    Invoke-Native (Join-Path $Bundle "secretary-cli.exe") @("--self-test")
} finally {
    Remove-Item Env:QT_QPA_PLATFORM -ErrorAction SilentlyContinue
}

# 4. The installer.
if (-not $SkipInstaller) {
    $IsccExe = Find-Iscc
    Invoke-Native $IsccExe @("/Q",
        "/DAppVersion=$Version", "/DNumericVersion=$NumericVersion",
        "/DBundleDir=$Bundle", "/DOutputDir=$Dist",
        "installer\windows\secretary.iss")
    $Setup = Join-Path $Dist "secretary-$Version-windows-x64-setup.exe"
    if (-not (Test-Path $Setup)) { throw "Inno Setup skrev inte $Setup." }
    Write-Host ("Installationsprogram: {0} ({1:N0} MB)" -f $Setup, ((Get-Item $Setup).Length / 1MB))
}

# 5. Optionally the folder as a zip.
if ($Zip) {
    $ZipFile = Join-Path $Dist "secretary-$Version-windows-x64.zip"
    Remove-Item -Force $ZipFile -ErrorAction SilentlyContinue
    Compress-Archive -Path $Bundle -DestinationPath $ZipFile
    Write-Host ("Zip: {0} ({1:N0} MB)" -f $ZipFile, ((Get-Item $ZipFile).Length / 1MB))
}

Write-Host ("Klart på {0:N0} s." -f ((Get-Date) - $started).TotalSeconds)
