import type { Migration } from '../migrate';
import { migration0001 } from './0001-registry';
import { migration0002 } from './0002-lists';
import { migration0003 } from './0003-checkpoints';
import { migration0004 } from './0004-mrz-visits';
import { migration0005 } from './0005-documents';
import { migration0006 } from './0006-vaccination-packages';
import { migration0007 } from './0007-audit';
import { migration0008 } from './0008-users';
import { migration0009 } from './0009-janssen-booster';
import { migration0010 } from './0010-accountable-returns';
import { migration0011 } from './0011-access-log';
import { migration0012 } from './0012-list-titles';
import { migration0013 } from './0013-chip-visits';
import { migration0014 } from './0014-document-files';
import { migration0015 } from './0015-bounded-values';

/** Every migration, in order. Append only: never edit or reorder a released step. */
export const MIGRATIONS: readonly Migration[] = [
  migration0001,
  migration0002,
  migration0003,
  migration0004,
  migration0005,
  migration0006,
  migration0007,
  migration0008,
  migration0009,
  migration0010,
  migration0011,
  migration0012,
  migration0013,
  migration0014,
  migration0015,
];
