import { chargeColumns, chargePartColumns } from './charges';
import { discountColumns, discountPartColumns, type Mapping, percentHeader } from './mapping';
import type { Cell } from './readers/types';
import { amountIn, blank, convertRow, type Decisions, sumIn } from './row-values';
import { namesSalesLedger } from './sales-ledger';

type Rows = readonly (readonly Cell[])[];

/** Words of a header of a column no ledger's amount is in: a quantity, a rate, a price. */
const notAnAmount = /\b(qty|quantity|rate|price|units?|nos|pcs|weight|days?)\b/i;

/** The most columns whose every combination is tried against a bill's rest; beyond, one or two at a time. */
const ALL_COMBINATIONS_UP_TO = 10;

/** A set of columns no field took, each with its amount on each bill read. */
type Columns = { column: number; amounts: number[] }[];

/**
 * A register of one line per bill with its Gross Total (Tally's columnar Sales Register) writes a
 * column for each ledger its bills post to: its sales ledgers ("Sales @ 18%"), its tax ledgers,
 * and others no rule names — TCS collected on the bill, a recovery of expenses, a claim settled
 * against it under a ledger of the user's own naming. Where the net was worked out from the Gross
 * Total, such a column stayed inside it, and a scheme on net sales paid on it; beside a `Value`
 * column read as the net, it kept the bill's value before discount from being found (so the
 * discount counted as sales), and the bill for early payment lacked it. Where the sales are told
 * (a column naming a sales ledger, the bill's value before discount, or the net's own column),
 * the other ledgers are the columns that make up, on every bill read, to the paisa, what the Gross
 * Total holds beyond its sales less discount, tax, round-off and charges: the one set of columns
 * no field took that does. A net column is tried both as the value before the discount and as
 * the net; as the value before the discount no column at all may be needed (a `Value` beside a
 * `Trade Discount` ledger, the bill's total the value less the discount plus the tax). A column of amounts the bill adds is read as a part of its other charges; one it takes
 * off (written with the sign opposite to the bill's), as a part of its discount, and then a net
 * column is the value before discount. Where several sets would do, or none, nothing changes, and
 * where the sales were a sales ledger's or the value before discount a note says on how many bills
 * the net holds more. Changes `mapping`.
 */
