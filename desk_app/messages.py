"""Every sentence the user reads from the core: what happened, then what to do.

Kept in one place so wording stays consistent and can be reviewed (and later translated).
"""

# Office setup
OFFICE_MISSING = "Chưa thiết lập cơ quan. Hãy chạy “desk-app init” hoặc mở ứng dụng để thiết lập lần đầu."
OFFICE_EXISTS = "Cơ quan đã được thiết lập trong thư mục dữ liệu này. Dùng thư mục khác nếu muốn tạo cơ quan mới."
PROVINCE_UNKNOWN = "Không có tỉnh/thành phố mã {code} trong danh mục sau sắp xếp 2025. Hãy chọn lại từ danh sách."
COMMUNE_UNKNOWN = "Không có xã/phường mã {code} trong danh mục sau sắp xếp 2025. Hãy chọn lại từ danh sách."
COMMUNE_NOT_IN_PROVINCE = "Xã/phường mã {commune} không thuộc tỉnh/thành phố mã {province}. Hãy chọn lại."

# Database
DB_NEWER = ("Tệp dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng (có bước {step}). "
            "Hãy cập nhật ứng dụng; dữ liệu không bị thay đổi.")

# Person
NAME_REQUIRED = "Chưa nhập họ và tên người đến. Hãy nhập họ tên như trên giấy tờ tùy thân."
NAME_INVALID = "Họ tên “{name}” có ký tự không hợp lệ. Hãy nhập lại bằng chữ tiếng Việt."
ID_DIGITS = "Số căn cước phải gồm đúng 12 chữ số (đã nhập {count} ký tự). Hãy kiểm tra lại."
ID_CMND_DIGITS = "Số CMND phải gồm 9 hoặc 12 chữ số. Hãy kiểm tra lại."
ID_PROVINCE = "Ba số đầu “{code}” của số căn cước không phải mã tỉnh nơi đăng ký khai sinh. Hãy kiểm tra lại."
ID_CENTURY_YEAR = ("Số căn cước cho năm sinh {id_year} nhưng ngày sinh đã nhập là năm {dob_year}. "
                   "Hãy kiểm tra lại số căn cước hoặc ngày sinh.")
ID_SEX = "Số căn cước cho giới tính {id_sex} nhưng đã chọn {sex}. Hãy kiểm tra lại."
DOB_FUTURE = "Ngày sinh {dob} ở sau ngày tiếp. Hãy kiểm tra lại."
PHONE_INVALID = "Số điện thoại “{phone}” không hợp lệ (cần 10 chữ số, bắt đầu bằng 0). Hãy kiểm tra lại."

# QR
QR_EMPTY = "Chưa nhận được dữ liệu từ mã QR. Hãy quét lại mã QR trên thẻ căn cước."
QR_FIELDS = ("Dòng quét từ mã QR có {count} trường, cần 6 đến 8 trường ngăn cách bởi “|”. "
             "Hãy quét lại; các ô đã nhập không bị thay đổi.")
QR_ID = "Số căn cước trong mã QR “{value}” không phải 12 chữ số. Hãy quét lại; các ô đã nhập không bị thay đổi."
QR_DATE = ("Ngày “{value}” trong mã QR không đúng dạng ngày tháng năm (ddmmyyyy). "
           "Hãy quét lại; các ô đã nhập không bị thay đổi.")
QR_SEX = "Giới tính “{value}” trong mã QR không phải Nam hoặc Nữ. Hãy quét lại; các ô đã nhập không bị thay đổi."
QR_NAME = "Mã QR không có họ tên. Hãy quét lại; các ô đã nhập không bị thay đổi."

# Intake
RECEIVED_AT_FUTURE = "Thời điểm tiếp {when} ở tương lai. Hãy kiểm tra ngày giờ."
RECEIVED_AT_OLD = "Thời điểm tiếp {when} quá xa (trước năm 2014). Hãy kiểm tra ngày giờ."
RECEPTION_KIND_UNKNOWN = "Hình thức tiếp “{value}” không có trong danh mục. Chọn: {choices}."
PETITION_KIND_UNKNOWN = "Loại đơn “{value}” không có trong danh mục. Chọn: {choices}."
TOPIC_UNKNOWN = "Lĩnh vực “{value}” không có trong danh mục. Hãy chọn từ danh sách."
OUTCOME_UNKNOWN = "Kết quả tiếp “{value}” không có trong danh mục. Chọn: {choices}."
SUMMARY_REQUIRED = "Chưa nhập tóm tắt nội dung vụ việc. Hãy ghi lại nội dung công dân trình bày."
PARTS_REQUIRED = "Chưa có nội dung nào. Hãy chọn loại đơn và nhập tóm tắt nội dung."
PARTS_SAME_KIND = ("Có hai nội dung cùng loại “{kind}”. Đơn có nhiều nội dung chỉ tách theo loại; "
                   "hãy gộp các nội dung cùng loại.")
CROWD_SIZE = "Số người phải từ 1 trở lên (đã nhập {value})."
CROWD_NEEDS_REPS = ("Đoàn {size} người (từ 5 người trở lên) phải cử người đại diện. "
                    "Hãy nhập họ tên người đại diện.")
CROWD_REPS_5_10 = ("Đoàn {size} người (5–10 người) chỉ cử 1 hoặc 2 người đại diện, "
                   "đã nhập {reps}. Hãy bớt người đại diện.")
CROWD_REPS_OVER_10 = ("Đoàn {size} người (trên 10 người) cử tối đa 5 người đại diện, "
                      "đã nhập {reps}. Hãy bớt người đại diện.")
CROWD_REPS_TOO_MANY = "Số người đại diện ({reps}) không thể lớn hơn số người trong đoàn ({size})."
REPS_WITHOUT_CROWD = ("Chỉ nhập người đại diện khi đoàn có từ 5 người trở lên (đang có {size} người). "
                      "Hãy sửa số người hoặc bỏ người đại diện.")
REFUSAL_REASON_REQUIRED = "Từ chối tiếp phải có lý do. Hãy chọn lý do theo Điều 9 Luật Tiếp công dân."
REFUSAL_REASON_UNKNOWN = "Lý do từ chối “{value}” không có trong danh mục. Hãy chọn từ danh sách."
REFUSAL_REASON_UNEXPECTED = "Chỉ chọn lý do từ chối khi kết quả là “Từ chối tiếp”."
OUTCOME_BODY_REQUIRED = "Chưa nhập cơ quan được {action}. Hãy ghi tên cơ quan có thẩm quyền."
DOC_NAME_REQUIRED = "Tài liệu thứ {index} chưa có tên. Hãy nhập tên tài liệu hoặc xóa dòng đó."
DOC_PAGES = "Tài liệu “{name}” phải có số trang từ 1 trở lên (đã nhập {pages})."
OFFICER_UNKNOWN = "Không có cán bộ tiếp mã {value}. Hãy chọn cán bộ từ danh sách."

# Intake files (CLI)
INTAKE_FILE_MISSING = "Không tìm thấy tệp {path}. Hãy kiểm tra đường dẫn."
INTAKE_FILE_JSON = "Tệp {path} không phải JSON hợp lệ (dòng {line}, cột {col}): {why}. Hãy sửa tệp rồi chạy lại."
INTAKE_FILE_SHAPE = "Tệp {path} phải chứa một lượt tiếp (đối tượng JSON) hoặc danh sách các lượt tiếp."
INTAKE_ITEM = "Lượt tiếp thứ {index}: {message}"
INTAKE_FIELD_MISSING = "Thiếu trường “{field}”. Hãy bổ sung vào tệp."
INTAKE_FIELD_TYPE = "Trường “{field}” có giá trị không hợp lệ: {value!r}. Hãy sửa lại."
DATE_FORMAT = "Ngày “{value}” không đúng dạng YYYY-MM-DD. Hãy sửa lại."
DATETIME_FORMAT = "Thời điểm “{value}” không đúng dạng YYYY-MM-DDTHH:MM. Hãy sửa lại."

# Search and records
SEARCH_EMPTY = "Hãy nhập tên, số giấy tờ, địa chỉ hoặc nội dung cần tìm."
RECORD_MISSING = "Không tìm thấy bản ghi số {id}. Có thể bản ghi đã bị xóa; hãy tải lại danh sách."
REVEAL_REASON_REQUIRED = "Phải ghi lý do xem danh tính người tố cáo (việc xem được ghi lại)."

# Masking (Denunciation law art. 9, 47, 56)
MASKED_NAME = "(Danh tính người tố cáo được bảo mật)"
MASKED_VALUE = "•••"
ID_REQUIRED = ("Chưa nhập số giấy tờ tùy thân. Hãy nhập số hoặc quét mã QR trên thẻ; người chỉ nêu họ tên, "
               "địa chỉ thì chọn loại giấy tờ “Không xuất trình giấy tờ”.")
REP_LABEL = "Người đại diện thứ {index}: {message}"
ENUM_FIELD = "Trường “{field}” có giá trị “{value}” không có trong danh mục. Chọn: {choices}."

# Settings
SETTING_NOT_A_NUMBER = "Giá trị “{value}” không hợp lệ: hãy nhập một số nguyên dương."

# Documents
PRINT_FONT_MISSING = ("Không tìm thấy phông chữ để in văn bản (thư mục {folder}). "
                      "Hãy cài lại ứng dụng hoặc cài phông Times New Roman.")
VISIT_MISSING = "Không tìm thấy lượt tiếp số {id}. Hãy kiểm tra lại số lượt tiếp trong sổ."
RECEIPT_MISSING = ("Lượt tiếp số {id} không có giấy biên nhận (lượt tiếp bị từ chối thì không lập "
                   "biên nhận). Hãy kiểm tra lại số lượt tiếp.")
REFUSAL_NOT_REFUSED = ("Lượt tiếp số {id} không phải trường hợp từ chối tiếp nên không lập thông báo "
                       "từ chối. Hãy kiểm tra lại kết quả tiếp.")
DOCUMENT_MISSING = ("Không tìm thấy văn bản số {id} trong danh sách văn bản đã phát hành. "
                    "Hãy tải lại danh sách.")
