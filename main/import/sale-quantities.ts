import type Database from 'better-sqlite3';
import type { StoredValue } from '../datasets/insert';
import type { ImportIssue } from './importer';
import { type CaseMaster, splitsCases } from './loose-quantity';
import type { Mapping } from './mapping';
import { columnUnit, QuantityUnits } from './quantity-units';
import type { Cell, SourceRow } from './readers/types';
import { type ConvertedRow, convertRow, type Decisions, shown } from './row-values';

/**
 * What the products master says of reading a file of cases and pieces (loose-quantity.ts): a
 * product's unit is looked up as the first rows ask, not the whole master read for every import.
 */
export function caseMaster(db: Database.Database): CaseMaster {
  const unit = db.prepare("SELECT uom FROM products WHERE sku = ? AND trim(coalesce(uom, '')) <> ''").pluck();
  return {
    caseUnits: db.prepare('SELECT 1 FROM products WHERE case_units > 0 LIMIT 1').get() !== undefined,
    unitOf: (sku) => unit.get(sku) as string | undefined,
  };
}

const tooMany = (sku: string) =>
  `the line's cases of ${sku} make more units than can be counted exactly: correct the quantity or the products master's units per case`;

/** Cases (thousandths) in their product's unit, by its units per case; why not, where there are too many to count exactly. */
function inPieces(cases: number, perCase: number, sku: string): number | string {
  const pieces = cases * perCase;
  return Number.isSafeInteger(pieces) ? pieces : tooMany(sku);
}

/**
 * A sales line's quantity against the unit its product is counted in: a product the products
 * master counts in another unit is read from the file's column in that unit where it has one
 * ("Qty (Cases)"), and refused where it has none. A line's whole cases beside its loose pieces
 * are added in by its product's units per case (products master), where the master gives them.
 */
export class SaleQuantities {
  private readonly units: QuantityUnits;
  /** The readings of a row's quantity from its columns in further units. */
  private readonly inOtherUnits;
  /** Each product's units per case, read once, where the file writes whole cases beside pieces or a line in cases asks. */
  private caseUnits: Map<string, number> | null = null;
  /** Lines in cases read in their product's unit by its units per case, and the first such unit written. */
  private readonly casesRead = { lines: 0, unit: '' };

  constructor(
    private readonly db: Database.Database,
    private readonly mapping: Mapping,
    private readonly headers: readonly string[],
    private readonly decisions: Decisions,
    private readonly defaults: Readonly<Record<string, Cell>>,
  ) {
    this.units = new QuantityUnits(db);
    this.inOtherUnits = (decisions.qtyInUnits ?? []).map(({ column, unit }) => ({
      unit,
      header: headers[column] ?? '',
      mapping: { ...mapping, qty: column },
      decisions: { ...decisions, qtyUnit: unit },
      lines: 0,
    }));
  }

  /**
   * Checks the line's quantity, read in its unit: reads it again from a column in its product's
   * unit, or adds the problem to `issues`; then adds in its whole cases, if any.
   */
  check(values: Record<string, StoredValue>, converted: ConvertedRow, row: SourceRow, issues: ImportIssue[]): void {
    const split = this.unseenSplit(row);
    if (split) issues.push(this.issue(row, this.mapping.qty, 'Qty', split));
    const sku = values.sku;
    if (typeof sku !== 'string') return;
    const pieces = values.qty;
    let unit = this.formatUnit(row) ?? converted.qtyUnit;
    const other = converted.qtyAlternate;
    const disagreement = unit === undefined ? null : this.otherUnitBeside(row, unit, other?.unit);
    if (disagreement) {
      issues.push(this.issue(row, this.mapping.qty, 'Qty', disagreement));
      return;
    }
    // A quantity in two units (10 Box = 120 Nos) is read in the one its product is counted in.
    if (other && unit !== undefined && !this.units.fits(sku, unit) && this.units.fits(sku, other.unit)) {
      // The sign the line's type gave its quantity (a credit note's), kept.
      values.qty = typeof values.qty === 'number' && values.qty < 0 ? -Math.abs(other.qty) : other.qty;
      unit = other.unit;
    }
    const reread = unit !== undefined && this.checkUnit(values, sku, unit, row, issues);
    if (converted.cases === undefined) return;
    const problem = reread ? this.casesOfCaseUnit(sku, pieces) : this.addCases(values, sku, converted.cases);
    if (problem) issues.push(this.issue(row, this.decisions.casesColumn, 'Cases', problem));
  }

