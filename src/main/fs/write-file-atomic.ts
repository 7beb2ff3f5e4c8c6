/**
 * Writing a file so that it is either whole or not there (issue 19): the bytes go to a temporary
 * file beside the target, are flushed to the disk (fsync), and the temporary file is renamed over
 * the target; the folder is flushed too where the system allows. A failure leaves no partial file.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { fail, ok, type Result } from '../../shared/result';

function flushFolder(folder: string): void {
  // Windows cannot open a folder for flushing; its rename is durable enough there.
  if (process.platform === 'win32') return;
  const fd = openSync(folder, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes `data` to `file` whole, or fails with a message naming the file and the system's reason. */
export function writeFileAtomic(file: string, data: Uint8Array): Result<string> {
  const target = resolve(file);
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const fd = openSync(temporary, 'wx', 0o644);
    try {
      for (let at = 0; at < data.length;) at += writeSync(fd, data, at, data.length - at);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
    flushFolder(dirname(target));
    return ok(target);
  } catch (error) {
    rmSync(temporary, { force: true });
    return fail('file.writeFailed', { file: target, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message });
  }
}

/** Makes a folder (and its parents), or fails with a message naming it. */
export function makeFolder(folder: string): Result<string> {
  try {
    mkdirSync(folder, { recursive: true });
    return ok(resolve(folder));
  } catch (error) {
    return fail('file.folderFailed', {
      folder: resolve(folder),
      reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
    });
  }
}
