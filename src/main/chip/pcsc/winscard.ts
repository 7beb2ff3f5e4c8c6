/**
 * The PC/SC API of the system (libpcsclite.so.1 on Linux, winscard.dll on Windows) called through
 * koffi, an FFI with prebuilt binaries: nothing to compile at install, nothing to rebuild for
 * Electron. Calls that talk to a card run on koffi's worker threads (`.async`), so the event loop
 * (and a test's virtual card in the same process) keeps running meanwhile.
 */
import type * as Koffi from 'koffi';

/** Status codes of PC/SC (as unsigned 32-bit numbers). */
export const SCARD = {
  S_SUCCESS: 0,
  E_CANCELLED: 0x80100002,
  E_INVALID_HANDLE: 0x80100003,
  E_INSUFFICIENT_BUFFER: 0x80100008,
  E_UNKNOWN_READER: 0x80100009,
  E_TIMEOUT: 0x8010000a,
  E_SHARING_VIOLATION: 0x8010000b,
  E_NO_SMARTCARD: 0x8010000c,
  E_PROTO_MISMATCH: 0x8010000f,
  E_NOT_TRANSACTED: 0x80100016,
  E_READER_UNAVAILABLE: 0x80100017,
  E_NO_SERVICE: 0x8010001d,
  E_SERVICE_STOPPED: 0x8010001e,
  E_NO_READERS_AVAILABLE: 0x8010002e,
  E_COMM_DATA_LOST: 0x8010002f,
  W_UNRESPONSIVE_CARD: 0x80100066,
  W_UNPOWERED_CARD: 0x80100067,
  W_RESET_CARD: 0x80100068,
  W_REMOVED_CARD: 0x80100069,
} as const;

export const SCOPE_SYSTEM = 2;
export const SHARE_SHARED = 2;
export const PROTOCOL_T0 = 1;
export const PROTOCOL_T1 = 2;
export const LEAVE_CARD = 0;
export const RESET_CARD = 1;
export const STATE_UNAWARE = 0;
export const STATE_CHANGED = 0x2;
export const STATE_UNKNOWN = 0x4;
export const STATE_UNAVAILABLE = 0x8;
export const STATE_EMPTY = 0x10;
export const STATE_PRESENT = 0x20;
export const STATE_MUTE = 0x200;
export const INFINITE = 0xffffffff;

export type Handle = number | bigint;

export interface ReaderState {
  szReader: string;
  pvUserData: null;
  dwCurrentState: number;
  dwEventState: number;
  cbAtr: number;
  rgbAtr: number[] | Uint8Array;
}

type Callback<T> = (error: unknown, result: T) => void;

/** The PC/SC functions this app uses, bound to the system library. */
export interface WinScard {
  establishContext(scope: number, r1: null, r2: null, out: Handle[]): number;
  releaseContext(context: Handle): number;
  listReaders(context: Handle, groups: null, readers: Buffer | null, length: number[]): number;
  getStatusChange: {
    async(context: Handle, timeout: number, state: ReaderState, count: number, done: Callback<number>): void;
  };
  cancel(context: Handle): number;
  connect: {
    async(
      context: Handle,
      reader: string,
      share: number,
      protocols: number,
      card: Handle[],
      active: number[],
      done: Callback<number>,
    ): void;
  };
  disconnect: { async(card: Handle, disposition: number, done: Callback<number>): void };
  transmit: {
    async(
      card: Handle,
      sendPci: { dwProtocol: number; cbPciLength: number },
      send: Buffer,
      sendLength: number,
      recvPci: null,
      recv: Buffer,
      recvLength: number[],
      done: Callback<number>,
    ): void;
  };
  /** sizeof(SCARD_IO_REQUEST) on this platform. */
  readonly pciLength: number;
}

/** Where the library lives on this platform, or null where this app has no binding. */
export function libraryName(platform: NodeJS.Platform = process.platform): string | null {
  if (platform === 'linux') return 'libpcsclite.so.1';
  if (platform === 'win32') return 'winscard.dll';
  return null;
}

/** Binds the library; throws when koffi or the library cannot be loaded. */
export function bindWinScard(koffi: typeof Koffi, library: string, windows: boolean): WinScard {
  const lib = koffi.load(library);
  // LONG and DWORD are C longs in pcsc-lite (64-bit on Linux x64) and 32-bit on Windows;
  // SCARDCONTEXT and SCARDHANDLE are pointer-sized on both.
  const DWORD = windows ? 'uint32_t' : 'unsigned long';
  const LONG = windows ? 'int32_t' : 'long';
  const HANDLE = 'uintptr_t';
  const suffix = windows ? 'A' : '';
  const readerState = koffi.struct({
    szReader: 'const char *',
    pvUserData: 'void *',
    dwCurrentState: DWORD,
    dwEventState: DWORD,
    cbAtr: DWORD,
    rgbAtr: koffi.array('uint8_t', windows ? 36 : 33),
  });
  const ioRequest = koffi.struct({ dwProtocol: DWORD, cbPciLength: DWORD });
  type TypeSpec = Parameters<typeof koffi.sizeof>[0];
  const fn = (name: string, result: string, args: TypeSpec[]) => lib.func(name, result, args);
  return {
    establishContext: fn('SCardEstablishContext', LONG, [DWORD, 'void *', 'void *', koffi.out(koffi.pointer(HANDLE))]),
    releaseContext: fn('SCardReleaseContext', LONG, [HANDLE]),
    listReaders: fn(`SCardListReaders${suffix}`, LONG, [HANDLE, 'const char *', 'uint8_t *', koffi.inout(koffi.pointer(DWORD))]),
    getStatusChange: fn(`SCardGetStatusChange${suffix}`, LONG, [HANDLE, DWORD, koffi.inout(koffi.pointer(readerState)), DWORD]),
    cancel: fn('SCardCancel', LONG, [HANDLE]),
    connect: fn(`SCardConnect${suffix}`, LONG, [
      HANDLE,
      'const char *',
      DWORD,
      DWORD,
      koffi.out(koffi.pointer(HANDLE)),
      koffi.out(koffi.pointer(DWORD)),
    ]),
    disconnect: fn('SCardDisconnect', LONG, [HANDLE, DWORD]),
    transmit: fn('SCardTransmit', LONG, [
      HANDLE,
      koffi.pointer(ioRequest),
      'uint8_t *',
      DWORD,
      'void *',
      'uint8_t *',
      koffi.inout(koffi.pointer(DWORD)),
    ]),
    pciLength: koffi.sizeof(ioRequest),
  } as unknown as WinScard;
}

/** A PC/SC status as an unsigned 32-bit number (Windows returns it signed). */
export function statusCode(value: number | bigint): number {
  return Number(BigInt.asUintN(32, BigInt(value)));
}