  /**
   * Why a line of whole cases beside fewer pieces cannot be read, where the first rows wrote every
   * line whole in both units (so the pieces were taken for each line's quantity): read so, its
   * cases would count for nothing. Null for any other line.
   */
  private unseenSplit(row: SourceRow): string | null {
    const { casesBeside: cases } = this.decisions;
    const qty = this.mapping.qty;
    if (cases === undefined || qty === undefined || !splitsCases(row.cells, cases, qty, this.decisions)) return null;
    const [inCases, inPieces] = [this.headers[cases], this.headers[qty]];
    return `the line has ${shown(row.cells[cases])} in "${inCases}" and ${shown(row.cells[qty])} in "${inPieces}": whole cases and the pieces beyond them, where the first rows wrote each line whole in both, so "${inPieces}" is not its quantity. Map a column of each line's whole quantity (--map qty=HEADER, or in the import dialog), or export the quantity in one unit`;
  }

  /**
   * The unit the quantity's number format writes after it (`""0" Nos"`, as Tally writes each
   * line's): Excel shows 12 Nos, and the line is read as one written so, its unit checked.
   */
  private formatUnit(row: SourceRow): string | undefined {
    const qty = this.mapping.qty;
    if (qty === undefined || typeof row.cells[qty] !== 'number') return undefined;
    return row.formatted?.find((shown) => shown.column === qty)?.unit;
  }

  /**
   * The unit shown beside the quantity where its cell writes none: its format's, or its own
   * column's (`2` beside `Box`).
   */
  private unitBeside(row: SourceRow): string | undefined {
    const written = row.cells[this.mapping.qty ?? -1];
    const bare = typeof written === 'number' || (typeof written === 'string' && /\d$/.test(written.trim()));
    return this.formatUnit(row) ?? (bare ? (columnUnit(this.mapping, row.cells) ?? undefined) : undefined);
  }

  /**
   * Why a quantity that writes its unit (`3 Pcs`, or a format's `3 Nos`; `1 Box = 12 Pcs` its
   * two) cannot be read where its unit's column gives another (`Box`): which of them the number
   * counts is not for the import to guess. Null where they agree or the column gives none.
   */
  private otherUnitBeside(row: SourceRow, unit: string, alternate?: string): string | null {
    const beside = columnUnit(this.mapping, row.cells);
    if (beside === null || [unit, alternate].some((u) => u !== undefined && QuantityUnits.same(u, beside))) return null;
    const written = alternate === undefined ? unit : `${unit} and ${alternate}`;
    return `the quantity is written in ${written}, and "${this.headers[this.mapping.qty_unit as number]}" gives the line ${beside}: which unit it counts cannot be told. Export the quantity and its unit alike`;
  }

  /** A problem of the row's cell in `column` (`label` where the file has none). */
  private issue(row: SourceRow, column: number | undefined, label: string, message: string): ImportIssue {
    // A quantity as the file shows it: with the unit its format or its unit's column writes.
    const unit = column === this.mapping.qty ? this.unitBeside(row) : undefined;
    const value = shown(row.cells[column ?? -1]);
    return {
      row: row.number,
      column: this.headers[column ?? -1] ?? label,
      value: unit ? `${value} ${unit}` : value,
      message,
    };
  }

  /** Checks the line's unit; answers whether its quantity was read again from a column in its product's unit. */
  private checkUnit(
    values: Record<string, StoredValue>,
    sku: string,
    unit: string,
    row: SourceRow,
    issues: ImportIssue[],
  ): boolean {
    const { units } = this;
    let problem = units.check(sku, unit, row.number);
    const inUnit = problem ? this.inOtherUnits.find((other) => units.fits(sku, other.unit)) : undefined;
    let reread = false;
    if (inUnit) {
      const again = convertRow(
        'sales',
        inUnit.mapping,
        row.cells,
        inUnit.decisions,
        this.defaults,
        row.ledger,
        row.bill,
      );
      if (again.problems.length === 0 && typeof again.values.qty === 'number') {
        values.qty = again.values.qty;
        problem = units.check(sku, inUnit.unit, row.number);
        inUnit.lines++;
        reread = true;
      }
    }
    const inCases = problem ? this.casesInMasterUnit(sku, unit, values.qty) : null;
    if (typeof inCases === 'string') problem = inCases;
    else if (inCases !== null) {
      values.qty = inCases;
      problem = null;
      this.casesRead.lines++;
      this.casesRead.unit ||= unit;
    }
    if (problem) issues.push(this.issue(row, this.mapping.qty, 'Qty', problem));
    return reread;
  }

