/**
 * A field a file gives in several columns is mapped under numbered keys of one prefix, a key per
 * column: a quantity's further units (qty_in_unit_1 for "Qty (Cases)" beside "Qty (PCS)"), a
 * target sheet's months (month_1 for "Oct-26", month_2 for "Nov-26" …) and measures (measure_1
 * for "Target Qty" beside "Target Value"), a sale's discounts
 * (discount_part_1 for "Sch Disc", discount_part_2 for "Trade Disc" …) and its charges
 * (charge_part_1 for "Freight", charge_part_2 for "Packing Charges" …).
 */
export const QTY_IN_UNIT = 'qty_in_unit_';
export const MONTH_COLUMN = 'month_';
/** A target sheet's target of a measure of its own ("Target Qty" beside "Target Value"). */
export const MEASURE_COLUMN = 'measure_';
/** A discount a file spreads over columns of its own (a DMS's Sch Disc, Trade Disc, CD Amt). */
export const DISCOUNT_PART = 'discount_part_';
/** A charge a bill adds besides its tax in a column of its own (a register's Freight, Packing, Insurance). */
export const CHARGE_PART = 'charge_part_';

/** Sets the next numbered key of a prefix to a column. */
export function addNumbered(mapping: Record<string, number>, prefix: string, column: number): void {
  let n = 1;
  while (mapping[`${prefix}${n}`] !== undefined) n++;
  mapping[`${prefix}${n}`] = column;
}

/** A mapping's numbered keys of a prefix, each with its number and column, in the file's column order. */
export const numbered = (mapping: Readonly<Record<string, number>>, prefix: string) =>
  Object.entries(mapping)
    .filter(([key]) => key.startsWith(prefix))
    .map(([key, column]) => ({ key, n: key.slice(prefix.length), column }))
    .sort((a, b) => a.column - b.column);

/**
 * The columns of a field's numbered parts in a mapping (a sale's discounts, its charges), where no
 * column is the field itself, for summing. Asked for every row of an import: worked out once per
 * mapping: a part added after is added through `add`, which has them worked out again.
 */
export function partColumns(field: string, prefix: string) {
  const of = new WeakMap<Readonly<Record<string, number>>, number[]>();
  const columns = (mapping: Readonly<Record<string, number>>): number[] => {
    let parts = of.get(mapping);
    if (!parts) {
      parts = mapping[field] === undefined ? numbered(mapping, prefix).map((p) => p.column) : [];
      of.set(mapping, parts);
    }
    return parts;
  };
  /**
   * Adds a column to the field: as the field's own where it has none and no parts, else as one
   * more part (the field's own column, if it has one, becoming a part too).
   */
  const add = (mapping: Record<string, number>, column: number): void => {
    const whole = mapping[field];
    if (whole === undefined && numbered(mapping, prefix).length === 0) mapping[field] = column;
    else if (whole !== undefined) {
      delete mapping[field];
      addNumbered(mapping, prefix, whole);
      addNumbered(mapping, prefix, column);
    } else addNumbered(mapping, prefix, column);
    of.delete(mapping);
  };
  return Object.assign(columns, { add });
}
