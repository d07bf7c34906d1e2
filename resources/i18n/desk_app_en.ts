<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Giới thiệu Bàn tiếp dân</source>
        <translation>About Citizen Reception Desk</translation>
    </message>
    <message>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Thư mục dữ liệu</source>
        <translation>Data folder</translation>
    </message>
    <message>
        <source>Tệp nhật ký lỗi</source>
        <translation>Error log file</translation>
    </message>
    <message>
        <source>Nền tảng</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Bàn tiếp dân</source>
        <translation>Citizen Reception Desk</translation>
    </message>
    <message>
        <source>Phần mềm tiếp công dân, ghi sổ, theo dõi vụ việc của Ủy ban nhân dân cấp xã. Chạy không cần mạng; dữ liệu nằm trong thư mục dữ liệu dưới đây.</source>
        <translation>Citizen reception, log book and case tracking for a commune People&apos;s Committee. Works offline; the data is kept in the data folder below.</translation>
    </message>
</context>
<context>
    <name>ActionDialog</name>
    <message>
        <source>&amp;Ngày người khiếu nại nhận được quyết định:</source>
        <translation>&amp;Day the complainant received the decision:</translation>
    </message>
    <message>
        <source>&amp;Ngày thực hiện:</source>
        <translation>&amp;Date done:</translation>
    </message>
    <message>
        <source>&amp;Cơ quan, tổ chức:</source>
        <translation>&amp;Body, organisation:</translation>
    </message>
    <message>
        <source>Gõ vài chữ để chọn trong danh bạ cơ quan</source>
        <translation>Type a few letters to pick from the directory of bodies</translation>
    </message>
    <message>
        <source>Đơn vị, người được báo</source>
        <translation>Unit and person informed</translation>
    </message>
    <message>
        <source>Đã &amp;báo cho:</source>
        <translation>&amp;Informed:</translation>
    </message>
    <message>
        <source>&amp;Lúc:</source>
        <translation>&amp;At:</translation>
    </message>
    <message>
        <source>&amp;Số, ký hiệu văn bản:</source>
        <translation>Document &amp;number:</translation>
    </message>
    <message>
        <source>Đủ điều kiện &amp;xử lý</source>
        <translation>&amp;Eligible for handling</translation>
    </message>
    <message>
        <source>Thuộc &amp;thẩm quyền giải quyết</source>
        <translation>&amp;Within our competence</translation>
    </message>
    <message>
        <source>&amp;Ghi chú:</source>
        <translation>&amp;Note:</translation>
    </message>
</context>
<context>
    <name>AgentBox</name>
    <message>
        <source>Người trình bày thay (ủy quyền, luật sư, trợ giúp pháp lý, người giám hộ)</source>
        <translation>Presented on behalf of the person (authorisation, lawyer, legal aid, guardian)</translation>
    </message>
    <message>
        <source>ngày/tháng/năm</source>
        <translation>day/month/year</translation>
    </message>
    <message>
        <source>Giấy ủy quyền số …, ngày …; thẻ luật sư số …; quyết định cử trợ giúp viên …</source>
        <translation>Authorisation no. …, dated …; lawyer card no. …; legal-aid assignment decision …</translation>
    </message>
    <message>
        <source>Họ và tên</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Giấy tờ tùy thân</source>
        <translation>Identity paper</translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Tư cách</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Giấy tờ chứng minh</source>
        <translation>Proving document</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Sao lưu dữ liệu</source>
        <translation>Back up the data</translation>
    </message>
    <message>
        <source>Bản sao lưu được mã hóa như dữ liệu, kèm tệp khóa (.keyring.json) để mở được trên máy khác bằng mật khẩu hoặc mã khôi phục. Ứng dụng tự sao lưu khi đóng và vài giờ một lần nếu dữ liệu thay đổi; hãy sao lưu ra ổ USB mỗi tuần và cất ổ ở nơi khác.</source>
        <translation>Backups are encrypted like the data, with a key file (.keyring.json) so that a password or the recovery code opens them on another PC. The app backs up by itself at close and every few hours when data changed; back up to a USB stick every week and keep it elsewhere.</translation>
    </message>
    <message>
        <source>&amp;Sao lưu ngay</source>
        <translation>&amp;Back up now</translation>
    </message>
    <message>
        <source>Sao lưu ra &amp;USB/thư mục khác…</source>
        <translation>Back up to a &amp;USB stick/another folder…</translation>
    </message>
    <message>
        <source>&amp;Khôi phục bản đã chọn…</source>
        <translation>&amp;Restore the selected backup…</translation>
    </message>
    <message>
        <source>Chưa có bản sao lưu nào.</source>
        <translation>No backup yet.</translation>
    </message>
    <message>
        <source>Đã hơn %1 ngày chưa sao lưu. Hãy sao lưu ngay, tốt nhất ra ổ USB.</source>
        <translation>No backup for more than %1 days. Back up now, preferably to a USB stick.</translation>
    </message>
    <message>
        <source>Chọn thư mục (ổ USB) để sao lưu</source>
        <translation>Choose the folder (USB stick) to back up to</translation>
    </message>
    <message>
        <source>Đang sao lưu và kiểm tra…</source>
        <translation>Backing up and checking…</translation>
    </message>
    <message>
        <source>Đã sao lưu và kiểm tra: %1</source>
        <translation>Backed up and checked: %1</translation>
    </message>
    <message>
        <source>Hãy chọn một bản sao lưu trong danh sách.</source>
        <translation>Select a backup in the list.</translation>
    </message>
    <message>
        <source>Khôi phục dữ liệu</source>
        <translation>Restore the data</translation>
    </message>
    <message>
        <source>Thay dữ liệu hiện tại bằng bản sao lưu %1? Dữ liệu hiện tại được sao lưu trước; ứng dụng sẽ đóng sau khi khôi phục, hãy mở lại.</source>
        <translation>Replace the current data with the backup %1? The current data is backed up first; the app closes after restoring, open it again.</translation>
    </message>
</context>
<context>
    <name>BodiesTab</name>
    <message>
        <source>Lọc theo tên (gõ không dấu cũng được)</source>
        <translation>Filter by name (tones optional)</translation>
    </message>
    <message>
        <source>Tên cơ quan</source>
        <translation>Name of the body</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Ẩn</source>
        <translation>Hidden</translation>
    </message>
    <message>
        <source>Tên cũ, tên viết tắt; cách nhau bằng dấu chấm phẩy</source>
        <translation>Former names, abbreviations; separated by semicolons</translation>
    </message>
    <message>
        <source>Ẩn khỏi danh sách gợi ý</source>
        <translation>Hide from the suggestions</translation>
    </message>
    <message>
        <source>Thêm &amp;mới</source>
        <translation>&amp;New</translation>
    </message>
    <message>
        <source>&amp;Ghi cơ quan</source>
        <translation>&amp;Save body</translation>
    </message>
    <message>
        <source>&amp;Tên cơ quan</source>
        <translation>&amp;Name of the body</translation>
    </message>
    <message>
        <source>Tên khác</source>
        <translation>Other names</translation>
    </message>
    <message>
        <source>Đã ghi “%1” vào danh bạ.</source>
        <translation>Saved “%1” in the directory.</translation>
    </message>
</context>
<context>
    <name>BundleDialog</name>
    <message>
        <source>Gửi dữ liệu lên tỉnh</source>
        <translation>Send data to the province</translation>
    </message>
    <message>
        <source>Mã nhận dạng khóa của cơ quan:</source>
        <translation>This office&apos;s key fingerprint:</translation>
    </message>
    <message>
        <source>Khóa của tỉnh:</source>
        <translation>Province key:</translation>
    </message>
    <message>
        <source>Gói số</source>
        <translation>Bundle no.</translation>
    </message>
    <message>
        <source>Ngày xuất</source>
        <translation>Exported on</translation>
    </message>
    <message>
        <source>Bản ghi</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Mã hóa</source>
        <translation>Encrypted</translation>
    </message>
    <message>
        <source>Tỉnh xác nhận</source>
        <translation>Acknowledged by the province</translation>
    </message>
    <message>
        <source>Xuất &amp;toàn bộ hồ sơ (không chỉ phần thay đổi từ gói tỉnh đã xác nhận)</source>
        <translation>Export &amp;all records (not only the changes since the last acknowledged bundle)</translation>
    </message>
    <message>
        <source>&amp;Xuất gói dữ liệu…</source>
        <translation>E&amp;xport a bundle…</translation>
    </message>
    <message>
        <source>&amp;Nhận tệp xác nhận của tỉnh…</source>
        <translation>Read the province&apos;s &amp;acknowledgement…</translation>
    </message>
    <message>
        <source>Đăng &amp;ký khóa của tỉnh…</source>
        <translation>&amp;Register the province&apos;s key…</translation>
    </message>
    <message>
        <source>&amp;Lưu tệp khóa của cơ quan…</source>
        <translation>&amp;Save this office&apos;s key file…</translation>
    </message>
    <message>
        <source>Các gói đã xuất:</source>
        <translation>Bundles exported:</translation>
    </message>
    <message>
        <source>chưa có (tạo khi xuất gói đầu tiên)</source>
        <translation>none yet (made with the first bundle)</translation>
    </message>
    <message>
        <source>Chưa đăng ký. Gói sẽ KHÔNG được mã hóa và danh tính người tố cáo được để ra ngoài. Hãy đăng ký tệp khóa của tỉnh.</source>
        <translation>Not registered. Bundles will NOT be encrypted and denouncers&apos; identities are left out. Register the province&apos;s key file.</translation>
    </message>
    <message>
        <source> (toàn bộ)</source>
        <translation> (all)</translation>
    </message>
    <message>
        <source>có</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>không</source>
        <translation>no</translation>
    </message>
    <message>
        <source>chưa</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>Xuất gói dữ liệu</source>
        <translation>Export a bundle</translation>
    </message>
    <message>
        <source>Gói dữ liệu (*.dtcd)</source>
        <translation>Data bundles (*.dtcd)</translation>
    </message>
    <message>
        <source>Đang đọc và mã hóa hồ sơ…</source>
        <translation>Reading and encrypting the records…</translation>
    </message>
    <message>
        <source>Đã xuất gói số %1 (%2 bản ghi) vào %3.</source>
        <translation>Bundle %1 exported (%2 records) to %3.</translation>
    </message>
    <message>
        <source>Nhận tệp xác nhận</source>
        <translation>Read an acknowledgement</translation>
    </message>
    <message>
        <source>Tệp xác nhận (*.dtca)</source>
        <translation>Acknowledgements (*.dtca)</translation>
    </message>
    <message>
        <source>Tỉnh đã xác nhận gói số %1: %2 bản ghi được đánh dấu đã gửi.</source>
        <translation>The province acknowledged bundle %1: %2 records marked as delivered.</translation>
    </message>
    <message>
        <source>Đăng ký khóa của tỉnh</source>
        <translation>Register the province&apos;s key</translation>
    </message>
    <message>
        <source>Tệp khóa (*.key)</source>
        <translation>Key files (*.key)</translation>
    </message>
    <message>
        <source>Đã đăng ký khóa của %1. Mã nhận dạng: %2 — hãy gọi điện đọc đối chiếu với tỉnh.</source>
        <translation>Key of %1 registered. Fingerprint: %2 — read it to the province by phone to compare.</translation>
    </message>
    <message>
        <source>Lưu tệp khóa của cơ quan</source>
        <translation>Save this office&apos;s key file</translation>
    </message>
    <message>
        <source>Đã lưu %1. Mã nhận dạng: %2</source>
        <translation>Saved %1. Fingerprint: %2</translation>
    </message>
