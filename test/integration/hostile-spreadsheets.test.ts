/**
 * Bounded work on any input (issue 19, item 3): the 12-million-cell workbook and the 100 MB cell
 * are refused by the CLI within 30 s under 600 MB (measured in a process of its own), and through
 * the web host, which keeps answering meanwhile. The files are made here.
 */
import { spawn } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../src/main/app-context';
import { silentLogger } from '../../src/main/log/logger';
import { startWebHost, type WebHost } from '../../src/main/web-host';
import { MAX_CELL_CHARS, MAX_LIST_CELLS, MAX_REJECTED_ROWS } from '../../src/shared/limits';
import { toWire, fromWire, type Base64Codec } from '../../src/shared/wire';
import { hugeCellWorkbook, manyStringsWorkbook, numericCellsWorkbook } from '../helpers/hostile-files';
import { tempDir } from '../helpers/paths';

const EXTRACT_TITLES = ['STT', 'Số định danh cá nhân', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Nơi thường trú'];
const LIST_TITLES = ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số CMND/CCCD'];

let dir: string;
let removeDir: () => void;
let cells12m: string;
let cells12mList: string;
let hugeCell: string;
let hugeCellList: string;

beforeAll(() => {
  ({ dir, cleanup: removeDir } = tempDir());
  cells12m = join(dir, '12-trieu-o.xlsx');
  numericCellsWorkbook(cells12m, 1_000_001, 12, EXTRACT_TITLES);
  cells12mList = join(dir, '12-trieu-o-ds.xlsx');
  numericCellsWorkbook(cells12mList, 1_000_001, 12, LIST_TITLES);
  hugeCell = join(dir, 'o-100mb.xlsx');
  hugeCellWorkbook(hugeCell, 100 * 1024 * 1024, EXTRACT_TITLES, ['1', '008090012345', '', '06/08/1990', 'Nam', 'Thôn Ba']);
  hugeCellList = join(dir, 'o-100mb-ds.xlsx');
  hugeCellWorkbook(hugeCellList, 100 * 1024 * 1024, LIST_TITLES, ['1', '', '06/08/1990', 'Nam', '008090012345']);
}, 180_000);
afterAll(() => removeDir());

interface Measured {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly peakRssMb: number;
  readonly ms: number;
}

function measuredCli(...argv: string[]): Promise<Measured> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join('test', 'helpers', 'measured-cli.ts'), ...argv], {
      env: { ...process.env, DOICHIEU_DB: join(dir, 'cli.sqlite') },
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const line = out.trim().split('\n').pop()!;
      resolve({ ...(JSON.parse(line) as Omit<Measured, 'ms'>), ms: Date.now() - started });
    });
  });
}

describe('the files the issue names', () => {
  it('are what it says: 12 million numeric cells in about 30 MB, and a 100 MB cell in about 100 kB', () => {
    expect(statSync(cells12m).size).toBeLessThan(36 * 1024 * 1024);
    expect(statSync(hugeCell).size).toBeLessThan(200 * 1024);
  });
});

describe('the CLI refuses them within 30 s under 600 MB, saying which limit', () => {
  const bounds = (run: Measured) => {
    expect(run.code).toBe(1);
    expect(run.ms).toBeLessThan(30_000);
    expect(run.peakRssMb).toBeLessThan(600);
  };

  it('list import, 12 million cells: over the cells a list may have', async () => {
    const run = await measuredCli('list', 'import', cells12mList);
    bounds(run);
    expect(run.stderr).toContain(String(MAX_LIST_CELLS));
  }, 120_000);

  it('registry import, 12 million cells under an extract header: stops at the rejected-rows limit', async () => {
    const run = await measuredCli('registry', 'import', cells12m);
    bounds(run);
    expect(run.stderr).toContain(String(MAX_REJECTED_ROWS));
  }, 120_000);

  it('list import and registry import, one 100 MB cell: over the length of a cell', async () => {
    for (const [command, file] of [
      ['list', hugeCellList],
      ['registry', hugeCell],
    ] as const) {
      const run = await measuredCli(command, 'import', file);
      bounds(run);
      expect(run.stderr).toContain(String(MAX_CELL_CHARS));
    }
  }, 120_000);

  it('nothing was stored', async () => {
    const run = await measuredCli('list', 'check', '1');
    expect(run.code).toBe(1);
  }, 60_000);
});

