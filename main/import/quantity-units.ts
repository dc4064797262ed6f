import type Database from 'better-sqlite3';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';

/** A unit of measure as written: a word of letters and dots ("Nos", "Kg.", "Pcs"). */
const UNIT = '[a-z][a-z.]{0,11}';
/** A quantity written with its unit of measure after it, as Tally writes it: "12 Nos", "2.500 Kg". */
const quantityWithUnit = new RegExp(`^(.*?[\\d)])\\s*(${UNIT})$`, 'i');
/** Words after a number that say something other than a unit. */
const notUnits = /^(dr|cr|rs|inr)\.?$/i;
const unitAlone = new RegExp(`^${UNIT}$`, 'i');

/**
 * The unit a line's unit column (`qty_unit`) gives it, as written ("Nos", "Box", "Kg."), or null
 * where the file has no such column or its value is no unit: a number (a DMS's Units, a count of
 * pieces), words ("North Zone"), Dr or Cr.
 */
export function columnUnit(mapping: Mapping, cells: readonly Cell[]): string | null {
  const cell = mapping.qty_unit === undefined ? null : cells[mapping.qty_unit];
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  return unitAlone.test(text) && !notUnits.test(text) ? text : null;
}

/** The trade's billed + free ("10+2": ten billed, two given free by a scheme), unit aside. */
const billedPlusFree = /^\s*(\d[\d,.]*)\s*\+\s*(\d[\d,.]*)\s*$/;
/** One quantity in two units, as Tally writes an item's alternate units: "10 Box = 120 Nos". */
const inTwoUnits = new RegExp(`^(-?\\d[\\d,.]*)\\s*(${UNIT})\\s*=\\s*(-?\\d[\\d,.]*)\\s*(${UNIT})$`, 'i');

/** A quantity's text read apart: its number, its unit, its free part, its number in another unit. */
export interface QuantityParts {
  number: string;
  unit: string | null;
  free?: string;
  /** The same goods counted in another unit ("120 Nos" of "10 Box = 120 Nos"). */
  alternate?: { number: string; unit: string };
}

/**
 * The number and the unit of a quantity's text (unit null when none is written), and the part
 * given free where it is written as billed + free ("10+2", "10 + 2 Nos"): the billed part is the
 * quantity sold. One quantity in two units ("10 Box = 120 Nos") is read in the first, the second
 * kept as its alternate (the line is read in the one its product is counted in). A quantity in two
 * units added ("1 Box 2 Pcs") is refused: which of them a scheme counts is not the file's to say.
 */
export function splitQuantity(text: string): QuantityParts {
  // Most quantities end in a digit and have no plus after their first character: no more to look for.
  const last = text.charCodeAt(text.length - 1);
  if (last >= 48 && last <= 57) {
    const pair = text.indexOf('+', 1) > 0 ? text.match(billedPlusFree) : null;
    return pair ? { number: pair[1] as string, unit: null, free: pair[2] as string } : { number: text, unit: null };
  }
  const both = text.trim().match(inTwoUnits);
  if (both && !notUnits.test(both[2] ?? '') && !notUnits.test(both[4] ?? ''))
    return {
      number: both[1] as string,
      unit: both[2] as string,
      alternate: { number: both[3] as string, unit: both[4] as string },
    };
  const m = text.trim().match(quantityWithUnit);
  if (!m || notUnits.test(m[2] ?? '')) return { number: text, unit: null };
  const number = m[1] ?? '';
  const unit = m[2] ?? null;
  const pair = number.match(billedPlusFree);
  if (pair) return { number: pair[1] as string, unit, free: pair[2] as string };
  if (/[a-z]/i.test(number)) throw new Error(`a quantity in two units ("${text.trim()}"): write it in one`);
  return { number, unit };
}

/** Names of one unit: Tally's "Nos" are pieces, as are "Pcs", "Units" and "Each". */
const sameUnits: Record<string, string> = Object.fromEntries(
  [
    ['each', 'no', 'number', 'pc', 'piece', 'unit', 'ea', 'un'],
    ['kg', 'kilo', 'kilogram', 'kgm'],
    ['g', 'gm', 'gram', 'gms', 'grm'],
    ['l', 'ltr', 'litre', 'liter', 'lt'],
    ['ml', 'millilitre', 'milliliter'],
    ['dozen', 'doz', 'dz'],
    ['case', 'cs', 'cse'],
    ['box', 'bx'],
    ['carton', 'ctn'],
    ['pack', 'pk', 'pkt', 'packet'],
    ['bottle', 'btl'],
  ].flatMap((names) => names.map((name) => [name, names[0] as string])),
);

