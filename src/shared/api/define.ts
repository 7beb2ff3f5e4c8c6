/**
 * How a channel is declared: one record per channel holds what it does to the database, its request
 * schema, the roles that may use it and (as a type only) its response. Everything else — the channel list, the schema map,
 * the role map, the response map, the handler and client types — is derived from these records.
 */
import { z } from 'zod';
import type { Role } from '../auth/roles';
import { MAX_FILE_BYTES } from '../limits';

/**
 * Who may call a channel: `public` answers before anyone signs in (the sign-in screen's own calls);
 * a list of roles (the administrator may use every such channel); or `{ only }`: those roles and
 * no one else, not even the administrator (a signature belongs to its signer).
 */
export type Access = 'public' | readonly Role[] | { readonly only: readonly Role[] };

/**
 * What a channel does to the database, for the read-only state of a damaged file: `reads` writes
 * nothing; `writes` changes it (settings, the audit trail, the access log of a look-up included)
 * and is refused while the file is damaged; `recovery` writes too but is how the office gets out of
 * that state (signing in and out, restoring a backup), so it always answers.
 */
export type ChannelEffect = 'reads' | 'writes' | 'recovery';

export interface ChannelSpec<Request extends z.ZodType, Response> {
  readonly effect: ChannelEffect;
  readonly request: Request;
  readonly roles: Access;
  /** Carried as a type only; the value is never read. */
  readonly response: Response;
}

/** Declares one channel: `channel<ResponseType>()({ effect, request, roles })`. */
export function channel<Response>() {
  return <Request extends z.ZodType>(spec: {
    readonly effect: ChannelEffect;
    readonly request: Request;
    readonly roles: Access;
  }): ChannelSpec<Request, Response> => ({
    ...spec,
    response: undefined as Response,
  });
}

/** A request with no fields. */
export const noFields = z.object({}).strict();

export const bytes = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, 'bytes expected')
  .refine((b) => b.byteLength <= MAX_FILE_BYTES, 'file too large');
export const columnIndex = z.number().int().min(0).max(16_383);
export const id = z.string().regex(/^[A-Za-z0-9-]{1,64}$/);
export const rowId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const fileName = z.string().min(1).max(260);

/** A file the app hands the page (to save or open). */
export interface ExportedFile {
  readonly fileName: string;
  readonly data: Uint8Array;
}

/** How an error crosses a host boundary: user errors carry their message, internal ones a generic one. */
export interface ApiError {
  /** `auth`: not signed in (or locked after idling): the page shows the sign-in screen. */
  readonly type: 'user' | 'internal' | 'auth';
  readonly message: string;
}

export type ApiResponse<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: ApiError };
