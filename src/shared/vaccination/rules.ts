/**
 * Vaccination results checked against the rules of the time (DOMAIN.md §8): a known product, the
 * dose sequence per person, minimum intervals and mixing per product, dates neither in the future nor
 * before the product's approval, the same dose twice, a lot number, and the wait after an infection.
 * Every problem names the rule that fired. The product table is editable; these are its seeds.
 */
import { daysBetween, type IsoDate } from '../dates';
import type { Problem } from '../result';
import { matchKey } from '../text/normalize';

export interface VaccineProduct {
  readonly code: string;
  readonly name: string;
  /** Other ways lists write it ("AZ", "Astra", "Pfizer"…), compared without accents or case. */
  readonly aliases: readonly string[];
  /** Doses in the primary series (Janssen 1, Abdala 3, most 2). */
  readonly primaryDoses: number;
  /** Least days between primary doses. */
  readonly minIntervalDays: number;
  /** Least days from the end of the primary series to a booster. */
  readonly boosterAfterDays: number;
  /** When Vietnam approved it: a dose dated before is an error. */
  readonly approvedOn: IsoDate;
  /** Products a later dose may be of (besides itself). */
  readonly mixesWith: readonly string[];
}

// Intervals marked UNCONFIRMED in DOMAIN.md §8 are the manufacturers' label figures; edit in the table.
export const SEED_PRODUCTS: readonly VaccineProduct[] = [
  {
    code: 'AZD1222',
    name: 'AstraZeneca',
    aliases: ['AstraZeneca', 'Astra Zeneca', 'Astra', 'AZ', 'AZD1222', 'Vaxzevria', 'Covishield'],
    primaryDoses: 2,
    minIntervalDays: 28, // 8–12 weeks advised; 4 weeks allowed when urgent
    boosterAfterDays: 90,
    approvedOn: '2021-01-30',
    mixesWith: ['COMIRNATY', 'SPIKEVAX'],
  },
  {
    code: 'COMIRNATY',
    name: 'Comirnaty (Pfizer-BioNTech)',
    aliases: ['Pfizer', 'Pfizer-BioNTech', 'Pfizer BioNTech', 'Comirnaty', 'BNT162b2'],
    primaryDoses: 2,
    minIntervalDays: 21,
    boosterAfterDays: 90,
    approvedOn: '2021-06-12',
    mixesWith: ['SPIKEVAX'],
  },
  {
    code: 'SPIKEVAX',
    name: 'Spikevax (Moderna)',
    aliases: ['Moderna', 'Spikevax', 'mRNA-1273'],
    primaryDoses: 2,
    minIntervalDays: 28,
    boosterAfterDays: 90,
    approvedOn: '2021-06-29',
    mixesWith: ['COMIRNATY'],
  },
  {
    code: 'VEROCELL',
    name: 'Vero Cell (Sinopharm)',
    aliases: ['Vero Cell', 'VeroCell', 'Sinopharm', 'BBIBP-CorV'],
    primaryDoses: 2,
    minIntervalDays: 21,
    boosterAfterDays: 90,
    approvedOn: '2021-06-03',
    mixesWith: [],
  },
  {
    code: 'SPUTNIKV',
    name: 'Sputnik V (Gamaleya)',
    aliases: ['Sputnik V', 'Sputnik', 'Gam-COVID-Vac', 'Gamaleya'],
    primaryDoses: 2,
    minIntervalDays: 21,
    boosterAfterDays: 90,
    approvedOn: '2021-03-23',
    mixesWith: [],
  },
  {
    code: 'ABDALA',
    name: 'Abdala',
    aliases: ['Abdala', 'CIGB-66'],
    primaryDoses: 3,
    minIntervalDays: 14,
    boosterAfterDays: 90,
    approvedOn: '2021-09-17',
    mixesWith: [],
  },
  {
    code: 'HAYATVAX',
    name: 'Hayat-Vax',
    aliases: ['Hayat-Vax', 'Hayat Vax', 'Hayat'],
    primaryDoses: 2,
    minIntervalDays: 21,
    boosterAfterDays: 90,
    approvedOn: '2021-09-10',
    mixesWith: [],
  },
  {
    code: 'JANSSEN',
    name: 'Janssen (Johnson & Johnson)',
    aliases: ['Janssen', 'Johnson & Johnson', 'J&J', 'Ad26.COV2.S'],
    primaryDoses: 1,
    minIntervalDays: 0,
    boosterAfterDays: 90,
    approvedOn: '2021-07-15',
    mixesWith: ['COMIRNATY', 'SPIKEVAX'],
  },
  {
    code: 'COVAXIN',
    name: 'Covaxin',
    aliases: ['Covaxin', 'BBV152'],
    primaryDoses: 2,
    minIntervalDays: 28,
    boosterAfterDays: 90,
    approvedOn: '2021-11-10',
    mixesWith: [],
  },
];

/** A fourth dose waits this long after the third (DOMAIN.md §8). */
export const FOURTH_DOSE_AFTER_DAYS = 120;
/** After an infection, the next dose waits this long. */
export const AFTER_INFECTION_DAYS = 90;