DOCUMENT_NOT_PRINTED = ("Văn bản {number} chưa được in lần nào nên chưa có bản để in lại. "
                        "Hãy in bản chính trước.")
LOG_RANGE_REVERSED = "Ngày bắt đầu {start} sau ngày kết thúc {end}. Hãy đổi lại khoảng ngày."
LOG_OUT_FORMAT = "Tệp “{path}” phải có đuôi .pdf hoặc .xlsx. Hãy đổi tên tệp."
PDF_OUT_FORMAT = "Tệp “{path}” phải có đuôi .pdf. Hãy đổi tên tệp."
OUT_WRITE_FAILED = ("Không ghi được tệp {path}: {why}. Hãy chọn thư mục khác, hoặc đóng tệp "
                    "nếu đang mở trong chương trình khác.")

# Cases
CASE_MISSING = "Không tìm thấy vụ việc số {id}. Có thể vụ việc đã được gộp; hãy tải lại danh sách."
CASE_ACTION_UNKNOWN = "Không có thao tác “{action}” đối với vụ việc."
CASE_ACTION_WRONG_KIND = "Thao tác “{action}” không áp dụng cho loại đơn “{kind}”."
CASE_ACTION_NOT_NOW = ("Không thể “{action}” khi vụ việc đang ở trạng thái “{status}”. "
                       "Thao tác này chỉ làm được khi vụ việc: {allowed}.")
CASE_DATE_FUTURE = "Ngày {day} chưa đến. Hãy ghi ngày việc đã thực sự diễn ra."
CASE_DATE_BEFORE_OPENING = "Ngày {day} trước ngày tiếp nhận vụ việc ({opened}). Hãy kiểm tra lại ngày."
CASE_BODY_REQUIRED = "Hãy ghi tên cơ quan, tổ chức nhận đơn hoặc được hướng dẫn đến."
CASE_DENUNCIATION_TRANSFERRED = ("Đơn tố cáo này đã được chuyển ngày {day} cho {body}. Đơn tố cáo cùng nội dung "
                                 "chỉ được chuyển một lần; hãy theo dõi kết quả từ cơ quan đã nhận.")
CASE_REPEAT_TRANSFER = ("Vụ việc đã được chuyển {count} lần, gần nhất ngày {day} cho {body}. "
                        "Chỉ chuyển tiếp nếu chắc chắn cơ quan đó không có thẩm quyền; xác nhận để tiếp tục.")
CASE_EXTENSION_LIMIT = ("Vụ việc {level} đã được gia hạn {count} lần, không thể gia hạn thêm "
                        "(Điều 30 Luật Tố cáo: phức tạp 1 lần, đặc biệt phức tạp 2 lần).")
CASE_DECISION_NUMBER_REQUIRED = "Hãy ghi số, ký hiệu của quyết định hoặc kết luận."
CASE_FLAG_UNKNOWN = "Không có dấu hiệu “{flag}”. Chọn một trong: {choices}."
CASE_COMPLEXITY_UNKNOWN = "Mức độ phức tạp “{level}” không hợp lệ: chọn 0 (thông thường), 1 (phức tạp) hoặc 2 (đặc biệt phức tạp)."
CASE_NOTE_EMPTY = "Ghi chú đang trống. Hãy nhập nội dung cần ghi."
CALENDAR_KIND_UNKNOWN = "Loại ngày “{kind}” không hợp lệ. Chọn: {choices}."
CALENDAR_ALREADY_WORKING = "Ngày {day} đã là ngày làm việc; không cần đánh dấu làm bù."
CALENDAR_ALREADY_OFF = "Ngày {day} đã là ngày nghỉ."
CALENDAR_NOT_A_HOLIDAY = "Ngày {day} không phải ngày lễ, tết nên không thể bỏ."
DASHBOARD_VIEW_UNKNOWN = "Không có danh sách “{view}”. Chọn: {choices}."

# Working days and deadlines (core/calendar.py, core/deadlines.py, `desk-app deadline`)
CALENDAR_OUT_OF_RANGE = ("Ngày {day} nằm ngoài khoảng lịch làm việc được hỗ trợ (năm {first}–{last}). "
                         "Hãy kiểm tra lại ngày.")
CALENDAR_CONFLICT = ("Ngày {day} được ghi nhiều lần trong lịch (ngày nghỉ thêm, ngày làm bù, bỏ ngày nghỉ). "
                     "Hãy giữ một lựa chọn cho ngày đó.")
CALENDAR_SATURDAY = "thứ Bảy"
CALENDAR_SUNDAY = "Chủ nhật"
CALENDAR_WEEKENDS_SUMMARY = "{days} ngày thứ Bảy, Chủ nhật"
CALENDAR_SWAP_PREFIX = "Nghỉ hoán đổi"
CALENDAR_SWAP_LABEL = "Nghỉ hoán đổi (làm bù ngày {day})"
CALENDAR_SWAP_WORKDAY = "Làm bù cho ngày nghỉ {day}"
RULES_FILE_INVALID = "Tệp quy tắc {path} không hợp lệ: {why}. Hãy sửa tệp hoặc cài lại ứng dụng."
RULES_NONE_FOR_DATE = ("Không có bộ quy tắc thời hạn nào áp dụng cho ngày {day} (bộ sớm nhất áp dụng từ {first}). "
                       "Hãy kiểm tra ngày tiếp nhận.")
DEADLINE_DATE = "Ngày “{value}” không hợp lệ. Hãy nhập theo dạng YYYY-MM-DD hoặc dd/mm/yyyy."
DEADLINE_SUSPENSION = ("Khoảng tạm đình chỉ “{value}” không hợp lệ. Hãy nhập TỪ:ĐẾN (ví dụ 2026-08-03:2026-08-20), "
                       "hoặc TỪ: nếu vẫn đang tạm đình chỉ.")
DEADLINE_SUSPENSION_ORDER = "Ngày tiếp tục giải quyết {end} ở trước ngày tạm đình chỉ {start}. Hãy kiểm tra lại."
DEADLINE_BEFORE_RECEIVED = "{what} {day} ở trước ngày tiếp nhận {received}. Hãy kiểm tra lại các ngày."
DEADLINE_INSTANCE = "Lần giải quyết khiếu nại phải là 1 hoặc 2 (đã nhập {value})."
DEADLINE_COMPLEXITY = "Mức độ phức tạp phải là 0, 1 (phức tạp) hoặc 2 (đặc biệt phức tạp), đã nhập {value}."
DEADLINE_EXTENSIONS_NEGATIVE = "Số lần gia hạn phải từ 0 trở lên (đã nhập {value})."
DEADLINE_EXTENSIONS = ("Đã nhập {count} lần gia hạn nhưng {label} chỉ được gia hạn tối đa {limit} lần "
                       "với mức độ phức tạp này ({basis}). Hãy kiểm tra số lần gia hạn hoặc mức độ phức tạp.")
DEADLINE_NO_EXTENSIONS = "Đơn loại “{kind}” không có thời hạn được gia hạn. Hãy bỏ số lần gia hạn."
# Pieces of a milestone's explanation ("7 ngày làm việc kể từ ngày tiếp nhận 29/01/2027; bỏ qua …")
EXPLAIN_WORKING = "{n} ngày làm việc"
EXPLAIN_CALENDAR = "{n} ngày"
EXPLAIN_AFTER = "{period}{note} kể từ {event} {start}"
EXPLAIN_BEFORE = "chậm nhất {period}{note} trước {event} {start}"
EXPLAIN_EXTENDED = ", cộng {count} lần gia hạn × {days} ngày ({why}) = {total} ngày"
EXPLAIN_COMPLEX = ("", "vụ việc phức tạp", "vụ việc đặc biệt phức tạp")  # by complexity 0, 1, 2
EXPLAIN_CALENDAR_ALL = "tính cả ngày nghỉ"
EXPLAIN_SKIPPED = "bỏ qua {runs}"
EXPLAIN_ROLLED = ("ngày {day} là ngày nghỉ ({label}) nên chuyển sang {moved} "
                  "(khoản 5 Điều 148 Bộ luật Dân sự 2015)")
EXPLAIN_SUSPENDED = "tạm đình chỉ từ {start} đến {end}: đã tính {used} ngày, còn {left} ngày tính tiếp từ {end}"
EXPLAIN_PAUSED = ("đang tạm đình chỉ từ {start}: đã tính {used}/{total} ngày, "
                  "còn {left} ngày tính tiếp từ ngày có quyết định tiếp tục giải quyết")
EXPLAIN_LATE_SUSPENSION = "tạm đình chỉ ngày {start} khi đã hết hạn nên không làm thay đổi thời hạn"
EXPLAIN_WAITING = "Tính từ {event} ({missing}): {period}{note}"
EXPLAIN_LOCAL = "Chỉ tiêu của cơ quan (pháp luật không quy định thời hạn): "
EXPLAIN_BASIS = "căn cứ {basis}"
CASE_ALREADY_ATTACHED = "Đơn này đã thuộc vụ việc số {case}."
CASE_TARGET_MERGED = "Vụ việc số {case} đã được gộp vào vụ việc khác; hãy gộp vào vụ việc đang theo dõi."
CASE_KIND_MISMATCH = "Chỉ gộp được đơn cùng loại (khiếu nại, tố cáo, kiến nghị, phản ánh) với vụ việc."
CASE_NOTHING_TO_SPLIT = "Đơn này không thuộc vụ việc nào (lượt tiếp bị từ chối) nên không có gì để tách."
CASE_ONLY_PETITION = "Đây là đơn duy nhất của vụ việc; không cần tách."
CASE_SPLIT_NOTE = "Tách từ vụ việc số {case}."
DIALOGUE_ONLY_COMPLAINTS = "Đối thoại chỉ áp dụng khi giải quyết khiếu nại."
DIALOGUE_NOT_ACCEPTED = "Chỉ lên lịch đối thoại khi vụ việc đã được thụ lý và đang giải quyết."
DIALOGUE_PLACE_REQUIRED = "Hãy ghi địa điểm đối thoại."
DIALOGUE_NOTICE_TOO_LATE = ("Thông báo đối thoại phải gửi trước ít nhất {days} ngày: thông báo gửi ngày {sent} "
                            "thì sớm nhất đối thoại ngày {earliest}. Hãy dời lịch hoặc gửi thông báo sớm hơn.")
