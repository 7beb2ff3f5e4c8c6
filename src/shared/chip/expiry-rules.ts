/**
 * When a CCCD / căn cước card expires, from the holder's birth date and the card's issue date (the
 * QR code carries both, not the expiry): cards are renewed at 14 (since 1 July 2024), 25, 40 and 60
 * years of age; a card issued within two years before such an age stays valid to the next one; none
 * issued from 58 on expires (Law on Citizen Identity 2014 art. 21, Law on Identification 2023 art. 21).
 */
import type { IsoDate } from '../dates';

export const RENEWAL_AGES = [14, 25, 40, 60] as const;

/** The date a person born on `birth` turns `age` (29 February falls on 28 February in other years). */
export function birthdayAt(birth: IsoDate, age: number): IsoDate {
  const year = Number(birth.slice(0, 4)) + age;
  const monthDay = birth.slice(5, 10);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-${monthDay === '02-29' && !leap ? '02-28' : monthDay}`;
}

/** The expiry the rules give (null: the card never expires). */
export function ruleExpiry(birth: IsoDate, issue: IsoDate, twoYearRule = true): IsoDate | null {
  const ages: readonly number[] = RENEWAL_AGES;
  const next = ages.findIndex((age) => birthdayAt(birth, age) > issue);
  if (next < 0) return null;
  const age = ages[next]!;
  // Issued within two years before the renewal age: valid to the following one.
  if (twoYearRule && issue >= birthdayAt(birth, age - 2)) {
    const following = ages[next + 1];
    return following === undefined ? null : birthdayAt(birth, following);
  }
  return birthdayAt(birth, age);
}

/**
 * Expiry dates to try in turn for a card: the rules' date first, then the date without the
 * two-year rule (a card issued right at its boundary), then 1 March for a 29 February birthday.
 */
export function expiryCandidates(birth: IsoDate, issue: IsoDate): (IsoDate | null)[] {
  const out: (IsoDate | null)[] = [];
  const add = (date: IsoDate | null) => {
    if (!out.includes(date)) out.push(date);
  };
  add(ruleExpiry(birth, issue, true));
  add(ruleExpiry(birth, issue, false));
  for (const date of [...out]) {
    if (date !== null && birth.slice(5) === '02-29' && date.slice(5) === '02-28') add(`${date.slice(0, 4)}-03-01`);
  }
  return out;
}
