import { RESOLUTIONS_NEEDING_NOTE, type Resolution } from '../../../shared/verification/vocabulary';

/** Resolutions recorded through their own dialog: the reviewed values of a correction, a collected person. */
const WITH_DIALOG: ReadonlySet<Resolution> = new Set(['registry_corrected', 'collected']);

/** Resolutions with their keyboard keys, in the order the worklist offers them. */
export const RESOLUTION_KEYS: readonly { resolution: Resolution; key: string; needsNote: boolean; dialog: boolean }[] = (
  ['list_corrected', 'registry_corrected', 'collected', 'referred', 'unresolved'] as const
).map((resolution, i) => ({
  resolution,
  key: String(i + 1),
  // A dialog asks for its own basis; the others take the note typed in the panel.
  needsNote: !WITH_DIALOG.has(resolution) && RESOLUTIONS_NEEDING_NOTE.has(resolution),
  dialog: WITH_DIALOG.has(resolution),
}));
