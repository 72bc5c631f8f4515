; Inno Setup 6 script: the Windows installer for secretary.
;
; Built by installer\windows\build.ps1, which makes the PyInstaller folder first and passes
;   /DAppVersion=<version from pyproject.toml>
;   /DBundleDir=<the folder with secretary.exe, secretary-cli.exe and _internal\>
;   /DOutputDir=<where the setup .exe goes>
;   /DNumericVersion=<the version as numbers only, for the file's version resource>
;
; Installs for all users in Program Files (administrator) by default; the first dialog also
; offers "Installera bara för mig" (%LOCALAPPDATA%\Programs, no administrator needed). For
; deployment without questions:
;   secretary-<version>-windows-x64-setup.exe /VERYSILENT /ALLUSERS      (or /CURRENTUSER)
;   "C:\Program Files\Secretary\unins000.exe" /VERYSILENT                   (uninstall)
; The user's databases, backups and logs live in %LOCALAPPDATA%\secretary and are never
; touched by installing, updating or uninstalling.

#ifndef AppVersion
  #error Kör installer\windows\build.ps1: den bygger programmappen och anger /DAppVersion.
#endif
#ifndef BundleDir
  #define BundleDir "..\..\build\windows\app\secretary"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef NumericVersion
  #define NumericVersion AppVersion
#endif

[Setup]
; AppId identifies the program to Windows across versions: never change it.
AppId={{A66ABA5E-69CF-4134-A87C-89753EE588ED}
AppName=Secretary
AppVersion={#AppVersion}
AppVerName=Secretary {#AppVersion}
AppPublisher=Secretary
AppComments=Protokollföring för kommunala organ
DefaultDirName={autopf}\Secretary
DefaultGroupName=Secretary
DisableProgramGroupPage=yes
DisableWelcomePage=no
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
; PySide6 6.x runs on 64-bit Windows 10 and later.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=secretary-{#AppVersion}-windows-x64-setup
SetupIconFile=..\secretary.ico
UninstallDisplayIcon={app}\secretary.exe
UninstallDisplayName=Secretary {#AppVersion}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=no
; An update closes a running Secretary first (every change is already on disk).
CloseApplications=yes
RestartApplications=no
VersionInfoVersion={#NumericVersion}
VersionInfoProductName=Secretary
VersionInfoProductVersion={#AppVersion}
VersionInfoDescription=Installationsprogram för Secretary

[Languages]
; Inno Setup ships no Swedish messages file; Swedish.isl (beside this script) translates
; what this installer shows, and Default.isl covers any message it leaves out.
Name: "sv"; MessagesFile: "compiler:Default.isl,Swedish.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update replaces the whole library folder, so no file of an older version stays behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "..\secretary.ico"; DestDir: "{app}"; Flags: ignoreversion

[Icons]
Name: "{autoprograms}\Secretary"; Filename: "{app}\secretary.exe"; IconFilename: "{app}\secretary.ico"; Comment: "Protokollföring för kommunala organ"
Name: "{autodesktop}\Secretary"; Filename: "{app}\secretary.exe"; IconFilename: "{app}\secretary.ico"; Tasks: desktopicon

[Run]
Filename: "{app}\secretary.exe"; Description: "{cm:LaunchProgram,Secretary}"; Flags: nowait postinstall skipifsilent
