/**
 * Card readers through PC/SC: which readers there are, whether a card is on one, and a
 * CardTransport to the card. Without the library or the service every call answers with a problem
 * (a Result), never a crash, and the rest of the app is unaffected.
 */
import type { Problem, Result } from '../../../shared/result';
import { fail, ok } from '../../../shared/result';
import { ChipFailure } from '../chip-failure';
import type { CardTransport } from '../transport';
import {
  bindWinScard,
  libraryName,
  INFINITE,
  LEAVE_CARD,
  RESET_CARD,
  PROTOCOL_T0,
  PROTOCOL_T1,
  SCARD,
  SCOPE_SYSTEM,
  SHARE_SHARED,
  STATE_PRESENT,
  STATE_UNAWARE,
  statusCode,
  type Handle,
  type ReaderState,
  type WinScard,
} from './winscard';

/** What the reader layer can say about a reader's slot. */
export interface SlotState {
  readonly present: boolean;
  /** The raw event state, to pass back when waiting for the next change. */
  readonly state: number;
  readonly atr: Uint8Array | null;
}

export interface Pcsc {
  /** The readers plugged in (an empty list when there are none). */
  listReaders(): Promise<Result<string[]>>;
  /** The reader's state now, or once it differs from `known` (waits up to `timeoutMs`; INFINITE waits for ever). */
  readerState(reader: string, known?: number, timeoutMs?: number): Promise<Result<SlotState>>;
  /** Ends a wait in readerState at once. */
  cancel(): void;
  /** A transport to the card on `reader`. */
  connect(reader: string): Promise<Result<CardTransport>>;
  close(): void;
}

const REMOVED = new Set<number>([
  SCARD.W_REMOVED_CARD,
  SCARD.E_NO_SMARTCARD,
  SCARD.W_RESET_CARD,
  SCARD.W_UNPOWERED_CARD,
  SCARD.W_UNRESPONSIVE_CARD,
  SCARD.E_COMM_DATA_LOST,
  SCARD.E_NOT_TRANSACTED,
  SCARD.E_READER_UNAVAILABLE,
  SCARD.E_INVALID_HANDLE,
]);
const NO_SERVICE = new Set<number>([SCARD.E_NO_SERVICE, SCARD.E_SERVICE_STOPPED]);

function hexCode(code: number): string {
  return `0x${code.toString(16).toUpperCase().padStart(8, '0')}`;
}

function problemOf(code: number, reader?: string): Problem {
  if (NO_SERVICE.has(code)) return { key: 'chip.pcsc.noService' };
  if (code === SCARD.E_NO_READERS_AVAILABLE) return { key: 'chip.pcsc.noReaders' };
  if (code === SCARD.E_UNKNOWN_READER || code === SCARD.E_READER_UNAVAILABLE) {
    return { key: 'chip.pcsc.readerGone', params: { reader: reader ?? '' } };
  }
  if (code === SCARD.E_NO_SMARTCARD || code === SCARD.W_REMOVED_CARD)
    return { key: 'chip.noCard', params: { reader: reader ?? '' } };
  return { key: 'chip.pcsc.error', params: { code: hexCode(code) } };
}

function call<T extends unknown[]>(
  fn: { async(...args: [...T, (e: unknown, r: number) => void]): void },
  ...args: T
): Promise<number> {
  return new Promise((resolve, reject) =>
    fn.async(...args, (error, result) => (error ? reject(error) : resolve(statusCode(result)))),
  );
}

/** The reader names in a multi-string (names separated by NUL, ended by two). */
export function splitMultiString(bytes: Uint8Array): string[] {
  return new TextDecoder('utf-8')
    .decode(bytes)
    .split('\0')
    .filter((name) => name !== '');
}

function cardTransport(api: WinScard, card: Handle, protocol: number): CardTransport {
  const pci = { dwProtocol: protocol, cbPciLength: api.pciLength };
  let open = true;
  let removed = false;
  const gone = (): never => {
    removed = true;
    throw new ChipFailure('chip.cardRemoved');
  };
  return {
    async transmit(command) {
      if (!open || removed) return gone();
      const recv = Buffer.alloc(0x10002);
      const length = [recv.length];
      const send = Buffer.from(command);
      const code = await call(api.transmit, card, pci, send, send.length, null, recv, length);
      // No status word at all: the card went while answering.
      if (code === SCARD.S_SUCCESS) return length[0]! >= 2 ? new Uint8Array(recv.subarray(0, length[0])) : gone();
      if (REMOVED.has(code)) return gone();
      throw new ChipFailure('chip.pcsc.error', { code: hexCode(code) });
    },
    async close() {
      if (!open) return;
      open = false;
      // Reset the card (ending its BAC session) unless it is gone.
      await call(api.disconnect, card, removed ? LEAVE_CARD : RESET_CARD).catch(() => undefined);
    },
  };
}