</context>
<context>
    <name>CancelVisitDialog</name>
    <message>
        <source>Hủy lượt tiếp số %1</source>
        <translation>Cancel visit no. %1</translation>
    </message>
    <message>
        <source>Chỉ hủy lượt tiếp ghi sổ nhầm (ghi trùng, nhầm người). Lượt tiếp không bị xóa: dòng sổ số %1 giữ số thứ tự và ghi “ĐÃ HỦY” cùng lý do; vụ việc mở từ lượt tiếp này kết thúc với bước “Hủy do ghi sổ nhầm”. Không thể hoàn tác.</source>
        <translation>Cancel only a visit recorded in error (entered twice, wrong person). The visit is not deleted: log line %1 keeps its number and reads “CANCELLED” with the reason; the case opened by this visit ends with the step “Cancelled: recorded in error”. This cannot be undone.</translation>
    </message>
    <message>
        <source>Lý do hủy (bắt buộc)</source>
        <translation>Reason for cancelling (required)</translation>
    </message>
    <message>
        <source>Hủy lượt tiếp</source>
        <translation>Cancel visit</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>Vụ việc #%1</source>
        <translation>Case #%1</translation>
    </message>
    <message>
        <source>&amp;Mốc thời hạn</source>
        <translation>&amp;Deadlines</translation>
    </message>
    <message>
        <source>&amp;Diễn biến</source>
        <translation>&amp;Timeline</translation>
    </message>
    <message>
        <source>Đơn, &amp;tài liệu</source>
        <translation>Petitions, &amp;papers</translation>
    </message>
    <message>
        <source>&amp;Lên lịch đối thoại…</source>
        <translation>&amp;Schedule a dialogue…</translation>
    </message>
    <message>
        <source>Ghi &amp;biên bản đối thoại…</source>
        <translation>Record dialogue &amp;minutes…</translation>
    </message>
    <message>
        <source>Đối t&amp;hoại</source>
        <translation>Dia&amp;logues</translation>
    </message>
    <message>
        <source>Đính &amp;kèm tệp quét…</source>
        <translation>&amp;Attach a scan…</translation>
    </message>
    <message>
        <source>Tệp đính kè&amp;m</source>
        <translation>Attach&amp;ments</translation>
    </message>
    <message>
        <source>Nhật &amp;ký</source>
        <translation>&amp;Audit trail</translation>
    </message>
    <message>
        <source>Khác ▾</source>
        <translation>More ▾</translation>
    </message>
    <message>
        <source>&amp;In văn bản ▾</source>
        <translation>&amp;Print ▾</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Chưa có thao tác nào được ghi.</source>
        <translation>Nothing recorded yet.</translation>
    </message>
    <message>
        <source>Chuyển đơn lần nữa?</source>
        <translation>Transfer again?</translation>
    </message>
    <message>
        <source>Lý do không thụ lý (để trống: lấy theo phân loại):</source>
        <translation>Reason for not accepting (empty: from the classification):</translation>
    </message>
</context>
<context>
    <name>CaseModel</name>
    <message>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Ngày nhận</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Người gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Hạn tiếp theo</source>
        <translation>Next due</translation>
    </message>
    <message>
        <source>Tình trạng hạn</source>
        <translation>Due state</translation>
    </message>
    <message>
        <source>Dấu hiệu</source>
        <translation>Flags</translation>
    </message>
</context>
<context>
    <name>CaseMore</name>
    <message>
        <source>&amp;Ghi chú…</source>
        <translation>&amp;Note…</translation>
    </message>
    <message>
        <source>&amp;Dấu hiệu</source>
        <translation>&amp;Flags</translation>
    </message>
    <message>
        <source>&amp;Mức độ phức tạp…</source>
        <translation>&amp;Complexity…</translation>
    </message>
    <message>
        <source>Giao &amp;cán bộ xử lý…</source>
        <translation>&amp;Assign an officer…</translation>
    </message>
    <message>
        <source>Tìm đơn &amp;trùng, gộp vụ việc…</source>
        <translation>Find &amp;duplicates, merge…</translation>
    </message>
    <message>
        <source>T&amp;ách đơn ra vụ việc riêng…</source>
        <translation>&amp;Split a petition off…</translation>
    </message>
    <message>
        <source>&amp;Hiện danh tính người tố cáo…</source>
        <translation>&amp;Reveal the denouncer&apos;s identity…</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Nội dung:</source>
        <translation>Content:</translation>
    </message>
    <message>
        <source>Mức độ phức tạp</source>
        <translation>Complexity</translation>
    </message>
    <message>
        <source>Theo văn bản xác định:</source>
        <translation>As decided in writing:</translation>
    </message>
    <message>
        <source>Giao cán bộ xử lý</source>
        <translation>Assign an officer</translation>
    </message>
    <message>
        <source>Cán bộ:</source>
        <translation>Officer:</translation>
    </message>
    <message>
        <source>Xem danh tính người tố cáo</source>
        <translation>See the denouncer&apos;s identity</translation>
    </message>
    <message>
        <source>Danh tính người tố cáo được bảo mật (Luật Tố cáo, Điều 47).
Việc xem được ghi lại. Lý do cần xem:</source>
        <translation>A denouncer&apos;s identity is confidential (Law on Denunciations, art. 47).
Viewing it is recorded. Reason:</translation>
    </message>
    <message>
        <source>Đơn trùng</source>
        <translation>Duplicates</translation>
    </message>
    <message>
        <source>Không thấy vụ việc nào của cùng người với nội dung tương tự.</source>
        <translation>No case of the same person with similar content was found.</translation>
    </message>
    <message>
        <source>Gộp đơn vào vụ việc đã có</source>
        <translation>Merge into an existing case</translation>
    </message>
    <message>
        <source>Đơn mới nhất của vụ việc này có thể trùng với:</source>
        <translation>The latest petition of this case may duplicate:</translation>
    </message>
    <message>
        <source>Vụ việc chỉ có một đơn; không có gì để tách.</source>
        <translation>The case has one petition only; nothing to split.</translation>
    </message>
    <message>
        <source>Tách đơn</source>
        <translation>Split a petition</translation>
    </message>
    <message>
        <source>Đơn cần tách:</source>
        <translation>Petition to split off:</translation>
    </message>
    <message>
        <source>Chưa có buổi đối thoại nào đã lên lịch để ghi biên bản.</source>
        <translation>No dialogue has been scheduled to record minutes for.</translation>
    </message>
    <message>
        <source>Chọn tệp quét</source>
        <translation>Choose a scanned file</translation>
    </message>
    <message>
        <source>Tài liệu và ảnh quét (%1)</source>
        <translation>Documents and scanned images (%1)</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>nhận</source>
        <translation>received</translation>
    </message>
    <message>
        <source>lần hai</source>
        <translation>second instance</translation>
    </message>
    <message>
        <source>cán bộ: </source>
        <translation>officer: </translation>
    </message>
    <message>
        <source>Người gửi</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>bật</source>
        <translation>on</translation>
    </message>
    <message>
        <source>tắt</source>
        <translation>off</translation>
    </message>
    <message>
        <source>ghi lúc</source>
        <translation>entered at</translation>
    </message>
    <message>
        <source>Đơn thuộc vụ việc</source>
        <translation>Petitions of the case</translation>
    </message>
    <message>
        <source>Người đại diện (đoàn đông người)</source>
        <translation>Representatives (crowd)</translation>
    </message>
    <message>
        <source>Tài liệu đã nhận</source>
        <translation>Papers received</translation>
    </message>
    <message>
        <source>Văn bản đã phát hành</source>
        <translation>Documents issued</translation>
    </message>
    <message>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Không có</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Chưa có</source>
        <translation>None yet</translation>
    </message>
    <message>
        <source>Loại văn bản</source>
        <translation>Kind of document</translation>
    </message>
    <message>
        <source>Số, ký hiệu</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Chưa có buổi đối thoại nào.</source>
        <translation>No dialogue yet.</translation>
    </message>
    <message>
        <source>Thông báo gửi ngày</source>
        <translation>Notice sent on</translation>
    </message>
    <message>
        <source>Kết quả</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Chỉ vụ việc giao cho &amp;tôi</source>
        <translation>Only cases assigned to &amp;me</translation>
    </message>
    <message>
        <source>Cập &amp;nhật (F5)</source>
        <translation>&amp;Refresh (F5)</translation>
    </message>
    <message>
        <source>Việc cần làm</source>
        <translation>To do</translation>
    </message>
    <message>
        <source>Theo dấu hiệu (vụ việc đang giải quyết)</source>
        <translation>By flag (open cases)</translation>
    </message>
    <message>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Hôm nay %1&lt;/b&gt; — %2 vụ việc đang giải quyết</source>
        <translation>&lt;b&gt;Today %1&lt;/b&gt; — %2 open cases</translation>
    </message>
    <message>
        <source> (đến %1)</source>
        <translation> (until %1)</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <source>Thời gian mới</source>
        <translation>New time</translation>
    </message>
    <message>
        <source>Người chủ trì thực tế</source>
        <translation>Actual host</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Đồng ý</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Hủy bỏ</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ChannelBox</name>
    <message>
        <source>Cách tiếp nhận</source>
        <translation>How it arrived</translation>
    </message>
    <message>
        <source>ngày/tháng/năm trên dấu bưu điện</source>
        <translation>day/month/year on the postmark</translation>
    </message>
    <message>
        <source>Lưu phong bì kèm đơn</source>
        <translation>Envelope kept with the petition</translation>
    </message>
    <message>
        <source>Gõ vài chữ để chọn trong danh bạ cơ quan</source>
        <translation>Type a few letters to pick from the directory of bodies</translation>
    </message>
    <message>
        <source>Số văn bản chuyển đơn</source>
        <translation>Number of the forwarding letter</translation>
    </message>
    <message>
        <source>ngày/tháng/năm</source>
        <translation>day/month/year</translation>
    </message>
    <message>
        <source>Đơn đến &amp;qua</source>
        <translation>Arrived &amp;by</translation>
    </message>
    <message>
        <source>Ngày dấu bưu điện</source>
        <translation>Postmark date</translation>
    </message>
    <message>
        <source>Số hồ sơ, địa chỉ, số máy</source>
        <translation>Reference, address or number</translation>
    </message>
    <message>
        <source>Cơ quan chuyển đơn đến</source>
        <translation>Forwarded by</translation>
    </message>
    <message>
        <source>Văn bản chuyển đơn</source>
        <translation>Forwarding letter</translation>
    </message>
    <message>
        <source>Ngày nhận đơn là ngày cơ quan nhận được đơn; thời hạn tính từ ngày này. Đơn vào sổ tiếp nhận, xử lý đơn</source>
        <translation>The date received is the day the office received the petition; deadlines run from it. The petition goes into the book of petitions received</translation>
    </message>
    <message>
        <source>; in giấy báo đã nhận đơn gửi người viết đơn.</source>
        <translation>; print the acknowledgement for the sender.</translation>
    </message>
</context>
<context>
    <name>ColumnMemory</name>
    <message>
        <source>Cột hiển thị</source>
        <translation>Columns shown</translation>
    </message>
    <message>
        <source>Khôi phục cột mặc định</source>
        <translation>Restore default columns</translation>
    </message>
