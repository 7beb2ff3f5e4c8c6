/**
 * The reading worker: parses files off the main thread (the app and the web host keep answering),
 * one task at a time, under its own heap limit, and answers each with one result; residents for an
 * import go to main in batches, never more than a few ahead of the writer. It stays for the next
 * task (starting one costs more than reading a small file).
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { readList } from '../lists/list-reading';
import { extractResidents, readExtractOnce, surveyExtract } from '../registry/extract-reading';
import {
  BATCHES_AHEAD,
  BATCH_SIZE,
  SENT,
  TAKEN,
  type ResidentToWrite,
  type WorkerInput,
  type WorkerMessage,
} from './read-protocol';
import { openSource } from './source';

type TaskInput = WorkerInput & { readonly port: MessagePort };

let counters = new Int32Array(new SharedArrayBuffer(8));
let port: MessagePort | null = null;

function send(message: WorkerMessage): void {
  if (!port) return;
  port.postMessage(message);
  Atomics.add(counters, SENT, 1);
  Atomics.notify(counters, SENT);
}

let lastProgress = 0;
function progress(bytes: number, rows: number): void {
  const now = Date.now();
  if (now - lastProgress < 250) return;
  lastProgress = now;
  send({ type: 'progress', bytes, rows });
}

/** Waits (blocking this thread only) until main has taken all but a few of the batches sent. */
function awaitWriter(): void {
  for (;;) {
    const taken = Atomics.load(counters, TAKEN);
    if (Atomics.load(counters, SENT) - taken < BATCHES_AHEAD) return;
    Atomics.wait(counters, TAKEN, taken, 1000);
  }
}

/** Sends residents to the writer, once it has taken all but a few of the batches before. */
function sendBatch(residents: ResidentToWrite[]): void {
  awaitWriter();
  send({ type: 'batch', residents });
}

async function run(input: TaskInput): Promise<void> {
  const source = openSource(input.source);
  try {
    const task = input.task;
    switch (task.kind) {
      case 'survey-extract':
        return send({ type: 'end', result: await surveyExtract(source, task.fileName, task.mapping, task.locale, progress) });
      case 'extract-rows': {
        const ids = new Set(task.skipIds);
        const result = await extractResidents(source, task.fileName, task.mapping, ids, BATCH_SIZE, sendBatch, progress);
        return send({ type: 'end', result });
      }
      case 'import-extract': {
        const result = await readExtractOnce(source, task.fileName, task.locale, BATCH_SIZE, sendBatch, progress);
        return send({ type: 'end', result });
      }
      case 'read-list':
        return send({ type: 'end', result: await readList(source, task.fileName, progress) });
    }
  } finally {
    source.close();
  }
}

parentPort!.on('message', (input: TaskInput) => {
  counters = new Int32Array(input.counters);
  port = input.port;
  lastProgress = 0;
  run(input)
    .catch((error: unknown) => {
      send({ type: 'crash', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    })
    .finally(() => {
      port?.close();
      port = null;
    });
});
