/**
 * Scan to screen (issue 18): the time from the last HID report of a scan to the person's card
 * rendered, on the demo scan path — `scanner-demo` encodes a resident's card as Honeywell HID POS
 * reports and plays them through the replay transport into the scanner queue; the page, long-polling
 * `scanner-next` through the web host, routes the scan to the lookup screen, which calls
 * `lookup-scan` and renders the card — timed in Chromium against the 1M-resident database. The scan's
 * `at` is stamped when its last report is decoded; the card's time is the first animation frame
 * after the card's text changed (the frame it is painted in). Both are this machine's wall clock.
 * Baselines in the same run: the bare database look-up (a primary-key query on another connection)
 * and `lookup-scan` called over HTTP without a page.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from 'playwright-core';
import { createUser } from '../src/main/auth/users';
import { openDatabase } from '../src/main/db/open-database';

const USER = { username: 'bench', displayName: 'Bench', role: 'admin', password: 'mat-khau-bench' } as const;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function round(value: number, digits = 1): number {
  return Number(value.toFixed(digits));
}

/** The renderer built into the bench's own folder (the project's out/ is left to whoever builds it). */
function buildRenderer(outDir: string): void {
  const built = spawnSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--config', 'vite.config.ts', '--outDir', outDir, '--logLevel', 'error'],
    {
      encoding: 'utf8',
    },
  );
  if (built.status !== 0) throw new Error(`renderer build failed: ${built.stderr}`);
}

/** `serve` (the web host) as its own process, on the given database; resolves with its URL. */
function startServer(dbFile: string, rendererDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/main/serve.ts', '--db', dbFile, '--port', '0', '--renderer', rendererDir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`web host did not start: ${output}`)), 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ url: match[0], child });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`web host exited ${code}: ${output}`)));
  });
}

