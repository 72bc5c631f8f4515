; Swedish messages for the Secretary installer (Inno Setup 6).
;
; Inno Setup has no official Swedish translation. secretary.iss reads this file after
; compiler:Default.isl, so every message below replaces the English one and any message
; not listed here (errors Setup seldom shows) stays in English. The names are those of
; Default.isl; keep %1, %2, %n and [name] as they are.

[LangOptions]
LanguageName=Svenska
LanguageID=$041D
LanguageCodePage=0

[Messages]

; *** Application titles
SetupAppTitle=Installation
SetupWindowTitle=Installation – %1
UninstallAppTitle=Avinstallation
UninstallAppFullTitle=Avinstallation av %1

; *** Misc. common
InformationTitle=Information
ConfirmTitle=Bekräfta
ErrorTitle=Fel

; *** SetupLdr messages
SetupLdrStartupMessage=%1 kommer att installeras. Vill du fortsätta?
LdrCannotCreateTemp=Kunde inte skapa en tillfällig fil. Installationen avbröts
LdrCannotExecTemp=Kunde inte köra en fil i den tillfälliga mappen. Installationen avbröts

; *** Startup error messages
LastErrorMessage=%1.%n%nFel %2: %3
SetupFileMissing=Filen %1 saknas i installationsmappen. Rätta till problemet eller skaffa en ny kopia av programmet.
SetupFileCorrupt=Installationsfilerna är skadade. Skaffa en ny kopia av programmet.
SetupFileCorruptOrWrongVer=Installationsfilerna är skadade eller passar inte den här versionen av installationsprogrammet. Rätta till problemet eller skaffa en ny kopia av programmet.
InvalidParameter=En ogiltig parameter angavs på kommandoraden:%n%n%1
SetupAlreadyRunning=Installationsprogrammet körs redan.
WindowsVersionNotSupported=Programmet fungerar inte med den version av Windows som datorn har.
OnlyOnTheseArchitectures=Programmet kan bara installeras på versioner av Windows för följande processorarkitekturer:%n%n%1
WinVersionTooLowError=Programmet kräver %1 version %2 eller senare.
WinVersionTooHighError=Programmet kan inte installeras på %1 version %2 eller senare.
AdminPrivilegesRequired=Du måste vara inloggad som administratör för att installera programmet.
SetupAppRunningError=%1 är igång.%n%nStäng alla fönster med programmet och klicka sedan på OK för att fortsätta, eller på Avbryt för att avsluta.
UninstallAppRunningError=%1 är igång.%n%nStäng alla fönster med programmet och klicka sedan på OK för att fortsätta, eller på Avbryt för att avsluta.

; *** Startup questions
PrivilegesRequiredOverrideTitle=Välj installationssätt
PrivilegesRequiredOverrideInstruction=Välj installationssätt
PrivilegesRequiredOverrideText1=%1 kan installeras för alla användare (kräver administratörsbehörighet) eller bara för dig.
PrivilegesRequiredOverrideText2=%1 kan installeras bara för dig eller för alla användare (kräver administratörsbehörighet).
PrivilegesRequiredOverrideAllUsers=Installera för &alla användare
PrivilegesRequiredOverrideAllUsersRecommended=Installera för &alla användare (rekommenderas)
PrivilegesRequiredOverrideCurrentUser=Installera bara för &mig
PrivilegesRequiredOverrideCurrentUserRecommended=Installera bara för &mig (rekommenderas)

; *** Misc. errors
ErrorCreatingDir=Installationsprogrammet kunde inte skapa mappen "%1"
ErrorTooManyFilesInDir=Kunde inte skapa en fil i mappen "%1" eftersom den innehåller för många filer

; *** Setup common messages
ExitSetupTitle=Avsluta installationen
ExitSetupMessage=Installationen är inte klar. Om du avslutar nu installeras inte programmet.%n%nDu kan köra installationsprogrammet igen senare.%n%nVill du avsluta installationen?
AboutSetupMenuItem=&Om installationsprogrammet...
AboutSetupTitle=Om installationsprogrammet

; *** Buttons
ButtonBack=< &Tillbaka
ButtonNext=&Nästa >
ButtonInstall=&Installera
ButtonOK=OK
ButtonCancel=Avbryt
ButtonYes=&Ja
ButtonYesToAll=Ja till &alla
ButtonNo=&Nej
ButtonNoToAll=N&ej till alla
ButtonFinish=&Slutför
ButtonBrowse=&Bläddra...
ButtonWizardBrowse=Bl&äddra...
ButtonNewFolder=&Skapa ny mapp

