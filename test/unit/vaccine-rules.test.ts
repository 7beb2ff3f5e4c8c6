/**
 * `checkDose`, rule by rule, from DOMAIN.md §8 and docs/architecture.md (issue 7): a known product, a
 * lot number, a date neither in the future nor before the product's approval, a dose number, the same
 * dose twice, the order of doses, the minimum intervals (primary series, booster ≥ 3 months after it,
 * dose 4 ≥ 4 months after dose 3), mixing (AZ → Pfizer/Moderna; Pfizer ↔ Moderna; Sinopharm and
 * Sputnik V only with themselves) and the 3 months' wait after an infection.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/shared/dates';
import { checkDose, SEED_PRODUCTS, type Dose, type Infection } from '../../src/shared/vaccination/rules';

const TODAY = '2022-09-01';

function dose(productCode: string | null, number: number | null, date: string | null, lot: string | null = 'LOT-1'): Dose {
  return { productCode, dose: number, date, lot };
}

/** The rules a dose breaks, as `vaccine.<rule>` keys. */
function broken(d: Dose, others: Dose[] = [], infections: Infection[] = [], today = TODAY): string[] {
  return checkDose(d, { products: SEED_PRODUCTS, others, infections, today }).map((p) => p.key);
}

describe('checkDose: a single dose', () => {
  it('passes a dose with a known product, lot, number and a date after approval', () => {
    expect(broken(dose('AZD1222', 1, '2021-08-01'))).toEqual([]);
  });

  it('names an unknown or missing product', () => {
    expect(broken(dose('XYZ', 1, '2021-08-01'))).toEqual(['vaccine.unknownProduct']);
    expect(broken(dose(null, 1, '2021-08-01'))).toEqual(['vaccine.unknownProduct']);
  });

  it('names a missing lot number', () => {
    expect(broken(dose('AZD1222', 1, '2021-08-01', null))).toEqual(['vaccine.noLot']);
    expect(broken(dose('AZD1222', 1, '2021-08-01', ''))).toEqual(['vaccine.noLot']);
    expect(broken(dose('AZD1222', 1, '2021-08-01', '   '))).toEqual(['vaccine.noLot']);
  });

  it('names a missing date', () => {
    expect(broken(dose('AZD1222', 1, null))).toEqual(['vaccine.noDate']);
  });

  it('names a date in the future, not today', () => {
    expect(broken(dose('AZD1222', 1, addDays(TODAY, 1)))).toEqual(['vaccine.futureDate']);
    expect(broken(dose('AZD1222', 1, TODAY))).toEqual([]);
  });

  it("names a date before the product's approval in Vietnam, not the day itself", () => {
    const approvals: Record<string, string> = {
      AZD1222: '2021-01-30',
      COMIRNATY: '2021-06-12',
      SPIKEVAX: '2021-06-29',
      VEROCELL: '2021-06-03',
      ABDALA: '2021-09-17',
    };
    for (const [code, approvedOn] of Object.entries(approvals)) {
      expect(broken(dose(code, 1, addDays(approvedOn, -1))), code).toEqual(['vaccine.beforeApproval']);
      expect(broken(dose(code, 1, approvedOn)), code).toEqual([]);
    }
  });

  it('names a missing or impossible dose number', () => {
    expect(broken(dose('AZD1222', null, '2021-08-01'))).toEqual(['vaccine.noDose']);
    expect(broken(dose('AZD1222', 0, '2021-08-01'))).toEqual(['vaccine.noDose']);
    expect(broken(dose('AZD1222', -1, '2021-08-01'))).toEqual(['vaccine.noDose']);
    expect(broken(dose('AZD1222', 7, '2021-08-01'))).toEqual(['vaccine.noDose']);
  });

  it('names every rule a dose breaks at once', () => {
    expect(broken(dose('XYZ', null, '2023-01-01', null)).sort()).toEqual(
      ['vaccine.futureDate', 'vaccine.noDose', 'vaccine.noLot', 'vaccine.unknownProduct'].sort(),
    );
  });

  it('carries what the message needs', () => {
    const [problem] = checkDose(dose('COMIRNATY', 1, '2021-06-01'), {
      products: SEED_PRODUCTS,
      others: [],
      infections: [],
      today: TODAY,
    });
    expect(problem).toMatchObject({ key: 'vaccine.beforeApproval', params: { approvedOn: '2021-06-12' } });
  });
});

