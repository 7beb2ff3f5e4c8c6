/** Vietnamese text of the administrative units since 1 July 2025 (issue 17), on the Settings page. */
export const reformVi = {
  'commune.title': 'Xã, phường của cơ quan',
  'commune.current': '{name}, {province}',
  'commune.formerly': 'Hợp nhất từ: {names}',
  'commune.change': 'Chọn xã, phường',
  'commune.foundAs': '(tìm theo tên cũ: {name})',
  'commune.applyLetterhead': 'Dùng cho thông tin văn bản',
  'commune.applied': 'Đã cập nhật thông tin văn bản theo xã, phường đã chọn.',
  'commune.hint':
    'Phần mềm dùng xã, phường này để nhận ra địa chỉ ghi theo tên xã, thị trấn cũ (trước 01/7/2025) là cùng một nơi.',
} as const;
