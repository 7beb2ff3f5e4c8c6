/**
 * pcscd with vsmartcard's vpcd driver, for the tests that read the virtual card through the real
 * PC/SC stack. The tests start it themselves (with their own reader configuration) and stop it
 * after; a pcscd that is already running is used as it is when it offers the virtual readers.
 * Missing Debian packages fail the test with the command that installs them.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPcsc, type Pcsc } from '../../../src/main/chip/pcsc/pcsc';

/** vpcd's first virtual reader listens here (its default, 0x8C7B); the second on the next port. */
export const VPCD_PORT = 35963;
export const VIRTUAL_READER = 'Virtual PCD 00 00';
const DRIVER = '/usr/lib/pcsc/drivers/serial/libifdvpcd.so';

function pcscdPath(): string | null {
  for (const dir of ['/usr/sbin', '/sbin', '/usr/bin', '/usr/local/sbin'])
    if (existsSync(join(dir, 'pcscd'))) return join(dir, 'pcscd');
  return null;
}

function hasLibrary(): boolean {
  const listed = spawnSync('/sbin/ldconfig', ['-p'], { encoding: 'utf8' });
  return (listed.stdout ?? '').includes('libpcsclite.so.1');
}

/** Throws, naming the Debian packages to install, when any is missing. */
export function requirePcscPackages(): void {
  const missing = [
    ...(pcscdPath() === null ? ['pcscd'] : []),
    ...(existsSync(DRIVER) ? [] : ['vsmartcard-vpcd']),
    ...(hasLibrary() ? [] : ['libpcsclite1']),
  ];
  if (missing.length > 0) {
    throw new Error(
      `The chip tests read a virtual card through PC/SC and need Debian packages that are missing: ${missing.join(', ')}. ` +
        `Install them (as root): apt-get install -y ${missing.join(' ')}   (npm test's pretest step does this).`,
    );
  }
}

async function waitForReader(pcsc: Pcsc, deadlineMs: number): Promise<boolean> {
  const end = Date.now() + deadlineMs;
  while (Date.now() < end) {
    const readers = await pcsc.listReaders();
    if (readers.ok && readers.value.includes(VIRTUAL_READER)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

function runningPcscd(): number | null {
  try {
    const pid = Number(readFileSync('/run/pcscd/pcscd.pid', 'utf8').trim());
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

const LOCK = join(tmpdir(), 'doichieu-pcscd.lock');

/** One pcscd per machine: test files that need it take turns (a lock file naming its holder's pid). */
async function takeLock(): Promise<() => void> {
  for (;;) {
    try {
      writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      return () => rmSync(LOCK, { force: true });
    } catch {
      const holder = Number(readFileSync(LOCK, 'utf8').trim() || 0);
      let alive = holder > 0;
      try {
        if (alive) process.kill(holder, 0);
      } catch {
        alive = false;
      }
      if (!alive || holder === process.pid) rmSync(LOCK, { force: true });
      else await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

export interface PcscdHandle {
  readonly pcsc: Pcsc;
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts pcscd with the vpcd reader (or uses the one running) and opens PC/SC. */
export async function startPcscd(): Promise<PcscdHandle> {
  requirePcscPackages();
  const opened = await openPcsc();
  if (!opened.ok) throw new Error(`PC/SC could not be opened: ${opened.problem.key}`);
  const pcsc = opened.value;
  const release = await takeLock();
  const already = runningPcscd();
  if (already !== null) {
    if (await waitForReader(pcsc, 2000)) {
      const stop = async () => {
        pcsc.close();
        release();
      };
      return { pcsc, port: VPCD_PORT, stop };
    }
    release();
    throw new Error(
      `A pcscd (pid ${already}) is running without the vpcd virtual reader; stop it so that the tests can start their own.`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'doichieu-pcscd-'));
  const channel = `0x${VPCD_PORT.toString(16).toUpperCase()}`;
  writeFileSync(
    join(dir, 'vpcd'),
    `FRIENDLYNAME "Virtual PCD"\nDEVICENAME   /dev/null:${channel}\nLIBPATH      ${DRIVER}\nCHANNELID    ${channel}\n`,
  );
  const child: ChildProcess = spawn(pcscdPath()!, ['--foreground', '--config', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    pcsc.close();
    if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    rmSync(dir, { recursive: true, force: true });
    release();
  };
  if (!(await waitForReader(pcsc, 10_000))) {
    await stop();
    throw new Error(`pcscd did not offer the virtual reader "${VIRTUAL_READER}". Its output:\n${output}`);
  }
  return { pcsc, port: VPCD_PORT, stop };
}