function pcscOver(api: WinScard): Pcsc {
  let context: Handle | null = null;
  const withContext = async <T>(work: (ctx: Handle) => Promise<Result<T>>): Promise<Result<T>> => {
    if (context === null) {
      const out: Handle[] = [0];
      const code = statusCode(api.establishContext(SCOPE_SYSTEM, null, null, out));
      if (code !== SCARD.S_SUCCESS) return { ok: false, problem: problemOf(code) };
      context = out[0]!;
    }
    const result = await work(context);
    // The service went away (or restarted): the next call establishes a new context.
    if (!result.ok && result.problem.key === 'chip.pcsc.noService') {
      api.releaseContext(context);
      context = null;
    }
    return result;
  };
  return {
    listReaders: () =>
      withContext(async (ctx) => {
        const length = [0];
        let code = statusCode(api.listReaders(ctx, null, null, length));
        if (code === SCARD.E_NO_READERS_AVAILABLE) return ok([]);
        if (code !== SCARD.S_SUCCESS) return { ok: false, problem: problemOf(code) };
        const buffer = Buffer.alloc(length[0]!);
        code = statusCode(api.listReaders(ctx, null, buffer, length));
        if (code === SCARD.E_NO_READERS_AVAILABLE) return ok([]);
        if (code !== SCARD.S_SUCCESS) return { ok: false, problem: problemOf(code) };
        return ok(splitMultiString(buffer.subarray(0, length[0])));
      }),
    readerState: (reader, known = STATE_UNAWARE, timeoutMs = 0) =>
      withContext(async (ctx) => {
        const state: ReaderState = {
          szReader: reader,
          pvUserData: null,
          dwCurrentState: known,
          dwEventState: 0,
          cbAtr: 0,
          rgbAtr: new Uint8Array(36),
        };
        const code = await call(api.getStatusChange, ctx, timeoutMs === Infinity ? INFINITE : timeoutMs, state, 1);
        if (code === SCARD.E_TIMEOUT || code === SCARD.E_CANCELLED)
          return ok({ present: (known & STATE_PRESENT) !== 0, state: known, atr: null });
        if (code !== SCARD.S_SUCCESS) return { ok: false, problem: problemOf(code, reader) };
        const event = statusCode(state.dwEventState) & 0xffff;
        const present = (event & STATE_PRESENT) !== 0;
        return ok({ present, state: event, atr: present ? Uint8Array.from(state.rgbAtr).subarray(0, state.cbAtr) : null });
      }),
    cancel: () => {
      if (context !== null) api.cancel(context);
    },
    connect: (reader) =>
      withContext(async (ctx) => {
        const card: Handle[] = [0];
        const protocol = [0];
        const code = await call(api.connect, ctx, reader, SHARE_SHARED, PROTOCOL_T0 | PROTOCOL_T1, card, protocol);
        if (code !== SCARD.S_SUCCESS) return { ok: false, problem: problemOf(code, reader) };
        return ok(cardTransport(api, card[0]!, protocol[0]!));
      }),
    close: () => {
      if (context !== null) api.releaseContext(context);
      context = null;
    },
  };
}

/** PC/SC on this machine, or why it cannot be had (no library, unsupported system). */
export async function openPcsc(
  platform: NodeJS.Platform = process.platform,
  library: string | null = libraryName(platform),
): Promise<Result<Pcsc>> {
  if (library === null) return fail('chip.pcsc.unsupportedPlatform');
  let api: WinScard;
  try {
    const loaded = (await import('koffi')) as typeof import('koffi') & { default?: typeof import('koffi') };
    api = bindWinScard(loaded.default ?? loaded, library, platform === 'win32');
  } catch {
    return fail('chip.pcsc.noLibrary');
  }
  return ok(pcscOver(api));
}
