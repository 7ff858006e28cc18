; Bermantra NSIS include: installs per user (no admin rights). The database lives in %APPDATA%\Bermantra
; and is never removed by the uninstaller, so reinstalling or upgrading keeps every record.
!macro customUnInstall
  DetailPrint "Data Bermantra di $APPDATA\Bermantra tetap disimpan."
!macroend
