/**
 * `npm run bench`: speed figures as JSON lines, each beside a baseline measured in the same run.
 *  - registry import rows/s for 100k and 1M residents vs a raw better-sqlite3 insert of the same
 *    rows into the same schema (target: within 1.5x of raw, peak RSS of the import under 400 MB);
 *  - `find` latency p50/p99 on 1M residents (target: p99 under 50 ms);
 *  - a 20,000-row list imported and checked against the largest registry: rows/s and peak memory,
 *    beside a plain in-memory matcher on the same entries (target: 40,000 rows/s, under 400 MB; the
 *    median of three runs, each in a fresh process); then 30,000 rows checked as a vaccination results
 *    list (`results-list-check`: every dose recorded and checked too; no target of its own).
 *  - a 10,000-row list printed as a state-format PDF vs a bare pdfkit table of the same rows (target: under 5 s);
 *    a one-row list whose name and address are 10,000 unbroken characters, exported (target: under 2 s).
 *  - an update package of 100,000 doses: export and verify time and size, beside writing and hashing the same records as JSON Lines.
 *  - the cost of encryption at rest: the smallest extract imported into an encrypted database (a
 *    random key, as the app makes) beside the same import into a plain one, and find latency on it.
 * Sizes can be reduced with BENCH_SIZES=10000,100000 for a quick look.
 */
import ExcelJS from 'exceljs';
import { benchDocumentPdf } from './document-pdf';
import { benchLongTextExport } from './long-text-export';
import { benchOpen } from './open';
import { benchPackage } from './package';
import { benchScanToCard } from './scan-to-card';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { newDatabaseKey } from '../src/main/db/keyring';
import { openDatabase, type Db } from '../src/main/db/open-database';
import { generateDemoResidents } from '../src/main/demo/demo-residents';
import { findResidents } from '../src/main/registry/find-residents';
import { INSERT_RESIDENT_SQL, insertParams } from '../src/main/registry/resident-rows';
import { formatDateVi } from '../src/shared/dates';
import type { ResidentRecord } from '../src/shared/types';

const sizes = (process.env.BENCH_SIZES ?? '100000,1000000').split(',').map(Number);
const work = mkdtempSync(join(tmpdir(), 'doichieu-bench-'));

