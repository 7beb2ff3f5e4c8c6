/**
 * The processing record (Hồ sơ xử lý dữ liệu cá nhân, issue 21): what personal data the app holds
 * and how much, where it came from, who may see it, how long it is kept, where backups go and who
 * received data — generated from the app's own state, so it is never out of date. The roles come
 * from the API contract's role table (who may call the channel that shows each kind), the users
 * from the accounts, the periods from the retention settings.
 */
import { CHANNELS, channelAllows, type Channel, type DataKind, type ProcessingRecord } from '../../shared/api-contract';
import { DATA_KINDS } from '../../shared/api/privacy';
import { ROLES } from '../../shared/auth/roles';
import type { Db } from '../db/open-database';
import { readLetterhead } from '../documents/documents';
import { getSetting } from '../settings/settings';
import { readRetention, retentionState } from './retention';

/** The channel that shows each kind of data: whoever may call it may see that data. */
export const KIND_CHANNELS = {
  residents: 'registry-find',
  lists: 'lists-get',
  vaccinations: 'vaccination-doses',
  infections: 'infections-list',
  visits: 'checkpoint-visits',
  changes: 'packages-state',
  documents: 'documents-list',
  packages: 'packages-state',
  access: 'access-log',
  users: 'users-list',
} as const satisfies Readonly<Record<DataKind, Channel>>;

/** Row counts per kind: table names are fixed here, never from input. */
const COUNT_SQL: Readonly<Record<DataKind, string>> = {
  residents: 'SELECT count(*) AS n FROM residents',
  lists: 'SELECT count(*) AS n FROM lists WHERE purged_at IS NULL',
  vaccinations: 'SELECT count(*) AS n FROM vaccinations',
  infections: 'SELECT count(*) AS n FROM infections',
  visits: 'SELECT count(*) AS n FROM checkpoint_visits',
  changes: 'SELECT count(*) AS n FROM resident_changes',
  documents: 'SELECT count(*) AS n FROM documents',
  packages: 'SELECT count(*) AS n FROM packages',
  access: 'SELECT count(*) AS n FROM access_log',
  users: 'SELECT count(*) AS n FROM users',
};

function keptDays(db: Db, kind: DataKind): number | null {
  const retention = readRetention(db);
  switch (kind) {
    case 'visits':
      return retention.visitsDays;
    case 'lists':
    case 'vaccinations':
      return retention.listsDays;
    case 'access':
      return retention.accessDays;
    default:
      return null;
  }
}

function kinds(db: Db): ProcessingRecord['kinds'] {
  return DATA_KINDS.map((kind) => {
    const channel: Channel = KIND_CHANNELS[kind];
    if (!CHANNELS.includes(channel)) throw new Error(`no channel ${channel}`);
    return {
      kind,
      count: db.prepare<[], { n: number }>(COUNT_SQL[kind]).get()!.n,
      roles: ROLES.filter((role) => channelAllows(channel, role)),
      keptDays: keptDays(db, kind),
    };
  });
}

function usersByRole(db: Db): ProcessingRecord['usersByRole'] {
  const users = db
    .prepare<[], { role: string; name: string }>(
      "SELECT role, display_name || ' (' || username || ')' AS name FROM users WHERE disabled = 0 ORDER BY display_name",
    )
    .all();
  return ROLES.map((role) => ({ role, users: users.filter((u) => u.role === role).map((u) => u.name) }));
}

/** The processing record as of now. */
export function processingRecord(db: Db, now: Date): ProcessingRecord {
  const letterhead = readLetterhead(db);
  return {
    generatedAt: now.toISOString(),
    controller: { issuingBody: letterhead.issuingBody, place: letterhead.place },
    kinds: kinds(db),
    extracts: db
      .prepare<[], ProcessingRecord['extracts'][number]>(
        'SELECT file_name AS fileName, imported_at AS importedAt, data_rows AS rows FROM registry_extracts ORDER BY id',
      )
      .all(),
    senders: db
      .prepare<[], ProcessingRecord['senders'][number]>(
        'SELECT source, count(*) AS lists, max(created_at) AS lastReceived FROM lists GROUP BY source ORDER BY source',
      )
      .all(),
    usersByRole: usersByRole(db),
    retention: retentionState(db),
    backups: { folder: getSetting(db, 'backup-folder'), lastBackupAt: getSetting(db, 'last-backup') },
    packages: db
      .prepare<
        [],
        { sequence: number; createdAt: string; createdBy: string | null; counts: string; acknowledgedAt: string | null }
      >(
        `SELECT sequence, created_at AS createdAt, created_by AS createdBy, counts, acknowledged_at AS acknowledgedAt
         FROM packages ORDER BY sequence`,
      )
      .all()
      .map(({ counts, ...p }) => ({
        ...p,
        records: Object.values(JSON.parse(counts) as Record<string, number>).reduce((a, b) => a + b, 0),
      })),
    returnedLists: db
      .prepare<[], ProcessingRecord['returnedLists'][number]>(
        `SELECT source, count(*) AS lists, max(returned_at) AS lastReturned FROM lists WHERE returned_at IS NOT NULL
         GROUP BY source ORDER BY source`,
      )
      .all(),
  };
}
