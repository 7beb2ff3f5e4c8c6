/** Vietnamese text of holding under attack and fault (issue 19): paper checks, roles on the command line, acks, exports, locks. */
export const securityVi = {
  'db.emptyFile':
    'Tệp "{file}" rỗng (0 byte): không phải cơ sở dữ liệu. Nếu đây là CSDL cũ, hãy khôi phục từ bản sao lưu; muốn tạo CSDL mới thì chọn tên tệp khác.',
  'db.waiting': 'Đang chờ: một chương trình khác đang ghi vào cơ sở dữ liệu này (chờ tối đa 1 phút)…',
  'db.busy':
    'Cơ sở dữ liệu đang bận: một chương trình khác ghi vào tệp này đã hơn 1 phút. Chưa có gì được ghi; hãy thử lại khi việc kia xong.',
  'db.missing': 'Không có tệp cơ sở dữ liệu "{file}". Lệnh này chỉ đọc nên không tạo CSDL mới: hãy kiểm tra đường dẫn --db.',
  'cli.commandRefused':
    'Tài khoản "{username}" ({role}) không được chạy lệnh "{command}" (theo phân quyền của phần mềm). Lần thử này đã được ghi vào nhật ký.',
  'cli.commandNeedsUser':
    'Lệnh "{command}" do chính người có thẩm quyền làm, không dùng mật khẩu CSDL hay mã khôi phục: đặt DOICHIEU_USER là tên đăng nhập và DOICHIEU_KEY là mật khẩu của người đó.',
  'cli.actorUnknown':
    'CSDL này có tài khoản người dùng: hãy cho biết ai chạy lệnh "{command}" — DOICHIEU_USER là tên đăng nhập, DOICHIEU_KEY là mật khẩu của người đó.',
  'file.writeFailed': 'Không ghi được tệp "{file}" ({reason}). Chưa có gì được ghi nhận; hãy chọn nơi lưu khác rồi làm lại.',
  'file.folderFailed':
    'Không tạo được thư mục "{folder}" ({reason}). Chưa có gì được ghi nhận; hãy chọn nơi lưu khác rồi làm lại.',
  'package.changedMeanwhile':
    'Một chương trình khác vừa xuất gói cập nhật trên CSDL này. Chưa có gì được ghi nhận; hãy xuất lại.',
  'cli.cmd.packageRegistryKey': 'Cài khóa công khai của cơ quan quản lý CSDL quốc gia (hoặc Công an tỉnh) để nhận tệp phản hồi',
  'cli.arg.publicKey': '<tệp khóa công khai | khóa base64>',
  'cli.opt.registryKeyName': 'Tên cơ quan giữ khóa (ghi kèm khóa)',
  'package.registryKeyLine': '{name}: {fingerprint} (cài lúc {installedAt})',
  'package.registryKeyBad': 'Không phải khóa công khai Ed25519 (cần khối PEM "PUBLIC KEY" hoặc 32 byte dạng base64).',
  'package.ackUnsigned':
    'Tệp phản hồi "{file}" không có chữ ký số của cơ quan nhận gói: không nhận. Ai biết mã gói cũng viết được tệp như vậy. Hãy đề nghị cơ quan đó gửi tệp có chữ ký.',
  'package.ackNoKey':
    'Chưa cài khóa công khai của cơ quan nhận gói, nên chưa kiểm được chữ ký của tệp phản hồi "{file}". Quản trị viên cài khóa trước (doichieu package key).',
  'package.ackBadSignature':
    'Chữ ký của tệp phản hồi "{file}" không đúng với khóa nào đã cài: tệp bị sửa, hoặc không do cơ quan nhận gói ký. Không nhận.',
  'package.ackOtherPackage':
    'Tệp phản hồi "{file}" không nói về đúng tệp gói số {sequence} (mã SHA-256 của gói không khớp hoặc thiếu). Không nhận.',
  'package.ackContradictory':
    'Tệp phản hồi "{file}" ghi bản ghi {recordId} vừa được nhận vừa bị từ chối: mâu thuẫn, không nhận. Hãy đề nghị cơ quan nhận gói gửi lại.',
  'doc.verdict.fileExact': 'Tệp PDF này đúng từng byte là tệp đã in của văn bản số {number}, bản {version}.',
  'doc.verdict.codeFound':
    'Mã trên giấy là của văn bản số {number}, bản {version}, có lưu trong máy. Mã chỉ cho biết đó là văn bản nào, không cho biết giấy in gì: hãy so từng dòng trên giấy với nội dung đã lưu dưới đây.',
  'doc.verdict.fileDiffers':
    'Tệp này KHÔNG phải tệp đã in của văn bản số {number}, bản {version}: nội dung tệp khác tệp đã lưu (đã bị sửa, hoặc là tệp khác mang mã của văn bản này).',
  'doc.verdict.signatureInvalid':
    'Tệp này bắt đầu bằng tệp đã in của văn bản số {number}, bản {version}, nhưng phần thêm vào sau không phải chữ ký số hợp lệ trên đúng tệp đó.',
  'doc.verdict.notKept':
    'Văn bản số {number}, bản {version} được in trước khi máy lưu tệp PDF, nên không so được tệp này. Hãy so giấy với bản lưu (tra mã QR) hoặc in lại.',
  'doc.changedMeanwhile': 'Danh sách vừa được in ở nơi khác (một bản mới đã được ghi). Chưa có gì được ghi nhận; hãy in lại.',
  'doc.storedTitle': 'Nội dung đã lưu: văn bản số {number}, bản {version}, ngày {issuedOn} — {listName}',
  'doc.compareHint': 'So từng dòng trên giấy với bảng này: họ tên, ngày sinh, số định danh, kết quả.',
  'audit.cut':
    'Nhật ký bị cắt: tệp đầu chuỗi bên cạnh CSDL ghi mục số {seq}, nhưng nhật ký trong CSDL không còn mục đó như đã ghi (các mục mới nhất đã bị xóa hoặc sửa).',
  'audit.headMissing':
    'Thiếu tệp đầu chuỗi nhật ký bên cạnh CSDL (nhật ký có {seq} mục): không kiểm được các mục cuối có bị xóa hay không. Hãy chép lại tệp này từ nơi lưu CSDL.',
  'audit.headSignature': 'Tệp đầu chuỗi nhật ký bên cạnh CSDL bị sửa hoặc không do máy này ký.',
  'pkg.unsignedAck': 'Nhận phản hồi không có chữ ký…',
  'pkg.unsignedAckTitle': 'Nhận tệp phản hồi "{file}" không có chữ ký số?',
  'pkg.unsignedAckWarning':
    'Tệp phản hồi không có chữ ký thì không kiểm được ai đã viết: ai biết mã gói cũng viết được, và bản ghi được đánh dấu "đã nhận" sẽ không bao giờ được gửi lại. Chỉ nhận khi chắc chắn tệp do cơ quan nhận gói gửi (ví dụ nhận tận tay). Việc nhận được ghi vào nhật ký kèm tên bạn.',
  'pkg.unsignedAckSure': 'Tôi xác nhận tệp này đúng là phản hồi của cơ quan nhận gói.',
  'pkg.unsignedAckOk': 'Nhận tệp không có chữ ký',
} as const;