async function api<T>(url: string, channel: string, request: unknown): Promise<T> {
  const token = /#token=(\S+)/.exec(url)![1]!;
  const response = await fetch(new URL(`/api/${channel}`, url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Doichieu-Token': token },
    body: JSON.stringify(request),
  });
  const body = (await response.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.value as T;
}

/** Bare look-ups of random residents by personal ID on a connection of the bench's own. */
function bareLookups(dbFile: string, count: number): { ids: string[]; sorted: number[] } {
  const opened = openDatabase(dbFile);
  if (!opened.ok) throw new Error(opened.problem.key);
  const db = opened.value;
  const ids = db.prepare('SELECT personal_id FROM residents ORDER BY random() LIMIT ?').pluck().all(count) as string[];
  const point = db.prepare('SELECT * FROM residents WHERE personal_id = ?');
  const times = ids.map((id) => {
    const t = performance.now();
    point.get(id);
    return performance.now() - t;
  });
  db.close();
  return { ids, sorted: times.sort((a, b) => a - b) };
}

// Installed in the page before its scripts: each new card text, with the time of the frame it is painted in.
const CARD_WATCH = `
window.__cards = [];
window.__calls = [];
const fetchBefore = window.fetch.bind(window);
window.fetch = async (input, init) => {
  const started = Date.now();
  const response = await fetchBefore(input, init);
  window.__calls.push({ url: String(input), started, answered: Date.now() });
  return response;
};
let last = null;
new MutationObserver(() => {
  const card = document.querySelector('[data-testid="lookup-result"]');
  const text = card ? card.textContent : null;
  if (text === null || text === last) return;
  last = text;
  requestAnimationFrame(() => window.__cards.push({ text, paintedAt: Date.now() }));
}).observe(document, { subtree: true, childList: true, characterData: true });
`;

/** Scan-to-card latency on the demo scan path, against the database in `dbFile` (made by the bench). */
export async function benchScanToCard(dbFile: string, work: string, scans: number): Promise<Record<string, unknown>> {
  const executablePath = process.env.DOICHIEU_CHROMIUM ?? '/usr/bin/chromium';
  if (!existsSync(executablePath)) return { bench: 'scan-to-card', skipped: `no Chromium at ${executablePath}` };
  const rendererDir = join(work, 'renderer');
  buildRenderer(rendererDir);
  const opened = openDatabase(dbFile);
  if (!opened.ok) throw new Error(opened.problem.key);
  const made = createUser(opened.value, USER, new Date());
  opened.value.close();
  if (!made.ok) throw new Error(made.problem.key);

  const { url, child } = await startServer(dbFile, rendererDir);
  const browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    await api(url, 'auth-login', { username: USER.username, password: USER.password });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
    await page.addInitScript(CARD_WATCH);
    // The scans as the page received them, with the time their last report was decoded.
    const scanned = new Map<string, number>();
    page.on('response', (response) => {
      if (!response.url().endsWith('/api/scanner-next')) return;
      void response
        .json()
        .then((body: { value?: { scans: { text: string; at: string }[] } }) => {
          for (const scan of body.value?.scans ?? []) scanned.set(scan.text.split('|')[2] ?? '', Date.parse(scan.at));
        })
        .catch(() => undefined);
    });
    await page.goto(url);
    await page.getByRole('menuitem', { name: 'Tra cứu' }).click();
    await page.getByTestId('scanner-status').waitFor();

    const latencies: number[] = [];
    // The first scans warm the page, the connection and SQLite's cache: not counted.
    const warmUp = 3;
    for (let i = 0; i < scans + warmUp; i++) {
      const { fullName } = await api<{ fullName: string }>(url, 'scanner-demo', {});
      const handle = await page.waitForFunction(
        (name) =>
          (globalThis as unknown as { __cards: { text: string; paintedAt: number }[] }).__cards.find((c) =>
            c.text.includes(name),
          ),
        fullName,
        { timeout: 30_000 },
      );
      const card = (await handle.jsonValue()) as { paintedAt: number };
      if (process.env.BENCH_SCAN_TRACE)
        process.stderr.write(
          `${JSON.stringify(await page.evaluate(() => (globalThis as unknown as { __calls: unknown[] }).__calls.splice(0)))}\n${JSON.stringify({ card, at: scanned.get(fullName) })}\n`,
        );
      // The page's copy of the scanner-next answer may be parsed a moment after the card painted.
      for (let wait = 0; !scanned.has(fullName) && wait < 50; wait++) await new Promise((r) => setTimeout(r, 20));
      const at = scanned.get(fullName);
      if (at !== undefined && i >= warmUp) latencies.push(card.paintedAt - at);
    }
    latencies.sort((a, b) => a - b);

    const bare = bareLookups(dbFile, 200);
    const apiTimes: number[] = [];
    for (const id of bare.ids.slice(0, 40)) {
      const t = performance.now();
      await api(url, 'lookup-scan', { text: id, place: 'bench', direction: 'visit' });
      apiTimes.push(performance.now() - t);
    }
    apiTimes.sort((a, b) => a - b);
    const p95 = percentile(latencies, 95);
    return {
      bench: 'scan-to-card',
      residents: (await api<{ residentCount: number }>(url, 'app-info', {})).residentCount,
      scans: latencies.length,
      p50Ms: round(percentile(latencies, 50)),
      p95Ms: round(p95),
      maxMs: round(latencies[latencies.length - 1]!),
      baselineBareLookupP50Ms: round(percentile(bare.sorted, 50), 3),
      baselineBareLookupP95Ms: round(percentile(bare.sorted, 95), 3),
      baselineApiLookupP50Ms: round(percentile(apiTimes, 50)),
      baselineApiLookupP95Ms: round(percentile(apiTimes, 95)),
      from: 'last HID report decoded (scan.at)',
      to: 'first animation frame after the card rendered (Chromium, web host)',
      target: 'p95 < 100 ms',
      met: p95 < 100,
    };
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}