; *** "Select Language" dialog messages
SelectLanguageTitle=Välj språk för installationen
SelectLanguageLabel=Välj vilket språk installationen ska använda:

; *** Common wizard text
ClickNext=Klicka på Nästa för att fortsätta eller på Avbryt för att avsluta installationen.
BrowseDialogTitle=Välj mapp
BrowseDialogLabel=Välj en mapp i listan och klicka sedan på OK.
NewFolderName=Ny mapp

; *** "Welcome" wizard page
WelcomeLabel1=Välkommen till installationen av [name]
WelcomeLabel2=[name/ver] kommer att installeras på datorn.%n%nDina databaser och inställningar påverkas inte av installationen.

; *** "Select Destination Location" wizard page
WizardSelectDir=Välj installationsmapp
SelectDirDesc=Var ska [name] installeras?
SelectDirLabel3=[name] installeras i följande mapp.
SelectDirBrowseLabel=Klicka på Nästa för att fortsätta. Klicka på Bläddra om du vill välja en annan mapp.
DiskSpaceGBLabel=Minst [gb] GB ledigt diskutrymme krävs.
DiskSpaceMBLabel=Minst [mb] MB ledigt diskutrymme krävs.
CannotInstallToNetworkDrive=Programmet kan inte installeras på en nätverksenhet.
CannotInstallToUNCPath=Programmet kan inte installeras på en UNC-sökväg.
InvalidPath=Ange en fullständig sökväg med enhetsbokstav, till exempel:%n%nC:\PROGRAM%n%neller en UNC-sökväg i formen:%n%n\\server\resurs
InvalidDrive=Enheten eller UNC-resursen finns inte eller går inte att nå. Välj en annan.
DiskSpaceWarningTitle=För lite diskutrymme
DiskSpaceWarning=Installationen kräver minst %1 kB ledigt utrymme, men den valda enheten har bara %2 kB ledigt.%n%nVill du fortsätta ändå?
DirNameTooLong=Mappnamnet eller sökvägen är för lång.
InvalidDirName=Mappnamnet är ogiltigt.
BadDirName32=Mappnamn får inte innehålla något av följande tecken:%n%n%1
DirExistsTitle=Mappen finns redan
DirExists=Mappen:%n%n%1%n%nfinns redan. Vill du ändå installera i den?
DirDoesntExistTitle=Mappen finns inte
DirDoesntExist=Mappen:%n%n%1%n%nfinns inte. Ska den skapas?

; *** "Select Additional Tasks" wizard page
WizardSelectTasks=Välj ytterligare åtgärder
SelectTasksDesc=Vilka ytterligare åtgärder ska utföras?
SelectTasksLabel2=Välj vad som ska göras när [name] installeras och klicka sedan på Nästa.

; *** "Ready to Install" wizard page
WizardReady=Klart att installera
ReadyLabel1=[name] är klart att installeras på datorn.
ReadyLabel2a=Klicka på Installera för att börja, eller på Tillbaka om du vill se över eller ändra något.
ReadyLabel2b=Klicka på Installera för att börja.
ReadyMemoDir=Installationsmapp:
ReadyMemoGroup=Mapp i Start-menyn:
ReadyMemoTasks=Ytterligare åtgärder:

; *** "Preparing to Install" wizard page
WizardPreparing=Förbereder installationen
PreparingDesc=Installationen av [name] förbereds.
PreviousInstallNotCompleted=En tidigare installation eller avinstallation slutfördes inte. Starta om datorn för att slutföra den.%n%nKör sedan installationsprogrammet igen för att installera [name].
CannotContinue=Installationen kan inte fortsätta. Klicka på Avbryt för att avsluta.
ApplicationsFound=Följande program använder filer som ska uppdateras. Låt installationsprogrammet stänga dem.
ApplicationsFound2=Följande program använder filer som ska uppdateras. Låt installationsprogrammet stänga dem; efter installationen startas de igen.
CloseApplications=&Stäng programmen automatiskt
DontCloseApplications=S&täng inte programmen
ErrorCloseApplications=Alla program kunde inte stängas automatiskt. Stäng program som använder filer som ska uppdateras innan du fortsätter.

; *** "Installing" wizard page
WizardInstalling=Installerar
InstallingLabel=Vänta medan [name] installeras på datorn.

; *** "Setup Completed" wizard page
FinishedHeadingLabel=Installationen av [name] är klar
FinishedLabelNoIcons=[name] har installerats på datorn.
FinishedLabel=[name] har installerats på datorn. Starta programmet från Start-menyn.
ClickFinish=Klicka på Slutför för att avsluta installationen.
FinishedRestartLabel=Datorn måste startas om för att installationen av [name] ska bli klar. Vill du starta om nu?
FinishedRestartMessage=Datorn måste startas om för att installationen av [name] ska bli klar.%n%nVill du starta om nu?
YesRadio=&Ja, starta om datorn nu
NoRadio=&Nej, jag startar om datorn senare
RunEntryExec=Starta %1
RunEntryShellExec=Visa %1

