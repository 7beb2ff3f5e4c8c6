/** Vietnamese text about files the app reads (issues 18 and 19): the limits and what they protect. */
export const inputVi = {
  'input.tooManyColumns':
    'Tệp "{file}", dòng {row}: có giá trị ở quá {max} cột (giới hạn của ứng dụng). Danh sách và bản trích xuất không cần nhiều cột như vậy: hãy kiểm tra lại tệp.',
  'input.cellTooLong':
    'Tệp "{file}", dòng {row}, cột {column}: ô dài {length} ký tự, quá giới hạn {max} ký tự của một ô (giới hạn của Excel). Không nhận tệp này.',
  'input.runTooLong':
    'Tệp "{file}" có một ô dài hơn {max} ký tự (giới hạn của Excel), trong phần "{part}" của tệp. Không nhận tệp này; hãy xin lại tệp gốc.',
  'input.tooManyCells':
    'Tệp "{file}" có hơn {max} ô, quá giới hạn của loại tệp này. Hãy kiểm tra lại tệp, hoặc chia thành nhiều tệp.',
  'input.tooManyRows': 'Tệp "{file}" có hơn {max} dòng trong một trang tính (giới hạn của Excel). Hãy chia thành nhiều tệp.',
  'input.tooManySheets': 'Tệp "{file}" có hơn {max} trang tính. Hãy chép trang cần nhập sang một tệp riêng.',
  'input.recordTooLong':
    'Tệp "{file}", từ dòng {row}: một dòng dài hơn {max} ký tự (thường do thiếu dấu ngoặc kép đóng). Hãy mở tệp bằng Excel và lưu lại.',
  'input.encodingChanged':
    'Tệp "{file}", dòng {row}: chữ không còn theo bảng mã UTF-8 như phần đầu tệp. Hãy mở tệp bằng Excel và lưu lại với một bảng mã (CSV UTF-8).',
  'input.nameTooLong':
    'Tệp "{file}", dòng {row}: họ và tên dài {length} ký tự, quá giới hạn {max} ký tự. Hãy kiểm tra lại cột họ và tên.',
  'row.nameTooLong': 'Họ và tên dài {length} ký tự, quá giới hạn {max} ký tự.',
  'input.tooManyRejected':
    'Tệp "{file}": đã có hơn {max} dòng bị từ chối (đến dòng {row}); tệp không được đọc tiếp. Đây có lẽ không phải bản trích xuất, hoặc các cột bị lệch: hãy kiểm tra lại tệp.',
  'input.tooLargeToRead':
    'Tệp "{file}" cần quá nhiều bộ nhớ để đọc và đã bị dừng. Không có gì được ghi. Hãy kiểm tra lại tệp, hoặc chia thành nhiều tệp.',
} as const;