</context>
<context>
    <name>ContentBox</name>
    <message>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Thêm &amp;nội dung khác loại (đơn có nhiều nội dung)</source>
        <translation>Add content of another &amp;kind (a petition with several contents)</translation>
    </message>
    <message numerus="yes">
        <source>Nội dung %n</source>
        <translation>
            <numerusform>Content %n</numerusform>
            <numerusform>Content %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <source>Đính chính lượt tiếp số %1</source>
        <translation>Correct visit no. %1</translation>
    </message>
    <message>
        <source>Vì sao đính chính (bắt buộc, được lưu lại)</source>
        <translation>Why it is corrected (required, kept on record)</translation>
    </message>
    <message>
        <source>Mục cần đính chính</source>
        <translation>Item to correct</translation>
    </message>
    <message>
        <source>Đang ghi</source>
        <translation>Recorded now</translation>
    </message>
    <message>
        <source>Giá trị đúng</source>
        <translation>Correct value</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Giá trị cũ, người đính chính, thời điểm và lý do được lưu và hiện trong cửa sổ lượt tiếp; sổ ghi “Đã đính chính”.</source>
        <translation>The old value, who corrected it, when and why are kept and shown in the visit window; the log reads “Corrected”.</translation>
    </message>
    <message>
        <source>Lưu đính chính</source>
        <translation>Save correction</translation>
    </message>
    <message>
        <source>(trống)</source>
        <translation>(empty)</translation>
    </message>
    <message>
        <source>(không ghi)</source>
        <translation>(not recorded)</translation>
    </message>
    <message>
        <source>ngày/tháng/năm</source>
        <translation>day/month/year</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <source>Đang tạo cơ quan mẫu với %1 lượt tiếp sinh sẵn…</source>
        <translation>Creating the demo office with %1 generated visits…</translation>
    </message>
    <message>
        <source>Đang lập chỉ mục tìm kiếm…</source>
        <translation>Building the search index…</translation>
    </message>
    <message>
        <source>Đang tính thời hạn của các vụ việc…</source>
        <translation>Computing the cases&apos; deadlines…</translation>
    </message>
    <message>
        <source>&amp;Hủy</source>
        <translation>&amp;Cancel</translation>
    </message>
    <message>
        <source>Bàn tiếp dân — lần đầu mở cơ quan mẫu</source>
        <translation>Citizen Reception Desk — first start of the demo office</translation>
    </message>
</context>
<context>
    <name>DialogueMinutesDialog</name>
    <message>
        <source>Biên bản đối thoại</source>
        <translation>Dialogue minutes</translation>
    </message>
    <message>
        <source>Họ tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Tư cách</source>
        <translation>Capacity</translation>
    </message>
    <message>
        <source>Ý kiến, quan điểm</source>
        <translation>Opinion</translation>
    </message>
    <message>
        <source>Thời gian:</source>
        <translation>Time:</translation>
    </message>
    <message>
        <source>Thành phần:</source>
        <translation>Participants:</translation>
    </message>
    <message>
        <source>Kết quả đối thoại:</source>
        <translation>Result of the dialogue:</translation>
    </message>
</context>
<context>
    <name>DocumentDialog</name>
    <message>
        <source>◀ Trang trước</source>
        <translation>◀ Previous page</translation>
    </message>
    <message>
        <source>Trang sau ▶</source>
        <translation>Next page ▶</translation>
    </message>
    <message>
        <source>In… (Ctrl+P)</source>
        <translation>Print… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Xem trước khi in…</source>
        <translation>Print preview…</translation>
    </message>
    <message>
        <source>Lưu PDF…</source>
        <translation>Save PDF…</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Trang đang hiển thị chính là bản sẽ được in.</source>
        <translation>The page shown is exactly what will be printed.</translation>
    </message>
    <message>
        <source>Bản chính đã được cấp trước đây: in hoặc lưu lần này là bản sao (có dấu “BẢN SAO”).</source>
        <translation>The original was issued before: printing or saving now gives a copy (marked “COPY”).</translation>
    </message>
    <message>
        <source>Bản xem trước: bản chính được cấp khi in hoặc lưu PDF lần đầu thành công.</source>
        <translation>Preview: the original is issued by the first print or PDF save that succeeds.</translation>
    </message>
    <message>
        <source>Trang %1/%2</source>
        <translation>Page %1/%2</translation>
    </message>
    <message>
        <source>Đã lưu bản sao vào %1.</source>
        <translation>Copy saved to %1.</translation>
    </message>
    <message>
        <source>Đã lưu bản chính vào %1. Lần in hoặc lưu sau là bản sao.</source>
        <translation>Original saved to %1. Later prints or saves are copies.</translation>
    </message>
    <message>
        <source>Đã in bản sao.</source>
        <translation>Copy printed.</translation>
    </message>
    <message>
        <source>Đã in bản chính. Lần in hoặc lưu sau là bản sao.</source>
        <translation>Original printed. Later prints or saves are copies.</translation>
    </message>
    <message>
        <source>Lưu PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>DocumentsBox</name>
    <message>
        <source>Thông tin, tài liệu nhận</source>
        <translation>Information and papers received</translation>
    </message>
    <message>
        <source>Tên tài liệu</source>
        <translation>Paper</translation>
    </message>
    <message>
        <source>Số trang</source>
        <translation>Pages</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Bản gốc/sao</source>
        <translation>Original/copy</translation>
    </message>
    <message>
        <source>Thêm tài &amp;liệu</source>
        <translation>Add a &amp;paper</translation>
    </message>
</context>
<context>
    <name>EncryptOfficeDialog</name>
    <message>
        <source>Mã hóa dữ liệu của cơ quan</source>
        <translation>Encrypt the office data</translation>
    </message>
    <message>
        <source>Phiên bản này mã hóa dữ liệu và yêu cầu đăng nhập. Hãy tạo tài khoản quản trị; dữ liệu được sao lưu rồi mã hóa một lần (có thể mất vài phút với dữ liệu lớn).</source>
        <translation>This version encrypts the data and requires signing in. Create the administrator account; the data is backed up, then encrypted once (this may take a few minutes for a large office).</translation>
    </message>
    <message>
        <source>Tài khoản &amp;quản trị</source>
        <translation>&amp;Administrator account</translation>
    </message>
    <message>
        <source>&amp;Mật khẩu (ít nhất 8 ký tự)</source>
        <translation>&amp;Password (at least 8 characters)</translation>
    </message>
    <message>
        <source>Nhập &amp;lại mật khẩu</source>
        <translation>Re&amp;peat the password</translation>
    </message>
    <message>
        <source>&amp;Mã hóa</source>
        <translation>&amp;Encrypt</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Lỗi không mong muốn</source>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <source>Ứng dụng gặp lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng; thao tác vừa rồi chưa được ghi. Hãy thử lại, và nếu lỗi lặp lại, gửi nội dung chi tiết cho bộ phận kỹ thuật.</source>
        <translation>The application met an unexpected error. Saved data is not affected; the last action was not saved. Try again, and if the error comes back, send the details to technical support.</translation>
    </message>
    <message>
        <source>Chi tiết</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Sao chép chi tiết</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>Fields</name>
    <message>
        <source>Ngày “%1” không đúng dạng ngày/tháng/năm, ví dụ %2.</source>
        <translation>The date “%1” is not day/month/year, for example %2.</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Thiết lập cơ quan</source>
        <translation>Set up the office</translation>
    </message>
    <message>
        <source>&amp;Vùng sâu, vùng xa (thời hạn giải quyết khiếu nại dài hơn)</source>
        <translation>&amp;Remote area (longer periods to resolve complaints)</translation>
    </message>
    <message>
        <source>Bắt buộc: người ký giấy biên nhận</source>
        <translation>Required: who signs the receipts</translation>
    </message>
    <message>
        <source>Ví dụ: Công chức Văn phòng - Thống kê</source>
        <translation>For example: Office and statistics civil servant</translation>
    </message>
    <message>
        <source>Tỉnh/thành &amp;phố</source>
        <translation>&amp;Province/city</translation>
    </message>
    <message>
        <source>&amp;Xã/phường/đặc khu</source>
        <translation>&amp;Commune/ward/special zone</translation>
    </message>
    <message>
        <source>Tên cơ &amp;quan (in trên văn bản)</source>
        <translation>Office &amp;name (printed on documents)</translation>
    </message>
    <message>
        <source>Cơ quan cấp trê&amp;n</source>
        <translation>Parent &amp;body</translation>
    </message>
    <message>
        <source>&amp;Cán bộ tiếp công dân</source>
        <translation>Reception &amp;officer</translation>
    </message>
    <message>
        <source>C&amp;hức vụ</source>
        <translation>Posi&amp;tion</translation>
    </message>
    <message>
        <source>Ví dụ: nhung.nt</source>
        <translation>For example: nhung.nt</translation>
    </message>
    <message>
        <source>Tài khoản &amp;quản trị</source>
        <translation>&amp;Administrator account</translation>
    </message>
    <message>
        <source>&amp;Mật khẩu (ít nhất 8 ký tự)</source>
        <translation>&amp;Password (at least 8 characters)</translation>
    </message>
    <message>
        <source>Nhập &amp;lại mật khẩu</source>
        <translation>Re&amp;peat the password</translation>
    </message>
    <message>
        <source>&amp;Thiết lập</source>
        <translation>&amp;Set up</translation>
    </message>
    <message>
        <source>Chọn đơn vị hành chính theo danh mục sau sắp xếp năm 2025 (gõ vài chữ của tên, có dấu hay không dấu đều được). Tên cơ quan, cơ quan cấp trên và vùng sâu, vùng xa sửa được sau trong Cài đặt.</source>
        <translation>Choose the administrative unit from the list after the 2025 reorganisation (type a few letters of the name, with or without tones). The office name, parent body and remote-area flag can be changed later in Settings.</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <source>Bắt đầu</source>
        <translation>Getting started</translation>
    </message>
    <message>
        <source>Thiết lập lần đầu</source>
        <translation>First run</translation>
    </message>
    <message>
        <source>Tiếp công dân</source>
        <translation>Reception</translation>
    </message>
    <message>
        <source>Sổ tiếp công dân</source>
        <translation>Reception log book</translation>
    </message>
    <message>
        <source>Theo dõi vụ việc</source>
        <translation>Case tracking</translation>
    </message>
    <message>
        <source>Cửa sổ vụ việc</source>
        <translation>Case window</translation>
    </message>
    <message>
        <source>Lịch tiếp công dân</source>
        <translation>Reception schedule</translation>
    </message>
    <message>
        <source>Báo cáo định kỳ</source>
        <translation>Periodic reports</translation>
    </message>
    <message>
        <source>Tổng quan</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>In giấy tờ</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Gửi dữ liệu lên tỉnh</source>
        <translation>Send data to the province</translation>
    </message>
    <message>
        <source>Cơ quan cấp tỉnh: nhập và tổng hợp</source>
        <translation>Province office: import and consolidation</translation>
    </message>
    <message>
        <source>Căn cứ pháp lý</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Phím tắt</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Hướng dẫn — Bàn tiếp dân</source>
        <translation>Help — Citizen Reception Desk</translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <source>Đã đọc thẻ căn cước của %1.</source>
        <translation>Read the ID card of %1.</translation>
    </message>
    <message>
        <source>Quét mã QR trên thẻ căn cước hoặc trên giấy biên nhận (đặt con trỏ ở đây rồi quét)</source>
        <translation>Scan the QR code of the ID card or of a receipt (put the cursor here, then scan)</translation>
    </message>
    <message>
        <source>&amp;Ghi sổ (Ctrl+S)</source>
        <translation>&amp;Record (Ctrl+S)</translation>
    </message>
    <message>
        <source>Người tiếp th&amp;eo (Ctrl+N)</source>
        <translation>&amp;Next visitor (Ctrl+N)</translation>
    </message>
    <message>
        <source>Người tiếp theo</source>
        <translation>Next visitor</translation>
    </message>
    <message>
        <source>Biểu mẫu đang có thông tin chưa ghi sổ. Xóa để tiếp người tiếp theo?</source>
        <translation>The form holds details not yet recorded. Clear it for the next visitor?</translation>
    </message>
    <message>
        <source>Chưa ghi sổ lượt tiếp nào trong phiên làm việc này để in.</source>
        <translation>No visit has been recorded in this session yet, so there is nothing to print.</translation>
    </message>
    <message>
        <source>Đơn vừa ghi không có giấy biên nhận hay giấy báo để in (đường dây nóng, cơ quan khác chuyển đến).</source>
        <translation>The petition just saved has no receipt or acknowledgement to print (hotline, forwarded by another body).</translation>
    </message>
    <message>
        <source>Mã QR này không phải giấy biên nhận của cơ quan, hoặc đã bị sửa. Hãy kiểm tra giấy biên nhận bản gốc.</source>
        <translation>This QR code is not a receipt of this office, or it was altered. Check the original receipt.</translation>
    </message>
    <message>
        <source>Đã mở lượt tiếp của giấy biên nhận vừa quét.</source>
        <translation>Opened the visit of the scanned receipt.</translation>
    </message>
    <message>
        <source>Các lượt tiếp của người có số giấy tờ %1, kể cả lượt có nội dung tố cáo.</source>
        <translation>The visits of the person with ID number %1, including visits with a denunciation.</translation>
    </message>
    <message>
        <source>Đã ghi sổ lượt tiếp của %1.</source>
        <translation>Recorded the visit of %1.</translation>
    </message>
    <message>
        <source>Lượt tiếp này đã được ghi sổ trước đó (số %1); không ghi lại.</source>
        <translation>This visit was already recorded (no. %1); it was not recorded again.</translation>
    </message>
    <message>
        <source>Giấy báo đã nhận đơn số %1.</source>
        <translation>Acknowledgement of receipt no. %1.</translation>
    </message>
    <message>
        <source>In giấy báo đã nhận đơn (Ctrl+P)</source>
        <translation>Print the acknowledgement of receipt (Ctrl+P)</translation>
    </message>
    <message>
        <source>Giấy biên nhận số %1.</source>
        <translation>Receipt no. %1.</translation>
    </message>
    <message>
        <source>In giấy biên nhận (Ctrl+P)</source>
        <translation>Print the receipt (Ctrl+P)</translation>
    </message>
    <message>
        <source>Đơn đã vào sổ tiếp nhận, xử lý đơn.</source>
        <translation>Entered in the book of petitions received.</translation>
    </message>
    <message>
        <source>Lập thông báo từ chối tiếp (mẫu 01/TCD)</source>
        <translation>Make the refusal notice (form 01/TCD)</translation>
    </message>
    <message>
        <source>Đơn vừa ghi có thể trùng vụ việc #%1 (%2, %3): %4</source>
        <translation>The petition just recorded may duplicate case #%1 (%2, %3): %4</translation>
    </message>
    <message>
        <source>Gộp vào vụ việc này</source>
        <translation>Merge into this case</translation>
    </message>
    <message>
        <source>Xem</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Đã gộp đơn vào vụ việc #%1.</source>
        <translation>Merged the petition into case #%1.</translation>
    </message>