/** Units a quantity column's header may name: pieces first, as a scheme's unit usually is. */
const headerUnits = new Map<string, 'piece' | 'other'>([
  ...['pcs', 'pc', 'nos', 'no', 'units', 'unit', 'each', 'ea'].map((u) => [u, 'piece'] as const),
  ...[
    'case',
    'cases',
    'cs',
    'cse',
    'box',
    'boxes',
    'ctn',
    'carton',
    'cartons',
    'pack',
    'packs',
    'pkt',
    'kg',
    'kgs',
    'g',
    'gm',
    'gms',
    'ltr',
    'l',
    'lt',
    'litre',
    'ml',
    'doz',
    'dozen',
    'bag',
    'bags',
    'btl',
    'bottle',
    'bottles',
  ].map((u) => [u, 'other'] as const),
]);

/**
 * The unit a quantity column's header names ("Qty (PCS)", "Quantity in Cases", "Billed Qty
 * Kg"), given the header as normalizeHeader leaves it and the words that name a quantity; null
 * when it names none ("Free Qty" is no unit, and no quantity of a sale).
 */
export function headerUnit(
  normalized: string,
  quantityWords: readonly string[],
): { unit: string; piece: boolean } | null {
  for (const word of quantityWords) {
    if (!normalized.startsWith(word)) continue;
    const rest = normalized.slice(word.length).replace(/^in/, '');
    const kind = headerUnits.get(rest);
    if (kind) return { unit: rest, piece: kind === 'piece' };
  }
  return null;
}

/**
 * A quantity in the stock unit (ERPNext's `Stock Qty`, `Qty as per Stock UOM`) is not in the unit
 * a plain `UOM` beside it gives, which is the line's own: that column is no unit of it. Changes
 * `mapping`; `normalized`, a column's header as normalizeHeader leaves it.
 */
export function keepUnitOfTheQuantity(normalized: (column: number) => string, mapping: Mapping): void {
  const { qty, qty_unit: unit } = mapping;
  if (typeof qty !== 'number' || typeof unit !== 'number') return;
  if (normalized(qty).includes('stock') !== normalized(unit).includes('stock')) delete mapping.qty_unit;
}

/**
 * A unit as compared: case, a final dot, a plural and another name of it aside ("Nos." is "Pcs",
 * "Boxes" "Box"; "CS" a case before its S is taken for a plural).
 */
const unitKey = (unit: string) => {
  const written = unit.toLowerCase().replace(/\.$/, '');
  const word = sameUnits[written] ?? written.replace(/(?<=(x|ch|sh))es$|(?<=.)s$/, '');
  return sameUnits[word] ?? word;
};

/**
 * The units quantities are written in, checked line by line: a product is counted in one unit
 * throughout a file, and in the products master's UOM when the master gives one — a scheme on
 * quantity must never add boxes to pieces.
 */
export class QuantityUnits {
  private readonly masterUom: Map<string, string>;
  private readonly firstSeen = new Map<string, { unit: string; row: number }>();
  /** Every unit written, as first written. */
  readonly written = new Set<string>();

  constructor(db: Database.Database) {
    const rows = db.prepare("SELECT sku, uom FROM products WHERE trim(coalesce(uom, '')) <> ''").raw().all();
    this.masterUom = new Map(rows as [string, string][]);
  }

  /** Whether two units are one, written alike or not ("Nos." and "Pcs", "Box" and "Boxes"). */
  static same(a: string, b: string): boolean {
    return unitKey(a) === unitKey(b);
  }

  /** Whether a unit is a case's, as a products master's units per case counts it: a case, a box, a carton. */
  static isCase(unit: string): boolean {
    return ['case', 'box', 'carton'].includes(unitKey(unit));
  }

  /** The unit the products master counts a product in, where it gives one. */
  masterUnit(sku: string): string | undefined {
    return this.masterUom.get(sku);
  }

  /** Whether a line of this product may count it in this unit, by the master and the lines before. */
  fits(sku: string, unit: string): boolean {
    const uom = this.masterUom.get(sku) ?? this.firstSeen.get(sku)?.unit;
    return uom === undefined || QuantityUnits.same(uom, unit);
  }

  /** What is wrong with this line's unit, or null. */
  check(sku: string, unit: string, row: number): string | null {
    this.written.add(unit);
    if (this.fits(sku, unit)) {
      if (!this.firstSeen.has(sku)) this.firstSeen.set(sku, { unit, row });
      return null;
    }
    const uom = this.masterUom.get(sku);
    if (uom !== undefined) return `the products master counts ${sku} in ${uom}, this line in ${unit}`;
    const first = this.firstSeen.get(sku) as { unit: string; row: number };
    return `row ${first.row} counts ${sku} in ${first.unit}, this line in ${unit}: one unit for a product`;
  }
}
