import { RESOLUTIONS_NEEDING_NOTE, type Resolution } from '../../../shared/verification/vocabulary';

/** Resolutions with their keyboard keys, in the order the worklist offers them. */
export const RESOLUTION_KEYS: readonly { resolution: Resolution; key: string; needsNote: boolean }[] = (
  ['list_corrected', 'registry_corrected', 'collected', 'referred', 'unresolved'] as const
).map((resolution, i) => ({ resolution, key: String(i + 1), needsNote: RESOLUTIONS_NEEDING_NOTE.has(resolution) }));
