; Inno Setup 6 script: a per-user installer of the PyInstaller bundle (no administrator rights).
;
; Build (after PyInstaller made dist\ucm-popup\):
;   iscc /DAppVersion=0.1.0 packaging\windows\ucm-popup.iss
; gives dist\ucm-popup-0.1.0-setup.exe.
;
; Install for the current user into %LOCALAPPDATA%\Programs\ucm-popup, with a Start menu entry
; and an uninstaller (Settings > Apps).  Silent install, for administrators' roll-outs:
;   ucm-popup-0.1.0-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART
;   ... /MERGETASKS="autostart"          also start it at login (the per-user Run key)
;   ... /MERGETASKS="!autostart"         do not (the default)
;   ... /OVERWRITECONFIG=yes             replace an existing settings file (see below)
; Silent uninstall: "%LOCALAPPDATA%\Programs\ucm-popup\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES
;
; Settings deployed beside the installer: a config.toml in the same folder as the setup .exe is
; copied to the user's settings file, %LOCALAPPDATA%\ucm-popup\config.toml, unless the user
; already has one (then only with /OVERWRITECONFIG=yes).  The uninstaller leaves it in place,
; and removes the local phone index (customer names and numbers) and the log folder.
;
; An upgrade keeps "Start at login" as the agent left it (switched on in the app or by an
; earlier installer), unless the command line says otherwise (/MERGETASKS="!autostart" or
; /TASKS=...); a tray that was running is closed for the upgrade and, in a silent upgrade,
; started again afterwards (an interactive one offers "Start UCM Popup now").
; Secrets never go in that file: they live in Windows Credential Manager (see the README).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#define AppName "UCM Popup"
#define AppExe "ucm-popup-tray.exe"
; Same name and value shape as ucm_popup/autostart.py writes, so the app's "Start at login"
; checkbox and this installer's task are the same switch.
#define RunKey "Software\Microsoft\Windows\CurrentVersion\Run"
#define RunValue "ucm-popup"
; Click-to-dial: the URL protocol class and the registered-application key of tel:/callto:.
#define LinkClass "ucm-popup.dial"
#define AppKey "ucm-popup"
; What the app keeps per user (platformdirs on Windows): its folder in %LOCALAPPDATA%, the
; index file in it (ucm_popup/crm/index.py), and the lock a running tray holds in its runtime
; folder (ucm_popup/instance_channel.py), which tells this installer whether one runs.
#define StateDir "{localappdata}\ucm-popup"
#define IndexFile "crm-index.sqlite3"
#define LogDir "{localappdata}\ucm-popup\Logs"
#define TrayLock "{localappdata}\Temp\ucm-popup\ucm-popup.lock"

