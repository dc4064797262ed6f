import type Database from 'better-sqlite3';
import { paiseToRupees } from '../../engine/money';
import type { StoredValue } from '../datasets/insert';
import { datasets, type FieldDef, type Master } from '../datasets/kinds';
import { kindRules } from './kind-rules';

const shown = (field: FieldDef, value: StoredValue) =>
  value === null || value === undefined
    ? 'blank'
    : `"${typeof value === 'number' && field.type === 'money' ? paiseToRupees(value) : String(value)}"`;

/** A field a masters file's row gives otherwise than the master's row of its code. */
export interface MasterDifference {
  field: FieldDef;
  was: StoredValue;
  given: StoredValue;
}

/** `Channel "Pan Plus" there, "GT" here`: a difference, as a refusal names it. */
export const thereAndHere = ({ field, was, given }: MasterDifference) =>
  `${field.label} ${shown(field, was)} there, ${shown(field, given)} here`;

/** `Channel "Pan Plus" → "GT"`: a difference, as an update lists it. */
export const fromAndTo = ({ field, was, given }: MasterDifference) =>
  `${field.label} ${shown(field, was)} → ${shown(field, given)}`;

/**
 * A masters file's row whose code the master holds already. An ERP exports its whole master each
 * month: a row the master holds as the file writes it is no news, and is passed over (counted as
 * such); a row that says something else of a code the master holds (another channel, a units
 * per case the master lacks) is refused naming what differs, unless the import is asked to
 * update the masters: runs read what they hold.
 */
export class MasterRows {
  readonly code: string;
  private readonly fields: readonly FieldDef[];
  private readonly row: Database.Statement;

  constructor(db: Database.Database, kind: Master) {
    const [code] = kindRules[kind].identity as [string];
    this.code = code;
    this.fields = datasets[kind].fields.filter((f) => f.name !== code);
    this.row = db.prepare(`SELECT * FROM ${kind} WHERE "${code}" = ? ORDER BY rowid LIMIT 1`);
  }

  /**
   * What the file's row says otherwise than the master's row of its code (a field the file leaves
   * blank says nothing): nothing where it agrees, null where the master has no row of the code as
   * the file writes it.
   */
  differences(line: Record<string, StoredValue>): MasterDifference[] | null {
    const held = this.row.get(line[this.code] ?? null) as Record<string, StoredValue> | undefined;
    if (!held) return null;
    return this.fields.flatMap((field) => {
      const given = line[field.name];
      if (given === null || given === undefined || given === held[field.name]) return [];
      return [{ field, was: held[field.name] ?? null, given }];
    });
  }
}
