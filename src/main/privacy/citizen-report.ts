/**
 * A citizen's request (issue 21; Law 91/2025/QH15 on personal data protection): everything the app
 * holds about one person — the registry record with where each field came from, the lists they
 * appear in with the results, doses, F0 records, checkpoint visits, registry corrections and who
 * looked at them — printed as a paper in the state format. Printing it is itself a look-up (access
 * log) and a print (audit trail). Visits, the one kind the commune may delete, go on request.
 */
import type { AccessAction, ResidentCard } from '../../shared/api-contract';
import { formatDateVi, vietnamToday } from '../../shared/dates';
import { paperLetterhead } from '../../shared/documents/letterhead';
import type { MessageKey } from '../../shared/i18n';
import { accessContextText, vietnamDateTime } from '../../shared/privacy/access-text';
import { fail, ok, type Result } from '../../shared/result';
import { audit } from '../audit/audit';
import type { Db } from '../db/open-database';
import { readLetterhead } from '../documents/documents';
import { sectionedPaperPdf, type PaperSection } from '../documents/sectioned-paper';
import { paperText as t } from '../documents/state-paper';
import { residentByPersonalId, residentFacts } from '../residents/resident-card';
import { accessEntries, recordAccess } from './access-log';
import { readRetention } from './retention';

const SOURCE_KEYS: Readonly<Record<string, MessageKey>> = {
  qr: 'privacy.source.qr',
  mrz: 'privacy.source.mrz',
  typed: 'privacy.source.typed',
  chip: 'privacy.source.chip',
};
const ACTION_KEYS: Readonly<Record<AccessAction, MessageKey>> = {
  find: 'access.action.find',
  open: 'access.action.open',
  scan: 'access.action.scan',
  chip: 'access.action.chip',
  export: 'access.action.export',
  report: 'access.action.report',
  delete: 'access.action.delete',
};

const date = (value: string | null) => (value ? formatDateVi(value) : '');
const text = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);

/** The record, the lists, doses and F0 records as the paper's sections. */
function recordSections(card: ResidentCard): PaperSection[] {
  const r = card.resident;
  const value = (field: keyof typeof r): string =>
    field === 'sex' ? (r.sex ? t(`sex.${r.sex}`) : '') : field === 'birthDate' ? date(r.birthDate) : text(r[field]);
  const sourceOf = (s: ResidentCard['sources'][number]) =>
    s.extract
      ? t('privacy.report.extract', { file: s.extract.fileName, at: vietnamDateTime(s.extract.importedAt) })
      : t('privacy.report.demo');
  return [
    {
      title: t('privacy.report.record'),
      table: {
        columns: [
          { title: t('privacy.col.field'), min: 90, weight: 1 },
          { title: t('privacy.col.value'), min: 120, weight: 3 },
          { title: t('privacy.col.source'), min: 120, weight: 2 },
        ],
        rows: card.sources.map((s) => [t(`col.${s.field}`), value(s.field), sourceOf(s)]),
        empty: t('privacy.none'),
      },
    },
    {
      title: t('privacy.report.lists'),
      table: {
        columns: [
          { title: t('privacy.col.list'), min: 150, weight: 3 },
          { title: t('col.row'), min: 32, weight: 0 },
          { title: t('privacy.col.result'), min: 90, weight: 1 },
          { title: t('privacy.col.handling'), min: 80, weight: 1 },
          { title: t('privacy.col.returned'), min: 60, weight: 0 },
        ],
        rows: card.lists.map((l) => [
          t('privacy.report.listLine', {
            listId: l.listId,
            kind: t(`kind.${l.kind}`),
            file: l.fileName,
            source: l.source,
            drawnUp: date(l.drawnUp),
          }),
          String(l.row),
          [t(`status.${l.status}`), ...l.differences.map((d) => t(`field.${d}`))].join(', '),
          l.resolution ? t(`resolution.${l.resolution}`) : '',
          l.returnedAt ? vietnamDateTime(l.returnedAt).slice(0, 10) : '',
        ]),
        empty: t('privacy.none'),
      },
    },
    {
      title: t('privacy.report.doses'),
      table: {
        columns: [
          { title: t('field.vaccinationDate'), min: 62, weight: 0 },
          { title: t('field.vaccine'), min: 90, weight: 2 },
          { title: t('field.lot'), min: 60, weight: 1 },
          { title: t('field.dose'), min: 36, weight: 0 },
          { title: t('field.facility'), min: 90, weight: 2 },
        ],
        rows: card.doses.map((d) => [date(d.vaccinationDate), text(d.vaccine), text(d.lot), text(d.dose), text(d.facility)]),
        empty: t('privacy.none'),
      },
    },
    {
      title: t('privacy.report.infections'),
      table: {
        columns: [
          { title: t('privacy.col.confirmedOn'), min: 90, weight: 1 },
          { title: t('privacy.col.recoveredOn'), min: 90, weight: 1 },
          { title: t('privacy.col.test'), min: 90, weight: 2 },
        ],
        rows: card.infections.map((i) => [date(i.confirmedOn), date(i.recoveredOn), text(i.test)]),
        empty: t('privacy.none'),
      },
    },
  ];
}