DIALOGUE_PLANNED_NOTE = "Đối thoại lúc {when} tại {place}."
DIALOGUE_MISSING = "Không tìm thấy buổi đối thoại số {id}."
DIALOGUE_ALREADY_HELD = "Buổi đối thoại này đã được ghi biên bản hoặc đã hủy."
DIALOGUE_NO_PARTICIPANTS = "Hãy ghi ít nhất một người tham gia đối thoại."
DIALOGUE_RESULT_REQUIRED = "Hãy ghi kết quả đối thoại."
ATTACHMENT_MISSING = "Không tìm thấy tệp “{path}”. Hãy chọn lại tệp."
ATTACHMENT_TOO_BIG = "Tệp “{name}” lớn hơn {limit} MB. Hãy quét lại với độ phân giải thấp hơn."
DUE_OVERDUE = "Quá hạn {days} ngày"
DUE_TODAY = "Đến hạn hôm nay"
DUE_IN = "Còn {days} ngày"
CASE_DATE_BEFORE_LAST_STEP = "Ngày {day} trước bước “{step}” đã ghi ngày {last}. Các bước phải ghi theo đúng trình tự thời gian."
ATTACHMENT_ALREADY = "Tệp “{name}” (cùng nội dung) đã được đính kèm vào vụ việc này."
CASE_OFFICER_UNKNOWN = "Không có cán bộ số {id} đang làm việc. Hãy chọn cán bộ trong danh sách."

# Slips (core/documents/slips.py, `desk-app slip`)
SLIP_KIND_UNKNOWN = "Không có loại phiếu “{kind}”. Chọn một trong: {choices}."
SLIP_CASE_REQUIRED = "Hãy ghi số vụ việc cần in {what}."
SLIP_SESSION_REQUIRED = ("Thông báo kết luận buổi tiếp cần tệp mô tả buổi tiếp (--session-file TỆP.json) "
                         "thay cho số vụ việc.")
SLIP_NO_ANSWER_DUE = ("Vụ việc số {id} chưa có hạn trả lời người đến (chưa ghi ngày tiếp nhận) nên chưa "
                      "lập được phiếu hẹn. Hãy kiểm tra diễn biến của vụ việc.")
SLIP_PROPOSAL_NOT_POSSIBLE = ("Vụ việc số {id} {why} nên không lập phiếu đề xuất thụ lý. Chỉ đề xuất thụ lý "
                              "đơn thuộc thẩm quyền và chưa được xử lý theo cách khác.")
SLIP_NOT_TRANSFERRED = ("Vụ việc số {id} chưa được chuyển đơn nên chưa có phiếu chuyển đơn. Hãy ghi bước "
                        "“Chuyển đơn” (cơ quan nhận đơn) trước.")
SLIP_NOT_GUIDED = ("Vụ việc số {id} chưa được hướng dẫn đến cơ quan có thẩm quyền nên chưa có phiếu "
                   "hướng dẫn. Hãy ghi bước “Hướng dẫn” (cơ quan có thẩm quyền) trước.")
SLIP_NOT_DENUNCIATION = ("Vụ việc số {id} là {kind}, không phải đơn tố cáo. Hãy in phiếu chuyển đơn "
                         "(phieu_chuyen_don).")
SLIP_DENUNCIATION_USE_FORM_03 = ("Vụ việc số {id} là đơn tố cáo: hãy in phiếu chuyển đơn tố cáo "
                                 "(phieu_chuyen_don_to_cao), phiếu này không ghi thông tin về người tố cáo.")
SLIP_NOTICE_WRONG_KIND = ("Thông báo thụ lý, không thụ lý chỉ lập cho đơn khiếu nại, tố cáo; vụ việc số {id} "
                          "là {kind}. Hãy dùng phiếu chuyển đơn hoặc phiếu hướng dẫn.")
SLIP_NOT_ACCEPTED = ("Vụ việc số {id} chưa được thụ lý. Hãy ghi bước “Thụ lý giải quyết” trước khi in "
                     "thông báo thụ lý.")
SLIP_ALREADY_ACCEPTED = ("Vụ việc số {id} đã được thụ lý ngày {day} nên không thể thông báo không thụ lý. "
                         "Hãy kiểm tra lại vụ việc.")
SLIP_REASON_REQUIRED = ("Chưa có lý do không thụ lý. Hãy ghi lý do, hoặc ghi bước phân loại, trả lại "
                        "hay xếp lưu đơn kèm ghi chú lý do.")
SLIP_NOT_ISSUED = "Chưa có {what} nào được lập nên chưa có bản để in lại. Hãy in bản chính trước."
SLIP_SESSION_FILE_INVALID = ("Tệp buổi tiếp {path} không hợp lệ: {why}. Hãy sửa tệp theo mẫu trong "
                             "“desk-app slip --help”.")
SLIP_SESSION_HOST_REQUIRED = "Hãy ghi họ tên người chủ trì buổi tiếp công dân."
SLIP_SESSION_EMPTY = ("Buổi tiếp chưa có công dân nào và chưa có kết luận. Hãy ghi ít nhất một công dân "
                      "được tiếp hoặc một ý kiến kết luận.")
SLIP_SESSION_CITIZEN_NAME = "Công dân thứ {index} chưa có họ tên hoặc số vụ việc. Hãy ghi một trong hai."

# Reception schedule and the reception day (core/schedule, `desk-app schedule`, docs/schedule.md)
CALENDAR_WORKED_WEEKEND = "Ngày làm việc bù"
SCHEDULE_KIND_UNKNOWN = "Không có hình thức tiếp “{value}”. Chọn một trong: {choices}."
SCHEDULE_END_BEFORE_START = ("Giờ kết thúc ({end}) phải sau giờ bắt đầu ({start}). Hãy sửa lại giờ "
                             "của buổi tiếp.")
SCHEDULE_ONE_DAY = "Buổi tiếp bắt đầu {start} phải kết thúc trong cùng ngày. Hãy sửa giờ kết thúc."
SCHEDULE_IN_PAST = ("Buổi tiếp {start} đã qua nên không xếp lịch được. Hãy chọn thời gian từ bây giờ "
                    "trở đi; buổi tiếp đột xuất đã diễn ra thì ghi là “đã tiếp”.")
SCHEDULE_HELD_IN_FUTURE = ("Buổi tiếp {start} chưa diễn ra nên chưa ghi “đã tiếp” được. Hãy ghi sau khi "
                           "buổi tiếp bắt đầu.")
SCHEDULE_HOST_REQUIRED = "Hãy chọn người chủ trì buổi tiếp."
SCHEDULE_HOST_UNKNOWN = ("Không có cán bộ số {id} đang làm việc nên không giao chủ trì hoặc trực tiếp "
                         "được. Hãy chọn cán bộ trong danh sách.")
SCHEDULE_OFFICERS_REQUIRED = "Lịch tiếp thường xuyên cần ít nhất một cán bộ trực. Hãy chọn cán bộ."
SCHEDULE_REASON_REQUIRED = ("Buổi tiếp đột xuất cần lý do (khoản 3 Điều 18 Luật Tiếp công dân). "
                            "Chọn một trong: {choices}.")
SCHEDULE_REASON_TEXT_REQUIRED = "Hãy ghi rõ lý do tiếp công dân đột xuất."
SCHEDULE_OVERLAP = ("{host} đã có buổi {kind} từ {other} đến {other_end}, trùng với buổi tiếp {start}. "
                    "Hãy chọn giờ khác hoặc người chủ trì khác.")
SCHEDULE_DEFAULT_PLACE = "Trụ sở {office}"
SCHEDULE_POLICE_FUTURE = "Thời điểm báo công an chưa đến. Hãy ghi thời điểm đã báo."
SCHEDULE_POLICE_AD_HOC_ONLY = "Chỉ buổi tiếp đột xuất mới ghi việc báo công an."
SCHEDULE_POLICE_CONTACT_REQUIRED = "Hãy ghi đã báo cho ai (đơn vị, người nhận tin)."
SCHEDULE_TIME_FORMAT = "Giờ “{value}” không đúng dạng giờ:phút, ví dụ 07:30. Hãy sửa lại."
SCHEDULE_POLICY_UNKNOWN = "Không có cách xử lý ngày nghỉ “{value}”. Chọn một trong: {choices}."
SCHEDULE_RULE_INVALID = ("Quy tắc lặp lại “{rule}” không đọc được. Hãy dùng dạng RRULE, ví dụ "
                         "FREQ=WEEKLY;BYDAY=TH, và ghi ngày kết thúc riêng (không dùng UNTIL, COUNT).")
SCHEDULE_RULE_NO_END = ("Lịch lặp lại cần ngày kết thúc (tối đa {years} năm kể từ ngày bắt đầu). Hãy "
                        "ghi ngày kết thúc.")
SCHEDULE_RULE_TOO_LONG = ("Lịch lặp lại kéo dài quá {years} năm (kết thúc {last}). Hãy chọn ngày kết thúc "
                          "chậm nhất là {limit}; khi hết hạn thì lập lịch mới.")
SCHEDULE_RULE_END_BEFORE_START = ("Ngày kết thúc ({last}) trước ngày bắt đầu ({first}) của lịch lặp lại. "
                                  "Hãy sửa lại.")
