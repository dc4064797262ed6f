import { chargePartColumns } from './charges';
import { discountColumns, discountPartColumns, type Mapping, percentHeader } from './mapping';
import type { Cell } from './readers/types';
import { amountIn, blank, convertRow, type Decisions, sumIn } from './row-values';

type Rows = readonly (readonly Cell[])[];

/** Words of a header that say a column with "sales" in it holds something else than a sales ledger's amount. */
const notASalesLedger =
  /\b(tax|order|person|persons|return|returns|qty|quantity|count|no|number|date|type|rep|team|target|unit|price|rate|uom|ledger\s*name|office|region|area|channel|group)\b/;

/**
 * Whether a header names a sales ledger, as a register writes a column for each ledger its bills
 * credit: "Sales", "Sales @ 18%", "Sales - GST 12%", "Local Sales 5%", "Interstate Sales", "Sales
 * A/c". Not a sales order, person, return, tax or quantity.
 */
export const namesSalesLedger = (header: string): boolean => {
  const h = header.toLowerCase();
  return /\bsales?\b/.test(h) && !notASalesLedger.test(h);
};

/** Words of a header of a column no ledger's amount is in: a quantity, a rate, a price. */
const notAnAmount = /\b(qty|quantity|rate|price|units?|nos|pcs|weight|days?)\b/i;

/** The most columns whose every combination is tried against a bill's rest; beyond, one or two at a time. */
const ALL_COMBINATIONS_UP_TO = 10;

/**
 * A register of one line per bill whose net is worked out from its Gross Total (less its tax,
 * round-off and charges) writes a column for each ledger its bills post to: its sales ledgers
 * ("Sales @ 18%"), its tax ledgers, and others no rule names — TCS collected on the bill, a
 * recovery of expenses, a cash discount under a ledger of the user's own naming. Such a column
 * stayed inside the net, so a scheme on net sales paid on it. Where the sales are told (a column
 * naming a sales ledger, or the bill's value before discount), the other ledgers are the columns
 * that make up, on every bill read, to the paisa, what the Gross Total holds beyond its sales less
 * discount, tax, round-off and charges: the one set of columns no field took that does. A column
 * of amounts the bill adds is read as a part of its other charges; one it takes off (written with
 * the sign opposite to the bill's), as a part of its discount. Where several sets would do, or
 * none, nothing changes and a note says what is left in the net. Changes `mapping`.
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
  if (total === undefined || !proposed('gross_total') || mapping.net_value !== undefined) return [];
  if (mapping.sku !== undefined || mapping.gst_type !== undefined) return [];
  if (mapping.debit_amount !== undefined || mapping.credit_amount !== undefined) return [];
  const taken = new Set(Object.values(mapping));
  const sales =
    mapping.gross_value !== undefined
      ? [mapping.gross_value]
      : headers.map((_, c) => c).filter((c) => !taken.has(c) && namesSalesLedger(headers[c] ?? ''));
  if (sales.length === 0) return [];
  const off = discountColumns(mapping);
  // Each bill read: what its net holds beyond its sales less its discount.
  const bills = rows.flatMap((cells) => {
    const whole = amountIn(cells, total, decisions);
    const { values, problems } = convertRow('sales', mapping, cells, decisions, defaults);
    if (whole === null || whole === 0 || problems.length > 0 || typeof values.net_value !== 'number') return [];
    const sign = Math.sign(whole);
    const net = sign * (Math.abs(sumIn(cells, sales, decisions)) - Math.abs(sumIn(cells, off, decisions)));
    return [{ cells, sign, rest: values.net_value - net }];
  });
  if (!bills.some((b) => b.rest !== 0)) return [];
  // Each column no field took, with its amount on each bill (a blank is none), where all are amounts.
  const candidates = headers.flatMap((header, column) => {
    if (taken.has(column) || sales.includes(column) || percentHeader(header) || notAnAmount.test(header)) return [];
    const amounts = bills.map((b) => (blank(b.cells[column]) ? 0 : amountIn(b.cells, column, decisions)));
    if (amounts.some((a) => a === null) || amounts.every((a) => a === 0)) return [];
    return [{ column, amounts: amounts as number[] }];
  });
  const fits = combinations(candidates).filter((set) =>
    bills.every((b, at) => set.reduce((sum, c) => sum + (c.amounts[at] as number), 0) === b.rest),
  );
  const salesNamed = `${sales.map((c) => `"${headers[c]}"`).join(' + ')}${off.length > 0 ? ' less the discount' : ''}`;
  const totalNamed = `"${headers[total]}"`;
  if (fits.length !== 1) {
    const left = bills.filter((b) => b.rest !== 0).length;
    return [
      {
        field: 'net_value',
        decision: `On ${left} of ${bills.length} bills read, ${totalNamed} is not ${salesNamed} plus the tax, round-off and charges, and ${fits.length === 0 ? 'no column' : 'more than one set of columns'} makes up the difference: the net value is ${totalNamed} less the tax, round-off and charges, the difference included`,
      },
    ];
  }
  const [set] = fits as [{ column: number; amounts: number[] }[]];
  const read = set.map(({ column, amounts }) => {
    // Written with the sign opposite to the bill's wherever it is not nothing: the bill takes it off.
    const takenOff = amounts.every((a, at) => a === 0 || Math.sign(a) === -(bills[at]?.sign ?? 0));
    (takenOff ? discountPartColumns : chargePartColumns).add(mapping, column);
    return `"${headers[column]}" is read as ${takenOff ? 'a discount (taken off the bill)' : 'other charges (part of the bill, not of the net value)'}`;
  });
  const named = set.map(({ column }) => `"${headers[column]}"`).join(' and ');
  return [
    {
      field: 'net_value',
      decision: `${named} ${set.length === 1 ? 'is a ledger' : 'are ledgers'} of the bills, neither their sales nor their tax: on every bill read ${totalNamed} is ${salesNamed} plus the tax, round-off and charges and ${set.length === 1 ? 'it' : 'them'}, to the paisa, so ${read.join(', ')}`,
    },
  ];
}

/** Every non-empty set of the columns, or, of too many, those of one or two. */
function combinations<T>(columns: readonly T[]): T[][] {
  if (columns.length > ALL_COMBINATIONS_UP_TO)
    return columns.flatMap((a, i) => [[a], ...columns.slice(i + 1).map((b) => [a, b])]);
  const sets: T[][] = [];
  for (let bits = 1; bits < 1 << columns.length; bits++) sets.push(columns.filter((_, i) => (bits & (1 << i)) !== 0));
  return sets;
}