export function otherLedgerColumns(
  mapping: Mapping,
  headers: readonly string[],
  rows: Rows,
  decisions: Decisions,
  defaults: Readonly<Record<string, Cell>>,
  proposed: (field: string) => boolean,
): { field: string; decision: string }[] {
  const total = mapping.gross_total;
  const value = mapping.net_value;
  if (total === undefined || !proposed('gross_total') || (value !== undefined && !proposed('net_value'))) return [];
  if (mapping.sku !== undefined || mapping.gst_type !== undefined) return [];
  if (mapping.debit_amount !== undefined || mapping.credit_amount !== undefined) return [];
  if (value !== undefined && mapping.gross_value !== undefined) return [];
  const taken = new Set(Object.values(mapping));
  const sales =
    value !== undefined
      ? [value]
      : mapping.gross_value !== undefined
        ? [mapping.gross_value]
        : headers.map((_, c) => c).filter((c) => !taken.has(c) && namesSalesLedger(headers[c] ?? ''));
  if (sales.length === 0) return [];
  const off = discountColumns(mapping);
  // Each bill read: its sales, its discount, and what its total holds beyond its tax, round-off and charges.
  const bills = rows.flatMap((cells) => {
    const whole = amountIn(cells, total, decisions);
    const { values, problems } = convertRow('sales', mapping, cells, decisions, defaults);
    if (whole === null || whole === 0 || problems.length > 0) return [];
    const added = [values.tax, values.round_off, values.charges].reduce<number>(
      (sum, v) => sum + (typeof v === 'number' ? v : 0),
      0,
    );
    const sold = Math.abs(sumIn(cells, sales, decisions));
    return [
      { cells, sign: Math.sign(whole), sold, discount: Math.abs(sumIn(cells, off, decisions)), beyond: whole - added },
    ];
  });
  // The sales less the discount (a value before it; a sales ledger's beside a discount ledger's)
  // and, for the net's own column, as written.
  const discounted = bills.some((b) => b.discount !== 0);
  const readings = value === undefined ? [true] : discounted ? [true, false] : [false];
  const rests = (lessDiscount: boolean) =>
    bills.map((b) => b.beyond - b.sign * (b.sold - (lessDiscount ? b.discount : 0)));
  if (rests(value === undefined).every((rest) => rest === 0)) return [];
  // Each column no field took, with its amount on each bill (a blank is none), where all are amounts.
  const candidates: Columns = headers.flatMap((header, column) => {
    if (taken.has(column) || namesSalesLedger(header) || percentHeader(header) || notAnAmount.test(header)) return [];
    const amounts = bills.map((b) => (blank(b.cells[column]) ? 0 : amountIn(b.cells, column, decisions)));
    if (amounts.some((a) => a === null) || amounts.every((a) => a === 0)) return [];
    return [{ column, amounts: amounts as number[] }];
  });
  // No column at all, too: a net column that is the value before the discount, and nothing else.
  const sets = [[], ...combinations(candidates)];
  const fits = readings.flatMap((lessDiscount) => {
    const rest = rests(lessDiscount);
    return sets
      .filter((set) => rest.every((r, at) => set.reduce((sum, c) => sum + (c.amounts[at] as number), 0) === r))
      .map((set) => ({ lessDiscount, set }));
  });
  const salesNamed = (lessDiscount: boolean) =>
    `${sales.map((c) => `"${headers[c]}"`).join(' + ')}${lessDiscount && off.length > 0 ? ' less the discount' : ''}`;
  const totalNamed = `"${headers[total]}"`;
  // What the total holds besides the sales, as the mapping reads it.
  const besides = [
    'the tax',
    ...(mapping.round_off !== undefined || mapping.adjustment !== undefined ? ['the round-off'] : []),
    ...(chargeColumns(mapping).length > 0 ? ['the other charges'] : []),
  ];
  if (fits.length !== 1) {
    if (value !== undefined) return [];
    const left = rests(true).filter((rest) => rest !== 0).length;
    return [
      {
        field: 'net_value',
        decision: `On ${left} of ${bills.length} bills read, ${totalNamed} is not ${salesNamed(true)} plus ${inWords(besides)}, and ${fits.length === 0 ? 'no column' : 'more than one set of columns'} makes up the difference: the net value is ${totalNamed} less ${inWords(besides)}, the difference included`,
      },
    ];
  }
  const [{ lessDiscount, set }] = fits as [{ lessDiscount: boolean; set: Columns }];
  let before = value !== undefined && lessDiscount;
  const read = set.map(({ column, amounts }) => {
    // Written with the sign opposite to the bill's wherever it is not nothing: the bill takes it off.
    const takenOff = amounts.every((a, at) => a === 0 || Math.sign(a) === -(bills[at]?.sign ?? 0));
    (takenOff ? discountPartColumns : chargePartColumns).add(mapping, column);
    if (takenOff && value !== undefined) before = true;
    return `"${headers[column]}" is read as ${takenOff ? 'a discount (taken off the bill)' : 'other charges (part of the bill, not of the net value)'}`;
  });
  const ledgers = set.map(({ column }) => `"${headers[column]}"`);
  const holds = `on every bill read ${totalNamed} is ${salesNamed(lessDiscount)} plus ${inWords([...besides, ...(set.length === 0 ? [] : [set.length === 1 ? 'it' : 'them'])])}, to the paisa`;
  if (before && value !== undefined) {
    delete mapping.net_value;
    mapping.gross_value = value;
    const less = chargeColumns(mapping).length > 0 ? [...new Set([...besides, 'the other charges'])] : besides;
    read.push(`the net value is ${totalNamed} less ${inWords(less)}, and "${headers[value]}" the gross value`);
  }
  return [
    {
      field: 'net_value',
      decision:
        set.length === 0
          ? `"${headers[value ?? -1]}" is each bill's value before its discount: ${holds}, so ${inWords(read)}`
          : `${inWords(ledgers)} ${set.length === 1 ? 'is a ledger' : 'are ledgers'} of the bills, neither their sales nor their tax: ${holds}, so ${inWords(read)}`,
    },
  ];
}

/** Words listed as a sentence lists them: "a", "a and b", "a, b and c". */
const inWords = (words: readonly string[]): string =>
  words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;

/** Every non-empty set of the columns, or, of too many, those of one or two. */
function combinations<T>(columns: readonly T[]): T[][] {
  if (columns.length > ALL_COMBINATIONS_UP_TO)
    return columns.flatMap((a, i) => [[a], ...columns.slice(i + 1).map((b) => [a, b])]);
  const sets: T[][] = [];
  for (let bits = 1; bits < 1 << columns.length; bits++) sets.push(columns.filter((_, i) => (bits & (1 << i)) !== 0));
  return sets;
}
