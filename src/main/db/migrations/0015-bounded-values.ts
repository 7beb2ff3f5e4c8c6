import type { Migration } from '../migrate';

/**
 * Step 15 (issue 19): lists taken in before the reading limits existed may hold a cell of 100 MB,
 * which made every check and export of them run out of memory. Their entries are cut to the limits
 * the reader now applies (shared/limits.ts as it stood; a step never changes): a name to 200
 * characters, any other field and each cell to 32,767.
 */
export const migration0015: Migration = {
  version: 15,
  name: 'bounded-values',
  up(db) {
    db.exec(`
      UPDATE list_entries SET full_name = substr(full_name, 1, 200) WHERE length(full_name) > 200;
      UPDATE list_entries SET birth_date = substr(birth_date, 1, 32767) WHERE length(birth_date) > 32767;
      UPDATE list_entries SET id_number = substr(id_number, 1, 32767) WHERE length(id_number) > 32767;
      UPDATE list_entries SET nationality = substr(nationality, 1, 32767) WHERE length(nationality) > 32767;
      UPDATE list_entries SET address = substr(address, 1, 32767) WHERE length(address) > 32767;
      UPDATE list_entries SET cells = (
        SELECT json_group_array(CASE WHEN length(value) > 32767 THEN substr(value, 1, 32767) ELSE value END)
        FROM (SELECT value FROM json_each(list_entries.cells) ORDER BY key)
      ) WHERE length(cells) > 32767;
      UPDATE list_entries SET extra = (
        SELECT json_group_object(key, CASE WHEN length(value) > 32767 THEN substr(value, 1, 32767) ELSE value END)
        FROM json_each(list_entries.extra)
      ) WHERE length(extra) > 32767;
    `);
  },
};
