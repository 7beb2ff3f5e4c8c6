import type { Migration } from '../migrate';

/**
 * Step 9: a Janssen booster waits 3 months like every other (DOMAIN.md §8, "Booster ≥ 3 months after
 * the primary series"); the first seed said 60 days. A value an administrator already edited stays.
 */
export const migration0009: Migration = {
  version: 9,
  name: 'janssen-booster',
  up(db) {
    db.prepare("UPDATE vaccine_products SET booster_after_days = 90 WHERE code = 'JANSSEN' AND booster_after_days = 60").run();
  },
};