describe('checkDose: the sequence of doses', () => {
  it('names the same dose number twice', () => {
    expect(broken(dose('AZD1222', 1, '2021-10-01'), [dose('AZD1222', 1, '2021-08-01')])).toContain('vaccine.sameDoseTwice');
  });

  it('names a dose numbered out of order with the dates', () => {
    // Dose 2 dated before dose 1.
    expect(broken(dose('AZD1222', 2, '2021-08-01'), [dose('AZD1222', 1, '2021-10-01')])).toContain('vaccine.sequence');
    // Dose 1 dated after dose 2.
    expect(broken(dose('AZD1222', 1, '2021-10-01'), [dose('AZD1222', 2, '2021-08-01')])).toContain('vaccine.sequence');
    // In order: nothing.
    expect(broken(dose('AZD1222', 2, '2021-10-01'), [dose('AZD1222', 1, '2021-08-01')])).toEqual([]);
  });

  it('ignores other doses without a date or number', () => {
    expect(broken(dose('AZD1222', 2, '2021-10-01'), [dose('AZD1222', 2, null), dose('AZD1222', null, '2021-10-01')])).toEqual([]);
  });
});

describe('checkDose: minimum intervals', () => {
  const second = (code: string, days: number, first = code) =>
    broken(dose(code, 2, addDays('2021-12-01', days)), [dose(first, 1, '2021-12-01')]);

  it('between primary doses: AstraZeneca 4 weeks (when urgent), Pfizer 21 days, Moderna 28 days', () => {
    expect(second('AZD1222', 27)).toEqual(['vaccine.interval']);
    expect(second('AZD1222', 28)).toEqual([]);
    expect(second('COMIRNATY', 20)).toEqual(['vaccine.interval']);
    expect(second('COMIRNATY', 21)).toEqual([]);
    expect(second('SPIKEVAX', 27)).toEqual(['vaccine.interval']);
    expect(second('SPIKEVAX', 28)).toEqual([]);
  });

  it('between primary doses of the other products, from the table', () => {
    for (const p of SEED_PRODUCTS.filter((p) => p.primaryDoses >= 2 && p.minIntervalDays > 0)) {
      expect(second(p.code, p.minIntervalDays - 1), p.code).toEqual(['vaccine.interval']);
      expect(second(p.code, p.minIntervalDays), p.code).toEqual([]);
    }
  });

  it("Abdala's third dose is part of its primary series", () => {
    const first = dose('ABDALA', 1, '2021-10-01');
    const secondDose = dose('ABDALA', 2, '2021-10-15');
    expect(broken(dose('ABDALA', 3, '2021-10-28'), [first, secondDose])).toEqual(['vaccine.interval']);
    expect(broken(dose('ABDALA', 3, '2021-10-29'), [first, secondDose])).toEqual([]);
  });

  it('a booster at least 3 months (90 days) after the primary series', () => {
    const primary = [dose('COMIRNATY', 1, '2021-08-01'), dose('COMIRNATY', 2, '2021-09-01')];
    expect(broken(dose('COMIRNATY', 3, addDays('2021-09-01', 89)), primary)).toEqual(['vaccine.interval']);
    expect(broken(dose('COMIRNATY', 3, addDays('2021-09-01', 90)), primary)).toEqual([]);
  });

  it('a booster after a one-dose primary series (Janssen) comes as dose 2, not checked as a primary interval', () => {
    const primary = [dose('JANSSEN', 1, '2021-08-01')];
    expect(broken(dose('JANSSEN', 2, addDays('2021-08-01', 30)), primary)).toEqual(['vaccine.interval']);
  });

  // DOMAIN.md §8: "Booster ≥ 3 months after the primary series", Janssen's one-dose series included.
  it('a Janssen booster waits 3 months too', () => {
    expect(broken(dose('COMIRNATY', 2, addDays('2021-08-01', 75)), [dose('JANSSEN', 1, '2021-08-01')])).toEqual([
      'vaccine.interval',
    ]);
  });

  it('a fourth dose at least 4 months (120 days) after the third', () => {
    const earlier = [dose('AZD1222', 1, '2021-06-01'), dose('AZD1222', 2, '2021-08-01'), dose('COMIRNATY', 3, '2021-12-01')];
    expect(broken(dose('COMIRNATY', 4, addDays('2021-12-01', 119)), earlier)).toEqual(['vaccine.interval']);
    expect(broken(dose('COMIRNATY', 4, addDays('2021-12-01', 120)), earlier)).toEqual([]);
  });

  it('measures from the previous dose, whichever list it came from', () => {
    expect(broken(dose('COMIRNATY', 2, '2021-08-10'), [dose('COMIRNATY', 1, '2021-08-01')])).toEqual(['vaccine.interval']);
  });
});