function emit(record: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(record)}\n`);
}

function open(name: string, key: string | null = null): Db {
  const opened = openDatabase(join(work, name), { key });
  if (!opened.ok) throw new Error(opened.problem.key);
  return opened.value;
}

function csvLine(cells: readonly (string | null)[]): string {
  return cells.map((c) => (c === null ? '' : /[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
}

function writeExtract(residents: readonly ResidentRecord[], file: string): void {
  const header =
    'STT,Số định danh cá nhân,Số CMND,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Quốc tịch,Nơi thường trú,Nơi ở hiện tại,Mã hộ';
  const lines = residents.map((r, i) =>
    csvLine([
      String(i + 1),
      r.personalId,
      r.oldId,
      r.fullName,
      r.birthDate && formatDateVi(r.birthDate),
      r.sex === 'male' ? 'Nam' : 'Nữ',
      r.ethnicity,
      r.nationality,
      r.permanentAddress,
      r.currentAddress,
      r.householdCode,
    ]),
  );
  writeFileSync(file, `\ufeff${header}\r\n${lines.join('\r\n')}\r\n`);
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Raw baseline: the same rows, already parsed into parameters, inserted with one prepared statement. */
function rawInsert(residents: readonly ResidentRecord[], name: string): number {
  const raw = open(`raw-${name}.sqlite`);
  const params = residents.map((r) => insertParams(r, null, '{}', false));
  const insert = raw.prepare(INSERT_RESIDENT_SQL);
  gc();
  const t = performance.now();
  raw.transaction(() => {
    for (const p of params) insert.run(...p);
  })();
  const ms = performance.now() - t;
  raw.close();
  return ms;
}

/**
 * One import in a child process (bench/registry-import.ts), the file read as a stream: its time and
 * its peak memory are the import's own.
 */
async function importOnce(
  file: string,
  name: string,
  size: number,
  key: string | null = null,
): Promise<{ db: Db; ms: number; peakRssMb: number }> {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join('bench', 'registry-import.ts'), join(work, name), file], {
    encoding: 'utf8',
    env: { ...process.env, ...(key ? { BENCH_KEY: key } : {}) },
  });
  if (child.status !== 0) throw new Error(child.stderr);
  const run = JSON.parse(child.stdout.trim().split('\n').pop()!) as { ms: number; inserted: number; peakRssMb: number };
  if (run.inserted !== size) throw new Error('import incomplete');
  return { db: open(name, key), ms: run.ms, peakRssMb: run.peakRssMb };
}

function median(values: readonly number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/** Small sizes are measured three times, alternating raw and import, and the medians compared. */
async function benchImport(size: number): Promise<Db> {
  const file = join(work, `extract-${size}.csv`);
  const residents = generateDemoResidents(size, 7);
  writeExtract(residents, file);
  const rounds = size <= 200_000 ? 3 : 1;
  const rawTimes: number[] = [];
  const importTimes: number[] = [];
  let peakRssMb = 0;
  let db: Db | null = null;
  for (let round = 0; round < rounds; round++) {
    rawTimes.push(rawInsert(residents, `${size}-${round}`));
    gc();
    db?.close();
    const run = await importOnce(file, `import-${size}-${round}.sqlite`, size);
    db = run.db;
    importTimes.push(run.ms);
    peakRssMb = Math.max(peakRssMb, run.peakRssMb);
    gc();
  }
  const rawMs = median(rawTimes);
  const importMs = median(importTimes);
  const ratio = importMs / rawMs;
  emit({
    bench: 'registry-import',
    residents: size,
    importRowsPerSec: Math.round(size / (importMs / 1000)),
    rawInsertRowsPerSec: Math.round(size / (rawMs / 1000)),
    importMs: Math.round(importMs),
    rawInsertMs: Math.round(rawMs),
    ratio: Number(ratio.toFixed(2)),
    peakRssMb,
    // Issue 18's target is for 1M residents; below, the worker's start weighs more.
    target: size >= 1_000_000 ? 'ratio <= 1.5, peak RSS < 400 MB' : 'ratio <= 2',
    met: size >= 1_000_000 ? ratio <= 1.5 && peakRssMb < 400 : ratio <= 2,
    runs: rounds,
    includes:
      'the CLI import: the file read once as a stream in a worker (decoding, CSV parsing, validating) ∥ inserting, one transaction; peak RSS of the importing process',
  });
  return db!;
}

function benchFind(db: Db, size: number): void {
  const sample = db
    .prepare('SELECT personal_id, old_id, full_name, birth_year FROM residents ORDER BY random() LIMIT 200')
    .all() as {
    personal_id: string;
    old_id: string | null;
    full_name: string;
    birth_year: number | null;
  }[];
  const strip = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[Đđ]/g, 'd')
      .toLowerCase();
  const queries: { text: string; birthYear?: number }[] = [];
  for (const r of sample) {
    queries.push({ text: r.personal_id });
    if (r.old_id) queries.push({ text: r.old_id });
    queries.push({ text: strip(r.full_name) });
    queries.push({ text: r.full_name });
    queries.push({ text: r.full_name.split(' ').slice(-1)[0]! });
    queries.push({ text: strip(r.full_name.split(' ').slice(1).join(' ')), birthYear: r.birth_year ?? undefined });
  }
  const times: number[] = [];
  for (let round = 0; round < 2; round++) {
    for (const q of queries) {
      const t = performance.now();
      findResidents(db, q);
      if (round === 1) times.push(performance.now() - t);
    }
  }
  // Baseline in the same run: the cheapest possible lookup, a primary-key point query.
  const point = db.prepare('SELECT * FROM residents WHERE personal_id = ?');
  const baseline: number[] = [];
  for (const r of sample) {
    const t = performance.now();
    point.get(r.personal_id);
    baseline.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  baseline.sort((a, b) => a - b);
  const p99 = percentile(times, 99);
  emit({
    bench: 'registry-find',
    residents: size,
    queries: times.length,
    p50Ms: Number(percentile(times, 50).toFixed(3)),
    p99Ms: Number(p99.toFixed(3)),
    baselinePointLookupP50Ms: Number(percentile(baseline, 50).toFixed(3)),
    baselinePointLookupP99Ms: Number(percentile(baseline, 99).toFixed(3)),
    target: 'p99 < 50 ms',
    met: p99 < 50,
  });
}

/** A registration list drawn from the registry: most rows exact, some with typos, no ID, other layouts. */
async function writeList(residents: readonly ResidentRecord[], rows: number, file: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.addRow(['TRẠM Y TẾ XÃ']);
  sheet.addRow(['DANH SÁCH ĐĂNG KÝ TIÊM']);
  sheet.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CMND/CCCD', 'Quốc tịch', 'Địa chỉ']);
  const step = Math.max(1, Math.floor(residents.length / rows));
  for (let i = 0; i < rows; i++) {
    const r = residents[(i * step) % residents.length]!;
    const variant = i % 10;
    const name = variant === 1 ? r.fullName.slice(0, -1) : variant === 2 ? r.fullName.toUpperCase() : r.fullName;
    const id = variant === 3 ? '' : variant === 4 ? Number(r.personalId) : r.personalId;
    sheet.addRow([
      i + 1,
      name,
      r.birthDate ? formatDateVi(r.birthDate) : '',
      r.sex === 'male' ? 'Nam' : 'Nữ',
      id,
      'Việt Nam',
      r.permanentAddress,
    ]);
  }
  await workbook.xlsx.writeFile(file);
}

/** How many times the list check runs, each in a fresh process: the line reports the median run. */
const LIST_CHECK_RUNS = Number(process.env.BENCH_LIST_CHECK_RUNS ?? 3);

interface ListCheckRun {
  readonly checkMs: number;
  readonly checkRowsPerSec: number;
  readonly peakRssMb: number;
  readonly [field: string]: unknown;
}

/**
 * The list check, run LIST_CHECK_RUNS times, each in a process of its own that imports the same list
 * again (a new list in the same registry) and checks it: one line with the median run's figures, every
 * run's time beside it, the highest peak memory of all, and the target judged on the median (a single
 * run on this shared machine varies by ±20 %).
 */
async function benchListCheck(
  registryDb: string,
  residents: readonly ResidentRecord[],
  size: number,
  listRows: number,
  kind: 'registration' | 'results' = 'registration',
): Promise<void> {
  const listFile = join(work, 'list.xlsx');
  await writeList(residents, listRows, listFile);
  const runs: ListCheckRun[] = [];
  for (let run = 0; run < LIST_CHECK_RUNS; run++) {
    const child = spawnSync(
      process.execPath,
      [
        // BENCH_PROFILE=DIR writes a CPU profile of the check (open it in Chrome's DevTools).
        ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : []),
        '--import',
        'tsx',
        join('bench', 'list-check.ts'),
        registryDb,
        listFile,
        String(size),
        kind,
      ],
      {
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    if (child.status !== 0) throw new Error(child.stderr);
    runs.push(JSON.parse(child.stdout.trim()) as ListCheckRun);
  }
  const median = [...runs].sort((a, b) => a.checkMs - b.checkMs)[Math.floor(runs.length / 2)]!;
  const peakRssMb = Math.max(...runs.map((r) => r.peakRssMb));
  emit({
    ...median,
    runs: runs.length,
    runsCheckMs: runs.map((r) => r.checkMs),
    runsCheckRowsPerSec: runs.map((r) => r.checkRowsPerSec),
    peakRssMb,
    ...(kind === 'results' ? {} : { met: median.checkRowsPerSec >= 40000 && peakRssMb < 400 }),
  });
}

/** Encryption at rest: plain and encrypted imports of the same file, alternated, medians compared. */
async function benchEncryption(size: number): Promise<void> {
  const file = join(work, `extract-${size}.csv`);
  const key = newDatabaseKey();
  const plain: number[] = [];
  const encrypted: number[] = [];
  let db: Db | null = null;
  for (let round = 0; round < 3; round++) {
    const p = await importOnce(file, `plain-${size}-${round}.sqlite`, size);
    p.db.close();
    plain.push(p.ms);
    gc();
    db?.close();
    const e = await importOnce(file, `encrypted-${size}-${round}.sqlite`, size, key);
    db = e.db;
    encrypted.push(e.ms);
    gc();
  }
  const times: number[] = [];
  for (const text of ['Nguyễn Văn', 'Thị Hoa', 'nguyen thi', 'Trần']) {
    for (let i = 0; i < 50; i++) {
      const t = performance.now();
      findResidents(db!, { text });
      times.push(performance.now() - t);
    }
  }
  db!.close();
  times.sort((a, b) => a - b);
  const ratio = median(encrypted) / median(plain);
  emit({
    bench: 'encryption',
    residents: size,
    cipher: 'chacha20',
    encryptedImportMs: Math.round(median(encrypted)),
    plainImportMs: Math.round(median(plain)),
    ratio: Number(ratio.toFixed(2)),
    encryptedFindP99Ms: Number(percentile(times, 99).toFixed(3)),
    runs: 3,
  });
}

try {
  emit(await benchDocumentPdf(Number(process.env.BENCH_PDF_ROWS ?? 10000)));
  emit(await benchLongTextExport(work));
  emit(await benchPackage(Number(process.env.BENCH_PACKAGE_RECORDS ?? 100000)));
  for (const size of sizes) {
    const db = await benchImport(size);
    if (size === Math.min(...sizes)) await benchEncryption(size);
    if (size === Math.max(...sizes)) {
      benchFind(db, size);
      const file = db.name;
      db.close();
      emit(benchOpen(file, size, work));
      await benchListCheck(file, generateDemoResidents(size, 7), size, Number(process.env.BENCH_LIST_ROWS ?? 20000));
      emit(await benchScanToCard(file, work, Number(process.env.BENCH_SCANS ?? 40)));
      // A 30,000-row results list: checked at the speed of registration lists (issue 19; was 100 s).
      await benchListCheck(file, generateDemoResidents(size, 7), size, 30_000, 'results');
    } else db.close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
