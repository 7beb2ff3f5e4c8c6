/** Update packages for the national registry: what waits, export, verification, acknowledgements. */
import { z } from 'zod';
import { ADMIN, EVERYONE, POLICE } from '../auth/roles';
import { bytes, channel, noFields, type ExportedFile } from './define';
import type { FieldProposal, NewResidentFields } from './lists';

export type PackageRecordType = 'vaccination' | 'correction' | 'new_resident' | 'infection';
export type PackageCounts = Readonly<Record<PackageRecordType, number>>;

/** One exported update package, and what the national registry answered. */
export interface PackageView {
  readonly sequence: number;
  readonly packageId: string;
  readonly fileName: string;
  readonly createdAt: string;
  readonly createdBy: string | null;
  readonly sha256: string;
  readonly bytes: number;
  readonly counts: PackageCounts;
  readonly acknowledgedAt: string | null;
  readonly accepted: number;
  readonly rejected: number;
}

/** A registry correction or a collected resident waiting for the next package, as the officer reviewed it. */
export interface ProposalView {
  readonly changeId: number;
  readonly kind: 'correction' | 'new_resident';
  /** The resident a correction is about (null for a new one). */
  readonly personalId: string | null;
  readonly fullName: string | null;
  /** A correction's fields: registry value, list value, the value the package carries. */
  readonly fields: readonly FieldProposal[];
  readonly collected: NewResidentFields | null;
  /** Căn cứ: the paper the officer saw. */
  readonly basis: string | null;
  readonly listId: number | null;
  readonly row: number | null;
  readonly by: string | null;
}

/** A key the registry's (or the provincial police's) acknowledgements are signed with. */
export interface RegistryKeyView {
  readonly name: string;
  readonly fingerprint: string;
  readonly installedAt: string;
}

export interface PackagesState {
  readonly waiting: PackageCounts;
  /** What the next package will carry of corrections and new residents, for a look before export. */
  readonly proposals: readonly ProposalView[];
  readonly packages: readonly PackageView[];
  /** The installation's signing key, as printed on exported documents. */
  readonly keyFingerprint: string;
  /** The keys acknowledgements must be signed with (none: no acknowledgement is taken signed). */
  readonly registryKeys: readonly RegistryKeyView[];
}

export interface PackageVerification {
  readonly valid: boolean;
  readonly packageId: string | null;
  readonly sequence: number | null;
  readonly problems: readonly string[];
}

export const PACKAGES_CHANNELS = {
  'packages-state': channel<PackagesState>()({ effect: 'reads', request: noFields, roles: EVERYONE }),
  'packages-export': channel<{ readonly file: ExportedFile; readonly package: PackageView }>()({
    effect: 'writes',
    request: noFields,
    roles: POLICE,
  }),
  'packages-file': channel<ExportedFile>()({
    effect: 'reads',
    request: z.object({ sequence: z.number().int().min(1).max(1_000_000) }).strict(),
    roles: POLICE,
  }),
  'packages-verify': channel<PackageVerification>()({
    effect: 'reads',
    request: z.object({ fileName: z.string().max(260), data: bytes }).strict(),
    roles: EVERYONE,
  }),
  'packages-ack': channel<{ readonly packageId: string; readonly accepted: number; readonly rejected: number }>()({
    effect: 'writes',
    request: z
      .object({
        fileName: z.string().max(260),
        text: z.string().max(50_000_000),
        // Only after the officer confirmed, in a dialog saying so, that an unsigned answer is the registry's.
        acceptUnsigned: z.literal(true).optional(),
      })
      .strict(),
    roles: POLICE,
  }),
  'packages-registry-key-set': channel<readonly RegistryKeyView[]>()({
    effect: 'writes',
    // A PEM public key or the raw 32 bytes in base64.
    request: z.object({ name: z.string().max(200), publicKey: z.string().min(1).max(2000) }).strict(),
    roles: ADMIN,
  }),
} as const;