</context>
<context>
    <name>KnownPersonPanel</name>
    <message>
        <source>Người đã từng đến</source>
        <translation>Earlier visits</translation>
    </message>
    <message>
        <source>Nhập hoặc quét số căn cước để xem các lần đến trước.</source>
        <translation>Type or scan an ID number to see earlier visits.</translation>
    </message>
    <message>
        <source>Dùng thông tin đã lư&amp;u</source>
        <translation>&amp;Use the saved details</translation>
    </message>
    <message>
        <source>Xem cả lượt được bảo &amp;mật…</source>
        <translation>Show the &amp;protected visits too…</translation>
    </message>
    <message>
        <source>Chưa có lần đến trước với số giấy tờ này.</source>
        <translation>No earlier visit with this ID number.</translation>
    </message>
    <message>
        <source>%1 — đã đến %2 lần.</source>
        <translation>%1 — came %2 times.</translation>
    </message>
    <message>
        <source>Vụ việc đang mở: %1</source>
        <translation>Open cases: %1</translation>
    </message>
    <message>
        <source>Đang mở: %1</source>
        <translation>Open: %1</translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <source>Mọi ngày</source>
        <translation>Any date</translation>
    </message>
    <message>
        <source>Trong khoảng</source>
        <translation>Between</translation>
    </message>
    <message>
        <source>Mọi hình thức</source>
        <translation>Any kind of reception</translation>
    </message>
    <message>
        <source>Mọi loại đơn</source>
        <translation>Any petition kind</translation>
    </message>
    <message>
        <source>Mọi cán bộ</source>
        <translation>Any officer</translation>
    </message>
    <message>
        <source>Mọi cách tiếp nhận</source>
        <translation>Every channel</translation>
    </message>
    <message>
        <source>Sổ tiếp công dân (03/TCD)</source>
        <translation>Reception log (03/TCD)</translation>
    </message>
    <message>
        <source>Sổ tiếp nhận, xử lý đơn</source>
        <translation>Book of petitions received</translation>
    </message>
    <message>
        <source>Bỏ tìm kiếm</source>
        <translation>Clear search</translation>
    </message>
    <message>
        <source>&amp;Ngày:</source>
        <translation>&amp;Date:</translation>
    </message>
    <message>
        <source>Xuất &amp;sổ… (Ctrl+E)</source>
        <translation>&amp;Export… (Ctrl+E)</translation>
    </message>
    <message>
        <source>hơn %1</source>
        <translation>more than %1</translation>
    </message>
    <message>
        <source>đang đếm…</source>
        <translation>counting…</translation>
    </message>
    <message>
        <source>%1 / %2 kết quả</source>
        <translation>%1 / %2 results</translation>
    </message>
    <message>
        <source>Xem thêm %1 kết quả</source>
        <translation>Show %1 more results</translation>
    </message>
    <message>
        <source>Kết quả tìm kiếm cho “%1” (khớp nhất trước, rồi mới nhất trước)</source>
        <translation>Search results for “%1” (best match first, then newest first)</translation>
    </message>
    <message>
        <source>In lại giấy báo đã nhận đơn…</source>
        <translation>Reprint the acknowledgement of receipt…</translation>
    </message>
    <message>
        <source>Đính chính…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>Hủy lượt tiếp (ghi sổ nhầm)…</source>
        <translation>Cancel visit (recorded in error)…</translation>
    </message>
    <message>
        <source>Xuất sổ tiếp nhận, xử lý đơn</source>
        <translation>Export the book of petitions received</translation>
    </message>
    <message>
        <source>Xuất sổ tiếp công dân</source>
        <translation>Export the log book</translation>
    </message>
    <message>
        <source>Tệp PDF (*.pdf);;Bảng tính Excel (*.xlsx)</source>
        <translation>PDF files (*.pdf);;Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Đang xuất sổ tiếp công dân…</source>
        <translation>Exporting the log book…</translation>
    </message>
    <message>
        <source>Hủy</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Đã xuất %1 dòng ra %2</source>
        <translation>Exported %1 lines to %2</translation>
    </message>
    <message>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>%1 dòng</source>
        <translation>%1 lines</translation>
    </message>
    <message>
        <source>Xem chi tiết</source>
        <translation>View details</translation>
    </message>
    <message>
        <source>Lập thông báo từ chối tiếp (mẫu 01/TCD)…</source>
        <translation>Make the refusal notice (form 01/TCD)…</translation>
    </message>
    <message>
        <source>In lại giấy biên nhận…</source>
        <translation>Print the receipt again…</translation>
    </message>
    <message>
        <source>Mở vụ việc #%1</source>
        <translation>Open case #%1</translation>
    </message>
    <message>
        <source>Hiện danh tính người tố cáo…</source>
        <translation>Reveal the denouncer&apos;s identity…</translation>
    </message>
    <message>
        <source>Xem danh tính người tố cáo</source>
        <translation>See the denouncer&apos;s identity</translation>
    </message>
    <message>
        <source>Danh tính người tố cáo được bảo mật (Luật Tố cáo, Điều 47).
Việc xem được ghi lại. Lý do cần xem:</source>
        <translation>A denouncer&apos;s identity is confidential (Law on Denunciations, art. 47).
Viewing it is recorded. Reason:</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Bàn tiếp dân — đăng nhập</source>
        <translation>Reception desk — sign in</translation>
    </message>
    <message>
        <source>Bàn tiếp dân — đã khóa</source>
        <translation>Reception desk — locked</translation>
    </message>
    <message>
        <source>Dữ liệu được mã hóa. Đăng nhập bằng tài khoản của mình; mọi việc ghi sổ, in, xem danh tính người tố cáo đều ghi tên người đăng nhập.</source>
        <translation>The data is encrypted. Sign in with your own account; every entry, print and view of a denouncer&apos;s identity records who is signed in.</translation>
    </message>
    <message>
        <source>Máy đã tự khóa vì lâu không dùng. Nhập mật khẩu để tiếp tục.</source>
        <translation>The desk locked itself after a while without use. Type your password to continue.</translation>
    </message>
    <message>
        <source>&amp;Tên đăng nhập</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>&amp;Mật khẩu</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Đăng &amp;nhập</source>
        <translation>&amp;Sign in</translation>
    </message>
    <message>
        <source>&amp;Mở khóa</source>
        <translation>&amp;Unlock</translation>
    </message>
    <message>
        <source>T&amp;hoát</source>
        <translation>E&amp;xit</translation>
    </message>
    <message>
        <source>&amp;Quên mật khẩu…</source>
        <translation>&amp;Forgot the password…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source> Cán &amp;bộ tiếp: </source>
        <translation> Receiving &amp;officer: </translation>
    </message>
    <message>
        <source>Tiếp công dân (F2)</source>
        <translation>Reception (F2)</translation>
    </message>
    <message>
        <source>Sổ tiếp công dân (F3)</source>
        <translation>Log book (F3)</translation>
    </message>
    <message>
        <source>Theo dõi vụ việc (F4)</source>
        <translation>Cases (F4)</translation>
    </message>
    <message>
        <source>Lịch tiếp công dân (F6)</source>
        <translation>Reception schedule (F6)</translation>
    </message>
    <message>
        <source>Báo cáo định kỳ (F8)</source>
        <translation>Periodic reports (F8)</translation>
    </message>
    <message>
        <source>Tổng quan (F9)</source>
        <translation>Overview (F9)</translation>
    </message>
    <message>
        <source>Bàn tiếp dân — %1</source>
        <translation>Citizen Reception Desk — %1</translation>
    </message>
    <message>
        <source>Không có buổi tiếp công dân của lãnh đạo đang diễn ra. Hãy chọn buổi tiếp trong lịch rồi bấm “Ngày tiếp công dân…”.</source>
        <translation>No reception session hosted by the head is under way. Choose a session in the schedule, then press “Reception day…”.</translation>
    </message>
    <message>
        <source>Đăng nhập: %1 (%2)</source>
        <translation>Signed in: %1 (%2)</translation>
    </message>
    <message>
        <source>Khôi phục dữ liệu</source>
        <translation>Restore the data</translation>
    </message>
    <message>
        <source>Đã khôi phục. Ứng dụng sẽ đóng; hãy mở lại và đăng nhập.</source>
        <translation>Restored. The app will close; open it again and sign in.</translation>
    </message>
    <message>
        <source>Thêm cán bộ tiếp công dân</source>
        <translation>Add a reception officer</translation>
    </message>
    <message>
        <source>Họ và tên cán bộ:</source>
        <translation>Officer&apos;s full name:</translation>
    </message>
    <message>
        <source>Chức vụ:</source>
        <translation>Position:</translation>
    </message>
    <message>
        <source>Thoát</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>Biểu mẫu tiếp công dân có thông tin chưa ghi sổ. Vẫn thoát?</source>
        <translation>The reception form holds details not yet recorded. Quit anyway?</translation>
    </message>
    <message>
        <source>Thanh công cụ</source>
        <translation>Toolbar</translation>
    </message>
    <message>
        <source>Tìm tên, số căn cước, địa chỉ, nội dung… (Ctrl+F)</source>
        <translation>Search names, ID numbers, addresses, contents… (Ctrl+F)</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>Lượt tiếp &amp;mới (người tiếp theo)</source>
        <translation>&amp;New visit (next visitor)</translation>
    </message>
    <message>
        <source>&amp;Ghi sổ lượt tiếp</source>
        <translation>&amp;Record the visit</translation>
    </message>
    <message>
        <source>&amp;In giấy biên nhận vừa ghi…</source>
        <translation>&amp;Print the receipt just recorded…</translation>
    </message>
    <message>
        <source>&amp;Xuất sổ tiếp công dân…</source>
        <translation>&amp;Export the log book…</translation>
    </message>
    <message>
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Xem</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Tiếp công dân (ô quét mã QR)</source>
        <translation>&amp;Reception (QR box)</translation>
    </message>
    <message>
        <source>&amp;Sổ tiếp công dân</source>
        <translation>&amp;Log book</translation>
    </message>
    <message>
        <source>Theo dõi &amp;vụ việc</source>
        <translation>&amp;Cases</translation>
    </message>
    <message>
        <source>Lịc&amp;h tiếp công dân</source>
        <translation>Reception sc&amp;hedule</translation>
    </message>
    <message>
        <source>&amp;Buổi tiếp của lãnh đạo đang diễn ra…</source>
        <translation>Head&apos;s reception session under &amp;way…</translation>
    </message>
    <message>
        <source>Báo cáo định &amp;kỳ</source>
        <translation>Periodic &amp;reports</translation>
    </message>
    <message>
        <source>Tổng &amp;quan (biểu đồ cho lãnh đạo)</source>
        <translation>&amp;Overview (charts for the head)</translation>
    </message>
    <message>
        <source>Tìm &amp;kiếm</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>&amp;Làm mới danh sách</source>
        <translation>Re&amp;fresh the list</translation>
    </message>
    <message>
        <source>&amp;Công cụ</source>
        <translation>&amp;Tools</translation>
    </message>
    <message>
        <source>&amp;Thêm cán bộ tiếp công dân…</source>
        <translation>&amp;Add a reception officer…</translation>
    </message>
    <message>
        <source>&amp;Cài đặt…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>Gửi dữ liệu lên &amp;tỉnh…</source>
        <translation>Send data to the &amp;province…</translation>
    </message>
    <message>
        <source>&amp;Sao lưu, khôi phục…</source>
        <translation>&amp;Backup and restore…</translation>
    </message>
    <message>
        <source>&amp;Khóa màn hình</source>
        <translation>&amp;Lock the screen</translation>
    </message>
    <message>
        <source>Trợ g&amp;iúp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Hướng dẫn cho màn hình này</source>
        <translation>&amp;Help for this screen</translation>
    </message>
    <message>
        <source>&amp;Phím tắt</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>&amp;Căn cứ pháp lý của thời hạn và biểu mẫu</source>
        <translation>&amp;Legal basis of deadlines and forms</translation>
    </message>
    <message>
        <source>&amp;Giới thiệu…</source>
        <translation>&amp;About…</translation>
    </message>
