import type Database from 'better-sqlite3';
import { paiseToRupees } from '../../engine/money';
import type { StoredValue } from '../datasets/insert';
import { type DatasetKind, datasets, type FieldDef } from '../datasets/kinds';
import { kindRules } from './kind-rules';
import type { Master } from './master-names';

export const isMasterKind = (kind: DatasetKind): kind is Master =>
  kind === 'distributors' || kind === 'outlets' || kind === 'products';

const shown = (field: FieldDef, value: StoredValue) =>
  typeof value === 'number' && field.type === 'money' ? paiseToRupees(value) : String(value);

/**
 * A masters file's row whose code the master holds already. An ERP exports its whole master each
 * month: a row the master holds as the file writes it is no news, and is passed over (counted as
 * such); a row that says something else of a code the master holds (another channel, a units
 * per case the master lacks) is refused naming what differs, since an import adds to the masters
 * and never changes what runs have read.
 */
export class MasterRows {
  private readonly code: string;
  private readonly fields: readonly FieldDef[];
  private readonly row: Database.Statement;

  constructor(db: Database.Database, kind: Master) {
    const [code] = kindRules[kind].identity as [string];
    this.code = code;
    this.fields = datasets[kind].fields.filter((f) => f.name !== code);
    this.row = db.prepare(`SELECT * FROM ${kind} WHERE "${code}" = ? ORDER BY rowid LIMIT 1`);
  }

  /**
   * What the file's row says otherwise than the master's row of its code: nothing where it agrees,
   * null where the master has no row of the code as the file writes it.
   */
  differences(line: Record<string, StoredValue>): string[] | null {
    const held = this.row.get(line[this.code] ?? null) as Record<string, StoredValue> | undefined;
    if (!held) return null;
    return this.fields.flatMap((f) => {
      const given = line[f.name];
      if (given === null || given === undefined || given === held[f.name]) return [];
      const was = held[f.name];
      return [
        `${f.label} ${was === null || was === undefined ? 'blank' : `"${shown(f, was)}"`} there, "${shown(f, given)}" here`,
      ];
    });
  }
}
