import { recordGuards } from '../../audit/integrity';
import type { Migration } from '../migration';

/**
 * A saved scheme version is written once: a run records the versions it was calculated with, so
 * a version rewritten with SQL afterwards would make an approved run's trace and its
 * recalculation say other rules than those it paid by. A change is a new version (the app has
 * never updated or deleted one).
 */
export const schemeVersionsOnce: Migration = {
  version: 26,
  name: 'scheme versions written once',
  up(db) {
    db.exec(`
      CREATE TRIGGER scheme_versions_no_update BEFORE UPDATE ON scheme_versions
      BEGIN SELECT RAISE(ABORT, 'A saved scheme version cannot change: save the scheme again for a new version'); END;
      CREATE TRIGGER scheme_versions_no_delete BEFORE DELETE ON scheme_versions
      BEGIN SELECT RAISE(ABORT, 'A saved scheme version cannot be deleted: retire the scheme instead'); END;
    `);
    recordGuards(db);
  },
};
