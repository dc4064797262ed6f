import type Database from 'better-sqlite3';
import type { Master } from '../datasets/kinds';
import { counted } from '../format/numbers';
import { countRead, type ReadAs, readSummary } from './read-as';

/** A text as compared: case and spacing aside. */
const spaced = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();
/**
 * A name as compared: case, spacing, and the stops and commas of abbreviations aside ("Pvt. Ltd.,"
 * is "Pvt Ltd"), and the "M/s" (Messrs) Indian books put before a firm's name.
 */
const key = (text: string) => spaced(text.replace(/[.,]/g, ' ')).replace(/^m\/s /, '');
/**
 * A code as compared: case and spacing aside, and an all-digit code without its leading zeros,
 * which Excel drops when it opens a CSV (SAP's customer 0000100234 comes back as 100234).
 */
export const codeKey = (text: string) => {
  const k = spaced(text);
  return /^\d+$/.test(k) ? k.replace(/^0+(?=\d)/, '') : k;
};

/**
 * Each master's rows by name: code, (outlets) the distributor it belongs to, and (distributors)
 * whether the name is the ledger name, which accounting keeps unique and so comes first.
 */
const namesSql: Record<Master, string> = {
  distributors: `SELECT code, ledger_name AS name, NULL AS owner, 1 AS ledger FROM distributors
      WHERE trim(coalesce(ledger_name, '')) <> ''
    UNION ALL SELECT code, name, NULL, 0 FROM distributors
    UNION ALL SELECT code, gstin, NULL, 0 FROM distributors WHERE trim(coalesce(gstin, '')) <> ''`,
  outlets: 'SELECT code, name, distributor_code AS owner, 0 AS ledger FROM outlets',
  products: 'SELECT sku AS code, name, NULL AS owner, 0 AS ledger FROM products',
};

/** Each master's rows by code, for a name that carries its code (Odoo's "[SKU-1] Coffee"). */
const codesSql: Record<Master, string> = {
  distributors: 'SELECT code, NULL AS owner, 0 AS ledger FROM distributors',
  outlets: 'SELECT code, distributor_code AS owner, 0 AS ledger FROM outlets',
  products: 'SELECT sku AS code, NULL AS owner, 0 AS ledger FROM products',
};

/** Whether a master has a row of exactly this code: one look-up through its unique index. */
const exactSql: Record<Master, string> = {
  distributors: 'SELECT 1 FROM distributors WHERE code = ?',
  outlets: 'SELECT 1 FROM outlets WHERE code = ?',
  products: 'SELECT 1 FROM products WHERE sku = ?',
};

/** Counts a line of `master` whose `text` was read as `code`; answers the code. */
function count(seen: Map<Master, ReadAs>, master: Master, text: string, code: string): string {
  const read = seen.get(master) ?? new Map();
  seen.set(master, read);
  return countRead(read, key(text), text, code);
}

/** Odoo's display name of a record with a code: the code in brackets before the name. */
const bracketedCode = /^\[([^\]]+)\]/;
/** How many texts as written each master's look-ups by name are kept for (a register's parties, items). */
const MEMO_TEXTS = 100_000;
/** Longer than this, a cell is no label of a code and a name (each way of cutting it is a look-up). */
const LABEL_LENGTH = 200;
/** What joins a code and a name in one label: spaces, or a dash, colon or bar with or without them. */
const JOIN = /\s*[-\u2013\u2014:|]\s*|\s+/g;

/**
 * The ways one label may hold a code and a name: cut at each join ("D001 Annapurna
 * Distributors", NetSuite's entity; "C00010 - Annapurna", "Annapurna: D001"), or a text and the
 * bracketed text that ends it ("A00403 (BELCA Vinagre 4/1 gal.)", QuickBooks Desktop's item;
 * "Annapurna Distributors (D001)"). Either side may be the code. Joins are found by a pattern
 * with no backtracking across them, brackets by position: a pattern over a long cell of spaces
 * took seconds.
 */