/** Where the person was seen, what is proposed about them, and who looked at them. */
function traceSections(card: ResidentCard): PaperSection[] {
  return [
    {
      title: t('privacy.report.visits'),
      table: {
        columns: [
          { title: t('col.at'), min: 90, weight: 0 },
          { title: t('col.place'), min: 120, weight: 3 },
          { title: t('col.direction'), min: 60, weight: 1 },
          { title: t('privacy.col.how'), min: 80, weight: 1 },
        ],
        rows: (card.visits ?? []).map((v) => [
          vietnamDateTime(v.at),
          v.place,
          t(`direction.${v.direction}`),
          SOURCE_KEYS[v.source] ? t(SOURCE_KEYS[v.source]!) : v.source,
        ]),
        empty: t('privacy.none'),
      },
    },
    {
      title: t('privacy.report.changes'),
      table: {
        columns: [
          { title: t('privacy.col.recordedAt'), min: 62, weight: 0 },
          { title: t('privacy.col.change'), min: 140, weight: 3 },
          { title: t('privacy.col.basis'), min: 100, weight: 2 },
          { title: t('privacy.col.status'), min: 70, weight: 1 },
        ],
        rows: card.changes.map((c) => [
          vietnamDateTime(c.createdAt).slice(0, 10),
          Object.entries(c.fields)
            .map(([field, v]) => `${field}: ${text(v)}`)
            .join('; '),
          text(c.evidence),
          t(`privacy.change.${c.status}`),
        ]),
        empty: t('privacy.none'),
      },
    },
    {
      title: t('privacy.report.access'),
      table: {
        columns: [
          { title: t('col.at'), min: 90, weight: 0 },
          { title: t('privacy.col.user'), min: 100, weight: 2 },
          { title: t('privacy.col.action'), min: 80, weight: 1 },
          { title: t('privacy.col.context'), min: 100, weight: 2 },
        ],
        rows: (card.access ?? []).map((a) => [
          vietnamDateTime(a.at),
          text(a.user),
          t(ACTION_KEYS[a.action]),
          accessContextText(a.context, t),
        ]),
        empty: t('privacy.none'),
      },
    },
  ];
}

/**
 * The citizen's report as a PDF: records the request as a look-up first, so the paper's own
 * access section shows it, and the print in the audit trail (by record number, never the ID).
 */
export async function citizenReport(
  db: Db,
  personalId: string,
  now: Date,
): Promise<Result<{ fileName: string; data: Uint8Array }>> {
  const row = residentByPersonalId(db, personalId);
  if (!row) return fail('card.notFound', { id: personalId });
  db.transaction(() => {
    recordAccess(db, [{ action: 'report', personalId, context: 'citizen-request' }], now);
    audit(db, 'privacy.print', `resident:${row.id}`, { kind: 'citizen-report' }, now);
  }).immediate();
  const card: ResidentCard = { ...residentFacts(db, row), access: accessEntries(db, { residentId: personalId }) };
  const issuedOn = vietnamToday(now);
  const letterhead = paperLetterhead(readLetterhead(db), issuedOn);
  const retention = readRetention(db);
  const data = await sectionedPaperPdf({
    letterhead,
    numberLine: t('privacy.report.number', { code: letterhead.issuingCode }),
    issuedOn,
    title: t('privacy.report.title'),
    subtitle: t('privacy.report.subtitle', { name: row.full_name, id: row.personal_id }),
    intro: [t('privacy.report.intro', { date: formatDateVi(issuedOn) })],
    sections: [...recordSections(card), ...traceSections(card)].map((s, i) => ({ ...s, title: `${i + 1}. ${s.title}` })),
    closing: [t('privacy.report.retention', { ...retention }), t('privacy.report.rights')],
    recipients: [`- ${t('privacy.report.recipientCitizen', { name: row.full_name })};`, `- Lưu: ${letterhead.archive}.`],
    footer: t('privacy.report.footer', { at: vietnamDateTime(now.toISOString()) }),
    info: { Title: t('privacy.report.title'), Subject: t('privacy.report.subject') },
  });
  return ok({ fileName: `du-lieu-ca-nhan-${personalId}-${issuedOn}.pdf`, data });
}

/** Deletes a person's checkpoint visits on their request (audited with the count; recorded as a look-up). */
export function deleteVisitsOnRequest(db: Db, personalId: string, now: Date): Result<{ deleted: number }> {
  const row = residentByPersonalId(db, personalId);
  if (!row) return fail('card.notFound', { id: personalId });
  const deleted = db
    .transaction(() => {
      const { changes } = db
        .prepare(
          `DELETE FROM checkpoint_visits WHERE resident_id = @id OR personal_id = @personalId
           OR (@oldId IS NOT NULL AND personal_id = @oldId)`,
        )
        .run({ id: row.id, personalId: row.personal_id, oldId: row.old_id });
      recordAccess(db, [{ action: 'delete', personalId, context: 'citizen-request' }], now);
      audit(db, 'visits.delete', `resident:${row.id}`, { visits: changes, reason: 'citizen-request' }, now);
      return changes;
    })
    .immediate();
  return ok({ deleted });
}
