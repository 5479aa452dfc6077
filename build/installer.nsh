; The per-machine data folder (%ProgramData%\Lobby Desk): created by the installer, which runs elevated, and made
; writable by the PC's users (BUILTIN\Users, S-1-5-32-545), so the desk keeps one database whoever signs in.
; Uninstalling leaves it: the data is the building's, not the program's.
!macro customInstall
  CreateDirectory "$COMMONAPPDATA\Lobby Desk"
  nsExec::ExecToLog 'icacls "$COMMONAPPDATA\Lobby Desk" /grant *S-1-5-32-545:(OI)(CI)M /T /C'
!macroend
