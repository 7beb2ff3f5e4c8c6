/**
 * Main's side of the reading worker: starts it on a file, follows its progress, and takes its
 * answer, asynchronously (the event loop stays free) or, for an import's residents, synchronously
 * inside the writer's transaction.
 */
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { MessageChannel, Worker, receiveMessageOnPort, type MessagePort } from 'node:worker_threads';
import { fail, ok, type Result } from '../../shared/result';
import { SENT, TAKEN, type ReadTask, type ResidentToWrite, type WorkerInput, type WorkerMessage } from './read-protocol';
import type { SourceRef } from './source';

/** The worker's heap: a file that needs more is refused (peak memory stays under 600 MB). */
const WORKER_HEAP_MB = 384;
/** How long the writer waits for a worker that sends nothing (it reports at least every second). */
const SILENCE_MS = 60_000;

/** Progress as the worker reports it: bytes of the file read, rows seen. */
export type ReadProgress = (bytes: number, rows: number) => void;

function workerScript(): { readonly code: string; readonly eval: boolean } {
  // Built code lives in out/main beside read-worker.cjs.
  if (typeof __dirname !== 'undefined' && /[\\/]out[\\/]main$/.test(__dirname)) {
    return { code: join(__dirname, 'read-worker.cjs'), eval: false };
  }
  // Run from source (tsx, tests), the worker is TypeScript too: it registers tsx first.
  const worker = new URL('./read-worker.ts', import.meta.url).href;
  const tsx = pathToFileURL(
    join(fileURLToPath(new URL('../../..', import.meta.url)), 'node_modules/tsx/dist/esm/api/index.mjs'),
  ).href;
  return {
    code: `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(worker)}); });`,
    eval: true,
  };
}

interface Started {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly counters: Int32Array;
}

/** The worker kept between tasks (unreferenced: it never keeps the process alive). */
let idle: Worker | null = null;

function spawnWorker(): Worker {
  const script = workerScript();
  const worker = new Worker(script.code, {
    eval: script.eval,
    resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
    stdout: false,
    stderr: false,
  });
  worker.on('exit', () => {
    if (idle === worker) idle = null;
  });
  return worker;
}

function start(task: ReadTask, source: SourceRef): Started {
  const worker = idle ?? spawnWorker();
  idle = null;
  worker.ref();
  const channel = new MessageChannel();
  const counters = new SharedArrayBuffer(8);
  const input: WorkerInput & { port: MessagePort } = { task, source, counters, port: channel.port2 };
  worker.postMessage(input, [channel.port2]);
  return { worker, port: channel.port1, counters: new Int32Array(counters) };
}

/** Keeps a worker that finished its task for the next one; a cancelled or failed one is ended. */
function finish(worker: Worker, reusable: boolean): void {
  if (reusable && idle === null) {
    worker.unref();
    idle = worker;
  } else void worker.terminate();
}

function outOfMemory(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'ERR_WORKER_OUT_OF_MEMORY';
}

/** Runs a task to its one answer, the event loop free meanwhile; `isCancelled` is asked at each report. */
export function runReadTask<T>(
  task: ReadTask,
  source: SourceRef,
  options: { readonly onProgress?: ReadProgress; readonly isCancelled?: () => boolean } = {},
): Promise<Result<T> | 'cancelled'> {
  const { worker, port, counters } = start(task, source);
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void, reusable = false) => {
      if (settled) return;
      settled = true;
      port.close();
      worker.off('error', onError);
      worker.off('exit', onExit);
      finish(worker, reusable);
      outcome();
    };
    const onError = (error: Error) =>
      settle(() => (outOfMemory(error) ? resolve(fail('input.tooLargeToRead', { file: task.fileName })) : reject(error)));
    const onExit = (code: number) => settle(() => reject(new Error(`read worker exited (${code})`)));
    port.on('message', (message: WorkerMessage) => {
      Atomics.add(counters, TAKEN, 1);
      Atomics.notify(counters, TAKEN);
      if (message.type === 'progress') {
        options.onProgress?.(message.bytes, message.rows);
        if (options.isCancelled?.()) settle(() => resolve('cancelled'));
      } else if (message.type === 'end') settle(() => resolve(message.result as Result<T>), true);
      else if (message.type === 'crash') settle(() => reject(new Error(`read worker: ${message.message}`)));
    });
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}