describe('checkDose: mixing products', () => {
  const mix = (from: string, to: string, number = 2) =>
    broken(dose(to, number, '2022-01-01'), [
      ...(number > 2 ? [dose(from, number - 2, '2021-07-01')] : []),
      dose(from, number - 1, '2021-09-01'),
    ]);

  it('allows AstraZeneca followed by Pfizer or Moderna', () => {
    expect(mix('AZD1222', 'COMIRNATY')).toEqual([]);
    expect(mix('AZD1222', 'SPIKEVAX')).toEqual([]);
  });

  it('allows Pfizer and Moderna either way', () => {
    expect(mix('COMIRNATY', 'SPIKEVAX')).toEqual([]);
    expect(mix('SPIKEVAX', 'COMIRNATY')).toEqual([]);
  });

  it('allows the same product', () => {
    for (const p of SEED_PRODUCTS.filter((p) => p.primaryDoses >= 2)) expect(mix(p.code, p.code), p.code).toEqual([]);
  });

  it('refuses Sinopharm or Sputnik V with any other product', () => {
    for (const from of ['VEROCELL', 'SPUTNIKV'])
      for (const to of ['AZD1222', 'COMIRNATY', 'SPIKEVAX', 'VEROCELL', 'SPUTNIKV'].filter((c) => c !== from))
        expect(mix(from, to), `${from} → ${to}`).toEqual(['vaccine.mixing']);
    expect(mix('AZD1222', 'VEROCELL')).toEqual(['vaccine.mixing']);
    expect(mix('COMIRNATY', 'SPUTNIKV')).toEqual(['vaccine.mixing']);
  });

  it('refuses Pfizer or Moderna followed by AstraZeneca (the allowed mix goes one way)', () => {
    expect(mix('COMIRNATY', 'AZD1222')).toEqual(['vaccine.mixing']);
    expect(mix('SPIKEVAX', 'AZD1222')).toEqual(['vaccine.mixing']);
  });

  it('checks the booster against the last dose of the primary series', () => {
    expect(mix('AZD1222', 'COMIRNATY', 3)).toEqual([]);
    expect(mix('VEROCELL', 'COMIRNATY', 3)).toEqual(['vaccine.mixing']);
  });
});

describe('checkDose: after an infection', () => {
  const infection = (confirmedOn: string, recoveredOn: string | null = null): Infection => ({ confirmedOn, recoveredOn });

  it('names a dose less than 3 months (90 days) after a confirmed infection', () => {
    expect(broken(dose('COMIRNATY', 1, addDays('2022-01-10', 89)), [], [infection('2022-01-10')])).toEqual([
      'vaccine.afterInfection',
    ]);
    expect(broken(dose('COMIRNATY', 1, '2022-01-10'), [], [infection('2022-01-10')])).toEqual(['vaccine.afterInfection']);
    expect(broken(dose('COMIRNATY', 1, addDays('2022-01-10', 90)), [], [infection('2022-01-10')])).toEqual([]);
  });

  it('does not count an infection after the dose', () => {
    expect(broken(dose('COMIRNATY', 1, '2022-01-09'), [], [infection('2022-01-10')])).toEqual([]);
  });

  it('finds the infection among several', () => {
    expect(
      broken(dose('COMIRNATY', 1, '2022-05-01'), [], [infection('2021-08-01', '2021-08-20'), infection('2022-04-01')]),
    ).toEqual(['vaccine.afterInfection']);
  });
});