function labelParts(text: string): [string, string][] {
  if (text.length > LABEL_LENGTH) return [];
  const parts: [string, string][] = [];
  for (const join of text.matchAll(JOIN)) {
    const at = join.index ?? 0;
    if (at > 0 && at + join[0].length < text.length) parts.push([text.slice(0, at), text.slice(at + join[0].length)]);
  }
  const close = text.at(-1);
  const opener = close === ')' ? '(' : close === ']' ? '[' : null;
  if (opener !== null)
    for (const open of new Set([text.indexOf(opener), text.lastIndexOf(opener)]))
      if (open > 0) parts.push([text.slice(0, open).trim(), text.slice(open + 1, -1).trim()]);
  return parts;
}

interface NamedRow {
  code: string;
  owner: string | null;
  ledger: number;
}

/**
 * Masters by name. ERP exports name parties and items (Tally's Particulars, a QuickBooks
 * Customer) where the masters have codes: a value that is no code but the ledger name of one
 * distributor, or else the name of exactly one row of its master, is read as that row's code,
 * never taken for a new master. A distributor's GSTIN names it as well (GSTR-1 names recipients
 * by GSTIN), and a name led by a code in brackets (Odoo's "[SKU-1] Coffee 50 g") the row of
 * that code, as does a label of a code and its row's name together (labelParts).
 * Read once, when the first such value comes.
 */
export class MasterNames {
  private readonly byName = new Map<Master, Map<string, NamedRow[]>>();
  private readonly byCode = new Map<Master, Map<string, NamedRow[]>>();
  /** The rows each text as written names (named): a register names its few parties a million times. */
  private readonly byText = new Map<Master, Map<string, NamedRow[]>>();
  private readonly exactCode = new Map<Master, Database.Statement>();
  /** Names read as codes (by the name as compared), as first written, and how many lines each. */
  readonly read = new Map<Master, ReadAs>();
  /**
   * Codes written otherwise than their master writes them, in other capitals ("d001") or
   * without leading zeros ("100234" for 0000100234), read as the master's code.
   */
  readonly rewritten = new Map<Master, ReadAs>();

  constructor(private readonly db: Database.Database) {}

  /**
   * The code `text` names, or why it names none; null when it is no name at all. An outlet name
   * several distributors' outlets share is read as the one of the line's distributor.
   */
  resolve(master: Master, text: string, distributor: unknown): { code: string } | { problem: string } | null {
    // A code in other capitals ("d001" for D001), or without its leading zeros, is that code:
    // read as written, with --create-missing it became a second distributor, paid apart.
    const alike = this.codes(master).get(codeKey(text)) ?? [];
    if (alike.length > 1)
      return {
        problem: `"${text}" differs only in capitals or leading zeros from the ${master} ${alike.map((r) => r.code).join(', ')}; give the code as the master writes it`,
      };
    if (alike[0]) return { code: count(this.rewritten, master, text, alike[0].code) };
    const all = this.named(master, text);
    const ledgers = all.filter((r) => r.ledger === 1);
    const found = ledgers.length > 0 ? ledgers : all;
    const mine = master === 'outlets' && found.length > 1 ? found.filter((r) => r.owner === distributor) : found;
    const only = mine[0];
    if (only === undefined) return null;
    if (mine.length > 1) {
      const codes = mine.map((r) => r.code);
      return {
        problem: `"${text}" is the name of ${codes.length} ${master}: ${codes.slice(0, 5).join(', ')}; give the code`,
      };
    }
    return { code: count(this.read, master, text, only.code) };
  }

  /**
   * What the import says of the lines whose codes or names were read as a master's code: a
   * decision for each master, on the field `fieldOf` names for it.
   */
  decisions(fieldOf: (master: Master) => string): { field: string; decision: string }[] {
    const said = (seen: Map<Master, ReadAs>, words: (master: Master, lines: number, shown: string) => string) =>
      [...seen].map(([master, read]) => {
        const { lines, shown } = readSummary(read);
        return { field: fieldOf(master), decision: words(master, lines, shown) };
      });
    return [
      ...said(
        this.rewritten,
        (master, lines, shown) =>
          `${counted(lines, 'line writes its', 'lines write their')} ${master.slice(0, -1)}'s code otherwise than the ${master} master (in other capitals, or without its leading zeros, as Excel drops them): each is read as the master's code (${shown})`,
      ),
      ...said(
        this.read,
        (master, lines, shown) =>
          `${counted(lines, 'line names its', 'lines name their')} ${master.slice(0, -1)} instead of giving its code: each is read as the one of that name in the ${master} master (${shown})`,
      ),
    ];
  }