SCHEDULE_RULE_IN_PAST = "Ngày bắt đầu {first} đã qua. Hãy lập lịch lặp lại từ hôm nay trở đi."
SCHEDULE_RULE_EMPTY = "Quy tắc lặp lại không có buổi tiếp nào từ {first} đến {last}. Hãy kiểm tra lại."
SCHEDULE_AD_HOC_NOT_RECURRING = "Tiếp công dân đột xuất không lập lịch lặp lại. Hãy thêm từng buổi."
SCHEDULE_RULE_EVERY_WORKING_DAY = "Tất cả các ngày làm việc"
SCHEDULE_NOTE_MOVED = "Chuyển từ {day} ({label})"
SCHEDULE_NOTE_DROPPED = "Không tiếp {day} ({label})"
SCHEDULE_SESSION_MISSING = "Không có buổi tiếp số {id}. Hãy kiểm tra lại số buổi tiếp."
SCHEDULE_NOT_PLANNED = "Buổi tiếp {day} {status} nên không {action} được."
SCHEDULE_ACTION_MOVE = "dời lịch"
SCHEDULE_ACTION_POSTPONE = "hoãn"
SCHEDULE_ACTION_CANCEL = "hủy"
SCHEDULE_ACTION_HOLD = "ghi “đã tiếp”"
SCHEDULE_CHANGE_REASON_REQUIRED = "Hãy ghi lý do thay đổi lịch tiếp (được ghi lại và thông báo công khai)."
SCHEDULE_MONTH_FORMAT = "Tháng “{value}” không đúng dạng YYYY-MM, ví dụ 2027-01. Hãy sửa lại."
SCHEDULE_ALERT_NO_HEAD_WEEK = ("Tuần {start}–{end} không có buổi Chủ tịch trực tiếp tiếp công dân định kỳ "
                               "(điểm d khoản 2 Điều 15 Luật Tiếp công dân: ít nhất 01 ngày trong 01 tuần).")
SCHEDULE_ALERT_NO_HEAD = ("Chưa xác định Chủ tịch trong danh sách cán bộ nên chưa kiểm tra được lịch "
                          "tiếp định kỳ. Hãy chọn Chủ tịch trong phần Lịch tiếp công dân.")
SCHEDULE_ALERT_NOT_POSTED = ("Buổi tiếp {day} chưa niêm yết: cần niêm yết chậm nhất ngày {deadline} "
                             "({period} ngày làm việc trước, {basis}).")
SCHEDULE_ALERT_NOT_POSTED_LATE = ("Buổi tiếp {day} chưa được niêm yết đúng hạn (hạn {deadline}, {period} "
                                  "ngày làm việc trước, {basis}).")
SCHEDULE_ALERT_POSTED_LATE = ("Buổi tiếp {day} niêm yết ngày {posted}, muộn hơn hạn {deadline} ({period} "
                              "ngày làm việc trước, {basis}).")
SCHEDULE_ALERT_DEPUTY = ("Buổi tiếp định kỳ {day} do {name} ({position}) {held}, không phải Chủ tịch: "
                         "Chủ tịch phải trực tiếp tiếp công dân, không giao cấp phó (Luật 136/2025/QH15).")
SCHEDULE_ALERT_POLICE = "Buổi tiếp đột xuất {day} (vụ việc đông người) chưa ghi việc báo công an."
SCHEDULE_ALERT_DAY_OFF = "Buổi tiếp {day} rơi vào ngày nghỉ ({label}). Hãy dời sang ngày làm việc."
SCHEDULE_ALERT_POSTPONED = ("Buổi tiếp {day} đã hoãn nhưng chưa có thông báo hoãn, thời gian tiếp mới "
                            "(khoản 4 Điều 24 Luật Tiếp công dân).")
SCHEDULE_ALERT_NOT_RECORDED = "Buổi tiếp {day} đã qua nhưng chưa ghi kết quả (đã tiếp, hoãn hay hủy)."
SCHEDULE_BOOK_NOT_OPEN = ("Buổi tiếp ngày {day} ({kind}) {status} nên không hẹn công dân vào được. "
                          "Hãy chọn một buổi tiếp của Chủ tịch còn dự kiến.")
SCHEDULE_BOOK_PAST = "Buổi tiếp ngày {day} đã bắt đầu hoặc đã qua. Hãy hẹn công dân vào buổi tiếp sau."
SCHEDULE_BOOK_TWICE = "Vụ việc số {id} đã được hẹn vào buổi tiếp ngày {day}."
SCHEDULE_NOT_BOOKED = "Vụ việc số {id} chưa được hẹn vào buổi tiếp này. Hãy hẹn trước khi in phiếu hẹn."
SCHEDULE_RECORD_NOT_LIVE = "Buổi tiếp ngày {day} {status} nên không ghi diễn biến được."
SCHEDULE_RECORD_NOT_STARTED = ("Buổi tiếp ngày {day} chưa bắt đầu (bắt đầu lúc {start}). Hãy ghi diễn biến "
                               "khi buổi tiếp đã bắt đầu.")
SCHEDULE_NOTICE_ISSUED = ("Thông báo kết luận buổi tiếp ngày {day} đã ban hành nên không sửa nội dung "
                          "buổi tiếp được nữa. Việc phát sinh sau hãy ghi vào vụ việc.")
SCHEDULE_NOTICE_NOT_HELD = ("Buổi tiếp ngày {day} {status}. Hãy ghi “đã tiếp” (người chủ trì thực tế) "
                            "trước khi lập thông báo kết luận.")
SCHEDULE_RECEPTION_WHO = "Hãy chọn vụ việc hoặc lượt tiếp của công dân được tiếp."
SCHEDULE_DIRECTION_TEXT = "Hãy ghi nội dung chỉ đạo."
SCHEDULE_DIRECTION_DUE = ("Thời hạn thực hiện ({due}) phải sau ngày tiếp công dân ({day}). Hãy chọn "
                          "thời hạn khác.")
SCHEDULE_DIRECTION_MISSING = "Không có chỉ đạo số {id}."
SCHEDULE_DIRECTION_DONE = "Chỉ đạo “{text}” đã được ghi là đã thực hiện."
SCHEDULE_PERIOD_FORMAT = ("Kỳ “{value}” không đúng dạng: ghi tháng YYYY-MM (ví dụ 2027-01) hoặc quý YYYY-Qn "
                          "(ví dụ 2027-Q1).")
SCHEDULE_POST_NOTHING = "Không có buổi tiếp nào sắp tới trong {period} để niêm yết. Hãy lập lịch trước."
SCHEDULE_POST_PAST_PERIOD = ("Lịch tiếp {period} đã qua; không niêm yết lịch của những buổi tiếp đã qua. "
                             "Hãy chọn tháng hoặc quý sắp tới.")
SCHEDULE_POST_PAST = "Buổi tiếp ngày {day} đã qua hoặc không còn diễn ra nên không niêm yết được."
SCHEDULE_POSTED_FUTURE = "Ngày niêm yết {day} chưa đến. Hãy ghi ngày đã niêm yết."
SCHEDULE_NOT_POSTPONED = "Buổi tiếp ngày {day} không bị hoãn nên không có thông báo hoãn."
SCHEDULE_EXPORT_FORMAT = "Tệp {path} phải có đuôi .pdf (thông báo niêm yết), .html hoặc .ics."
SCHEDULE_NOTE_HEAD = "Buổi {kind} {where}{note}"
SCHEDULE_NOTE_REGULAR_CLOSED = "Không tiếp công dân thường xuyên {span} ({label})"
SCHEDULE_NOTE_REGULAR_WORKED = "Tiếp công dân thường xuyên {day} ({note})"
INTAKE_SESSION_INVALID = ("Buổi tiếp số {id} không có, đã hoãn hoặc hủy, hoặc không diễn ra vào ngày của "
                          "lượt tiếp. Hãy chọn lại buổi tiếp (hoặc bỏ trống).")
SCHEDULE_CLI_RANGE = "Hãy ghi khoảng ngày cần xem: --from YYYY-MM-DD --to YYYY-MM-DD."
SCHEDULE_CLI_RANGE_ORDER = "Ngày cuối ({end}) trước ngày đầu ({start}). Hãy sửa lại khoảng ngày."
SCHEDULE_CLI_ON_OR_EVERY = ("Hãy ghi --on NGÀY cho một buổi tiếp, hoặc --every (hay --rrule) với --from, "
                            "--until cho lịch lặp lại, không dùng cả hai.")
SCHEDULE_CLI_EVERY = "“{value}” không phải thứ trong tuần (MO, TU, WE, TH, FR, SA, SU) hoặc workday."
# desk-app codes (cli_codes.py)
CODES_PROVINCE_REQUIRED = ("Danh sách xã, phường cần mã tỉnh. Hãy ghi mã tỉnh sau “communes”, ví dụ: "
                           "desk-app codes communes 24 (mã tỉnh: desk-app codes provinces).")
CODES_PROVINCE_ONLY_COMMUNES = ("Mã tỉnh chỉ dùng với danh sách communes. "
                                "Hãy bỏ mã tỉnh hoặc dùng: desk-app codes communes MÃ_TỈNH.")
CODES_NO_BODIES = "Cơ quan chưa hướng dẫn hay chuyển đơn đến cơ quan nào."

# Intake file format (resources/schema/intake.schema.json, docs/intake-format.md)
INTAKE_FIELD_UNKNOWN = ("Trường “{field}” không có trong định dạng tệp tiếp nhận. Hãy sửa tên trường "
                        "hoặc bỏ đi (xem docs/intake-format.md).")
INTAKE_FIELD_INVALID = ("Trường “{field}” không đúng định dạng tệp tiếp nhận. Hãy sửa theo "
                        "docs/intake-format.md.")
# Records: identity kept per visit, corrections, cancellations, limits, validation
FIELD_TOO_LONG = ("{field} dài {length} ký tự, vượt quá giới hạn {limit} ký tự. Hãy rút gọn; "
                  "nội dung đầy đủ để trong đơn hoặc tài liệu kèm theo.")
TEXT_HIDDEN_CHAR = ("{field} có ký tự điều khiển hoặc ký tự ẩn ({code}) không được phép lưu. "
                    "Hãy xóa ký tự đó hoặc gõ lại, không dán từ nơi khác.")
