import { scaledIntegerToString } from '../../engine/money';
import type { StoredValue } from '../datasets/insert';
import { countedGrouped } from '../format/numbers';
import { billsOf } from './bill-discount';
import { enoughToTell } from './bill-net';
import type { TaxSaid } from './bill-tax';
import { documentText } from './document-lines';
import { type Mapping, taxColumns } from './mapping';
import type { Cell } from './readers/types';
import { convertRow, type Decisions } from './row-values';

type Rows = readonly (readonly Cell[])[];

/** What shows a bill's tax written on each of its lines: a bill of the first rows, its tax and its lines. */
export interface TaxShown {
  doc: string;
  tax: number;
  lines: number;
}

/**
 * A bill's tax written the same on each of its lines (a register's `Tax Amount` of the bill beside
 * each line's `Taxable Value`), found by the first rows: of their bills whose lines' net values
 * differ — two at least, or one of three lines — each writes one tax, more than nothing, on each
 * line, which a tax worked out line by line at one rate never does. Read once a line, a bill of
 * three lines had its tax three times, and early payment read it as owing that much more. Answers
 * what shows it (a bill, its tax and its lines), or null.
 */
export function taxOfBillsColumn(
  mapping: Mapping,
  rows: Rows,
  d: Decisions,
  defaults: Readonly<Record<string, Cell>>,
): TaxShown | null {
  const docNo = mapping.doc_no;
  if (docNo === undefined || mapping.net_value === undefined || taxColumns(mapping).length === 0) return null;
  const read = (cells: readonly Cell[]) => convertRow('sales', mapping, cells, d, defaults).values;
  const differing = billsOf(rows, docNo)
    .map((lines) => lines.map(read))
    .filter((lines) => lines.some((v) => v.net_value !== lines[0]?.net_value));
  if (!enoughToTell(differing)) return null;
  const oneTax = (lines: Record<string, StoredValue>[]) =>
    typeof lines[0]?.tax === 'number' && lines[0].tax !== 0 && lines.every((v) => v.tax === lines[0]?.tax);
  if (!differing.every(oneTax)) return null;
  const first = differing[0] ?? [];
  return { doc: String(first[0]?.doc_no ?? ''), tax: first[0]?.tax as number, lines: first.length };
}

/** How a bill's tax written on each of its lines is read, as the import dialog and the import say it. */
export function taxOfBillsSentence(headers: readonly string[], mapping: Mapping, shown: TaxShown): string {
  const columns = taxColumns(mapping).map((c) => `"${headers[c]}"`);
  return `${columns.join(' + ')} ${columns.length === 1 ? 'is' : 'are'} each bill's tax, written the same on each of its lines, whose values differ (${shown.doc}: ${scaledIntegerToString(shown.tax, 2)} on each of its ${shown.lines} lines): kept on its first line only, as a round-off is, so a bill's tax counts once, not once a line`;
}

/**
 * The bills of an import whose tax each line writes again (taxOfBillsColumn), as their lines come:
 * a bill's first line keeps its tax and each later line writing the same keeps none, as a bill's
 * round-off is kept once; a later line writing another tax keeps it, and its bill is counted.
 */
export class TaxOfBills {
  /** What showed the first rows' bills to write it so (said with the count). */
  constructor(private readonly shown: TaxShown) {}

  private doc = '';
  private tax: StoredValue = null;
  /** What the current bill's later lines did: written its tax again (taken off), or another. */
  private current = { once: false, odd: false };
  private once = 0;
  private odd = 0;

  /** A row's values before they are stored: its tax taken off where its bill's first line wrote it already. */
  keepOnce(values: Record<string, StoredValue>): void {
    const doc = documentText(values);
    if (doc !== this.doc) {
      [this.doc, this.tax, this.current] = [doc, values.tax ?? null, { once: false, odd: false }];
      return;
    }
    if (values.tax !== this.tax) {
      if (!this.current.odd) this.odd++;
      this.current.odd = true;
    } else if (typeof values.tax === 'number') {
      values.tax = null;
      if (!this.current.once) this.once++;
      this.current.once = true;
    }
  }

  /** What the import says of the bills' tax (null: no bill of several lines), and a warning of those whose lines wrote others. */
  said(headers: readonly string[], mapping: Mapping): TaxSaid {
    const columns = taxColumns(mapping)
      .map((c) => `"${headers[c]}"`)
      .join(' + ');
    const odd = this.odd;
    return {
      decision:
        this.once === 0
          ? null
          : {
              field: 'tax',
              decision: `${taxOfBillsSentence(headers, mapping, this.shown)} (${countedGrouped(this.once, 'bill', 'bills')})`,
            },
      warning:
        odd === 0
          ? null
          : `On ${countedGrouped(odd, 'bill', 'bills')} ${columns} differs between the lines: each line keeps the tax it writes, but one writing its bill's first again keeps none; check ${odd === 1 ? "that bill's" : "those bills'"} tax`,
    };
  }
}