  /**
   * Whether `text` is a code or a name of the master (a name several rows share too). A code as
   * the master writes it is looked up alone: the master is read whole (50,000 outlets in 0.3 s)
   * only for a value that is no such code.
   */
  knows(master: Master, text: string): boolean {
    return this.exact(master).get(text.trim()) !== undefined || this.matching(master, text).length > 0;
  }

  private exact(master: Master): Database.Statement {
    let statement = this.exactCode.get(master);
    if (statement === undefined) {
      statement = this.db.prepare(exactSql[master]);
      this.exactCode.set(master, statement);
    }
    return statement;
  }

  /** The owners (an outlet's distributor) of every row `text` may be, as a code or a name. */
  owners(master: Master, text: string): Set<string | null> {
    return new Set(this.matching(master, text).map((r) => r.owner));
  }

  /** Every row whose code (as compared) or name `text` is. */
  private matching(master: Master, text: string): NamedRow[] {
    return [...(this.codes(master).get(codeKey(text)) ?? []), ...this.named(master, text)];
  }

  /** Each master's codes as compared (codeKey): one row each, or the few that differ only so. */
  private codes(master: Master): Map<string, NamedRow[]> {
    let rows = this.byCode.get(master);
    if (rows === undefined) {
      rows = new Map();
      for (const row of this.db.prepare(codesSql[master]).all() as NamedRow[])
        rows.set(codeKey(row.code), [...(rows.get(codeKey(row.code)) ?? []), row]);
      this.byCode.set(master, rows);
    }
    return rows;
  }

  /** The rows whose name `text` is, or whose code and name its label holds (labelled); read once per text. */
  private named(master: Master, text: string): NamedRow[] {
    let seen = this.byText.get(master);
    if (seen === undefined) {
      seen = new Map();
      this.byText.set(master, seen);
    }
    let rows = seen.get(text);
    if (rows === undefined) {
      rows = this.rows(master).get(key(text)) ?? this.labelled(master, text);
      if (seen.size < MEMO_TEXTS) seen.set(text, rows);
    }
    return rows;
  }

  /**
   * The row whose code a label carries: in square brackets before anything else ("[SKU-1] Coffee
   * 50 g"), or beside the row's own name (labelParts), which a code beside a place or a size
   * ("Sharma Traders (Delhi)", "SKU-1 500 g") is not; none else.
   */
  private labelled(master: Master, text: string): NamedRow[] {
    const trimmed = text.trim();
    const code = bracketedCode.exec(trimmed)?.[1]?.trim();
    if (code !== undefined) return (this.codes(master).get(codeKey(code)) ?? []).filter((r) => r.code === code);
    const found = new Map<string, NamedRow>();
    for (const [a, b] of labelParts(trimmed))
      for (const [written, name] of [
        [a, b],
        [b, a],
      ] as const)
        for (const row of this.rows(master).get(key(name)) ?? [])
          if (codeKey(row.code) === codeKey(written)) found.set(row.code, row);
    return [...found.values()];
  }

  private rows(master: Master): Map<string, NamedRow[]> {
    let rows = this.byName.get(master);
    if (rows === undefined) {
      rows = new Map();
      const named = this.db.prepare(namesSql[master]).all() as (NamedRow & { name: string })[];
      for (const { name, ...row } of named) {
        // A name of stops and commas alone names nothing.
        const compared = key(name);
        if (compared === '') continue;
        const list = rows.get(compared) ?? [];
        if (!list.some((r) => r.code === row.code && r.ledger === row.ledger)) list.push(row);
        rows.set(compared, list);
      }
      this.byName.set(master, rows);
    }
    return rows;
  }
}
