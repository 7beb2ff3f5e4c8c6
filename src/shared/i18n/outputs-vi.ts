/** Vietnamese text of what leaves the office (issue 15): returns, signatures, corrections, handling. */
export const outputsVi = {
  'export.idOrPassport': 'Số định danh / số hộ chiếu',
  'pkg.registryKeysTitle': 'Khóa xác thực tệp phản hồi',
  'pkg.registryKeysHint':
    'Tệp phản hồi của CSDL quốc gia (hoặc Công an tỉnh) phải có chữ ký bằng một trong các khóa này; tệp không có chữ ký bị từ chối.',
  'pkg.registryKeysNone': 'Chưa cài khóa nào.',
  'pkg.registryKeyName': 'Tên cơ quan giữ khóa (ví dụ: Công an tỉnh Tuyên Quang)',
  'pkg.registryKeyInstall': 'Cài khóa từ tệp…',
  'pkg.registryKeyNameFirst': 'Nhập tên cơ quan giữ khóa trước khi chọn tệp.',
  'pkg.registryKeyInstalled': 'Đã cài khóa của {name}.',
  'handling.verifying': 'Đang xác minh',
  'handling.foreign': 'Không xác minh (không phải công dân Việt Nam)',
  'handling.duplicate': 'Trùng với dòng {row}',
  'list.openEntries':
    'Danh sách {listId} còn {open} dòng cần xử lý ({detail}). Xử lý hết rồi xuất lại, hoặc trả kết quả một phần: các dòng đó được ghi "Đang xác minh"',
  'doc.signerMissing':
    'Chưa có họ tên người ký. Nhập họ tên và chức vụ người ký (trang Cài đặt, mục Văn bản; ở dòng lệnh: --signer "Họ tên") rồi in lại.',
  'doc.signerOnly': 'Chỉ người ký (Chủ tịch) tự ghi nhận chữ ký của mình khi đã đăng nhập; không ai ghi nhận thay.',
  'resolve.proposalEmpty': 'Chưa có giá trị đề nghị cho {field}. Nhập giá trị đúng theo giấy tờ đã xem.',
  'resolve.proposalSameAsRegistry':
    'Giá trị đề nghị "{value}" giống CSDL ({field}): không có gì để sửa. Nhập giá trị đúng theo giấy tờ đã xem.',
  'resolve.nothingToPropose': 'Dòng này không có thông tin nào khác CSDL để đề nghị sửa.',
  'resolve.newResidentNeeded':
    'Hãy điền thông tin người cần thu thập: họ tên, ngày sinh, giới tính, nơi thường trú (số định danh nếu có).',
  'cli.opt.partial': 'Trả kết quả dù còn dòng cần xử lý: các dòng đó ghi "Đang xác minh"',
  'cli.opt.signer': 'Họ tên người ký văn bản (lưu vào thông tin văn bản; cần khi chưa có)',
  'cli.confirmNeedsUser':
    'CSDL này có tài khoản người dùng: việc xác nhận do chính người ký làm. Đặt DOICHIEU_USER là tên đăng nhập của Chủ tịch và DOICHIEU_KEY là mật khẩu của người đó; không dùng --by.',
  'cli.byNeeded': 'CSDL này chưa có tài khoản người dùng: cần --by "Họ tên người ký".',
  'cli.userWrongPassword': 'DOICHIEU_KEY không phải mật khẩu của tài khoản "{username}" (hoặc tài khoản đã bị khóa).',
  'cli.roleRefused': 'Tài khoản "{username}" ({role}) không được làm việc này.',
} as const;