; *** Installation phase messages
SetupAborted=Installationen slutfördes inte.%n%nRätta till problemet och kör installationsprogrammet igen.
AbortRetryIgnoreSelectAction=Välj åtgärd
AbortRetryIgnoreRetry=&Försök igen
AbortRetryIgnoreIgnore=&Ignorera felet och fortsätt
AbortRetryIgnoreCancel=Avbryt installationen

; *** Installation status messages
StatusClosingApplications=Stänger program...
StatusCreateDirs=Skapar mappar...
StatusExtractFiles=Packar upp filer...
StatusCreateIcons=Skapar genvägar...
StatusCreateIniEntries=Skriver INI-poster...
StatusCreateRegistryEntries=Skriver registerposter...
StatusRegisterFiles=Registrerar filer...
StatusSavingUninstall=Sparar information för avinstallation...
StatusRunProgram=Slutför installationen...
StatusRestartingApplications=Startar om program...
StatusRollback=Återställer ändringar...

; *** Misc. errors
ErrorInternal2=Internt fel: %1
ErrorFunctionFailedNoCode=%1 misslyckades
ErrorFunctionFailed=%1 misslyckades; kod %2
ErrorFunctionFailedWithMessage=%1 misslyckades; kod %2.%n%3
ErrorExecutingProgram=Kunde inte köra filen:%n%1

; *** File copying errors
SourceIsCorrupted=Källfilen är skadad
SourceDoesntExist=Källfilen "%1" finns inte
ErrorReadingExistingDest=Ett fel uppstod när den befintliga filen skulle läsas:
FileExists=Filen finns redan.%n%nSka den skrivas över?
ErrorChangingAttr=Ett fel uppstod när den befintliga filens attribut skulle ändras:
ErrorCreatingTemp=Ett fel uppstod när en fil skulle skapas i installationsmappen:
ErrorReadingSource=Ett fel uppstod när källfilen skulle läsas:
ErrorCopying=Ett fel uppstod när en fil skulle kopieras:
ErrorReplacingExistingFile=Ett fel uppstod när den befintliga filen skulle ersättas:
ErrorRenamingTemp=Ett fel uppstod när en fil i installationsmappen skulle byta namn:

; *** Uninstall display name markings
UninstallDisplayNameMarkAllUsers=Alla användare
UninstallDisplayNameMarkCurrentUser=Aktuell användare

; *** Uninstaller messages
UninstallNotFound=Filen "%1" finns inte. Kan inte avinstallera.
UninstallOpenError=Filen "%1" kunde inte öppnas. Kan inte avinstallera
ConfirmUninstall=Vill du ta bort %1 från datorn?%n%nDina databaser, säkerhetskopior och loggar finns kvar.
OnlyAdminCanUninstall=Programmet kan bara avinstalleras av en användare med administratörsbehörighet.
UninstallStatusLabel=Vänta medan %1 tas bort från datorn.
UninstalledAll=%1 har tagits bort från datorn.
UninstalledMost=Avinstallationen av %1 är klar.%n%nNågra delar kunde inte tas bort; de kan tas bort för hand.
UninstalledAndNeedsRestart=Datorn måste startas om för att avinstallationen av %1 ska bli klar.%n%nVill du starta om nu?
UninstallDataCorrupted=Filen "%1" är skadad. Kan inte avinstallera
WizardUninstalling=Avinstallerar
StatusUninstalling=Avinstallerar %1...

; *** Shutdown block reasons
ShutdownBlockReasonInstallingApp=Installerar %1.
ShutdownBlockReasonUninstallingApp=Avinstallerar %1.

[CustomMessages]

NameAndVersion=%1 version %2
AdditionalIcons=Ytterligare genvägar:
CreateDesktopIcon=Skapa en genväg på &skrivbordet
CreateQuickLaunchIcon=Skapa en genväg i &Snabbstart
ProgramOnTheWeb=%1 på webben
UninstallProgram=Avinstallera %1
LaunchProgram=Starta %1
AssocFileExtension=&Koppla %1 till filtillägget %2
AssocingFileExtension=Kopplar %1 till filtillägget %2...
AutoStartProgramGroupDescription=Autostart:
AutoStartProgram=Starta %1 automatiskt
AddonHostProgramNotFound=%1 finns inte i den valda mappen.%n%nVill du fortsätta ändå?
