import type Database from 'better-sqlite3';
import { prepareInsert, type StoredValue } from '../datasets/insert';
import type { DatasetKind, Master } from '../datasets/kinds';
import type { ImportIssue } from './importer';
import { kindRules, notItemised } from './kind-rules';
import type { Mapping } from './mapping';
import { MasterChanges } from './master-changes';
import { MasterNames } from './master-names';

function masterCodes(db: Database.Database, table: Master): Set<string> {
  const column = table === 'products' ? 'sku' : 'code';
  return new Set((db.prepare(`SELECT ${column} AS c FROM ${table}`).all() as { c: string }[]).map((r) => r.c));
}

/** The batch and sheet a master row created by an import comes from. */
type Batch = { batchId: number; sheet: string | null };

/**
 * A row's codes against the masters: a party or item named rather than coded read as its code,
 * an outlet sold through a distributor other than its own refused (or moved, when asked), and a
 * code no master holds refused (or created, when asked). The masters are read once, as the
 * import starts; the rows it creates or moves are kept as it goes.
 */
export class MasterReferences {
  private readonly references;
  private readonly codes: Record<Master, Set<string>>;
  private readonly names: MasterNames;
  /** Each outlet's distributor, where a sales file names outlets. */
  private readonly outletOwner: Map<string, string> | null;
  private readonly insertMaster: Record<Master, ReturnType<typeof prepareInsert>>;
  /** What the rows change of master rows other imports brought: outlets moved. */
  private changes: MasterChanges | null = null;

  constructor(
    private readonly db: Database.Database,
    kind: DatasetKind,
    private readonly mapping: Mapping,
    private readonly headers: readonly string[],
    private readonly asked: { createMissing?: boolean; moveOutlets?: boolean },
    private readonly result: {
      created: Record<Master, string[]>;
      movedOutlets: { outlet: string; from: string; to: string }[];
    },
  ) {
    this.references = kindRules[kind].references;
    this.codes = {
      distributors: masterCodes(db, 'distributors'),
      outlets: masterCodes(db, 'outlets'),
      products: masterCodes(db, 'products'),
    };
    this.names = new MasterNames(db);
    this.outletOwner =
      kind === 'sales' && mapping.outlet_code !== undefined
        ? new Map(
            (
              db.prepare('SELECT code, distributor_code AS owner FROM outlets').all() as {
                code: string;
                owner: string;
              }[]
            ).map((o) => [o.code, o.owner]),
          )
        : null;
    this.insertMaster = {
      distributors: prepareInsert(db, 'distributors'),
      outlets: prepareInsert(db, 'outlets'),
      products: prepareInsert(db, 'products'),
    };
  }

  hasDistributor(code: string): boolean {
    return this.codes.distributors.has(code);
  }

  private column(field: string): string {
    return this.headers[this.mapping[field] ?? -1] ?? field;
  }

  /**
   * A party or item named rather than coded is read as the master row of that name; a name
   * several rows share is the row's problem, and no code is left for the checks after.
   */
  resolveNames(values: Record<string, StoredValue>, row: number, issues: ImportIssue[]): void {
    for (const reference of this.references) {
      const text = values[reference.field];
      if (typeof text !== 'string' || this.codes[reference.master].has(text)) continue;
      const named = this.names.resolve(reference.master, text, values.distributor_code);
      if (named === null) continue;
      if ('code' in named) {
        values[reference.field] = named.code;
        continue;
      }
      values[reference.field] = null;
      issues.push({ row, column: this.column(reference.field), value: text, message: named.problem });
    }
  }

  /**
   * The row's outlet against its distributor, and each code against its master: a problem
   * goes to `issues`; an outlet moved or a master row created only for a row with none.
   */
  check(values: Record<string, StoredValue>, row: number, batch: Batch, issues: ImportIssue[]): void {
    const outlet = values.outlet_code;
    const owner = typeof outlet === 'string' ? this.outletOwner?.get(outlet) : undefined;
    if (
      typeof outlet === 'string' &&
      owner !== undefined &&
      typeof values.distributor_code === 'string' &&
      this.codes.distributors.has(values.distributor_code) &&
      owner !== values.distributor_code
    ) {
      if (this.asked.moveOutlets && issues.length === 0) {
        this.changes ??= new MasterChanges(this.db, batch.batchId);
        this.changes.change('outlets', outlet, 'distributor_code', owner, values.distributor_code);
        this.outletOwner?.set(outlet, values.distributor_code);
        this.result.movedOutlets.push({ outlet, from: owner, to: values.distributor_code });
      } else {
        issues.push({
          row,
          column: this.column('outlet_code'),
          value: outlet,
          message: `outlet ${outlet} belongs to distributor ${owner} in the outlets master, not ${values.distributor_code} (choose to move outlets: --move-outlets)`,
        });
      }
    }
    for (const reference of this.references) {
      const code = values[reference.field];
      if (typeof code !== 'string' || this.codes[reference.master].has(code)) continue;
      if (!this.asked.createMissing && code !== notItemised.sku) {
        issues.push({
          row,
          column: this.column(reference.field),
          value: code,
          message: `unknown ${reference.master.slice(0, -1)} "${code}"${reference.master === 'distributors' ? this.outletHint(code) : ''}`,
        });
        continue;
      }
      // A row refused for something else creates nothing; nor is it said to name an unknown code,
      // which would be created once the row is put right.
      if (issues.length > 0) continue;
      const master: Record<string, StoredValue> =
        reference.master === 'products'
          ? { sku: code, name: code === notItemised.sku ? notItemised.name : code }
          : { code, name: code, distributor_code: values.distributor_code ?? null };
      this.insertMaster[reference.master](master, { ...batch, row });
      this.codes[reference.master].add(code);
      this.result.created[reference.master].push(code);
    }
  }

  /** A distributor's own sales register names its outlets where a distributor is looked for. */
  private outletHint(party: string): string {
    if (!this.names.knows('outlets', party)) return '';
    const header = this.headers[this.mapping.distributor_code ?? -1] ?? 'the party column';
    return `: it is an outlet of the outlets master. If the file is one distributor's sales to its outlets, read "${header}" as the outlet and give the distributor (--map outlet_code="${header}" --map distributor_code= --set distributor_code=CODE, or in the import dialog)`;
  }

  /** The sentences on codes and names read as masters' codes. */
  decisions(): { field: string; decision: string }[] {
    return this.names.decisions((master) => this.references.find((r) => r.master === master)?.field ?? master);
  }
}
