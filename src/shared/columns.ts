/**
 * Finding a table's header row and mapping its columns to fields by their titles, for any catalogue
 * of fields (the registry extract's, a list's). Titles compare on their loose key: no accents, no
 * punctuation, upper case, so "Họ, chữ đệm và tên" and "HO CHU DEM VA TEN" agree.
 */
import { looseKey } from './text/normalize';

/** How far down a sheet the header row is looked for. */
export const HEADER_SEARCH_ROWS = 30;

export interface FieldCatalog<F extends string> {
  readonly fields: readonly F[];
  readonly aliases: Readonly<Record<F, readonly string[]>>;
  /** A header must name at least one of these. */
  readonly anchors: readonly F[];
}

/** Which column (0-based) holds each field. */
export type Mapping<F extends string> = Partial<Record<F, number>>;

export interface HeaderReader<F extends string> {
  fieldForHeader(title: string): F | null;
  detectHeader(rows: readonly (readonly string[])[]): { readonly index: number; readonly mapping: Mapping<F> } | null;
  fieldAt(mapping: Mapping<F>, column: number): F | null;
}

/** A header reader for one catalogue. */
export function headerReader<F extends string>(catalog: FieldCatalog<F>): HeaderReader<F> {
  const index: ReadonlyMap<string, F> = new Map(
    catalog.fields.flatMap((field) => catalog.aliases[field].map((alias) => [looseKey(alias), field] as const)),
  );
  const fieldForHeader = (title: string): F | null => {
    const key = looseKey(title);
    return key === '' ? null : (index.get(key) ?? null);
  };
  return {
    fieldForHeader,
    detectHeader(rows) {
      let best: { index: number; mapping: Mapping<F>; score: number } | null = null;
      const limit = Math.min(rows.length, HEADER_SEARCH_ROWS);
      for (let row = 0; row < limit; row++) {
        const mapping: Mapping<F> = {};
        let score = 0;
        rows[row]!.forEach((title, column) => {
          const field = fieldForHeader(title);
          if (field !== null && mapping[field] === undefined) {
            mapping[field] = column;
            score++;
          }
        });
        const anchored = catalog.anchors.some((f) => mapping[f] !== undefined);
        if (anchored && score >= 2 && (best === null || score > best.score)) best = { index: row, mapping, score };
      }
      return best && { index: best.index, mapping: best.mapping };
    },
    fieldAt(mapping, column) {
      return catalog.fields.find((field) => mapping[field] === column) ?? null;
    },
  };
}

const MAX_SPLIT_PARTS = 4;

/**
 * Rejoins header titles that a CSV writer split at their own commas because it did not quote them
 * ("Họ, chữ đệm và tên" written bare becomes three cells). Adjacent cells are merged, longest first,
 * when their comma-joined text is a known column title.
 */
export function mergeSplitHeader(cells: readonly string[], isKnownTitle: (title: string) => boolean): string[] {
  const merged: string[] = [];
  for (let i = 0; i < cells.length;) {
    let taken = 1;
    for (let parts = Math.min(MAX_SPLIT_PARTS, cells.length - i); parts >= 2; parts--) {
      const joined = cells
        .slice(i, i + parts)
        .map((c) => c.trim())
        .join(', ');
      if (isKnownTitle(joined)) {
        taken = parts;
        break;
      }
    }
    merged.push(
      taken === 1
        ? cells[i]!
        : cells
            .slice(i, i + taken)
            .map((c) => c.trim())
            .join(', '),
    );
    i += taken;
  }
  return merged;
}