</context>
<context>
    <name>MilestoneTable</name>
    <message>
        <source>Mốc thời hạn</source>
        <translation>Milestone</translation>
    </message>
    <message>
        <source>Hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Condition</translation>
    </message>
    <message>
        <source>Cách tính</source>
        <translation>How it was counted</translation>
    </message>
    <message>
        <source>Đã qua</source>
        <translation>Passed</translation>
    </message>
    <message>
        <source>Để theo dõi</source>
        <translation>For reference</translation>
    </message>
    <message>
        <source>Đã xong</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Tạm dừng</source>
        <translation>Paused</translation>
    </message>
    <message>
        <source>Chưa tính</source>
        <translation>Not yet computed</translation>
    </message>
    <message>
        <source> (chỉ tiêu của cơ quan)</source>
        <translation> (office target)</translation>
    </message>
</context>
<context>
    <name>OutcomeBox</name>
    <message>
        <source>Kết quả tiếp</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Gõ vài chữ để chọn trong danh bạ cơ quan</source>
        <translation>Type a few letters to pick from the directory of bodies</translation>
    </message>
    <message>
        <source>Số văn bản</source>
        <translation>Document number</translation>
    </message>
    <message>
        <source>Không có đơn: cán bộ ghi lại nội dung, đọc lại và người đến ký</source>
        <translation>No written petition: the officer wrote the content down, read it back, and the visitor signed</translation>
    </message>
    <message>
        <source>&amp;Kết quả</source>
        <translation>&amp;Outcome</translation>
    </message>
    <message>
        <source>Lý do từ chối</source>
        <translation>Ground for refusal</translation>
    </message>
    <message>
        <source>Cơ quan hướng dẫn/chuyển đến</source>
        <translation>Body guided or transferred to</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Kết quả tiếp nhận đơn</source>
        <translation>Outcome of the petition</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Cập &amp;nhật (F5)</source>
        <translation>&amp;Refresh (F5)</translation>
    </message>
    <message>
        <source>Tổng quan đến ngày %1 — %2 đơn trong 12 tháng, %3 vụ việc đang giải quyết, %4 quá hạn</source>
        <translation>Overview up to %1 — %2 petitions in 12 months, %3 cases open, %4 overdue</translation>
    </message>
    <message>
        <source>Nhấp vào một cột để xem các hồ sơ</source>
        <translation>Click a bar to see its records</translation>
    </message>
</context>
<context>
    <name>PartEditor</name>
    <message numerus="yes">
        <source>Nội dung %n</source>
        <translation>
            <numerusform>Content %n</numerusform>
            <numerusform>Content %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Tóm tắt nội dung công dân trình bày</source>
        <translation>Summary of what the citizen said</translation>
    </message>
    <message>
        <source>Bỏ nội dung này</source>
        <translation>Remove this content</translation>
    </message>
    <message>
        <source>Ngày biết quyết định, hành vi bị khiếu nại</source>
        <translation>Day the decision or act complained of became known</translation>
    </message>
    <message>
        <source>ngày/tháng/năm (nếu biết)</source>
        <translation>day/month/year (if known)</translation>
    </message>
    <message>
        <source>Loại đơn</source>
        <translation>Petition kind</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Topic</translation>
    </message>
</context>
<context>
    <name>PersonBox</name>
    <message>
        <source>Người đến</source>
        <translation>Visitor</translation>
    </message>
    <message>
        <source>ngày cấp: ngày/tháng/năm</source>
        <translation>date of issue: day/month/year</translation>
    </message>
    <message>
        <source>Nơi cấp giấy tờ</source>
        <translation>Place of issue</translation>
    </message>
    <message>
        <source>ngày/tháng/năm</source>
        <translation>day/month/year</translation>
    </message>
    <message>
        <source>Số nhà, đường, thôn/tổ dân phố</source>
        <translation>House number, street, hamlet</translation>
    </message>
    <message>
        <source>Địa chỉ cũ như ghi trên thẻ (trước sắp xếp 2025)</source>
        <translation>Old address as on the card (before the 2025 reorganisation)</translation>
    </message>
    <message>
        <source>Gợi ý xã/phường mới</source>
        <translation>Suggest the new commune</translation>
    </message>
    <message>
        <source>&amp;Họ và tên</source>
        <translation>Full &amp;name</translation>
    </message>
    <message>
        <source>Giấy tờ tùy thân</source>
        <translation>Identity paper</translation>
    </message>
    <message>
        <source>Ngà&amp;y cấp, nơi cấp</source>
        <translation>Issue da&amp;y, place</translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Ngày &amp;sinh</source>
        <translation>Date of &amp;birth</translation>
    </message>
    <message>
        <source>Đị&amp;a chỉ</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>Xã/phường (mới)</source>
        <translation>Commune/ward (new)</translation>
    </message>
    <message>
        <source>Địa chỉ cũ</source>
        <translation>Old address</translation>
    </message>
    <message>
        <source>Người gửi đơn</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Người được đại diện (người đứng tên vụ việc)</source>
        <translation>Person represented (whose case it is)</translation>
    </message>
    <message>
        <source>Xã/phường mới theo địa chỉ cũ: %1</source>
        <translation>New commune for the old address: %1</translation>
    </message>
    <message>
        <source>Xã/phường mới theo địa chỉ cũ: %1 (ngoài tỉnh)</source>
        <translation>New commune for the old address: %1 (another province)</translation>
    </message>
    <message>
        <source>Xã/phường cũ đã chia cho: %1. Hãy chọn.</source>
        <translation>The old commune was divided between: %1. Choose one.</translation>
    </message>
    <message>
        <source>Không tìm được xã/phường mới cho địa chỉ cũ này; hãy chọn trong danh sách.</source>
        <translation>No new commune found for this old address; choose it from the list.</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>&amp;Hủy</source>
        <translation>&amp;Cancel</translation>
    </message>
</context>
<context>
    <name>ProvincePage</name>
    <message>
        <source>&amp;Chọn gói dữ liệu của xã, phường…</source>
        <translation>&amp;Choose the wards&apos; bundles…</translation>
    </message>
    <message>
        <source>&amp;Nhập các gói này</source>
        <translation>&amp;Import these bundles</translation>
    </message>
    <message>
        <source>Chưa chọn gói nào. Chọn gói để xem trước: phần mềm kiểm tra chữ ký, mã kiểm tra và thứ tự gói, đếm các bản ghi mới, cập nhật, không đổi, xung đột, bị từ chối; chưa ghi gì.</source>
        <translation>No bundle chosen. Choose bundles to preview them: signatures, checksums and sequence are checked, and new, updated, unchanged, conflicting and rejected records counted; nothing is written.</translation>
    </message>
    <message>
        <source>Gói</source>
        <translation>Bundle</translation>
    </message>
    <message>
        <source>Xã, phường</source>
        <translation>Ward</translation>
    </message>
    <message>
        <source>Bảng</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Mới</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Cập nhật</source>
        <translation>Updated</translation>
    </message>
    <message>
        <source>Không đổi</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Xung đột</source>
        <translation>Conflicts</translation>
    </message>
    <message>
        <source>Bị từ chối</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <source>Nhập gói dữ liệu</source>
        <translation>Import bundles</translation>
    </message>
    <message>
        <source>Chọn gói dữ liệu</source>
        <translation>Choose bundles</translation>
    </message>
    <message>
        <source>Gói dữ liệu (*.dtcd)</source>
        <translation>Data bundles (*.dtcd)</translation>
    </message>
    <message>
        <source>Đang kiểm tra %1 gói…</source>
        <translation>Checking %1 bundle(s)…</translation>
    </message>
    <message>
        <source>Xem trước %1 gói: chưa ghi gì.</source>
        <translation>Preview of %1 bundle(s): nothing written yet.</translation>
    </message>
    <message>
        <source>Đã nhập trước đây (nhập lại không thay đổi gì): %1.</source>
        <translation>Imported before (importing again changes nothing): %1.</translation>
    </message>
    <message>
        <source>Có %1 bản ghi bị từ chối; gói có bản ghi bị từ chối sẽ không được nhập.</source>
        <translation>%1 record(s) rejected; a bundle with rejected records will not be imported.</translation>
    </message>
    <message>
        <source>Đang nhập; mỗi gói được nhập trọn vẹn hoặc không nhập gì…</source>
        <translation>Importing; each bundle is imported whole or not at all…</translation>
    </message>
    <message>
        <source>Đã nhập %1 gói. Tệp xác nhận (.ack.dtca) đã ghi cạnh mỗi gói: hãy gửi lại cho xã, phường.</source>
        <translation>%1 bundle(s) imported. An acknowledgement (.ack.dtca) was written beside each bundle: send it back to the ward.</translation>
    </message>
    <message>
        <source>Họ tên, số giấy tờ hoặc tên vụ việc (có dấu hay không dấu đều được)</source>
        <translation>Name, ID number or case title (with or without diacritics)</translation>
    </message>
    <message>
        <source>Số vụ việc</source>
        <translation>Case no.</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Người gửi</source>
        <translation>Petitioner</translation>
    </message>
    <message>
        <source>Loại</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Trạng thái</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Vụ việc</source>
        <translation>Case</translation>
    </message>
    <message>
        <source>Tra cứu các xã, phường</source>
        <translation>Search all wards</translation>
    </message>
    <message>
        <source>(Danh tính người tố cáo được bảo mật)</source>
        <translation>(Denouncer&apos;s identity protected)</translation>
    </message>
    <message>
        <source>Đơn trùng giữa các xã, phường để xem xét: cùng một người (số giấy tờ) có vụ việc ở nhiều nơi; cùng nội dung ở nhiều nơi; cùng nội dung bị chuyển đơn nhiều lần.</source>
        <translation>Duplicates across wards, for review: the same person (ID number) with cases at several wards; the same content at several wards; the same content transferred many times.</translation>
    </message>
    <message>
        <source>Loại trùng</source>
        <translation>Duplicate kind</translation>
    </message>
    <message>
        <source>Người hoặc nội dung</source>
        <translation>Person or content</translation>
    </message>
    <message>
        <source>Các xã, phường</source>
        <translation>Wards</translation>
    </message>
    <message>
        <source>&amp;Làm mới</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Đơn trùng giữa các xã</source>
        <translation>Duplicates across wards</translation>
    </message>
    <message>
        <source>Cùng người</source>
        <translation>Same person</translation>
    </message>
    <message>
        <source>Cùng nội dung</source>
        <translation>Same content</translation>
    </message>
    <message>
        <source>Chuyển đơn nhiều lần</source>
        <translation>Transferred many times</translation>
    </message>
    <message>
        <source>Số</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Phiên bản</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Bản của xã, phường</source>
        <translation>Ward&apos;s version</translation>
    </message>
    <message>
        <source>Bản của tỉnh</source>
        <translation>Province&apos;s version</translation>
    </message>
    <message>
        <source>Giữ bản của &amp;xã, phường</source>
        <translation>Keep the &amp;ward&apos;s version</translation>
    </message>
    <message>
        <source>Giữ bản của &amp;tỉnh</source>
        <translation>Keep the &amp;province&apos;s version</translation>
    </message>
    <message>
        <source>Hồ sơ bị sửa ở cả tỉnh và xã, phường: giữ cả hai bản cho đến khi chọn.</source>
        <translation>Records changed both at the province and at the ward: both versions are kept until someone chooses.</translation>
    </message>
    <message>
        <source>Của</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Mã cơ quan</source>
        <translation>Office code</translation>
    </message>
    <message>
        <source>Tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Mã nhận dạng</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Hiệu lực từ</source>
        <translation>Valid from</translation>
    </message>
    <message>
        <source>Đến</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Đăng &amp;ký khóa của một xã, phường…</source>
        <translation>&amp;Register a ward&apos;s key…</translation>
    </message>
    <message>
        <source>&amp;Lưu tệp khóa của tỉnh…</source>
        <translation>&amp;Save the province&apos;s key file…</translation>
    </message>
    <message>
        <source>Trước khi đăng ký, hãy gọi điện đọc mã nhận dạng cho nhau.</source>
        <translation>Before registering a key, read the fingerprints to each other by phone.</translation>
    </message>
    <message>
        <source>Khóa</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Tỉnh (cơ quan này)</source>
        <translation>Province (this office)</translation>
    </message>
    <message>
        <source>Tỉnh</source>
        <translation>Province</translation>
    </message>
    <message>
        <source>Đăng ký khóa của xã, phường</source>
        <translation>Register a ward&apos;s key</translation>
    </message>
    <message>
        <source>Tệp khóa (*.key)</source>
        <translation>Key files (*.key)</translation>
    </message>
    <message>
        <source>Đã đăng ký khóa của %1. Mã nhận dạng: %2</source>
        <translation>Key of %1 registered. Fingerprint: %2</translation>
    </message>
    <message>
        <source>Lưu tệp khóa của tỉnh</source>
        <translation>Save the province&apos;s key file</translation>
    </message>
    <message>
        <source>Đã lưu %1.</source>
        <translation>Saved %1.</translation>
    </message>
