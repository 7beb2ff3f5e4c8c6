/**
 * What a list's heading rows say of it (issue 16): its title ("DANH SÁCH ĐĂNG KÝ TIÊM …") and who
 * sent it ("TRẠM Y TẾ XÃ TRUNG HÀ"), so lists are told apart by more than their file name.
 */
import { matchKey } from '../../shared/text/normalize';

const MAX_LENGTH = 200;
/** Lines of the national motto and dates: never a title or a sender. */
const NOT_A_NAME = /^(CONG HOA|DOC LAP|NGAY |SO[: ]|(.*), NGAY \d)/;
const SENDER = /^(TRAM Y TE|UY BAN NHAN DAN|UBND|CONG AN|CO SO|BENH VIEN|TRUNG TAM|PHONG KHAM|BAN CHI DAO|TRUONG)\b/;

/** The list's title from its heading lines, or null. */
export function titleFromHeading(lines: readonly string[]): string | null {
  const title = lines.find((line) => matchKey(line).startsWith('DANH SACH'));
  return title ? clip(title) : null;
}

/**
 * The body that sent the list, from its heading lines, or null: the last body named above the
 * title — under Decree 30 the parent body ("UBND HUYỆN …") comes first, the issuing one under it.
 */
export function senderFromHeading(lines: readonly string[]): string | null {
  const titleAt = lines.findIndex((line) => matchKey(line).startsWith('DANH SACH'));
  const above = titleAt < 0 ? lines : lines.slice(0, titleAt);
  const bodies = above.filter((line) => !NOT_A_NAME.test(matchKey(line)) && SENDER.test(matchKey(line)));
  const sender = bodies.at(-1);
  return sender ? clip(sender) : null;
}

function clip(line: string): string {
  const text = line.replace(/\s+/g, ' ').trim();
  return text.length > MAX_LENGTH ? text.slice(0, MAX_LENGTH) : text;
}
