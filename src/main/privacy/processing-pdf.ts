/** The processing record (issue 21) as a paper in the state format, the basis of the commune's impact assessment. */
import type { ProcessingRecord } from '../../shared/api-contract';
import type { Role } from '../../shared/auth/roles';
import { formatDateVi, vietnamToday } from '../../shared/dates';
import { paperLetterhead, recipientLines } from '../../shared/documents/letterhead';
import { keptText, vietnamDateTime } from '../../shared/privacy/access-text';
import type { Db } from '../db/open-database';
import { readLetterhead } from '../documents/documents';
import { sectionedPaperPdf, type PaperSection } from '../documents/sectioned-paper';
import { paperText as t } from '../documents/state-paper';

const roles = (list: readonly Role[]) => list.map((r) => t(`auth.role.${r}`)).join(', ');

function dataSection(record: ProcessingRecord): PaperSection {
  return {
    title: t('privacy.record.data'),
    table: {
      columns: [
        { title: t('privacy.col.kind'), min: 70, weight: 1 },
        { title: t('privacy.col.count'), min: 42, weight: 0 },
        { title: t('privacy.col.purpose'), min: 90, weight: 3 },
        { title: t('privacy.col.from'), min: 70, weight: 2 },
        { title: t('privacy.col.kept'), min: 60, weight: 1 },
        { title: t('privacy.col.roles'), min: 70, weight: 1 },
      ],
      rows: record.kinds.map((k) => [
        t(`privacy.kind.${k.kind}`),
        String(k.count),
        t(`privacy.purpose.${k.kind}`),
        t(`privacy.from.${k.kind}`),
        keptText(k.kind, k.keptDays, t),
        roles(k.roles),
      ]),
      empty: t('privacy.none'),
    },
  };
}

function sourceSections(record: ProcessingRecord): PaperSection[] {
  return [
    {
      title: t('privacy.record.extracts'),
      table: {
        columns: [
          { title: t('privacy.col.file'), min: 160, weight: 3 },
          { title: t('privacy.col.importedAt'), min: 90, weight: 1 },
          { title: t('privacy.col.rows'), min: 60, weight: 0 },
        ],
        rows: record.extracts.map((e) => [e.fileName, vietnamDateTime(e.importedAt), String(e.rows)]),
        empty: t('privacy.none'),
      },
    },
    {
      title: t('privacy.record.senders'),
      table: {
        columns: [
          { title: t('privacy.col.sender'), min: 160, weight: 3 },
          { title: t('privacy.col.lists'), min: 60, weight: 0 },
          { title: t('privacy.col.lastReceived'), min: 90, weight: 1 },
        ],
        rows: record.senders.map((s) => [s.source, String(s.lists), vietnamDateTime(s.lastReceived)]),
        empty: t('privacy.none'),
      },
    },
  ];
}

function outwardSections(record: ProcessingRecord): PaperSection[] {
  return [
    {
      title: t('privacy.record.users'),
      table: {
        columns: [
          { title: t('privacy.col.role'), min: 90, weight: 1 },
          { title: t('privacy.col.users'), min: 200, weight: 3 },
        ],
        rows: record.usersByRole.map((u) => [t(`auth.role.${u.role}`), u.users.join(', ') || t('privacy.nobody')]),
        empty: t('privacy.none'),
      },
    },
    {
      title: t('privacy.record.backups'),
      lines: [
        record.backups.folder
          ? t('privacy.record.backupFolder', { folder: record.backups.folder })
          : t('privacy.record.noBackupFolder'),
        record.backups.lastBackupAt
          ? t('privacy.record.lastBackup', { at: vietnamDateTime(record.backups.lastBackupAt) })
          : t('privacy.record.noBackup'),
        t('privacy.record.backupRetention'),
      ],
    },
    {
      title: t('privacy.record.packages'),
      lines: [t('privacy.record.packagesTo')],
      table: {
        columns: [
          { title: t('privacy.col.sequence'), min: 40, weight: 0 },
          { title: t('privacy.col.createdAt'), min: 90, weight: 1 },
          { title: t('privacy.col.by'), min: 100, weight: 2 },
          { title: t('privacy.col.records'), min: 50, weight: 0 },
          { title: t('privacy.col.acknowledged'), min: 90, weight: 1 },
        ],
        rows: record.packages.map((p) => [
          String(p.sequence),
          vietnamDateTime(p.createdAt),
          p.createdBy ?? '',
          String(p.records),
          p.acknowledgedAt ? vietnamDateTime(p.acknowledgedAt) : '',
        ]),
        empty: t('privacy.none'),
      },
    },
    {
      title: t('privacy.record.returned'),
      table: {
        columns: [
          { title: t('privacy.col.sender'), min: 160, weight: 3 },
          { title: t('privacy.col.lists'), min: 60, weight: 0 },
          { title: t('privacy.col.lastReturned'), min: 90, weight: 1 },
        ],
        rows: record.returnedLists.map((s) => [s.source, String(s.lists), vietnamDateTime(s.lastReturned)]),
        empty: t('privacy.none'),
      },
    },
  ];
}

/** The processing record as a PDF, dated today. */
export function processingRecordPdf(db: Db, record: ProcessingRecord, encrypted: boolean): Promise<Uint8Array> {
  const issuedOn = vietnamToday(new Date(record.generatedAt));
  const letterhead = paperLetterhead(readLetterhead(db), issuedOn);
  const lastRun = record.retention.lastRun;
  const sections: PaperSection[] = [
    dataSection(record),
    ...sourceSections(record),
    ...outwardSections(record),
    {
      title: t('privacy.record.safeguards'),
      lines: [
        t(encrypted ? 'privacy.record.encrypted' : 'privacy.record.notEncrypted'),
        t('privacy.record.safeguardLines'),
        lastRun
          ? t('privacy.record.lastRun', { at: vietnamDateTime(lastRun.at), ...lastRun.deleted })
          : t('privacy.record.neverRun'),
      ],
    },
  ];
  return sectionedPaperPdf({
    letterhead,
    numberLine: t('privacy.record.number', { code: letterhead.issuingCode }),
    issuedOn,
    title: t('privacy.record.title'),
    subtitle: t('privacy.record.subtitle', { body: record.controller.issuingBody }),
    intro: [t('privacy.record.intro', { date: formatDateVi(issuedOn) })],
    sections: sections.map((s, i) => ({ ...s, title: `${i + 1}. ${s.title}` })),
    closing: [],
    recipients: recipientLines(letterhead),
    footer: t('privacy.record.footer', { at: vietnamDateTime(record.generatedAt) }),
    info: { Title: t('privacy.record.title'), Subject: t('privacy.record.subject') },
  });
}
