import type { ScannerChoice } from '../../shared/api-contract';
import { fail, ok, type Result } from '../../shared/result';
import type { Db } from '../db/open-database';
import type { ResidentRow } from '../registry/resident-rows';
import { deleteSetting, getSetting, setSetting } from '../settings/settings';

/** The scanner the officer chose, remembered across launches (a choice saved before COM ports were supported is a HID one). */
export function readScannerChoice(db: Db): ScannerChoice | null {
  const saved = getSetting(db, 'scanner');
  if (saved === null) return null;
  const value = JSON.parse(saved) as Partial<ScannerChoice> & Record<string, unknown>;
  if (value.kind === 'serial') return value as ScannerChoice;
  return { kind: 'hid', vendorId: Number(value.vendorId), productId: Number(value.productId), name: String(value.name ?? '') };
}

export function saveScannerChoice(db: Db, choice: ScannerChoice | null): void {
  if (choice === null) deleteSetting(db, 'scanner');
  else setSetting(db, 'scanner', JSON.stringify(choice));
}

const dmy = (iso: string | null) => (iso ? `${iso.slice(8, 10)}${iso.slice(5, 7)}${iso.slice(0, 4)}` : '');

/**
 * The QR text of a card for the demo mode: a resident of the demo commune (or, without one, any
 * resident) whose full birth date is known, written as a chip card's QR code writes it.
 */
export function demoCardText(db: Db, today: Date): Result<{ text: string; fullName: string }> {
  const resident =
    db
      .prepare<[], ResidentRow>('SELECT * FROM residents WHERE is_demo = 1 AND length(birth_date) = 10 ORDER BY random() LIMIT 1')
      .get() ??
    db
      .prepare<[], ResidentRow>(
        `SELECT * FROM residents WHERE rowid >= abs(random()) % (SELECT max(rowid) FROM residents) AND length(birth_date) = 10 LIMIT 1`,
      )
      .get();
  if (!resident) return fail('scanner.demoEmpty');
  const issued = new Date(today.getTime() - 400 * 86_400_000).toISOString().slice(0, 10);
  const text = [
    resident.personal_id,
    resident.old_id ?? '',
    resident.full_name,
    dmy(resident.birth_date),
    resident.sex === 'female' ? 'Nữ' : 'Nam',
    resident.permanent_address ?? '',
    dmy(issued),
  ].join('|');
  return ok({ text, fullName: resident.full_name });
}