/** The product a list's vaccine column names, or null. */
export function findProduct(products: readonly VaccineProduct[], text: string | null | undefined): VaccineProduct | null {
  if (!text) return null;
  const key = matchKey(text).replace(/[^A-Z0-9]/g, '');
  if (key === '') return null;
  const exact = products.find((p) => [p.code, p.name, ...p.aliases].some((a) => matchKey(a).replace(/[^A-Z0-9]/g, '') === key));
  if (exact) return exact;
  // "AstraZeneca (AZD1222) lô …" and the like: the longest alias the text contains.
  let best: { product: VaccineProduct; length: number } | null = null;
  for (const p of products)
    for (const a of [p.code, ...p.aliases]) {
      const alias = matchKey(a).replace(/[^A-Z0-9]/g, '');
      if (alias.length >= 4 && key.includes(alias) && (!best || alias.length > best.length))
        best = { product: p, length: alias.length };
    }
  return best?.product ?? null;
}

/** A dose as the rules see it. */
export interface Dose {
  readonly date: IsoDate | null;
  readonly productCode: string | null;
  readonly dose: number | null;
  readonly lot: string | null;
}

export interface Infection {
  readonly confirmedOn: IsoDate;
  readonly recoveredOn: IsoDate | null;
}

/** The rule names, as problems carry them (`vaccine.<rule>`). */
export const VACCINE_RULES = [
  'unknownProduct',
  'noDate',
  'futureDate',
  'beforeApproval',
  'noDose',
  'noLot',
  'sameDoseTwice',
  'sequence',
  'interval',
  'mixing',
  'afterInfection',
] as const;
export type VaccineRule = (typeof VACCINE_RULES)[number];

/**
 * The problems of one dose, given the person's other doses (earlier results, and the other rows of
 * this list) and infections. An empty list: the dose may go to the national registry.
 */
export function checkDose(
  dose: Dose,
  context: {
    readonly products: readonly VaccineProduct[];
    readonly others: readonly Dose[];
    readonly infections: readonly Infection[];
    readonly today: IsoDate;
  },
): Problem[] {
  const problems: Problem[] = [];
  const product = context.products.find((p) => p.code === dose.productCode) ?? null;
  if (!product) problems.push({ key: 'vaccine.unknownProduct' });
  if (!dose.lot || dose.lot.trim() === '') problems.push({ key: 'vaccine.noLot' });
  if (dose.dose === null || dose.dose < 1 || dose.dose > 6) problems.push({ key: 'vaccine.noDose' });
  if (dose.date === null) {
    problems.push({ key: 'vaccine.noDate' });
    return problems;
  }
  if (dose.date > context.today) problems.push({ key: 'vaccine.futureDate', params: { date: dose.date } });
  if (product && dose.date < product.approvedOn)
    problems.push({ key: 'vaccine.beforeApproval', params: { product: product.name, approvedOn: product.approvedOn } });
  if (dose.dose === null) return problems;

  const others = context.others.filter((o) => o.date !== null && o.dose !== null);
  if (others.some((o) => o.dose === dose.dose)) problems.push({ key: 'vaccine.sameDoseTwice', params: { dose: dose.dose } });
  // A later-numbered dose dated before this one, or an earlier-numbered one dated after it.
  if (others.some((o) => (o.dose! > dose.dose! && o.date! < dose.date!) || (o.dose! < dose.dose! && o.date! > dose.date!)))
    problems.push({ key: 'vaccine.sequence', params: { dose: dose.dose } });
  const previous = others.find((o) => o.dose === dose.dose! - 1 && o.date! <= dose.date!);
  if (previous && product) {
    const days = daysBetween(previous.date!, dose.date);
    const previousProduct = context.products.find((p) => p.code === previous.productCode);
    const booster = dose.dose > (previousProduct ?? product).primaryDoses;
    const least =
      dose.dose >= 4 ? FOURTH_DOSE_AFTER_DAYS : booster ? (previousProduct ?? product).boosterAfterDays : product.minIntervalDays;
    if (days < least) problems.push({ key: 'vaccine.interval', params: { dose: dose.dose, days, least, product: product.name } });
    if (previousProduct && previousProduct.code !== product.code && !previousProduct.mixesWith.includes(product.code))
      problems.push({ key: 'vaccine.mixing', params: { from: previousProduct.name, to: product.name } });
  }
  const recent = context.infections.find(
    (i) => i.confirmedOn <= dose.date! && daysBetween(i.confirmedOn, dose.date!) < AFTER_INFECTION_DAYS,
  );
  if (recent)
    problems.push({ key: 'vaccine.afterInfection', params: { confirmedOn: recent.confirmedOn, least: AFTER_INFECTION_DAYS } });
  return problems;
}

/** The dose number a list writes: "2", "Mũi 2", "mũi thứ hai", "Nhắc lại" (a booster is dose 3). */
export function parseDoseNumber(text: string | null | undefined): number | null {
  if (!text) return null;
  const key = matchKey(text);
  const digits = /(\d+)/.exec(key);
  if (digits) return Number(digits[1]);
  const words: [RegExp, number][] = [
    [/\bMOT\b|\bNHAT\b/, 1],
    [/\bHAI\b/, 2],
    [/\bBA\b/, 3],
    [/\bBON\b|\bTU\b/, 4],
    [/NHAC LAI|TANG CUONG|BOOSTER/, 3],
  ];
  return words.find(([re]) => re.test(key))?.[1] ?? null;
}
