import type Database from 'better-sqlite3';
import type { StoredValue } from '../datasets/insert';
import type { ImportIssue } from './importer';
import type { Mapping } from './mapping';
import { QuantityUnits } from './quantity-units';
import type { Cell, SourceRow } from './readers/types';
import { convertRow, type Decisions, shown } from './row-values';

/**
 * A sales line's quantity against the unit its product is counted in: a product the products
 * master counts in another unit is read from the file's column in that unit where it has one
 * ("Qty (Cases)"), and refused where it has none.
 */
export class SaleQuantities {
  private readonly units: QuantityUnits;
  /** The readings of a row's quantity from its columns in further units. */
  private readonly inOtherUnits;

  constructor(
    db: Database.Database,
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
   * Checks the line's quantity, read in `unit`: reads it again from a column in its product's unit,
   * or adds the problem to `issues`.
   */
  check(values: Record<string, StoredValue>, unit: string | undefined, row: SourceRow, issues: ImportIssue[]): void {
    const { units } = this;
    const sku = values.sku;
    if (unit === undefined || typeof sku !== 'string') return;
    let problem = units.check(sku, unit, row.number);
    const inUnit = problem ? this.inOtherUnits.find((other) => units.fits(sku, other.unit)) : undefined;
    if (inUnit) {
      const again = convertRow('sales', inUnit.mapping, row.cells, inUnit.decisions, this.defaults, row.ledger);
      if (again.problems.length === 0 && typeof again.values.qty === 'number') {
        values.qty = again.values.qty;
        problem = units.check(sku, inUnit.unit, row.number);
        inUnit.lines++;
      }
    }
    if (problem)
      issues.push({
        row: row.number,
        column: this.headers[this.mapping.qty ?? -1] ?? 'Qty',
        value: shown(row.cells[this.mapping.qty ?? -1]),
        message: problem,
      });
  }

  /** How the quantities' units were read, where the file writes any. */
  decision(): { field: string; decision: string } | null {
    const { units, decisions } = this;
    if (units.written.size === 0) return null;
    const others = this.inOtherUnits
      .filter((other) => other.lines > 0)
      .map((other) => `; ${other.lines} lines of products counted in ${other.unit} are read from "${other.header}"`)
      .join('');
    return {
      field: 'qty',
      decision: decisions.qtyUnit
        ? `Quantities are in ${decisions.qtyUnit}, as the header "${this.headers[this.mapping.qty as number]}" says${others}: a product the products master counts in another unit is refused`
        : `Quantities are written with their unit (${[...units.written].slice(0, 5).join(', ')}): the number is read, and each product keeps one unit`,
    };
  }
}
