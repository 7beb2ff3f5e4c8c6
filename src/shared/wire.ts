/**
 * How API messages travel as JSON over the web host: byte arrays become `{"$bytes": "<base64>"}`.
 * (Electron IPC clones Uint8Array natively and does not use this.)
 */
export const BYTES_TAG = '$bytes';

export interface Base64Codec {
  encode(bytes: Uint8Array): string;
  decode(text: string): Uint8Array;
}

/** JSON text of a value, with byte arrays tagged. */
export function toWire(value: unknown, codec: Base64Codec): string {
  return JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? { [BYTES_TAG]: codec.encode(v) } : v));
}

/** A value from wire JSON, with tagged byte arrays restored. */
export function fromWire(text: string, codec: Base64Codec): unknown {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const tagged = (v as Record<string, unknown>)[BYTES_TAG];
      if (keys.length === 1 && typeof tagged === 'string') return codec.decode(tagged);
    }
    return v;
  });
}
