<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../desk_app/gui/dialogs/error.py" line="24"/>
        <source>Lỗi không mong muốn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/error.py" line="26"/>
        <source>Ứng dụng gặp lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng; thao tác vừa rồi chưa được ghi. Hãy thử lại, và nếu lỗi lặp lại, gửi nội dung chi tiết cho bộ phận kỹ thuật.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/error.py" line="33"/>
        <source>Chi tiết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/error.py" line="36"/>
        <source>Sao chép chi tiết</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <location filename="../../desk_app/gui/dialogs/first_run.py" line="26"/>
        <source>Thiết lập cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/first_run.py" line="35"/>
        <source>Vùng sâu, vùng xa (thời hạn giải quyết dài hơn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/first_run.py" line="44"/>
        <source>Tỉnh/thành phố</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/first_run.py" line="45"/>
        <source>Xã/phường/đặc khu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/first_run.py" line="46"/>
        <source>Tên cơ quan (in trên văn bản)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/first_run.py" line="47"/>
        <source>Cơ quan cấp trên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/first_run.py" line="49"/>
        <source>Cán bộ tiếp công dân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/first_run.py" line="50"/>
        <source>Chức vụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/first_run.py" line="55"/>
        <source>Chọn đơn vị hành chính theo danh mục sau sắp xếp năm 2025.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakePage</name>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="121"/>
        <source>Quét mã QR trên thẻ căn cước (con trỏ đặt ở đây rồi quét)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="130"/>
        <source>ngày/tháng/năm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="134"/>
        <source>Số nhà, đường, thôn/tổ dân phố</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="140"/>
        <source>Địa chỉ cũ như ghi trên thẻ (trước sắp xếp 2025)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="142"/>
        <source>Người đến</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="144"/>
        <source>Họ và tên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="148"/>
        <source>Giấy tờ tùy thân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="151"/>
        <source>Giới tính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="153"/>
        <source>Điện thoại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="155"/>
        <source>Ngày sinh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="156"/>
        <source>Địa chỉ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="157"/>
        <source>Xã/phường (mới)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="158"/>
        <source>Địa chỉ cũ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="170"/>
        <source>Họ tên người đại diện khác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="170"/>
        <source>Số căn cước</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="171"/>
        <source>Thêm người đại diện</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="173"/>
        <source>Cơ quan, đơn vị đã tiếp nhận, giải quyết (nếu có)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="175"/>
        <source>Lượt tiếp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="179"/>
        <source>Hình thức</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="181"/>
        <source>Thời điểm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="182"/>
        <source>Cán bộ tiếp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="187"/>
        <source>Số người</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="190"/>
        <source>Đã được giải quyết bởi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="193"/>
        <source>Thêm nội dung khác loại (đơn có nhiều nội dung)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="195"/>
        <source>Nội dung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="200"/>
        <source>Tên tài liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="200"/>
        <source>Số trang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="201"/>
        <source>Tình trạng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="201"/>
        <source>Bản gốc/sao</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="202"/>
        <source>Thông tin, tài liệu nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="205"/>
        <source>Thêm tài liệu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="216"/>
        <source>Số văn bản</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="218"/>
        <source>Không có đơn: cán bộ ghi lại nội dung, đọc lại và người đến ký</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="220"/>
        <source>Kết quả tiếp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="222"/>
        <source>Kết quả</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="223"/>
        <source>Lý do từ chối</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="227"/>
        <source>Cơ quan hướng dẫn/chuyển đến</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="228"/>
        <source>Ghi chú</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="234"/>
        <source>Ghi sổ (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="237"/>
        <source>Người tiếp theo (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="259"/>
        <source>Người đã từng đến</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="261"/>
        <source>Nhập hoặc quét số căn cước để xem các lần đến trước.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="265"/>
        <source>Dùng thông tin đã lưu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="297"/>
        <source>Xóa dòng chọn</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../desk_app/gui/pages/intake.py" line="331"/>
        <source>Nội dung %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="374"/>
        <source>Đoàn đông người: 1–2 người đại diện (kể cả người trình bày)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="376"/>
        <source>Đoàn đông người: tối đa 5 người đại diện (kể cả người trình bày)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="417"/>
        <source>Đã đọc thẻ căn cước của %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="448"/>
        <source>Chưa có lần đến trước với số giấy tờ này.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="451"/>
        <source>%1 — đã đến %2 lần.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="454"/>
        <source>Vụ việc đang mở: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="461"/>
        <source>Đang mở: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="486"/>
        <source>Ngày “%1” không đúng dạng ngày/tháng/năm, ví dụ 04/03/1990.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="547"/>
        <source>Đã ghi sổ lượt tiếp của %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="549"/>
        <source>Giấy biên nhận số %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogPage</name>
    <message>
        <location filename="../../desk_app/gui/pages/log.py" line="51"/>
        <source>Mọi ngày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/log.py" line="51"/>
        <source>Trong khoảng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/log.py" line="57"/>
        <source>Mọi hình thức</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/log.py" line="58"/>
        <source>Mọi loại đơn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/log.py" line="59"/>
        <source>Mọi cán bộ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/log.py" line="67"/>
        <source>Bỏ tìm kiếm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/log.py" line="72"/>
        <source>Ngày:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/log.py" line="140"/>
        <source>Đang tải…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/log.py" line="147"/>
        <source>%1 dòng</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/log.py" line="160"/>
        <source>Kết quả tìm kiếm cho “%1” (mới nhất trước)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/log.py" line="189"/>
        <source>Xem chi tiết</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/log.py" line="191"/>
        <source>Hiện danh tính người tố cáo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/log.py" line="197"/>
        <source>Xem danh tính người tố cáo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/log.py" line="198"/>
        <source>Danh tính người tố cáo được bảo mật (Luật Tố cáo, Điều 47).
Việc xem được ghi lại. Lý do cần xem:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desk_app/gui/main_window.py" line="21"/>
        <source>Bàn tiếp dân — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/main_window.py" line="24"/>
        <source>Thanh công cụ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/main_window.py" line="27"/>
        <source> Cán bộ tiếp: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/main_window.py" line="35"/>
        <source>Tìm tên, số căn cước, địa chỉ, nội dung… (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/main_window.py" line="48"/>
        <source>Tiếp công dân</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/main_window.py" line="49"/>
        <source>Sổ tiếp công dân</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PartEditor</name>
    <message numerus="yes">
        <location filename="../../desk_app/gui/pages/intake.py" line="79"/>
        <source>Nội dung %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="84"/>
        <source>Tóm tắt nội dung công dân trình bày</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="87"/>
        <source>Bỏ nội dung này</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="90"/>
        <source>Loại đơn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/pages/intake.py" line="92"/>
        <source>Lĩnh vực</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordDialog</name>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="16"/>
        <source>Lượt tiếp — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="33"/>
        <source>Số sổ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="33"/>
        <source>Thời điểm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="34"/>
        <source>Hình thức tiếp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="34"/>
        <source>Cán bộ tiếp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="35"/>
        <source>Họ tên</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="35"/>
        <source>Số giấy tờ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="36"/>
        <source>Ngày sinh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="36"/>
        <source>Giới tính</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="37"/>
        <source>Điện thoại</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="37"/>
        <source>Địa chỉ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="38"/>
        <source>Địa chỉ cũ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="38"/>
        <source>Số người</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="41"/>
        <source>Người đại diện khác</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="43"/>
        <source>Loại đơn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="43"/>
        <source>Lĩnh vực</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="44"/>
        <source>Nội dung</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="44"/>
        <source>Đã được giải quyết bởi</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="45"/>
        <source>Kết quả tiếp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="48"/>
        <source>Cơ quan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="50"/>
        <source>Lý do từ chối</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="52"/>
        <source>Tài liệu nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="54"/>
        <source>Giấy biên nhận</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="56"/>
        <source>Ghi chú</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../desk_app/gui/dialogs/record.py" line="60"/>
        <source>Danh tính người tố cáo được bảo mật. Dùng “Hiện danh tính…” trong sổ nếu cần (việc xem được ghi lại).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
