import type { PackageView } from '../../shared/api-contract';
import { fail, ok, type Result } from '../../shared/result';
import type { Db } from '../db/open-database';
import { packageViews, storedPackage } from './packages';

export interface StoredPackage {
  readonly fileName: string;
  readonly data: Uint8Array;
  readonly view: PackageView;
}

/** Package N exactly as it was written (`--sequence N`), with what the package list says of it. */
export function storedPackageWithView(db: Db, sequence: number): Result<StoredPackage> {
  const stored = storedPackage(db, sequence);
  const view = packageViews(db).find((p) => p.sequence === sequence);
  if (!stored || !view) return fail('package.notFound', { sequence });
  return ok({ fileName: stored.fileName, data: stored.data, view });
}