CROWD_SIZE_MAX = "Số người {value} quá lớn (tối đa {limit} người một đoàn). Hãy kiểm tra lại số người."
DOC_PAGES_MAX = "Tài liệu “{name}” ghi {pages} trang, quá lớn (tối đa {limit}). Hãy kiểm tra lại số trang."
DOCUMENTS_MAX = "Một lượt tiếp nhận tối đa {limit} tài liệu (đã nhập {count}). Hãy gộp các tài liệu cùng loại."
DOB_TOO_OLD = "Ngày sinh {dob} trước năm 1900. Hãy kiểm tra lại ngày sinh."
ID_BIRTH_YEAR_IMPOSSIBLE = ("Số căn cước cho năm sinh {year}, không thể đúng với ngày tiếp {day}. "
                            "Hãy kiểm tra chữ số thứ 4 đến thứ 6 của số căn cước.")
ID_ISSUED_FUTURE = "Ngày cấp giấy tờ {issued} ở sau ngày tiếp {day}. Hãy kiểm tra lại ngày cấp."
ID_ISSUED_BEFORE_BIRTH = "Ngày cấp giấy tờ {issued} ở trước ngày sinh {dob}. Hãy kiểm tra lại ngày cấp."
ID_ISSUED_BEFORE_BIRTH_YEAR = ("Ngày cấp giấy tờ {issued} ở trước năm sinh {year} mà số căn cước cho biết. "
                               "Hãy kiểm tra lại ngày cấp.")
ID_ISSUED_TOO_OLD = "Ngày cấp giấy tờ {issued} trước năm 1900. Hãy kiểm tra lại ngày cấp."
INTAKE_FIELD_BOOL = ("Trường “{field}” phải là true hoặc false (không đặt trong ngoặc kép), "
                     "đã ghi {value}. Hãy sửa lại.")
IDENTITY_NAME_DIFFERS = ("Số giấy tờ {id_number} đã lưu với họ tên “{saved}”, khác họ tên đang nhập. "
                         "Hãy kiểm tra lại; nếu ghi sổ, lượt tiếp này ghi họ tên mới và thay đổi "
                         "được lưu vào lịch sử của người này.")
IDENTITY_REP_NAME_DIFFERS = "Người đại diện thứ {index}: {message}"
CORRECTION_FIELD_UNKNOWN = "Không đính chính được mục “{field}”. Các mục đính chính được: {choices}."
CORRECTION_REASON_REQUIRED = "Hãy ghi lý do đính chính (lý do được lưu cùng giá trị cũ)."
CANCEL_REASON_REQUIRED = "Hãy ghi lý do hủy lượt tiếp (lý do được lưu và hiện trong sổ)."
CORRECTION_SAME_VALUE = "Giá trị mới của “{field}” giống giá trị đang ghi. Không có gì để đính chính."
CORRECTION_PETITION_REQUIRED = ("Lượt tiếp số {visit} có {count} đơn (mã đơn {ids}). Hãy chọn đơn cần "
                                "đính chính (--petition MÃ_ĐƠN).")
CORRECTION_PETITION_OTHER_VISIT = "Đơn mã {petition} không thuộc lượt tiếp số {visit}. Hãy kiểm tra lại."
CORRECTION_REP_MISSING = "Lượt tiếp số {visit} không có người đại diện thứ {index}. Hãy kiểm tra lại."
CORRECTION_CANCELLED = ("Lượt tiếp số {visit} đã bị hủy ngày {day} nên không đính chính được. "
                        "Nếu cần, hãy ghi sổ lại lượt tiếp.")
CORRECTION_ID_TAKEN = ("Số giấy tờ {id_number} đã thuộc người khác ({name}). Nếu lượt tiếp này ghi nhầm "
                       "người, hãy hủy lượt tiếp và ghi sổ lại.")
CORRECTION_KIND_HANDLED = ("Vụ việc số {case} đã có bước xử lý “{step}” theo loại đơn hiện tại nên không "
                           "đổi được loại đơn. Hãy hủy lượt tiếp và ghi sổ lại nếu loại đơn bị ghi nhầm.")
CORRECTION_OUTCOME_BODY_UNUSED = ("Kết quả tiếp là “{outcome}” nên không có cơ quan hướng dẫn, chuyển đến "
                                  "để đính chính.")
CORRECTION_VALUE_INVALID = "Giá trị “{value}” không hợp lệ cho “{field}”: {why}"
CORRECTION_DATE_FORMAT = "cần ngày dạng dd/mm/yyyy hoặc YYYY-MM-DD"
CORRECTION_NUMBER_FORMAT = "cần một mã số"
CORRECTION_CHOICES = "chọn một trong: {choices}"
CORRECTION_NOTE = "Đính chính {field} của đơn số {log}. Lý do: {reason}"
VISIT_CANCELLED = ("Lượt tiếp số {visit} đã bị hủy ngày {day} (lý do: {reason}). Không lập văn bản mới "
                   "cho lượt tiếp đã hủy.")
VISIT_ALREADY_CANCELLED = "Lượt tiếp số {visit} đã bị hủy ngày {day}. Không cần hủy lại."
CANCEL_CASE_NOTE = "Lượt tiếp số {visit} (sổ số {log}) đã bị hủy do ghi sổ nhầm. Lý do: {reason}"
LOG_CANCELLED_NOTE = "ĐÃ HỦY ngày {day}: {reason}"
LOG_CORRECTED_NOTE = "Đã đính chính ngày {day}"
COPY_CORRECTED_NOTE = "Đã đính chính ngày {day}"
COPY_CANCELLED_NOTE = "Lượt tiếp đã hủy ngày {day}"
PERSON_NOT_FOUND = "Không tìm thấy người có số giấy tờ {id_number}. Hãy kiểm tra lại số giấy tờ."
CORRECTION_OFFICER_REQUIRED = "Hãy ghi cán bộ thực hiện (--officer MÃ); việc đính chính, hủy được ghi lại theo người làm."
CORRECTION_VALUE_REQUIRED = "Hãy ghi giá trị mới (--value); để xóa một mục, ghi --value \"\"."

# Legal fidelity (docs/legal-fidelity.md): periods, transition, milestones, calendar switch,
# printed forms
DEADLINE_KNOWN_AFTER_RECEIVED = ("Ngày biết được quyết định, hành vi bị khiếu nại {day} ở sau ngày tiếp nhận "
                                 "{received}. Hãy kiểm tra lại ngày.")
DEADLINE_RECEIVED_BEFORE_DECISION = ("Ngày người khiếu nại nhận được quyết định {day} ở trước ngày có quyết "
                                     "định {decided}. Hãy kiểm tra lại ngày.")
EXPLAIN_END_OF = "ngày hết thời hạn {label} (chưa có quyết định giải quyết)"
EXPLAIN_ROLLED_BACK = "ngày {day} là ngày nghỉ ({label}) nên phải làm trước đó, chậm nhất {moved}"
CASE_NO_FIRST_DECISION = ("Vụ việc chưa có quyết định giải quyết khiếu nại lần đầu nên chưa ghi được ngày người "
                          "khiếu nại nhận quyết định. Hãy ghi bước “Ban hành quyết định” trước.")
CASE_RECEIVED_BEFORE_DECISION = ("Ngày nhận quyết định {day} ở trước ngày ban hành quyết định {decided}. Hãy kiểm "
                                 "tra lại ngày.")
CASE_NOT_SUSPENDED = ("Vụ việc chưa có quyết định tạm đình chỉ nên không có gì để gửi. Hãy ghi bước “Tạm đình "
                      "chỉ giải quyết” trước.")
INTAKE_KNOWN_ON_NOT_COMPLAINT = ("Ngày biết được quyết định, hành vi bị khiếu nại chỉ ghi cho đơn khiếu nại. Hãy "
                                 "bỏ ngày này hoặc chọn loại đơn khiếu nại.")
LIMITATION_PASSED = ("Lưu ý: đơn khiếu nại nhận ngày {received} đã quá thời hiệu khiếu nại (biết được quyết định, "
                     "hành vi ngày {known}; hết hạn ngày {due}; {basis}). Vẫn ghi sổ; nếu vì ốm đau, thiên tai, "
                     "địch họa, đi công tác, học tập ở nơi xa hoặc trở ngại khách quan khác mà người khiếu nại "
                     "không khiếu nại được đúng hạn thì thời gian trở ngại không tính vào thời hiệu: hãy ghi rõ "
                     "lý do và giấy tờ chứng minh.")
SIGNER_MISSING = ("Chưa ghi họ tên người ký văn bản (Cài đặt → Thông số). Văn bản vẫn in được, để trống chỗ "
                  "ghi tên người ký; hãy ghi người ký trước khi in để văn bản đầy đủ.")
REFUSAL_NOT_ISSUED = ("Lượt tiếp số {id} chưa có thông báo từ chối tiếp nào nên chưa có bản để in lại. Hãy in "
                      "bản chính trước (bỏ --copy).")
SETTING_NOT_A_SWITCH = "Giá trị “{value}” không hợp lệ cho công tắc này. Hãy chọn 1 (bật) hoặc 0 (tắt)."

# Desk: first run, office details, settings, help (gui/, core/storage/office.py)
OFFICER_NAME_REQUIRED = ("Chưa nhập họ và tên cán bộ tiếp công dân. Hãy nhập họ tên người sẽ ký giấy "
                         "biên nhận (thêm cán bộ khác sau trong menu Công cụ).")
OFFICE_NAME_REQUIRED = ("Chưa nhập tên cơ quan. Hãy ghi tên in trên văn bản, ví dụ “Ủy ban nhân dân "
                        "phường Nhân Hòa”.")
OFFICE_PARENT_REQUIRED = ("Chưa nhập cơ quan cấp trên. Hãy ghi tên in phía trên tên cơ quan, ví dụ "
                          "“Ủy ban nhân dân tỉnh Bắc Ninh”.")
COMMUNE_NOT_CHOSEN = "Chưa chọn xã/phường/đặc khu. Hãy gõ vài chữ của tên rồi chọn trong danh sách."
# Robustness: locks, disks, damaged files, bad input, idempotent intake, demo, attachments (docs/robustness.md)
DB_BUSY = ("Dữ liệu đang được một cửa sổ hoặc một lệnh khác ghi, đã chờ {seconds} giây mà chưa xong. "
           "Việc vừa làm chưa được ghi; hãy thử lại sau ít phút.")
