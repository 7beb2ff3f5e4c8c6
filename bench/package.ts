/**
 * An update package of 100,000 confirmed doses (issue 7): export and verify time and file size,
 * beside the same records written as plain JSON Lines and hashed, in the same run.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../src/main/db/open-database';
import { generateDemoResidents } from '../src/main/demo/demo-residents';
import { exportPackage } from '../src/main/packages/packages';
import { verifyPackage } from '../src/main/packages/verify-package';

export async function benchPackage(records: number): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'doichieu-bench-pkg-'));
  try {
    const opened = openDatabase(join(dir, 'pkg.sqlite'));
    if (!opened.ok) throw new Error(opened.problem.key);
    const db = opened.value;
    const residents = generateDemoResidents(records, 5);
    db.transaction(() => {
      db.prepare(
        `INSERT INTO lists (id, kind, source, file_name, file_sha256, file_data, sheet_name, header_row, columns, mapping, drawn_up,
           drawn_up_from, created_at, checked_at, confirmed_at, confirmed_by)
         VALUES (1, 'results', 'Trạm Y tế', 'bench.xlsx', '', x'', 'S', 1, '[]', '{}', '2021-11-01', 'option', '2021-11-01', '2021-11-01',
           '2021-11-02T00:00:00Z', 'Hoàng Văn Chủ')`,
      ).run();
      const entry = db.prepare("INSERT INTO list_entries (id, list_id, row, cells, full_name) VALUES (?, 1, ?, '[]', ?)");
      const result = db.prepare("INSERT INTO entry_results (entry_id, status) VALUES (?, 'matched')");
      const dose = db.prepare(
        `INSERT INTO vaccinations (list_entry_id, personal_id, full_name, birth_date, address, vaccination_date, product_code, lot, dose, facility)
         VALUES (?, ?, ?, ?, ?, '2021-11-01', 'AZD1222', 'NJ0342', 1, 'Trạm Y tế xã')`,
      );
      residents.forEach((r, i) => {
        entry.run(i + 1, i + 2, r.fullName);
        result.run(i + 1);
        dose.run(i + 1, r.personalId, r.fullName, r.birthDate, r.permanentAddress);
      });
    })();
    const baselineStart = performance.now();
    const plain = residents.map((r) => JSON.stringify(r)).join('\n');
    createHash('sha256').update(plain).digest('hex');
    const baselineMs = performance.now() - baselineStart;
    const start = performance.now();
    const exported = await exportPackage(db, { by: 'bench', now: new Date('2026-11-27T08:00:00Z'), locale: 'vi' });
    const exportMs = performance.now() - start;
    if (!exported.ok) throw new Error(exported.problem.key);
    const verifyStart = performance.now();
    const verified = verifyPackage(db, exported.value.data, 'vi');
    const verifyMs = performance.now() - verifyStart;
    db.close();
    return {
      bench: 'package',
      records,
      exportMs: Math.round(exportMs),
      verifyMs: Math.round(verifyMs),
      valid: verified.valid,
      bytes: exported.value.data.length,
      baselineJsonlHashMs: Math.round(baselineMs),
      baselineJsonlBytes: Buffer.byteLength(plain),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