</context>
<context>
    <name>ProvinceWindow</name>
    <message>
        <source>Bàn tiếp dân — %1 (cấp tỉnh)</source>
        <translation>Citizen reception desk — %1 (province)</translation>
    </message>
    <message>
        <source>Báo cáo định kỳ (các xã và toàn tỉnh)</source>
        <translation>Periodic reports (each ward and the province)</translation>
    </message>
    <message>
        <source>%1 · tổng hợp dữ liệu các xã, phường gửi lên</source>
        <translation>%1 · consolidating the data the wards send</translation>
    </message>
    <message>
        <source>&amp;Tệp</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Chọn gói dữ liệu…</source>
        <translation>&amp;Choose bundles…</translation>
    </message>
    <message>
        <source>&amp;Thoát</source>
        <translation>&amp;Quit</translation>
    </message>
</context>
<context>
    <name>ReceptionDayDialog</name>
    <message>
        <source>Ngày tiếp công dân</source>
        <translation>Reception day</translation>
    </message>
    <message>
        <source>Đã tiếp công dân này</source>
        <translation>This citizen was received</translation>
    </message>
    <message>
        <source>Nội dung công dân trình bày</source>
        <translation>What the citizen presented</translation>
    </message>
    <message>
        <source>Lưu nội dung trình bày</source>
        <translation>Save the presentation</translation>
    </message>
    <message>
        <source>Nội dung chỉ đạo</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Thời hạn</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Giao</source>
        <translation>Assigned to</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Chỉ đạo của người chủ trì</source>
        <translation>The host&apos;s directions</translation>
    </message>
    <message>
        <source>(không giao cụ thể)</source>
        <translation>(nobody in particular)</translation>
    </message>
    <message>
        <source>Thêm chỉ đạo</source>
        <translation>Add direction</translation>
    </message>
    <message>
        <source>Đã thực hiện</source>
        <translation>Carried out</translation>
    </message>
    <message>
        <source>Kết luận chung (mỗi dòng một ý)</source>
        <translation>General conclusions (one point per line)</translation>
    </message>
    <message>
        <source>Lưu kết luận chung</source>
        <translation>Save the conclusions</translation>
    </message>
    <message>
        <source>Ghi buổi tiếp đã diễn ra</source>
        <translation>Record the session as held</translation>
    </message>
    <message>
        <source>Lập thông báo kết luận…</source>
        <translation>Issue the conclusions notice…</translation>
    </message>
    <message>
        <source>Tiếp công dân trong buổi này</source>
        <translation>Take visits in this session</translation>
    </message>
    <message>
        <source>Cập nhật danh sách</source>
        <translation>Refresh the list</translation>
    </message>
    <message>
        <source>Ghi nhận tại buổi tiếp</source>
        <translation>Recorded at the session</translation>
    </message>
    <message>
        <source>hạn</source>
        <translation>due</translation>
    </message>
    <message>
        <source>&lt;b&gt;Danh sách công dân&lt;/b&gt;</source>
        <translation>&lt;b&gt;Citizens&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Người chủ trì thực tế:</source>
        <translation>Actual host:</translation>
    </message>
    <message>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>đã xong</source>
        <translation>done</translation>
    </message>
    <message>
        <source>để theo dõi</source>
        <translation>for reference</translation>
    </message>
    <message>
        <source>Đã lưu.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Chỉ đạo gắn với một vụ việc: hãy chọn công dân có vụ việc.</source>
        <translation>A direction belongs to a case: choose a citizen who has one.</translation>
    </message>
    <message>
        <source>Đã ghi chỉ đạo; thời hạn được theo dõi trên vụ việc.</source>
        <translation>Direction recorded; its due date is followed on the case.</translation>
    </message>
    <message>
        <source>Đã ghi chỉ đạo đã thực hiện.</source>
        <translation>Direction recorded as carried out.</translation>
    </message>
    <message>
        <source>Đã lưu kết luận chung.</source>
        <translation>Conclusions saved.</translation>
    </message>
    <message>
        <source>Đã ghi buổi tiếp đã diễn ra.</source>
        <translation>Session recorded as held.</translation>
    </message>
    <message>
        <source>Thông báo kết luận việc tiếp công dân</source>
        <translation>Notice of the conclusions of the reception</translation>
    </message>
    <message>
        <source>Đã lập thông báo kết luận.</source>
        <translation>Conclusions notice issued.</translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <source>Lượt tiếp — %1</source>
        <translation>Visit — %1</translation>
    </message>
    <message>
        <source>Đính chính…</source>
        <translation>Correct…</translation>
    </message>
    <message>
        <source>Hủy lượt tiếp…</source>
        <translation>Cancel visit…</translation>
    </message>
    <message>
        <source>Gửi lên tỉnh: tỉnh đã xác nhận đã nhận.</source>
        <translation>Sent to the province: receipt confirmed by the province.</translation>
    </message>
    <message>
        <source>Gửi lên tỉnh: đã gửi trong gói dữ liệu, tỉnh chưa xác nhận.</source>
        <translation>Sent to the province: in a bundle, not yet confirmed.</translation>
    </message>
    <message>
        <source>Gửi lên tỉnh: chưa gửi.</source>
        <translation>Sent to the province: not yet.</translation>
    </message>
    <message>
        <source>Số sổ</source>
        <translation>Log number</translation>
    </message>
    <message>
        <source>Thời điểm</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Hình thức tiếp</source>
        <translation>Kind of reception</translation>
    </message>
    <message>
        <source>Cán bộ tiếp</source>
        <translation>Receiving officer</translation>
    </message>
    <message>
        <source>Cách tiếp nhận</source>
        <translation>How it arrived</translation>
    </message>
    <message>
        <source>Họ tên</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Số giấy tờ</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Ngày cấp, nơi cấp</source>
        <translation>Issued on, at</translation>
    </message>
    <message>
        <source>Ngày sinh</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Giới tính</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Điện thoại</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Địa chỉ</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Địa chỉ cũ</source>
        <translation>Old address</translation>
    </message>
    <message>
        <source>Số người</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Người trình bày thay</source>
        <translation>Presented by</translation>
    </message>
    <message>
        <source>Người đại diện khác</source>
        <translation>Other representatives</translation>
    </message>
    <message>
        <source>Loại đơn</source>
        <translation>Petition kind</translation>
    </message>
    <message>
        <source>Lĩnh vực</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Nội dung</source>
        <translation>Content</translation>
    </message>
    <message>
        <source>Đã được giải quyết bởi</source>
        <translation>Already handled by</translation>
    </message>
    <message>
        <source>Kết quả tiếp</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Cơ quan</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Lý do từ chối</source>
        <translation>Ground for refusal</translation>
    </message>
    <message>
        <source>Tài liệu nhận</source>
        <translation>Papers received</translation>
    </message>
    <message>
        <source>Giấy báo đã nhận đơn</source>
        <translation>Acknowledgement of receipt</translation>
    </message>
    <message>
        <source>Giấy biên nhận</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Ghi chú</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>ĐÃ HỦY (ghi sổ nhầm) ngày %1</source>
        <translation>CANCELLED (recorded in error) on %1</translation>
    </message>
    <message>
        <source>Danh tính người tố cáo được bảo mật. Dùng “Hiện danh tính…” trong sổ nếu cần (việc xem được ghi lại).</source>
        <translation>A denouncer&apos;s identity is confidential. Use “Reveal…” in the log book if needed (viewing is recorded).</translation>
    </message>
    <message>
        <source>Cán bộ</source>
        <translation>Officer</translation>
    </message>
    <message>
        <source>Mục</source>
        <translation>Item</translation>
    </message>
    <message>
        <source>Giá trị cũ</source>
        <translation>Old value</translation>
    </message>
    <message>
        <source>Giá trị mới</source>
        <translation>New value</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Hủy lượt tiếp</source>
        <translation>Visit cancelled</translation>
    </message>
    <message>
        <source>Cũ</source>
        <translation>Old</translation>
    </message>
    <message>
        <source>Mới</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Theo</source>
        <translation>From</translation>
    </message>