DISK_FULL = ("Ổ đĩa chứa {path} đã đầy nên không ghi được. Việc vừa làm chưa được ghi; hãy xóa bớt "
             "tệp không cần trên ổ đĩa đó rồi thử lại.")
DATA_READ_ONLY = ("Không có quyền ghi vào {path} (thư mục hoặc tệp chỉ cho phép đọc). Dữ liệu không bị hỏng: "
                  "đừng khôi phục từ bản sao lưu. Hãy cấp quyền ghi cho tài khoản đang dùng, hoặc chọn đúng "
                  "thư mục dữ liệu.")
DATA_NOT_READABLE = ("Không có quyền đọc {path}. Dữ liệu không bị hỏng: đừng khôi phục từ bản sao lưu. "
                     "Hãy cấp quyền đọc cho tài khoản đang dùng.")
DISK_IO = ("Lỗi đọc/ghi ổ đĩa khi làm việc với {path}. Việc vừa làm có thể chưa được ghi; hãy kiểm tra ổ đĩa "
           "(hoặc cắm lại ổ USB) rồi thử lại.")
DB_DAMAGED = ("Tệp dữ liệu {path} bị hỏng nên không được dùng tiếp (để không ghi thêm vào tệp hỏng). "
              "Hãy khôi phục từ bản sao lưu gần nhất: {backup}")
DB_EMPTY = ("Tệp dữ liệu {path} rỗng (0 byte), có thể do sao chép hoặc ghi dở; ứng dụng không tạo cơ quan mới "
            "đè lên. Hãy khôi phục từ bản sao lưu gần nhất: {backup}. Nếu đây là cơ quan mới chưa có dữ "
            "liệu, hãy xóa tệp này rồi thiết lập lại.")
DB_NO_BACKUP = "(không có bản sao lưu nào trong {folder}; hãy giữ nguyên tệp và liên hệ bộ phận kỹ thuật)"
DATA_DIR_NO_OFFICE = ("Thư mục dữ liệu {path} chưa có cơ quan nào. Hãy kiểm tra --data-dir, hoặc chạy "
                      "“desk-app init” để thiết lập cơ quan.")
DATA_DIR_NOT_A_FOLDER = "“{path}” là một tệp, không phải thư mục. Hãy chỉ --data-dir tới thư mục dữ liệu."
UNEXPECTED = ("Lỗi không mong muốn ({kind}); việc vừa làm chưa được ghi trọn. Chi tiết đã ghi vào {log}; "
              "hãy gửi tệp này cho bộ phận kỹ thuật.")
USAGE = "Lệnh không đúng: {detail}. Xem hướng dẫn: {prog} -h"
USAGE_RANGE = "phải là số nguyên từ {low} đến {high}, không phải “{value}”"
INPUT_FILE_IS_FOLDER = "“{path}” là thư mục, không phải tệp. Hãy chỉ đường dẫn tới tệp JSON."
INPUT_FILE_UNREADABLE = "Không đọc được tệp {path} (không có quyền đọc hoặc lỗi ổ đĩa). Hãy kiểm tra tệp."
JSON_TOO_DEEP = "Tệp {path} lồng nhau quá sâu (quá {limit} tầng). Hãy kiểm tra lại tệp."
JSON_NUMBER_TOO_LONG = "Tệp {path} có một số dài quá {limit} chữ số. Hãy kiểm tra lại tệp."
JSON_NUMBER_RANGE = "Trường “{field}” có số {value} nằm ngoài khoảng cho phép. Hãy sửa lại."
JSON_TEXT_INVALID = ("Trường “{field}” có ký tự không hợp lệ (mã UTF-16 đơn lẻ U+{code:04X}). "
                     "Hãy gõ lại nội dung trường này.")
INTAKE_ID_INVALID = ("intake_id “{value}” không phải mã UUID (ví dụ 3f2b8c1e-5d4a-4e6f-9a7b-1c2d3e4f5a6b). "
                     "Hãy sửa lại hoặc bỏ trường này.")
INTAKE_ALREADY_RECORDED = ("Lượt tiếp {visit_id} đã được ghi sổ trước đó với cùng mã intake_id; "
                           "không ghi lại lần nữa.")
DEMO_REAL_OFFICE = ("Thư mục {path} đang chứa dữ liệu thật của {office}; không sinh dữ liệu mẫu vào đây. "
                    "Hãy chọn một thư mục khác (--data-dir).")
DEMO_SEED_USED = ("Dữ liệu mẫu với --seed {seed} đã được sinh trong thư mục này. Hãy dùng --seed khác, "
                  "hoặc một thư mục mới.")
ATTACHMENT_TYPE_REFUSED = ("Không đính kèm tệp “{name}”: chỉ nhận tài liệu và ảnh quét ({allowed}). "
                           "Tệp chương trình, lối tắt hay tệp lệnh có thể chứa mã độc.")
ATTACHMENT_CONTENT_MISMATCH = ("Nội dung tệp “{name}” không phải {kind} như đuôi tệp cho biết. Hãy chọn đúng "
                               "tệp quét, hoặc lưu lại tệp với đúng định dạng.")
ATTACHMENT_NOT_OPENED = ("Không mở tệp “{name}”: loại tệp này không được phép mở từ ứng dụng. "
                         "Hãy nhờ bộ phận kỹ thuật kiểm tra tệp.")
ATTACHMENT_COPY_FAILED = "Không sao chép được tệp “{name}” vào thư mục dữ liệu. Hãy kiểm tra ổ đĩa rồi thử lại."
# Security: accounts, roles, encryption at rest, audit trail, backups (docs/security.md)
DB_LOCKED = ("Dữ liệu trong {path} đã được mã hóa và đang khóa. Hãy đăng nhập (trên dòng lệnh: đặt "
             "DESK_APP_USER và DESK_APP_PASSWORD, hoặc gõ khi được hỏi).")
DB_NOT_ENCRYPTED = ("Tệp dữ liệu {path} chưa được mã hóa (tạo bằng phiên bản cũ). Hãy chạy “desk-app init” "
                    "trong thư mục này (hoặc mở ứng dụng) để tạo tài khoản quản trị và mã hóa dữ liệu.")
DB_UNREADABLE = ("Không đọc được tệp dữ liệu {path}: tệp bị hỏng, hoặc tệp keyring.json bên cạnh không đi "
                 "kèm tệp dữ liệu này. Nếu vừa chép dữ liệu từ máy khác, hãy chép kèm đúng tệp keyring.json; "
                 "nếu không, hãy khôi phục từ bản sao lưu gần nhất: {backup}")
KEYRING_MISSING = ("Không tìm thấy tệp khóa {path}. Tệp này phải nằm cạnh tệp dữ liệu; hãy chép lại từ bản "
                   "sao lưu (thư mục backups hoặc ổ USB đã sao lưu).")
KEYRING_DAMAGED = ("Tệp khóa keyring.json bị hỏng hoặc bị sửa. Hãy chép lại tệp này từ bản sao lưu gần nhất "
                   "(tệp keyring.json nằm cạnh bản sao lưu).")
KEYRING_EXISTS = "Thư mục này đã có tệp khóa {path}: cơ quan đã được thiết lập. Hãy đăng nhập."
USERNAME_INVALID = ("Tên đăng nhập chỉ gồm chữ, số và các dấu . _ - (tối đa {limit} ký tự), ví dụ "
                    "“nhung.nt”. Hãy nhập lại.")
USERNAME_TAKEN = "Tên đăng nhập “{username}” đã có. Hãy chọn tên khác."
PASSWORD_TOO_SHORT = "Mật khẩu phải có ít nhất {limit} ký tự. Hãy chọn mật khẩu dài hơn."
PASSWORDS_DIFFER = "Hai lần nhập mật khẩu không giống nhau. Hãy nhập lại."
LOGIN_FAILED = "Tên đăng nhập hoặc mật khẩu không đúng. Hãy nhập lại."
LOGIN_THROTTLED = ("Đã nhập sai nhiều lần. Hãy chờ {seconds} giây rồi thử lại; nếu quên mật khẩu, hãy nhờ "
                   "quản trị đặt lại.")
LOGIN_REQUIRED = ("Chưa đăng nhập. Hãy đặt DESK_APP_USER và DESK_APP_PASSWORD, hoặc chạy lệnh trong cửa sổ "
                  "dòng lệnh để được hỏi tên đăng nhập và mật khẩu.")
RECOVERY_CODE_WRONG = "Mã khôi phục không đúng. Hãy nhập lại đúng mã đã in khi thiết lập (6 nhóm 5 ký tự)."
RECOVERY_NOT_ADMIN = ("Không có tài khoản quản trị “{username}” đang dùng. Mã khôi phục chỉ đặt lại mật khẩu "
                      "của một tài khoản quản trị.")
ACCOUNT_INACTIVE = "Tài khoản “{username}” đã bị khóa hoặc không còn. Hãy nhờ quản trị kiểm tra."
ACCOUNT_UNKNOWN = "Không có tài khoản “{username}”. Hãy kiểm tra tên đăng nhập (desk-app accounts)."
ACCOUNT_SELF_DEACTIVATE = "Không thể tự khóa tài khoản đang đăng nhập. Hãy nhờ một quản trị khác."
LAST_ADMIN = "Đây là tài khoản quản trị cuối cùng; hãy tạo một tài khoản quản trị khác trước."
NOT_SIGNED_IN = "Chưa đăng nhập. Hãy đăng nhập rồi thử lại."
NOT_PERMITTED = ("Tài khoản {role} không được phép {what}. Hãy nhờ người có quyền, hoặc nhờ quản trị cấp "
                 "quyền.")
