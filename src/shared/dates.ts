import { toNfc } from './text/normalize';

/**
 * Dates as Vietnamese spreadsheets hold them (DOMAIN.md §6): day first, often partial.
 * A partial date stays partial: `YYYY` or `YYYY-MM`, never an invented day.
 */

export type IsoDate = string;

const MIN_YEAR = 1880;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
}

/** Whether a year is one a person alive or recently dead could be born in (NaN is not). */
function plausibleYear(year: number): boolean {
  return year >= MIN_YEAR && year <= 2200;
}

function fullDate(year: number, month: number, day: number): IsoDate | null {
  if (!plausibleYear(year) || !(month >= 1 && month <= 12)) return null;
  if (!(day >= 1 && day <= daysInMonth(year, month))) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function yearMonth(year: number, month: number): IsoDate | null {
  if (!plausibleYear(year) || !(month >= 1 && month <= 12)) return null;
  return `${pad(year, 4)}-${pad(month)}`;
}

function yearOnly(year: number): IsoDate | null {
  if (!plausibleYear(year)) return null;
  return pad(year, 4);
}

/** Excel serial day number in the 1900 system (with Lotus' phantom 29 Feb 1900) or the 1904 system. */
export function fromExcelSerial(serial: number, date1904 = false): IsoDate | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial);
  let epochMs: number;
  if (date1904) {
    epochMs = Date.UTC(1904, 0, 1) + whole * 86_400_000;
  } else {
    if (whole < 1 || whole === 60) return null;
    // Serials after the phantom 1900-02-29 are one day ahead of the real calendar.
    const offset = whole > 60 ? whole - 1 : whole;
    epochMs = Date.UTC(1899, 11, 31) + offset * 86_400_000;
  }
  const d = new Date(epochMs);
  return fullDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** A JS Date as exceljs delivers date cells (UTC midnight). */
export function fromDateCell(value: Date): IsoDate | null {
  if (Number.isNaN(value.getTime())) return null;
  // Cells carrying a time a few hours off midnight still mean the calendar day they round to.
  const rounded = new Date(Math.round(value.getTime() / 86_400_000) * 86_400_000);
  return fullDate(rounded.getUTCFullYear(), rounded.getUTCMonth() + 1, rounded.getUTCDate());
}

/** Text in any day-first form: d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, ddmmyyyy, m/yyyy, yyyy, ISO. */
export function parseDateText(raw: string): IsoDate | null {
  const text = toNfc(raw).trim().replace(/^'/, '');
  if (text === '') return null;
  // The common form first: d/m/yyyy with any of the usual separators.
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text);
  if (m) return fullDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return fullDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (m) return yearMonth(Number(m[1]), Number(m[2]));
  m = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text);
  if (m) return yearMonth(Number(m[2]), Number(m[1]));
  m = /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  if (m) return fullDate(Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{4})$/.exec(text);
  if (m) return yearOnly(Number(m[1]));
  const words = /^ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})$/i.exec(text);
  if (words) return fullDate(Number(words[3]), Number(words[2]), Number(words[1]));
  return null;
}

/** Any spreadsheet cell value as a (possibly partial) ISO date. */
export function parseDateValue(value: unknown, date1904 = false): IsoDate | null {
  if (value instanceof Date) return fromDateCell(value);
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= MIN_YEAR && value <= 2200) return yearOnly(value);
    return fromExcelSerial(value, date1904);
  }
  if (typeof value === 'string') return parseDateText(value);
  return null;
}

/** The year of a full or partial ISO date. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Day-first display form: 05/01/2022, 01/2022 or 2022. */
export function formatDateVi(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  if (d) return `${d}/${m}/${y}`;
  if (m) return `${m}/${y}`;
  return y ?? '';
}

/** Whether `date` is a full YYYY-MM-DD date. */
export function isFullDate(date: IsoDate): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date);
}

/**
 * Whether two dates can describe the same day: equal, or one partial date (a year, or a year and a
 * month) containing the other. "1956" agrees with "1956-03-12"; "1956-04" does not.
 */
export function datesConsistent(a: IsoDate, b: IsoDate): boolean {
  const [shorter, longer] = a.length <= b.length ? [a, b] : [b, a];
  return longer === shorter || longer.startsWith(`${shorter}-`);
}

/** A full date plus a number of days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  const ms = (date: IsoDate) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((ms(to) - ms(from)) / 86_400_000);
}

/** Today's date in Vietnam (UTC+7), where the lists are drawn up. */
export function vietnamToday(now: Date): IsoDate {
  return new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