</context>
<context>
    <name>RecoveryCodeDialog</name>
    <message>
        <source>Mã khôi phục — chỉ hiện một lần</source>
        <translation>Recovery code — shown only once</translation>
    </message>
    <message>
        <source>Hãy in hoặc chép mã này và cất ở nơi an toàn (tủ có khóa). Khi quên mọi mật khẩu quản trị, chỉ mã này mở lại được dữ liệu. Mã không hiện lại lần nữa.</source>
        <translation>Print or copy this code and keep it somewhere safe (a locked cabinet). If every administrator password is forgotten, only this code opens the data again. It is not shown again.</translation>
    </message>
    <message>
        <source>&amp;Chép</source>
        <translation>&amp;Copy</translation>
    </message>
    <message>
        <source>&amp;In…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Đã cất &amp;mã</source>
        <translation>I have &amp;stored it</translation>
    </message>
    <message>
        <source>Bàn tiếp dân — mã khôi phục dữ liệu

</source>
        <translation>Reception desk — data recovery code

</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Mở khóa bằng mã khôi phục</source>
        <translation>Unlock with the recovery code</translation>
    </message>
    <message>
        <source>&amp;Mã khôi phục</source>
        <translation>&amp;Recovery code</translation>
    </message>
    <message>
        <source>Tài khoản &amp;quản trị</source>
        <translation>&amp;Administrator account</translation>
    </message>
    <message>
        <source>Mật khẩu &amp;mới</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <source>&amp;Nhập lại</source>
        <translation>Re&amp;peat</translation>
    </message>
</context>
<context>
    <name>ReportRecordsDialog</name>
    <message>
        <source>%1 hồ sơ. Nhấp đúp để mở hồ sơ.</source>
        <translation>%1 records. Double-click to open one.</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Hồ sơ</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Số người</source>
        <translation>People</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Quý I</source>
        <translation>Quarter I</translation>
    </message>
    <message>
        <source>Quý II</source>
        <translation>Quarter II</translation>
    </message>
    <message>
        <source>Quý III</source>
        <translation>Quarter III</translation>
    </message>
    <message>
        <source>Quý IV</source>
        <translation>Quarter IV</translation>
    </message>
    <message>
        <source>6 tháng đầu năm</source>
        <translation>First 6 months</translation>
    </message>
    <message>
        <source>9 tháng</source>
        <translation>9 months</translation>
    </message>
    <message>
        <source>Cả năm</source>
        <translation>Whole year</translation>
    </message>
    <message>
        <source>Khoảng ngày</source>
        <translation>Date range</translation>
    </message>
    <message>
        <source>Chốt số liệu ngày 14 (Thông tư 01/2024/TT-TTCP)</source>
        <translation>Figures closed on the 14th (Circular 01/2024/TT-TTCP)</translation>
    </message>
    <message>
        <source>Theo tháng dương lịch (01 đến cuối tháng)</source>
        <translation>Calendar months (1st to month end)</translation>
    </message>
    <message>
        <source>&amp;Lập báo cáo</source>
        <translation>&amp;Build the report</translation>
    </message>
    <message>
        <source>Xuất XLS&amp;X…</source>
        <translation>Export XLS&amp;X…</translation>
    </message>
    <message>
        <source>Xem &amp;PDF (dự thảo)…</source>
        <translation>View &amp;PDF (draft)…</translation>
    </message>
    <message>
        <source>Phát &amp;hành (lấy số)…</source>
        <translation>&amp;Issue (numbered)…</translation>
    </message>
    <message>
        <source>Xuất &amp;JSON…</source>
        <translation>Export &amp;JSON…</translation>
    </message>
    <message>
        <source>&amp;Kỳ báo cáo:</source>
        <translation>Re&amp;porting period:</translation>
    </message>
    <message>
        <source>Cách tí&amp;nh:</source>
        <translation>Cou&amp;nting:</translation>
    </message>
    <message>
        <source>từ</source>
        <translation>from</translation>
    </message>
    <message>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Đang lập báo cáo…</source>
        <translation>Building the report…</translation>
    </message>
    <message>
        <source>Các số liệu khớp nhau giữa các biểu. Nhấp đúp vào một số để xem các hồ sơ tạo nên số đó.</source>
        <translation>The figures agree across the tables. Double-click a figure to see the records behind it.</translation>
    </message>
    <message>
        <source>Nhấp đúp để xem các hồ sơ</source>
        <translation>Double-click to see the records</translation>
    </message>
    <message>
        <source>Phát hành báo cáo</source>
        <translation>Issue the report</translation>
    </message>
    <message>
        <source>Báo cáo sẽ được lấy số tiếp theo và vào sổ văn bản đã phát hành. Tiếp tục?</source>
        <translation>The report will take the next number and be entered in the register of issued documents. Continue?</translation>
    </message>
    <message>
        <source>Lưu báo cáo</source>
        <translation>Save the report</translation>
    </message>
    <message>
        <source>Đã ghi báo cáo%1 ra %2</source>
        <translation>Report%1 written to %2</translation>
    </message>
</context>
<context>
    <name>RevealDialog</name>
    <message>
        <source>Xem danh tính người tố cáo</source>
        <translation>See a denouncer&apos;s identity</translation>
    </message>
    <message>
        <source>Danh tính người tố cáo, và việc một người đã tố cáo, được giữ bí mật (Luật Tố cáo 2018, Điều 47). Chỉ lãnh đạo, quản trị và cán bộ đã tiếp lượt đó được xem; việc xem được ghi vào nhật ký cùng tên người xem, thời điểm và lý do.</source>
        <translation>A denouncer&apos;s identity, and the fact that a person denounced, are kept secret (Denunciation Law 2018, art. 47). Only leaders, administrators and the officer who received the visit may see it; each view is recorded with who, when and why.</translation>
    </message>
    <message>
        <source>Lý do cần xem, ví dụ: đối chiếu đơn trùng nội dung</source>
        <translation>Why you need to see it, e.g. checking for a duplicate petition</translation>
    </message>
    <message>
        <source>&amp;Xem và ghi lại</source>
        <translation>&amp;Show and record</translation>
    </message>
    <message>
        <source>&amp;Lý do:</source>
        <translation>&amp;Reason:</translation>
    </message>
</context>
<context>
    <name>RowTable</name>
    <message>
        <source>Xóa dòng chọn</source>
        <translation>Delete the chosen row</translation>
    </message>
