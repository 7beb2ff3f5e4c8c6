/** The commune this installation serves, chosen in Settings from the units since 1 July 2025. */
import type { CommuneSetting } from '../../shared/api/admin-units';
import { communeByCode } from '../../shared/admin-units/search';
import { communeLetterhead } from '../../shared/documents/letterhead';
import { fail, ok, type Result } from '../../shared/result';
import { audit } from '../audit/audit';
import type { Db } from '../db/open-database';
import { readLetterhead } from '../documents/documents';
import { getSetting, setSetting } from '../settings/settings';
import { adminUnits } from './admin-units';

const SETTING = 'commune';

/** The chosen commune (with its old communes) and the letterhead that would fit it; nulls before one is chosen. */
export function communeSetting(db: Db): CommuneSetting {
  const code = getSetting(db, SETTING);
  const commune = code === null ? null : communeByCode(adminUnits(), code);
  return {
    commune,
    suggestedLetterhead:
      commune === null ? null : communeLetterhead(readLetterhead(db), { name: commune.name, provinceName: commune.provinceName }),
  };
}

/** Chooses the commune by its code (five digits, GSO). */
export function setCommune(db: Db, code: string, now: Date): Result<CommuneSetting> {
  if (communeByCode(adminUnits(), code) === null) return fail('adminUnits.notFound', { code });
  setSetting(db, SETTING, code);
  audit(db, 'settings.commune', code, {}, now);
  return ok(communeSetting(db));
}
