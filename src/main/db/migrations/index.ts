import type { Migration } from '../migrate';
import { migration0001 } from './0001-registry';

/** Every migration, in order. Append only: never edit or reorder a released step. */
export const MIGRATIONS: readonly Migration[] = [migration0001];
