/** Vietnamese text of speed at any size (issue 18): the database's background check and its read-only state. */
export const speedVi = {
  'health.readOnly':
    'Cơ sở dữ liệu bị hỏng nên ứng dụng chỉ cho xem, không ghi thêm gì. Hãy khôi phục bản sao lưu gần nhất (Cài đặt → Sao lưu).',
  'health.foundDamaged':
    'Cơ sở dữ liệu bị hỏng: SQLite báo một phần của tệp không đọc được. Từ giờ ứng dụng chỉ cho xem; hãy khôi phục bản sao lưu gần nhất.',
  'health.bannerTitle': 'CSDL bị hỏng: ứng dụng chỉ cho xem, không ghi được',
  'health.bannerText':
    'Tệp cơ sở dữ liệu trên máy này bị hỏng (ổ đĩa lỗi, mất điện khi đang ghi…). Để không hỏng thêm, ứng dụng không ghi gì nữa: vẫn xem được, nhưng không nhập, đối chiếu, tra cứu hay in được. Cách xử lý: khôi phục bản sao lưu gần nhất, rồi làm lại những việc sau thời điểm sao lưu.',
  'health.lastBackup': 'Bản sao lưu gần nhất: {name} (lúc {at}).',
  'health.noBackup':
    'Chưa thấy bản sao lưu nào trong thư mục sao lưu: hãy chọn thư mục (ổ USB) có bản sao lưu trong Cài đặt → Sao lưu.',
  'health.askAdmin': 'Hãy báo ngay cho quản trị viên để khôi phục bản sao lưu gần nhất.',
  'health.restoreButton': 'Đến phần khôi phục',
  'health.detail': 'Chi tiết kỹ thuật: {detail}',
  'health.checkFailed': 'Không kiểm tra được tệp cơ sở dữ liệu "{file}": {detail}',
  'health.cliDamaged':
    'Cơ sở dữ liệu bị hỏng ({detail}); lệnh dừng, không ghi gì. Chạy lại với --check để kiểm tra cả tệp, rồi khôi phục bản sao lưu gần nhất.',
  'cli.opt.check': 'Kiểm tra cả tệp cơ sở dữ liệu trước khi chạy lệnh; tệp hỏng thì báo và thoát với mã 1',
} as const;
