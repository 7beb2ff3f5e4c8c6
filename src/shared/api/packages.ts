/** Update packages for the national registry: what waits, export, verification, acknowledgements. */
import { z } from 'zod';
import { EVERYONE, POLICE } from '../auth/roles';
import { bytes, channel, noFields, type ExportedFile } from './define';

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

export interface PackagesState {
  readonly waiting: PackageCounts;
  readonly packages: readonly PackageView[];
  /** The installation's signing key, as printed on exported documents. */
  readonly keyFingerprint: string;
}

export interface PackageVerification {
  readonly valid: boolean;
  readonly packageId: string | null;
  readonly sequence: number | null;
  readonly problems: readonly string[];
}

export const PACKAGES_CHANNELS = {
  'packages-state': channel<PackagesState>()({ request: noFields, roles: EVERYONE }),
  'packages-export': channel<{ readonly file: ExportedFile; readonly package: PackageView }>()({
    request: noFields,
    roles: POLICE,
  }),
  'packages-file': channel<ExportedFile>()({
    request: z.object({ sequence: z.number().int().min(1).max(1_000_000) }).strict(),
    roles: POLICE,
  }),
  'packages-verify': channel<PackageVerification>()({
    request: z.object({ fileName: z.string().max(260), data: bytes }).strict(),
    roles: EVERYONE,
  }),
  'packages-ack': channel<{ readonly packageId: string; readonly accepted: number; readonly rejected: number }>()({
    request: z.object({ fileName: z.string().max(260), text: z.string().max(50_000_000) }).strict(),
    roles: POLICE,
  }),
} as const;