[Setup]
AppId={{6F0C7E52-3B8A-4C1E-9E57-2A1D0B7C9F31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=ucm-popup developers
VersionInfoVersion={#AppVersion}
PrivilegesRequired=lowest
DefaultDirName={localappdata}\Programs\ucm-popup
DisableDirPage=auto
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousTasks=yes
OutputDir=..\..\dist
OutputBaseFilename=ucm-popup-{#AppVersion}-setup
SetupIconFile=..\..\resources\ucm-popup.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
; Close a running ucm-popup before files are replaced (Restart Manager).
CloseApplications=force
RestartApplications=no

[Tasks]
Name: "autostart"; Description: "Start {#AppName} when I log in"; GroupDescription: "Start at login:"; Flags: unchecked

[Files]
Source: "..\..\dist\ucm-popup\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs
Source: "{src}\config.toml"; DestDir: "{localappdata}\ucm-popup"; Flags: external skipifsourcedoesntexist uninsneveruninstall; Check: ShouldDeployConfig

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Caller popups with Zoho CRM records"

[Registry]
Root: HKCU; Subkey: "{#RunKey}"; ValueType: string; ValueName: "{#RunValue}"; ValueData: """{app}\{#AppExe}"""; Flags: uninsdeletevalue; Tasks: autostart
; tel: and callto: links (click-to-dial): a URL protocol class of our own, offered for both
; schemes through Capabilities: Windows asks which app opens the first link, and lists
; UCM Popup under Settings > Apps > Default apps. No other program's tel: handler is touched.
Root: HKCU; Subkey: "Software\Classes\{#LinkClass}"; ValueType: string; ValueName: ""; ValueData: "URL:UCM Popup dial link"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\{#LinkClass}"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\{#LinkClass}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"",0"
Root: HKCU; Subkey: "Software\Classes\{#LinkClass}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" dial ""%1"""
Root: HKCU; Subkey: "Software\{#AppKey}\Capabilities"; ValueType: string; ValueName: "ApplicationName"; ValueData: "{#AppName}"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\{#AppKey}\Capabilities"; ValueType: string; ValueName: "ApplicationDescription"; ValueData: "Dial tel: and callto: links through your Grandstream UCM"
Root: HKCU; Subkey: "Software\{#AppKey}\Capabilities\URLAssociations"; ValueType: string; ValueName: "tel"; ValueData: "{#LinkClass}"
Root: HKCU; Subkey: "Software\{#AppKey}\Capabilities\URLAssociations"; ValueType: string; ValueName: "callto"; ValueData: "{#LinkClass}"
Root: HKCU; Subkey: "Software\RegisteredApplications"; ValueType: string; ValueName: "{#AppKey}"; ValueData: "Software\{#AppKey}\Capabilities"; Flags: uninsdeletevalue

[Run]
Filename: "{app}\{#AppExe}"; Description: "Start {#AppName} now"; Flags: nowait postinstall skipifsilent

[UninstallRun]
; This user's tray only: on a terminal server other users' trays run from their own copies.
Filename: "{sys}\taskkill.exe"; Parameters: "/F /IM {#AppExe} /FI ""USERNAME eq {username}"""; Flags: runhidden; RunOnceId: "StopUcmPopup"

[UninstallDelete]
; The local phone index holds the CRM's names and numbers: it goes with the app (with SQLite's
; side files).  The settings file stays; so does the outbox of CRM notes not yet written.
Type: files; Name: "{#StateDir}\{#IndexFile}"
Type: files; Name: "{#StateDir}\{#IndexFile}-wal"
Type: files; Name: "{#StateDir}\{#IndexFile}-shm"
Type: filesandordirs; Name: "{#LogDir}"

[Code]
var
  TrayWasRunning: Boolean;

function AutostartIsOn: Boolean;
var
  Value: String;
begin
  { Ours when it starts our tray program, wherever an earlier version was installed. }
  Result := RegQueryStringValue(HKCU, '{#RunKey}', '{#RunValue}', Value)
    and (Pos(Lowercase('{#AppExe}'), Lowercase(Value)) > 0);
end;

function TasksGivenOnCommandLine: Boolean;
begin
  Result := (ExpandConstant('{param:TASKS|}') <> '')
    or (Pos('autostart', Lowercase(ExpandConstant('{param:MERGETASKS|}'))) > 0);
end;

function InitializeSetup: Boolean;
begin
  { A running tray holds its lock file open: it cannot be deleted.  A file left by a tray that
    crashed can, and then no tray runs. }
  TrayWasRunning := FileExists(ExpandConstant('{#TrayLock}'))
    and (not DeleteFile(ExpandConstant('{#TrayLock}')));
  Result := True;
end;

procedure InitializeWizard;
begin
  { "Start at login" switched on in the app: the upgrade shows the task ticked and keeps it. }
  if AutostartIsOn and (not TasksGivenOnCommandLine) then
    WizardSelectTasks('autostart');
end;

function ShouldDeployConfig: Boolean;
begin
  { An agent's own settings win over the deployed file, unless the administrator says so. }
  Result := (not FileExists(ExpandConstant('{localappdata}\ucm-popup\config.toml')))
    or (CompareText(ExpandConstant('{param:OVERWRITECONFIG|no}'), 'yes') = 0);
end;

procedure CurStepChanged(CurStep: TSetupStep);
var
  Value: String;
  ResultCode: Integer;
begin
  if CurStep <> ssPostInstall then
    exit;
  { The task unticked (by the agent in the wizard, or by the command line) removes the Run
    value, but only if it is ours. }
  if not WizardIsTaskSelected('autostart') then
    if RegQueryStringValue(HKCU, '{#RunKey}', '{#RunValue}', Value) then
      if Pos(Lowercase(ExpandConstant('{app}')), Lowercase(Value)) > 0 then
        RegDeleteValue(HKCU, '{#RunKey}', '{#RunValue}');
  { A silent upgrade closed the agent's tray: start it again (not elevated: per-user setup). }
  if TrayWasRunning and WizardSilent then
    Exec(ExpandConstant('{app}\{#AppExe}'), '', '', SW_SHOWNORMAL, ewNoWait, ResultCode);
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  Value: String;
begin
  { "Start at login" may have been switched on in the app itself: remove that value too, but
    only when it starts this installation. }
  if CurUninstallStep = usPostUninstall then
    if RegQueryStringValue(HKCU, '{#RunKey}', '{#RunValue}', Value) then
      if Pos(Lowercase(ExpandConstant('{app}')), Lowercase(Value)) > 0 then
        RegDeleteValue(HKCU, '{#RunKey}', '{#RunValue}');
end;