ACCOUNT_OFFICER_UNKNOWN = "Không có cán bộ số {id} đang làm việc. Hãy xem danh sách: desk-app codes officers."
OFFICE_ALREADY_ENCRYPTED = "Dữ liệu của cơ quan này đã được mã hóa. Hãy đăng nhập."
SECRET_REQUIRED = "Chưa có {env}. Hãy đặt biến môi trường này, hoặc chạy lệnh trong cửa sổ dòng lệnh để được hỏi."
ACCOUNT_NAME_MISSING = "Chưa ghi TÊN_ĐĂNG_NHẬP. Ví dụ: desk-app accounts add nhung.nt --role reception --officer 1"
ACCOUNT_ROLE_MISSING = "Chưa ghi --role (admin, leader, reception hoặc read_only)."
RECOVERY_CODE_SHOWN = ("Mã khôi phục: {code}\nHãy in hoặc chép mã này, cất ở nơi an toàn (tủ có khóa). Mã chỉ "
                       "hiện một lần; khi quên mọi mật khẩu quản trị, mã này mở lại được dữ liệu.")
REVEAL_NEEDED = ("Văn bản này ghi danh tính người tố cáo (lượt tiếp có nội dung tố cáo): hãy ghi lý do xem "
                 "(trên dòng lệnh: --reveal \"lý do\"). Việc xem được ghi lại.")
BACKUP_NO_FOLDER = "Không xác định được thư mục dữ liệu để sao lưu. Hãy chạy lại với --data-dir."
BACKUP_FAILED_CHECK = ("Bản sao lưu {path} không qua được bước kiểm tra nên đã bị xóa. Hãy kiểm tra ổ đĩa "
                       "(còn chỗ trống, không bị hỏng) rồi sao lưu lại.")
RESTORE_MISSING = "Không có tệp sao lưu {path}. Hãy kiểm tra đường dẫn (desk-app backup --list)."
RESTORE_UNREADABLE = ("Tệp {path} không mở được bằng khóa của cơ quan này hoặc bị hỏng: không khôi phục. "
                      "Hãy chọn bản sao lưu khác (desk-app check cho biết bản tốt gần nhất).")
RESTORE_NO_KEYRING = ("Thiếu tệp khóa {path} đi kèm bản sao lưu. Hãy chép cả hai tệp (bản sao lưu và "
                      "tệp .keyring.json bên cạnh) rồi thử lại.")
CHECK_FAILED = "Có vấn đề với dữ liệu (xem các dòng trên). Hãy báo bộ phận kỹ thuật hoặc khôi phục từ bản sao lưu."
BACKUP_REMINDER = "Đã hơn {days} ngày chưa sao lưu dữ liệu. Hãy sao lưu (Công cụ › Sao lưu), tốt nhất ra ổ USB."
EXPORT_PASSWORD_SHORT = ("Mật khẩu của tệp xuất phải có ít nhất {limit} ký tự. Hãy chọn mật khẩu dài hơn và "
                         "báo cho người nhận bằng đường khác (gọi điện, gặp trực tiếp).")


# --- channels, representatives, mediation, police, directory of bodies, old addresses, IDs
# (docs/channels.md)
CHANNEL_UNKNOWN = "Cách tiếp nhận “{value}” không có trong danh mục. Chọn: {choices}."
CHANNEL_VISIT_ONLY = ("{what} chỉ ghi cho lượt tiếp công dân, không ghi cho đơn nhận qua {channel}. "
                      "Hãy bỏ mục này hoặc chọn cách tiếp nhận “Tiếp công dân”.")
CHANNEL_FIELD_UNEXPECTED = ("{what} không dùng cho đơn nhận qua {channel}. Hãy bỏ mục này hoặc chọn "
                            "đúng cách tiếp nhận.")
CHANNEL_MAILED_AFTER_RECEIVED = ("Ngày dấu bưu điện {mailed} ở sau ngày cơ quan nhận đơn {received}. "
                                 "Hãy kiểm tra lại hai ngày (thời hạn tính từ ngày cơ quan nhận đơn).")
CHANNEL_SOURCE_REQUIRED = ("Đơn do cơ quan khác chuyển đến: hãy ghi tên cơ quan đã chuyển đơn "
                           "(chọn trong danh bạ cơ quan hoặc gõ tên).")
CHANNEL_SOURCE_DOC_AFTER_RECEIVED = ("Ngày văn bản chuyển đơn {doc_on} ở sau ngày nhận đơn {received}. "
                                     "Hãy kiểm tra lại ngày.")
CHANNEL_NO_RECEIPT = ("Đơn của lượt {id} nhận qua {channel}: không lập giấy biên nhận 02/TCD (chỉ lập khi "
                      "công dân đến trình bày và nộp tài liệu){ack}.")
CHANNEL_ACK_HINT = "; giấy báo đã nhận đơn in bằng lệnh desk-app receipt của lượt đó"
ADDRESS_REQUIRED_WITHOUT_ID = ("Người không xuất trình giấy tờ phải nêu rõ họ tên và địa chỉ (Điều 7 Luật "
                               "Tiếp công dân). Hãy ghi địa chỉ hoặc chọn xã/phường.")
ID_NUMBER_WITHOUT_PAPER = ("Đã chọn “Không xuất trình giấy tờ” nhưng lại nhập số giấy tờ “{number}”. "
                           "Hãy chọn đúng loại giấy tờ hoặc xóa số.")
ID_CCCD_ISSUED_LATE = ("Thẻ căn cước công dân (CCCD) chỉ cấp đến 30/06/2024; ngày cấp {issued} là của thẻ "
                       "căn cước mới. Hãy chọn loại giấy tờ “Thẻ căn cước (từ 01/07/2024)”.")
ID_CCCD_ISSUED_EARLY = ("Thẻ căn cước công dân (CCCD) cấp từ 01/01/2016; ngày cấp {issued} sớm hơn. "
                        "Hãy kiểm tra lại ngày cấp hoặc chọn CMND.")
ID_CAN_CUOC_ISSUED_EARLY = ("Thẻ căn cước mới cấp từ 01/07/2024 (Luật Căn cước 2023); ngày cấp {issued} "
                            "sớm hơn. Hãy chọn loại “Căn cước công dân (CCCD)” hoặc sửa ngày cấp.")
ID_PASSPORT_FORMAT = ("Số hộ chiếu “{number}” không hợp lệ: chỉ gồm chữ cái và chữ số, từ 6 đến 12 ký tự "
                      "(hộ chiếu Việt Nam: 1 chữ cái và 7 chữ số, ví dụ C1234567). Hãy kiểm tra lại.")
ID_CERTIFICATE_DIGITS = "Số giấy chứng nhận căn cước phải gồm đúng 12 chữ số. Hãy kiểm tra lại."
AGENT_ROLE_REQUIRED = ("Người đến thay mặt người khác: hãy chọn tư cách đại diện (ủy quyền, luật sư, trợ "
                       "giúp pháp lý, người giám hộ).")
AGENT_PROOF_REQUIRED = ("Hãy ghi giấy tờ chứng minh việc đại diện (ví dụ: Giấy ủy quyền số …, ngày …; "
                        "thẻ luật sư số …). Thiếu giấy tờ này thì được từ chối tiếp (Nghị định 154/2026 Điều 4).")
AGENT_WITHOUT_AGENT = "Đã ghi tư cách hoặc giấy tờ đại diện nhưng chưa nhập người đại diện. Hãy nhập người đại diện hoặc bỏ các mục đó."
AGENT_SAME_PERSON = "Người đại diện và người được đại diện là một người (cùng số giấy tờ {number}). Hãy kiểm tra lại."
AGENT_LABEL = "Người đại diện theo ủy quyền/pháp luật: {message}"
AGENT_NOT_AT_A_VISIT = ("Người đại diện chỉ ghi khi có người đến trình bày thay (tiếp công dân); đơn nhận qua "
                        "{channel} ghi người đứng tên đơn.")
POLICE_FUTURE = "Thời điểm báo công an {when} chưa đến. Hãy ghi đúng thời điểm đã báo."
POLICE_CONTACT_REQUIRED = "Hãy ghi đã báo cho đơn vị, người nào của công an (ví dụ: Công an phường Nhân Hòa, đồng chí …)."
POLICE_WHEN_REQUIRED = "Hãy ghi thời điểm đã báo công an."
MEDIATION_BODY_REQUIRED = "Hãy ghi tổ hòa giải nhận vụ việc (ví dụ: Tổ hòa giải thôn Khúc Toại)."
MEDIATION_RESULT_NOTE_REQUIRED = "Hãy ghi tóm tắt kết quả hòa giải (biên bản hòa giải thành hoặc không thành)."
BODY_NAME_REQUIRED = "Hãy ghi tên cơ quan."
BODY_KIND_UNKNOWN = "Loại cơ quan “{kind}” không có trong danh mục. Chọn: {choices}."
BODY_UNKNOWN = "Không có cơ quan mã “{code}” trong danh bạ. Xem danh sách: desk-app codes bodies."
BODY_DUPLICATE = "“{name}” trùng với cơ quan đã có trong danh bạ: “{other}”. Hãy sửa cơ quan đó thay vì thêm mới."
CASE_REPEAT_TRANSFER_SAME_BODY = ("Đơn cùng nội dung đã được chuyển cho chính cơ quan này ngày {day} (ghi là “{body}”). "
                                  "Chuyển lại cho cùng cơ quan chỉ khi cơ quan đó yêu cầu; xác nhận để tiếp tục.")
CASE_TRANSFER_BACK_TO_SOURCE = ("Đơn này do {body} chuyển đến ngày {day}. Nếu không thuộc thẩm quyền, hãy trả lại "
                                "và thông báo cho cơ quan đã chuyển đơn; xác nhận để vẫn chuyển.")
OLD_ADDRESS_NOT_FOUND = ("Không tìm được xã/phường mới cho địa chỉ cũ “{address}”. Hãy chọn xã/phường mới "
                         "trong danh sách; địa chỉ cũ vẫn được lưu như đã ghi.")
MEDIATION_KIND = ("Chỉ kiến nghị, phản ánh về tranh chấp mới chuyển tổ hòa giải ở cơ sở; khiếu nại, tố cáo "
                  "được giải quyết theo Luật Khiếu nại, Luật Tố cáo. Hãy chọn kết quả khác.")