/** Takes a message off the port and tells the worker it may send another. */
function take(started: Started): WorkerMessage | undefined {
  const received = receiveMessageOnPort(started.port);
  if (received === undefined) return undefined;
  Atomics.add(started.counters, TAKEN, 1);
  Atomics.notify(started.counters, TAKEN);
  return received.message as WorkerMessage;
}

/**
 * The residents of an import, pulled synchronously (the writer's transaction is synchronous): each
 * call of the generator blocks this thread until the worker's next batch, which the worker reads
 * while the previous one is written. The generator's return value is the worker's answer.
 *
 * Until the worker's first batch (or its answer) the wait is asynchronous, outside any transaction:
 * a file the worker cannot hold while opening it (a whole legacy workbook, a large shared-strings
 * table) ends the worker, and its 'error' event is heard there and answered `input.tooLargeToRead`.
 */
export async function pullResidents<T>(
  task: Extract<ReadTask, { kind: 'extract-rows' | 'import-extract' }>,
  source: SourceRef,
  onProgress?: ReadProgress,
): Promise<Result<Generator<readonly ResidentToWrite[], Result<T>>>> {
  const started = start(task, source);
  const { worker } = started;
  // Heard between two looks; kept for the worker's life: an 'error' heard after the pass must not end the process.
  const heard: { gone: { readonly error: unknown } | null } = { gone: null };
  const onError = (error: unknown) => (heard.gone ??= { error });
  const onExit = (code: number) => (heard.gone ??= { error: new Error(`read worker exited (${code})`) });
  worker.on('error', onError);
  worker.on('exit', onExit);
  let first: WorkerMessage | undefined;
  while (first === undefined) {
    const message = take(started);
    if (message?.type === 'progress') onProgress?.(message.bytes, message.rows);
    else if (message !== undefined) first = message;
    else if (heard.gone !== null) {
      started.port.close();
      finish(worker, false);
      if (outOfMemory(heard.gone.error)) return fail('input.tooLargeToRead', { file: task.fileName });
      throw heard.gone.error;
    } else await new Promise((resolve) => setTimeout(resolve, FIRST_ANSWER_POLL_MS));
  }
  const stopListening = () => {
    worker.off('error', onError);
    worker.off('exit', onExit);
  };
  const rest = pullRest<T>(started, first, onProgress, stopListening);
  // Started here, up to its first (empty) yield: from now on, ending it early (a transaction that could
  // not begin calls `return`) still closes the port and ends the worker.
  rest.next();
  return ok(rest);
}

/** How often the first answer is looked for (the event loop runs between two looks). */
const FIRST_ANSWER_POLL_MS = 4;

function* pullRest<T>(
  started: Started,
  first: WorkerMessage,
  onProgress: ReadProgress | undefined,
  stopListening: () => void,
): Generator<readonly ResidentToWrite[], Result<T>> {
  const { worker, counters } = started;
  let ended = false;
  try {
    yield [];
    let seen = Atomics.load(counters, SENT);
    let silentSince = Date.now();
    for (let message: WorkerMessage | undefined = first; ; message = take(started)) {
      if (message === undefined) {
        if (Date.now() - silentSince > SILENCE_MS) throw new Error('read worker stopped answering');
        Atomics.wait(counters, SENT, seen, 1000);
        seen = Atomics.load(counters, SENT);
        continue;
      }
      silentSince = Date.now();
      if (message.type === 'batch') yield message.residents;
      else if (message.type === 'progress') onProgress?.(message.bytes, message.rows);
      else if (message.type === 'end') {
        ended = true;
        return message.result as Result<T>;
      } else throw new Error(`read worker: ${message.message}`);
    }
  } finally {
    started.port.close();
    // A worker kept for the next task drops this task's listeners; one ended keeps them for its last events.
    if (ended) stopListening();
    finish(worker, ended);
  }
}