</context>
<context>
    <name>ScheduleDialogueDialog</name>
    <message>
        <source>Lên lịch đối thoại</source>
        <translation>Schedule a dialogue</translation>
    </message>
    <message>
        <source>Trụ sở Ủy ban nhân dân</source>
        <translation>People&apos;s Committee headquarters</translation>
    </message>
    <message>
        <source>Thời gian đối thoại:</source>
        <translation>Time of the dialogue:</translation>
    </message>
    <message>
        <source>Địa điểm:</source>
        <translation>Place:</translation>
    </message>
    <message>
        <source>Ngày gửi thông báo:</source>
        <translation>Notice sent on:</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <source>Hôm nay</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>(chưa chọn)</source>
        <translation>(not chosen)</translation>
    </message>
    <message>
        <source>Thêm buổi tiếp, lịch lặp lại…</source>
        <translation>Add a session or a series…</translation>
    </message>
    <message>
        <source>Xếp lại theo ngày nghỉ</source>
        <translation>Re-place on the calendar</translation>
    </message>
    <message>
        <source>Sau khi sửa ngày nghỉ, ngày làm bù: xếp lại các buổi tiếp lặp lại chưa sửa tay</source>
        <translation>After editing holidays or swapped working days: re-place the recurring sessions not changed by hand</translation>
    </message>
    <message>
        <source>In lịch niêm yết tháng…</source>
        <translation>Print the month&apos;s posting…</translation>
    </message>
    <message>
        <source>Xuất cho trang web (HTML, ICS)…</source>
        <translation>Export for the website (HTML, ICS)…</translation>
    </message>
    <message>
        <source>Ngày tiếp công dân…</source>
        <translation>Reception day…</translation>
    </message>
    <message>
        <source>Đã tiếp…</source>
        <translation>Held…</translation>
    </message>
    <message>
        <source>Dời giờ…</source>
        <translation>Move…</translation>
    </message>
    <message>
        <source>Hoãn…</source>
        <translation>Postpone…</translation>
    </message>
    <message>
        <source>Hủy…</source>
        <translation>Cancel…</translation>
    </message>
    <message>
        <source>In thông báo hoãn</source>
        <translation>Print the postponement notice</translation>
    </message>
    <message>
        <source>Chủ tịch:</source>
        <translation>Chairperson:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Cảnh báo trong tháng&lt;/b&gt;</source>
        <translation>&lt;b&gt;Warnings this month&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tháng %1/%2&lt;/b&gt; — đang tải…</source>
        <translation>&lt;b&gt;%1/%2&lt;/b&gt; — loading…</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tháng %1/%2&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1/%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Không có cảnh báo.</source>
        <translation>No warnings.</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Thời gian</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Tình trạng</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Người chủ trì</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Chủ trì thực tế</source>
        <translation>Actual host</translation>
    </message>
    <message>
        <source>Cán bộ trực</source>
        <translation>Officers on duty</translation>
    </message>
    <message>
        <source>Địa điểm</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Thành phần</source>
        <translation>Attending</translation>
    </message>
    <message>
        <source>Nội dung dự kiến</source>
        <translation>Expected content</translation>
    </message>
    <message>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Đã báo công an</source>
        <translation>Police informed</translation>
    </message>
    <message>
        <source>Ghi chú lịch</source>
        <translation>Schedule note</translation>
    </message>
    <message>
        <source>Lịch cũ</source>
        <translation>Former time</translation>
    </message>
    <message>
        <source>Niêm yết</source>
        <translation>Posted</translation>
    </message>
    <message>
        <source>chưa</source>
        <translation>not yet</translation>
    </message>
    <message>
        <source>Đã chọn Chủ tịch.</source>
        <translation>Chairperson chosen.</translation>
    </message>
    <message numerus="yes">
        <source>Đã lưu %n buổi tiếp.</source>
        <translation>
            <numerusform>Saved %n session.</numerusform>
            <numerusform>Saved %n sessions.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Đã xếp lại %n buổi tiếp theo lịch ngày nghỉ.</source>
        <translation>
            <numerusform>Re-placed %n session on the calendar.</numerusform>
            <numerusform>Re-placed %n sessions on the calendar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Đã dời giờ buổi tiếp.</source>
        <translation>Session moved.</translation>
    </message>
    <message>
        <source>Đã hoãn buổi tiếp; hãy in thông báo hoãn để niêm yết.</source>
        <translation>Session postponed; print the postponement notice to post it.</translation>
    </message>
    <message>
        <source>Đã hủy buổi tiếp.</source>
        <translation>Session cancelled.</translation>
    </message>
    <message>
        <source>Đã ghi buổi tiếp.</source>
        <translation>Session recorded.</translation>
    </message>
    <message>
        <source>Thông báo lịch tiếp số %1%2.</source>
        <translation>Schedule notice no. %1%2.</translation>
    </message>
    <message>
        <source> (bản sao)</source>
        <translation> (copy)</translation>
    </message>
    <message>
        <source>Thông báo lịch tiếp công dân</source>
        <translation>Notice of the reception schedule</translation>
    </message>
    <message>
        <source>Thông báo hoãn buổi tiếp công dân</source>
        <translation>Notice of a postponed reception session</translation>
    </message>
    <message>
        <source>Xuất lịch tiếp công dân</source>
        <translation>Export the reception schedule</translation>
    </message>
    <message>
        <source>Trang web (*.html);;Lịch (*.ics)</source>
        <translation>Web page (*.html);;Calendar (*.ics)</translation>
    </message>
    <message>
        <source>Hãy dùng “In lịch niêm yết” để in thông báo.</source>
        <translation>Use “Print the month&apos;s posting” to print the notice.</translation>
    </message>
    <message>
        <source>Đã xuất %1 buổi tiếp ra %2.</source>
        <translation>Exported %1 sessions to %2.</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <source>Thêm buổi tiếp công dân</source>
        <translation>Add a reception session</translation>
    </message>
    <message>
        <source>Mặc định: trụ sở Ủy ban nhân dân</source>
        <translation>Default: the People&apos;s Committee&apos;s office</translation>
    </message>
    <message>
        <source>Mỗi dòng một thành phần: công chức Địa chính, Công an xã, Tổ hòa giải…</source>
        <translation>One per line: land officer, commune police, mediation team…</translation>
    </message>
    <message>
        <source>Dự kiến nội dung tiếp</source>
        <translation>Expected content</translation>
    </message>
    <message>
        <source>Đã báo công an</source>
        <translation>Police informed</translation>
    </message>
    <message>
        <source>Báo cho ai (đơn vị, người nhận tin)</source>
        <translation>Informed whom (unit, person)</translation>
    </message>
    <message>
        <source>Buổi tiếp đã diễn ra (ghi lại)</source>
        <translation>The session has taken place (record it)</translation>
    </message>
    <message>
        <source>Lặp lại</source>
        <translation>Repeat</translation>
    </message>
    <message>
        <source>Hằng tuần vào:</source>
        <translation>Every week on:</translation>
    </message>
    <message>
        <source>Tất cả các ngày làm việc</source>
        <translation>Every working day</translation>
    </message>
    <message>
        <source>Đến ngày</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Trùng ngày nghỉ</source>
        <translation>On a day off</translation>
    </message>
    <message>
        <source>Lưu</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Hủy bỏ</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>từ</source>
        <translation>from</translation>
    </message>
    <message>
        <source>đến</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Ngày, giờ</source>
        <translation>Day, time</translation>
    </message>
    <message>
        <source>Người chủ trì</source>
        <translation>Host</translation>
    </message>
    <message>
        <source>Cán bộ trực</source>
        <translation>Officers on duty</translation>
    </message>
    <message>
        <source>Địa điểm</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Thành phần tham dự</source>
        <translation>Attending</translation>
    </message>
    <message>
        <source>Nội dung dự kiến</source>
        <translation>Expected content</translation>
    </message>
    <message>
        <source>Lý do tiếp đột xuất</source>
        <translation>Reason for an ad hoc session</translation>
    </message>
    <message>
        <source>Ghi rõ</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Hãy chọn ít nhất một thứ trong tuần.</source>
        <translation>Choose at least one day of the week.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Cài đặt</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Ngày &amp;nghỉ, ngày làm bù</source>
        <translation>&amp;Holidays and swapped days</translation>
    </message>
    <message>
        <source>Thông &amp;số</source>
        <translation>&amp;Parameters</translation>
    </message>
    <message>
        <source>&amp;Cơ quan</source>
        <translation>&amp;Office</translation>
    </message>
    <message>
        <source>&amp;Lưu thông số</source>
        <translation>&amp;Save parameters</translation>
    </message>
    <message>
        <source>Ngày</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Thứ</source>
        <translation>Weekday</translation>
    </message>
    <message>
        <source>Nghỉ / làm việc</source>
        <translation>Off / working</translation>
    </message>
    <message>
        <source>Ngày nghỉ thêm</source>
        <translation>Extra day off</translation>
    </message>
    <message>
        <source>Ngày làm việc bù (thứ Bảy, Chủ nhật)</source>
        <translation>Swapped working day (Saturday, Sunday)</translation>
    </message>
    <message>
        <source>Bỏ ngày nghỉ (làm việc bình thường)</source>
        <translation>Cancel a day off (normal working day)</translation>
    </message>
    <message>
        <source>Căn cứ, ví dụ: Quyết định số …/QĐ-TTg</source>
        <translation>Basis, for example: Decision no. …/QĐ-TTg</translation>
    </message>
    <message>
        <source>&amp;Ghi ngày</source>
        <translation>&amp;Record the day</translation>
    </message>
    <message>
        <source>&amp;Xóa sửa đổi của cơ quan</source>
        <translation>&amp;Delete the office&apos;s edit</translation>
    </message>
    <message>
        <source>&amp;Năm:</source>
        <translation>&amp;Year:</translation>
    </message>
    <message>
        <source>“Sắp đến hạn” trong (ngày làm việc):</source>
        <translation>“Due soon” within (working days):</translation>
    </message>
    <message>
        <source>“Tồn đọng lâu ngày” khi chưa xong sau (ngày kể từ khi nhận):</source>
        <translation>“Long pending” when still open after (days since received):</translation>
    </message>
    <message>
        <source>Chỉ tiêu giải quyết kiến nghị, phản ánh (ngày):</source>
        <translation>Office target for proposals and feedback (days):</translation>
    </message>
    <message>
        <source>Tên, căn cứ</source>
        <translation>Name, source</translation>
    </message>
    <message>
        <source>&amp;Danh bạ cơ quan</source>
        <translation>&amp;Directory of bodies</translation>
    </message>
    <message>
        <source>Lịch nghỉ lễ, tết lấy theo quy định chung (cột “Tên, căn cứ” ghi nguồn của từng ngày); ghi thêm theo quyết định hằng năm của Thủ tướng. Mọi thời hạn được tính lại sau khi ghi.</source>
        <translation>Public holidays follow the general rules (the “Name, source” column gives each day&apos;s source); add the days of the Prime Minister&apos;s yearly decisions. Every deadline is recomputed after an entry.</translation>
    </message>
    <message>
        <source>Nghỉ Ngày Văn hóa Việt Nam (24/11) từ năm 2026</source>
        <translation>Vietnamese Culture Day (24/11) off from 2026</translation>
    </message>
    <message>
        <source>Điều 112 Bộ luật Lao động 2019 không liệt kê ngày 24/11 nên mặc định là ngày làm việc. Chỉ bật khi có văn bản cho cán bộ, công chức nghỉ ngày này.</source>
        <translation>Article 112 of the 2019 Labour Code does not list 24/11, so it is a working day by default. Turn this on only when a document gives officials the day off.</translation>
    </message>
    <message>
        <source>Chưa ghi: văn bản sẽ hỏi lại trước khi in</source>
        <translation>Not set: documents will ask before printing</translation>
    </message>
    <message>
        <source>Người ký:</source>
        <translation>Signer:</translation>
    </message>
    <message>
        <source>Họ tên người ký:</source>
        <translation>Signer&apos;s name:</translation>
    </message>
    <message>
        <source>Địa chỉ trụ sở (in trên phiếu):</source>
        <translation>Office address (printed on slips):</translation>
    </message>
    <message>
        <source>Số điện thoại liên hệ:</source>
        <translation>Contact phone:</translation>
    </message>
    <message>
        <source>Vùng sâu, vùng xa (thời hạn giải quyết khiếu nại dài hơn: Điều 28, 37 Luật Khiếu nại)</source>
        <translation>Remote area (longer periods to resolve complaints: Law on Complaints art. 28, 37)</translation>
    </message>
    <message>
        <source>Đơn vị hành chính:</source>
        <translation>Administrative unit:</translation>
    </message>
    <message>
        <source>Tên cơ quan (in trên văn bản):</source>
        <translation>Office name (printed on documents):</translation>
    </message>
    <message>
        <source>Cơ quan cấp trên:</source>
        <translation>Parent body:</translation>
    </message>
    <message>
        <source>Đổi vùng sâu, vùng xa thì mọi thời hạn được tính lại. Tỉnh và xã/phường không đổi được: mã cơ quan gắn với dữ liệu đã ghi.</source>
        <translation>Changing the remote-area flag recomputes every deadline. The province and commune cannot change: the office code is tied to the recorded data.</translation>
    </message>
    <message>
        <source>cơ quan ghi</source>
        <translation>office edit</translation>
    </message>
    <message>
        <source>quy định chung</source>
        <translation>general rules</translation>
    </message>
    <message>
        <source>Nghỉ</source>
        <translation>Off</translation>
    </message>
    <message>
        <source>Làm việc</source>
        <translation>Working</translation>
    </message>
    <message>
        <source>Đang tính lại thời hạn của các vụ việc…</source>
        <translation>Recomputing the cases&apos; deadlines…</translation>
    </message>
    <message>
        <source>Chọn một ngày do cơ quan ghi để xóa.</source>
        <translation>Choose a day the office recorded to delete it.</translation>
    </message>
    <message>
        <source>Đã ghi; thời hạn các vụ việc đã được tính lại.</source>
        <translation>Recorded; the cases&apos; deadlines were recomputed.</translation>
    </message>
    <message>
        <source>Văn bản của Ủy ban: %1 · Thông báo thụ lý: %2</source>
        <translation>Committee documents: %1 · Acceptance notices: %2</translation>
    </message>
    <message>
        <source>Đã lưu.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Đang lưu và tính lại thời hạn nếu cần…</source>
        <translation>Saving, and recomputing deadlines if needed…</translation>
    </message>
    <message>
        <source>Các thông số vừa sửa chưa được lưu. Lưu trước khi đóng?</source>
        <translation>The parameters you changed are not saved. Save before closing?</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Đang sao lưu và nâng cấp dữ liệu lên phiên bản mới…
Không tắt máy trong lúc này.</source>
        <translation>Backing up and upgrading the data to the new version…
Do not turn the computer off meanwhile.</translation>
    </message>
    <message>
        <source>Ứng dụng chưa được đóng bình thường lần trước: đang kiểm tra tệp dữ liệu…</source>
        <translation>The application was not closed normally last time: checking the data file…</translation>
    </message>
</context>
<context>
    <name>VisitBox</name>
    <message>
        <source>Lượt tiếp</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>(ngoài buổi tiếp theo lịch)</source>
        <translation>(outside a scheduled session)</translation>
    </message>
    <message>
        <source>Họ tên người đại diện khác</source>
        <translation>Other representative&apos;s name</translation>
    </message>
    <message>
        <source>Số căn cước</source>
        <translation>ID number</translation>
    </message>
    <message>
        <source>Thêm người đại &amp;diện</source>
        <translation>Add a &amp;representative</translation>
    </message>
    <message>
        <source>Cơ quan, đơn vị đã tiếp nhận, giải quyết (nếu có)</source>
        <translation>Bodies that already received or handled it (if any)</translation>
    </message>
    <message>
        <source>Đã báo công an</source>
        <translation>Police informed</translation>
    </message>
    <message>
        <source>Đơn vị, người được báo</source>
        <translation>Unit and person informed</translation>
    </message>
    <message>
        <source>Hình thức</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Thời điể&amp;m</source>
        <translation>&amp;Time</translation>
    </message>
    <message>
        <source>Buổi tiếp</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Cán bộ tiế&amp;p</source>
        <translation>Receiving offi&amp;cer</translation>
    </message>
    <message>
        <source>Số người</source>
        <translation>People</translation>
    </message>
    <message>
        <source>Đã được giải quyết bởi</source>
        <translation>Already handled by</translation>
    </message>
    <message>
        <source>Tiếp nhận đơn</source>
        <translation>Receipt of the petition</translation>
    </message>
    <message>
        <source>Ngày nhận đơ&amp;n</source>
        <translation>Date recei&amp;ved</translation>
    </message>
    <message>
        <source>Số người ký đơn</source>
        <translation>Signatories</translation>
    </message>
    <message>
        <source>Đoàn đông người: 1–2 người đại diện (kể cả người trình bày)</source>
        <translation>Crowd: 1–2 representatives (including the speaker)</translation>
    </message>
    <message>
        <source>Đoàn đông người: tối đa 5 người đại diện (kể cả người trình bày)</source>
        <translation>Crowd: at most 5 representatives (including the speaker)</translation>
    </message>
</context>
<context>
    <name>documents</name>
    <message>
        <source>Vẫn in văn bản này?</source>
        <translation>Print this document anyway?</translation>
    </message>
    <message>
        <source>Chưa có người ký</source>
        <translation>No signer set</translation>
    </message>
    <message>
        <source>Văn bản này ghi danh tính người tố cáo.</source>
        <translation>This document names a denouncer.</translation>
    </message>
</context>
</TS>