LOG_AGENT_NOTE = "Người trình bày thay: {name} ({role})"
CLI_MOMENT_INVALID = "Thời điểm “{value}” không đúng dạng YYYY-MM-DDTHH:MM (ví dụ 2026-11-20T09:30)."
LOG_BOOK_UNKNOWN = "Không có sổ “{book}”. Các sổ: {choices}."
# Periodic reports and the chairperson's overview (core/reports, desk-app report)
REPORT_PERIOD_INVALID = ("Kỳ báo cáo “{value}” không đúng dạng. Hãy ghi quý 2026-Q4, 6 tháng 2026-6M, "
                         "9 tháng 2026-9M, năm 2026, hoặc khoảng ngày 2026-11-01..2026-11-30.")
REPORT_PERIOD_ORDER = "Ngày cuối kỳ ({end}) trước ngày đầu kỳ ({start}). Hãy sửa lại khoảng ngày."
REPORT_PERIOD_YEAR = "Kỳ báo cáo “{value}” ngoài khoảng năm {first}–{last}. Hãy ghi lại năm."
REPORT_MODE_UNKNOWN = "Cách tính kỳ “{value}” không có. Hãy chọn một trong: {choices}."
REPORT_LAYOUT_INVALID = ("Tệp mẫu biểu {path} không đúng định dạng: {why}. Hãy sửa tệp theo "
                         "resources/reports/README.md.")
REPORT_CHECK_FAILED = ("{table}, dòng “{row}”: cột {left} = {a} nhưng cột {right} = {b}. Số liệu không "
                       "khớp; hãy báo cho người quản trị phần mềm.")
REPORT_TOTAL_FAILED = ("{table}, cột {col}: dòng “{row}” = {total} nhưng cộng các dòng = {parts}. Số "
                       "liệu không khớp; hãy báo cho người quản trị phần mềm.")
REPORT_CROSS_FAILED = ("Số liệu giữa các biểu không khớp: {left} = {a} nhưng {right} = {b}. Hãy báo cho "
                       "người quản trị phần mềm.")
REPORT_CELL_INVALID = ("Ô “{cell}” không đúng dạng BIỂU:DÒNG:CỘT, ví dụ xld:tong:7 (tên biểu, mã dòng và "
                       "số cột như báo cáo in ra).")
REPORT_CELL_UNKNOWN = ("Báo cáo không có ô “{cell}”. Hãy xem tên biểu, mã dòng và số cột trong báo cáo "
                       "(desk-app report --period … --json).")
REPORT_OUT_FORMAT = "Tệp {path} phải có đuôi .xlsx (các biểu), .pdf (báo cáo và các biểu) hoặc .json."
REPORT_ISSUE_PDF_ONLY = "Chỉ báo cáo PDF mới được lấy số. Hãy ghi tệp .pdf hoặc bỏ --issue."
REPORT_PERIOD_REQUIRED = ("Hãy ghi kỳ báo cáo: --period 2026-Q4 (quý), 2026-6M, 2026-9M, 2026 (năm) hoặc "
                          "2026-11-01..2026-11-30.")

# ---- search and the log book at a million lines ---------------------------------------------
SEARCH_LIMIT_RANGE = ("Mỗi trang kết quả có từ 1 đến {max} dòng (--limit). Để xem tiếp, dùng --page 2, "
                      "--page 3…")
SEARCH_PAGE_RANGE = "Số trang (--page) phải từ 1 đến {max}."
SEARCH_MORE = "Còn kết quả: xem trang sau bằng --page {page}."
SEARCH_NONE = "Không tìm thấy kết quả."
SEARCH_PAGE_EMPTY = "Trang {page} không còn kết quả (các kết quả đã hết ở trang trước)."
# The sync bundle to the province (core/bundle, desk-app keys / export-bundle / import-bundle / ack)
BUNDLE_FILE_MISSING = "Không tìm thấy tệp {path}. Hãy kiểm tra lại đường dẫn."
BUNDLE_NO_OWN_KEY = ("Cơ quan chưa có khóa ký. Hãy tạo khóa: desk-app keys new (hoặc Cài đặt › Khóa "
                     "gửi dữ liệu).")
BUNDLE_KEY_FILE_INVALID = ("Tệp {path} không phải tệp khóa công khai của Bàn tiếp dân. Hãy nhận lại tệp "
                           "khóa (.key) từ cơ quan gửi.")
BUNDLE_KEY_WRONG_SIDE = ("Đây là tệp khóa của một tỉnh, không phải của một xã, phường. Cơ quan cấp tỉnh "
                         "chỉ đăng ký khóa của các xã, phường gửi dữ liệu lên.")
BUNDLE_KEY_NOT_PROVINCE = ("Đây là tệp khóa của một xã, phường, không phải của tỉnh. Hãy nhận tệp khóa "
                           "công khai của Ủy ban nhân dân tỉnh.")
BUNDLE_NOT_PROVINCE = ("Việc này chỉ làm ở cơ quan cấp tỉnh (thiết lập bằng desk-app init --province "
                       "MÃ --mode province).")
BUNDLE_NOT_WARD = "Cơ quan cấp tỉnh không xuất gói dữ liệu; việc này làm ở các xã, phường."
BUNDLE_REFUSED = "Không nhận gói {name}: {why} Dữ liệu không thay đổi."
BUNDLE_REASONS = {
    "damaged": ("tệp hỏng, bị cắt cụt hoặc đã bị sửa (mã kiểm tra không khớp). Hãy xin xã, phường "
                "xuất lại gói."),
    "entries": "tệp chứa các mục không thuộc một gói dữ liệu. Hãy xin xã, phường xuất lại gói.",
    "path": ("tệp chứa đường dẫn ra ngoài thư mục của gói hoặc tệp lạ, có thể là tệp giả mạo. Đừng "
             "mở tệp này; hãy xin xã, phường xuất lại gói."),
    "bomb": ("tệp có kích thước giải nén bất thường (có thể là tệp phá hoại). Đừng mở tệp này; hãy "
             "xin xã, phường xuất lại gói."),
    "format": "tệp không phải gói dữ liệu của Bàn tiếp dân (.dtcd).",
    "schema": ("gói được lập bởi phiên bản mới hơn (cấu trúc dữ liệu {theirs}, máy này {ours}). Hãy "
               "cập nhật phần mềm rồi nhập lại."),
    "unknown_office": ("gói của cơ quan {office} chưa được đăng ký. Hãy nhận tệp khóa công khai của cơ "
                       "quan đó, đối chiếu mã nhận dạng qua điện thoại, rồi đăng ký: desk-app keys "
                       "import TỆP.key."),
    "unknown_key": ("gói được ký bằng một khóa chưa đăng ký cho cơ quan {office} (có thể đã bị ký lại). "
                    "Hãy gọi điện đối chiếu mã nhận dạng khóa với cơ quan đó."),
    "signature": "chữ ký số không đúng: nội dung đã bị sửa hoặc ký bằng khóa khác.",
    "key_retired": ("gói được ký bằng khóa cũ của cơ quan {office}, đã thay từ ngày {since}. Hãy xin "
                    "cơ quan đó xuất lại gói bằng khóa mới."),
    "wrong_key": ("không giải mã được: gói được mã hóa cho một khóa khác của tỉnh. Hãy gửi lại tệp "
                  "khóa công khai hiện tại của tỉnh cho xã, phường rồi xin xuất lại."),
    "replay": ("gói số {seq} đã nhận hoặc cũ hơn gói đã nhận (số {last}): có thể là gói gửi lại hoặc "
               "giả mạo."),
    "gap": ("gói số {seq} tiếp nối gói chưa nhận (đã nhận đến số {last}, còn thiếu gói {missing}). "
            "Hãy nhập các gói còn thiếu trước, hoặc xin xã, phường xuất một gói đầy đủ (--full)."),
    "fork": ("gói số {seq} không nối tiếp gói đã nhận trước nó (mã gói trước khác). Hãy liên hệ xã, "
             "phường để kiểm tra."),
    "rejected": "{count} bản ghi không hợp lệ, ví dụ: {first}",
    "constraint": "bản ghi {table} {uuid} không ghi được ({why}).",
}
BUNDLE_RECORD_REJECTED = "{table} {uuid}: {why}"
BUNDLE_RECORD_SHAPE = "bản ghi không đúng cấu trúc"
BUNDLE_RECORD_FIELDS = "có trường không biết ({fields})"
BUNDLE_RECORD_TWICE = "bản ghi xuất hiện hai lần trong gói"
BUNDLE_RECORD_OTHER_OFFICE = "mã bản ghi đã thuộc cơ quan {office}"
BUNDLE_RECORD_SAME_VERSION = "cùng phiên bản nhưng nội dung khác với bản đã nhận"
BUNDLE_CONFLICT_CHOICE = "Hãy chọn giữ bản của xã, phường (incoming) hoặc bản của tỉnh (local)."
BUNDLE_CONFLICT_UNKNOWN = "Không có xung đột số {id} đang chờ xử lý. Xem danh sách: desk-app conflicts."
ACK_REFUSED = "Không nhận tệp xác nhận {name}: {why} Dữ liệu không thay đổi."
ACK_REASONS = {
    "damaged": "tệp hỏng hoặc không phải tệp xác nhận của Bàn tiếp dân (.dtca).",
    "signature": ("chữ ký không phải của tỉnh đã đăng ký. Hãy kiểm tra khóa của tỉnh (desk-app keys "
                  "list)."),
    "other_office": "tệp xác nhận gói của cơ quan khác ({office}).",
    "unknown_bundle": "máy này chưa xuất gói dữ liệu mà tệp xác nhận nhắc đến.",
}
BUNDLE_OUT_REQUIRED = "Hãy ghi tệp sẽ ghi: --out TỆP.key."
BUNDLE_KEY_FILE_REQUIRED = "Hãy ghi tệp khóa công khai cần đăng ký: desk-app keys import TỆP.key."
BUNDLE_NOT_ENCRYPTED = ("Chưa có khóa của tỉnh nên gói KHÔNG được mã hóa; danh tính người tố cáo đã được "
                        "để ra ngoài. Hãy đăng ký khóa của tỉnh (desk-app keys import TỆP.key) để gói "
                        "được mã hóa.")
