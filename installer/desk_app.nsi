; NSIS script: packages dist\BanTiepDan (from PyInstaller) into a per-machine installer.
; makensis runs on Windows or on Debian (package nsis):  makensis -DVERSION=0.2.0 installer/desk_app.nsi
; (build-windows.ps1 passes desk_app.__version__, the one place the version is written)
Unicode true
!ifndef VERSION
  !error "Pass the version: makensis -DVERSION=<desk_app.__version__> installer/desk_app.nsi"
!endif
; CI compiles the script against the Linux folder only to catch its errors:
;   makensis -DNOCOMPRESS -DOUTFILE=build/setup-check.exe installer/desk_app.nsi
!ifndef OUTFILE
  !define OUTFILE "..\dist\BanTiepDan-${VERSION}-setup.exe"
!endif
Name "Bàn tiếp dân ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\BanTiepDan"
RequestExecutionLevel admin
!ifdef NOCOMPRESS  ; CI: the script's errors are what is checked, not the size
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif

Page directory
Page instfiles
UninstPage uninstConfirm
UninstPage instfiles

Section "Install"
  SetOutPath "$INSTDIR"
  File /r "..\dist\BanTiepDan\*.*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"
  CreateDirectory "$SMPROGRAMS\Bàn tiếp dân"
  CreateShortcut "$SMPROGRAMS\Bàn tiếp dân\Bàn tiếp dân.lnk" "$INSTDIR\BanTiepDan.exe"
  CreateShortcut "$DESKTOP\Bàn tiếp dân.lnk" "$INSTDIR\BanTiepDan.exe"
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\BanTiepDan" "DisplayName" "Bàn tiếp dân"
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\BanTiepDan" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\BanTiepDan" "UninstallString" "$INSTDIR\Uninstall.exe"
SectionEnd

; The office's data lives in the user's data folder (platformdirs) and is never removed here.
Section "Uninstall"
  RMDir /r "$INSTDIR"
  Delete "$SMPROGRAMS\Bàn tiếp dân\Bàn tiếp dân.lnk"
  RMDir "$SMPROGRAMS\Bàn tiếp dân"
  Delete "$DESKTOP\Bàn tiếp dân.lnk"
  DeleteRegKey HKLM "Software\Microsoft\Windows\CurrentVersion\Uninstall\BanTiepDan"
SectionEnd
