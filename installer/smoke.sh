#!/usr/bin/env bash
# Start a built app folder the way an office would, offscreen, in a throw-away data folder:
# its version; a new office; one visit from an intake file; its receipt (fonts, rules and
# the QR code bundled) read back as text; the log book; a periodic report of that day as XLSX
# and PDF (the layouts in resources/reports, reportlab's charts); the holidays; next month's reception
# schedule (a weekly rule through python-dateutil) exported as iCalendar (icalendar, the
# Asia/Ho_Chi_Minh zone from tzdata) and HTML; then a GUI start that quits itself once its
# main window is shown (DESK_APP_EXIT_AFTER_SHOWN=1). Qt Charts (the overview tab, imported
# only when that tab opens) must be in the folder. The office is encrypted (SQLCipher) and each
# command signs in: sqlcipher3, argon2 and cryptography must be in the folder too, and
# `check` reads the encrypted file back.
#   bash installer/smoke.sh dist/BanTiepDan
set -euo pipefail
folder=${1:-dist/BanTiepDan}
app="$folder/BanTiepDan"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
yesterday=$(date -d "-1 day" +%Y-%m-%d)
# Every command that opens the office signs in (docs/security.md); init makes this account
# its administrator.
export DESK_APP_USER=quantri DESK_APP_PASSWORD='mat-khau-kiem-tra'
"$app" --version
"$app" --data-dir "$work" init --province 24 --commune 9253 \
  --officer "Nguyễn Thị Hồng Nhung:Công chức Văn phòng - Thống kê"
cat > "$work/visit.json" <<JSON
{"person": {"full_name": "Đặng Văn Dũng", "id_number": "027090001234",
            "date_of_birth": "1990-03-04", "sex": "Nam", "phone": "0912345678",
            "address": "Số 5 ngõ 12, phường Nhân Hòa, tỉnh Bắc Ninh"},
 "reception_kind": "thuong_xuyen", "petition_kind": "kien_nghi", "topic": "dat_dai",
 "summary": "Kiến nghị cấp giấy chứng nhận quyền sử dụng đất",
 "received_at": "${yesterday}T09:15:00",
 "documents": [{"name": "Đơn kiến nghị", "pages": 2, "condition": "bản gốc"}]}
JSON
"$app" --data-dir "$work" intake "$work/visit.json"
"$app" --data-dir "$work" receipt 1 --out "$work/receipt.pdf"
pdftotext "$work/receipt.pdf" - | grep -q "Đặng Văn Dũng"
pdftotext "$work/receipt.pdf" - | grep -q "GIẤY BIÊN NHẬN"
"$app" --data-dir "$work" log --from "${yesterday%-*-*}-01-01" --to "$yesterday" --out "$work/log.pdf"
pdftotext "$work/log.pdf" - | grep -q "SỔ TIẾP CÔNG DÂN"
"$app" --data-dir "$work" report --period "${yesterday}..${yesterday}" --out "$work/bao-cao.xlsx"
[ "$(head -c 2 "$work/bao-cao.xlsx")" = "PK" ]
"$app" --data-dir "$work" report --period "${yesterday}..${yesterday}" --out "$work/bao-cao.pdf"
pdftotext "$work/bao-cao.pdf" "$work/bao-cao.txt"  # a file: grep -q on a pipe would cut it short
grep -q "TỔNG HỢP KẾT QUẢ TIẾP CÔNG DÂN" "$work/bao-cao.txt"
grep -q "Biểu số 01/TCD" "$work/bao-cao.txt"
[ -n "$(find "$folder" -name "QtCharts.*" -print -quit)" ]
[ -n "$(find "$folder" -name "*Qt6Charts*" -print -quit)" ]
"$app" deadline --kind khieu_nai --received 2027-01-29 | grep -q "Tết Nguyên đán"
next_month=$(date -d "$(date +%Y-%m-01) +1 month" +%Y-%m)
"$app" --data-dir "$work" schedule add --kind dinh_ky --every TH --from "${next_month}-01" \
  --until "$(date -d "${next_month}-01 +1 month -1 day" +%Y-%m-%d)" --start 08:00 --end 11:00 --host 1
# No system time-zone database (as on Windows): the bundled tzdata must answer.
PYTHONTZPATH= "$app" --data-dir "$work" schedule export --month "$next_month" --out "$work/lich.ics"
grep -q "BEGIN:VEVENT" "$work/lich.ics"
grep -q "TZID:Asia/Ho_Chi_Minh" "$work/lich.ics"
"$app" --data-dir "$work" schedule export --month "$next_month" --out "$work/lich.html"
grep -q "Lịch Chủ tịch trực tiếp tiếp công dân" "$work/lich.html"
"$app" --data-dir "$work" backup
"$app" --data-dir "$work" check
QT_QPA_PLATFORM=offscreen DESK_APP_EXIT_AFTER_SHOWN=1 timeout 120 "$app" --data-dir "$work" gui
echo "smoke start of $folder: ok"