  /**
   * A quantity in cases (a box, a carton: SAP billing a material in CS) of a product the products
   * master counts in another unit and gives units per case for: the quantity in the master's
   * unit, the cases × the units per case. Null where the master does not say so; why not, where
   * that is too many to count exactly.
   */
  private casesInMasterUnit(sku: string, unit: string, qty: StoredValue | undefined): number | string | null {
    const uom = this.units.masterUnit(sku);
    if (typeof qty !== 'number' || uom === undefined || !QuantityUnits.isCase(unit) || QuantityUnits.isCase(uom))
      return null;
    const perCase = this.perCase().get(sku);
    return perCase === undefined ? null : inPieces(qty, perCase, sku);
  }

  /** Each product's units per case, from the products master, read once where a line asks. */
  private perCase(): Map<string, number> {
    if (this.caseUnits === null) {
      const rows = this.db.prepare('SELECT sku, case_units FROM products WHERE case_units > 0').raw().all();
      this.caseUnits = new Map(rows as [string, number][]);
    }
    return this.caseUnits;
  }

  /** Adds the line's whole cases (thousandths) to its pieces by its product's units per case, or says why not. */
  private addCases(values: Record<string, StoredValue>, sku: string, cases: number): string | null {
    const perCase = this.perCase().get(sku);
    if (perCase === undefined)
      return `the products master gives no units per case for ${sku}, so the line's cases cannot be added to its pieces`;
    const pieces = inPieces(cases, perCase, sku);
    if (typeof pieces === 'string') return pieces;
    const total = (typeof values.qty === 'number' ? values.qty : 0) + pieces;
    if (!Number.isSafeInteger(total)) return tooMany(sku);
    values.qty = total;
    return null;
  }

  /** A product counted in cases, read from the cases column: refused where the line has loose pieces beside them. */
  private casesOfCaseUnit(sku: string, pieces: StoredValue | undefined): string | null {
    return typeof pieces === 'number' && pieces !== 0
      ? `the products master counts ${sku} in cases, and the line has loose pieces beside its cases: give its quantity in cases`
      : null;
  }

  /** How the quantities' units were read, where the file writes any. */
  decision(): { field: string; decision: string } | null {
    const { units, decisions } = this;
    if (units.written.size === 0) return null;
    const others = this.inOtherUnits
      .filter((other) => other.lines > 0)
      .map(
        (other) =>
          `; ${other.lines === 1 ? '1 line of a product' : `${other.lines} lines of products`} counted in ${other.unit} ${other.lines === 1 ? 'is' : 'are'} read from "${other.header}"`,
      )
      .join('');
    const written = [...units.written].slice(0, 5).join(', ');
    const column = this.mapping.qty_unit;
    const { lines, unit } = this.casesRead;
    const cases =
      lines === 0
        ? ''
        : `; ${lines === 1 ? '1 line' : `${lines} lines`} in ${unit} of products the products master counts in another unit ${lines === 1 ? 'is' : 'are'} read in that unit, by the product's units per case (products master)`;
    return {
      field: 'qty',
      decision:
        column !== undefined
          ? `Each line's quantity is in the unit "${this.headers[column]}" gives it (${written}): a product keeps one unit, the products master's where it gives one, and a line in another is refused${cases}`
          : decisions.qtyUnit
            ? `Quantities are in ${decisions.qtyUnit}, as the header "${this.headers[this.mapping.qty as number]}" says${others}${cases}: a product the products master counts in another unit is refused`
            : `Quantities are written with their unit (${written}): the number is read, and each product keeps one unit${cases}`,
    };
  }
}
