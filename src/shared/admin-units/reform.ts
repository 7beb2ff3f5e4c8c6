/**
 * The 1 July 2025 reform of local government (Resolution 202/2025/QH15, DOMAIN.md §9): two levels,
 * province and commune; districts and district police dissolved.
 */
import type { IsoDate } from '../dates';

/** The first day without districts. */
export const REFORM_DATE: IsoDate = '2025-07-01';

/** Whether a (full or partial) date falls on or after the reform. */
export function afterReform(date: IsoDate): boolean {
  return date >= REFORM_DATE;
}

/** Whether a text names a district-level body ("UBND huyện Chiêm Hóa", "Công an huyện", "quận", "thị xã"). */
export function namesDistrictBody(text: string): boolean {
  return /(^|[\s.,;:()-])(huyện|quận|thị xã)(?=$|[\s.,;:()-])/iu.test(text.normalize('NFC').toLowerCase());
}
