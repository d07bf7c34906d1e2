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
DB_NOT_A_DATABASE = "Tệp {path} không phải cơ sở dữ liệu của ứng dụng hoặc đã hỏng. Hãy khôi phục từ bản sao lưu."

# Person
NAME_REQUIRED = "Chưa nhập họ và tên người đến. Hãy nhập họ tên như trên giấy tờ tùy thân."
NAME_INVALID = "Họ tên “{name}” có ký tự không hợp lệ. Hãy nhập lại bằng chữ tiếng Việt."
ID_DIGITS = "Số căn cước phải gồm đúng 12 chữ số (đã nhập {count} ký tự). Hãy kiểm tra lại."
ID_CMND_DIGITS = "Số CMND phải gồm 9 hoặc 12 chữ số. Hãy kiểm tra lại."
ID_PROVINCE = "Ba số đầu “{code}” của số căn cước không phải mã tỉnh nơi đăng ký khai sinh. Hãy kiểm tra lại."
ID_CENTURY_YEAR = ("Số căn cước cho năm sinh {id_year} nhưng ngày sinh đã nhập là năm {dob_year}. "
                   "Hãy kiểm tra lại số căn cước hoặc ngày sinh.")
ID_SEX = "Số căn cước cho giới tính {id_sex} nhưng đã chọn {sex}. Hãy kiểm tra lại."
ID_CENTURY_DIGIT = "Chữ số thứ tư của số căn cước không hợp lệ. Hãy kiểm tra lại."
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
ID_REQUIRED = ("Chưa nhập số giấy tờ tùy thân. Người đến phải xuất trình căn cước, hộ chiếu hoặc giấy tờ khác; "
               "hãy nhập số hoặc quét mã QR trên thẻ.")
REP_LABEL = "Người đại diện thứ {index}: {message}"
ENUM_FIELD = "Trường “{field}” có giá trị “{value}” không có trong danh mục. Chọn: {choices}."

# Settings
SETTING_NOT_A_NUMBER = "Giá trị “{value}” không hợp lệ: hãy nhập một số nguyên dương."