describe('a workbook whose shared strings outgrow the reader', () => {
  // 4 million strings of 100 letters in a 1.6 MB file: the reader must hold them all before the first row.
  it('is refused by the CLI as too large to read, nothing written, the process never crashing', async () => {
    const file = join(dir, 'nhieu-chuoi.xlsx');
    manyStringsWorkbook(file, 4_000_000, 100, EXTRACT_TITLES);
    const run = await measuredCli('registry', 'import', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('"nhieu-chuoi.xlsx" cần quá nhiều bộ nhớ để đọc');
    expect(run.stderr).toContain('Không có gì được ghi');
    expect(run.ms).toBeLessThan(45_000);
    const found = await measuredCli('registry', 'find', 'A', '--json');
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout)).toEqual([]);
  }, 90_000);
});

describe('the web host refuses them and keeps answering meanwhile', () => {
  const codec: Base64Codec = {
    encode: (b) => Buffer.from(b).toString('base64'),
    decode: (t) => new Uint8Array(Buffer.from(t, 'base64')),
  };
  let host: WebHost;
  let app: App;

  beforeAll(async () => {
    const created = createApp(join(dir, 'web.sqlite'), 'test', silentLogger);
    if (!created.ok) throw new Error(created.problem.key);
    app = created.value;
    host = await startWebHost({ app, rendererDir: dir, port: 0 });
    await post('auth-setup', { username: 'quantri', displayName: 'Quản trị', password: 'mat-khau-dai' });
  });
  afterAll(async () => {
    await host.close();
    app.close();
  });

  type Answer = { ok: boolean; error?: { message: string } };

  /** Posts a request already in wire form (this test's own encoding is not the host's work). */
  async function postWire(channel: string, wire: string): Promise<Answer> {
    const response = await fetch(`http://127.0.0.1:${host.port}/api/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Doichieu-Token': host.token },
      body: wire,
    });
    return fromWire(await response.text(), codec) as Answer;
  }

  const post = (channel: string, body: unknown) => postWire(channel, toWire(body, codec));

  /** Sends a preview, asking `app-info` every 100 ms meanwhile; the slowest answer and the preview's. */
  async function previewWhileAsking(channel: string, body: unknown): Promise<{ slowestMs: number; answer: Answer }> {
    const wire = toWire(body, codec);
    let slowestMs = 0;
    let done = false;
    const asking = (async () => {
      while (!done) {
        const started = Date.now();
        expect((await post('app-info', {})).ok).toBe(true);
        slowestMs = Math.max(slowestMs, Date.now() - started);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const answer = await postWire(channel, wire);
    done = true;
    await asking;
    return { slowestMs, answer };
  }

  it('lists-preview and registry-preview of 12 million cells and of a 100 MB cell', async () => {
    for (const [channel, file, extra] of [
      ['lists-preview', cells12mList, { source: 'Trạm' }],
      ['registry-preview', cells12m, {}],
      ['lists-preview', hugeCellList, { source: 'Trạm' }],
      ['registry-preview', hugeCell, {}],
    ] as const) {
      const data = new Uint8Array(readFileSync(file));
      const started = Date.now();
      const { slowestMs, answer } = await previewWhileAsking(channel, { fileName: 'tep.xlsx', data, ...extra });
      expect(answer.ok, channel).toBe(false);
      expect(answer.error?.message).toMatch(/tep\.xlsx/);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(slowestMs, `${channel}: app-info took ${slowestMs} ms`).toBeLessThan(1000);
    }
  }, 240_000);
});
