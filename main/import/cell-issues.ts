import type { DatasetKind } from '../datasets/kinds';
import { unitWord } from './header-scale';
import type { ImportIssue } from './importer';
import { fieldLabel, fieldType, type Mapping } from './mapping';
import type { SourceRow } from './readers/types';
import { shown } from './row-values';

/**
 * The amounts that are each row's own: a line's quantity, value and tax, a bill's outstanding, a
 * receipt's part allocated to one bill, a distributor's target. A document's total, round-off or
 * discount, and a receipt's amount over the bills it pays, are the document's, which a merged
 * range over its rows writes once as it should.
 */
const rowAmounts: Partial<Record<DatasetKind, readonly string[]>> = {
  sales: [
    'qty',
    'gross_value',
    'discount',
    'net_value',
    'tax',
    'debit_amount',
    'credit_amount',
    'tax_cgst',
    'tax_sgst',
    'tax_utgst',
    'tax_igst',
    'tax_cess',
    'tax_gst',
    'with_tax',
    'returned_qty',
    'returned_value',
  ],
  receivables: ['amount', 'outstanding'],
  payments: ['allocated'],
  targets: ['value'],
};

/** What the import reads a row's cells as: its fields by column, the workspace's currency, the columns in a larger unit. */
export interface CellReading {
  kind: DatasetKind;
  mapping: Mapping;
  headers: readonly string[];
  currency: string;
  /** Columns whose header or the sheet's title states the power of ten they are in (5: lakhs). */
  scaled: Readonly<Record<number, number>> | undefined;
}

/**
 * A row's own amount in a range merged over several rows with lines of their own: Excel shows it
 * once, for those rows together, and filled into each it was counted once per row (a bill's 300
 * merged over its two lines made 600); kept on the range's first row alone, it was the whole bill's
 * on one line. Which part of it is any row's cannot be told, so every row of the range is refused.
 */
function mergedAmountIssues(row: SourceRow, { kind, mapping, headers }: CellReading): ImportIssue[] {
  const { mergedDown: fromAbove = [], mergedOver: overBelow = [] } = row;
  return (rowAmounts[kind] ?? []).flatMap((field) => {
    const column = mapping[field];
    const above = column !== undefined && fromAbove.includes(column);
    if (column === undefined || (!above && !overBelow.includes(column))) return [];
    const label = fieldLabel(kind, field);
    const value = shown(row.cells[column] ?? null);
    return [
      {
        row: row.number,
        column: headers[column] ?? label,
        value,
        message: `the cell is merged with the ${above ? 'row above it' : 'rows under it'}: Excel shows ${value} once, for the rows the merged cell spans together, and which part of it is this row's cannot be told. Unmerge the cells and give each row its own ${label.toLowerCase()}`,
      },
    ];
  });
}

/**
 * A row's amounts whose cells' number format writes them in another currency than the
 * workspace's: Excel shows 1234.5 formatted `[$$-409]#,##0.00` as $1,234.50, and the number alone,
 * read as rupees, was as many rupees. Refused as an amount written "$1,234.50" is: never read as
 * the workspace's currency. (A format of the workspace's own currency, ₹ or Rs., is none.)
 */
function currencyFormatIssues(row: SourceRow, { kind, mapping, headers, currency }: CellReading): ImportIssue[] {
  const marked = row.formatted;
  if (!marked) return [];
  const issues: ImportIssue[] = [];
  for (const { column, currency: written } of marked) {
    if (written === undefined || written === currency) continue;
    const money = Object.entries(mapping).some(([field, c]) => c === column && fieldType(kind, field) === 'money');
    if (!money) continue;
    const value = shown(row.cells[column] ?? null);
    issues.push({
      row: row.number,
      column: headers[column] ?? `column ${column + 1}`,
      value,
      message: `the cell's number format shows the amount in ${written} (Excel shows ${value} with its ${written} mark), not the workspace's currency (${currency}): convert the amount first; if it is in ${currency} and only formatted so, format the column as a plain number`,
    });
  }
  return issues;
}

/**
 * A number its format shows in one unit under a header (or title) stating another: under
 * "Target (₹ in Lakhs)", 1234567 formatted `#,##0,` shows 1,235, which the header reads as 1,235
 * lakhs, while the number is 12.3 lakhs in rupees. Which one is meant cannot be told, and each
 * reading is a hundred times the other: refused, never guessed. (A format in the header's own
 * unit is read as Excel shows it: readShownUnits.)
 */
function unitFormatIssues(row: SourceRow, { headers, scaled }: CellReading): ImportIssue[] {
  const issues: ImportIssue[] = [];
  for (const { column, power } of row.formatted ?? []) {
    const unit = scaled?.[column];
    const cell = row.cells[column];
    if (!power || !unit || unit === power || typeof cell !== 'number') continue;
    const value = shown(cell);
    const asShown = Math.round(cell / 10 ** power).toLocaleString('en-US');
    issues.push({
      row: row.number,
      column: headers[column] ?? `column ${column + 1}`,
      value,
      message: `the cell's number format shows it in ${unitWord(power)} (Excel shows ${value} as ${asShown}), but the column is in ${unitWord(unit)}, as its header or the sheet's title says: which unit the number is in cannot be told. Format the column as a plain number in ${unitWord(unit)}, or name the unit the format shows in the header`,
    });
  }
  return issues;
}

/**
 * A row whose cells the import reads Excel draws struck through: the mark of a line cancelled by
 * hand, or by a conditional format's rule (`=$H2="Y"`), which whoever reads the sheet passes over,
 * and the import had read as any other line (paying on a bill struck out). Refused once on the
 * row, naming the first such cell (and the rule): whether it counts, only the one who struck it knows.
 */
function struckIssues(row: SourceRow, { kind, mapping, headers }: CellReading): ImportIssue[] {
  const struck = row.struck;
  if (!struck) return [];
  const read = Object.entries(mapping).filter(([, column]) => column !== undefined && struck.includes(column));
  const first = read.sort((a, b) => (a[1] as number) - (b[1] as number))[0];
  if (!first) return [];
  const [field, column] = first as [string, number];
  const value = shown(row.cells[column] ?? null);
  const label = headers[column] || fieldLabel(kind, field);
  const rule = row.conditionallyStruck?.find((cell) => cell.column === column && !cell.may)?.rule;
  return [
    {
      row: row.number,
      column: label,
      value,
      message:
        rule === undefined
          ? `the row is struck through: Excel shows its ${label} ${value} crossed out, as a line cancelled by hand is marked. Delete the row if it is cancelled; if it counts, take the strikethrough off (Ctrl+5) and import again`
          : `the row is struck through: a conditional format crosses out its ${label} ${value} where ${rule}, as a cancelled line is marked. Delete the row if it is cancelled; if it counts, change what the rule looks at, or the rule, and import again`,
    },
  ];
}

/**
 * A formula cell the import reads whose saved number its formula does not give from the row
 * (`=E2*F2` saved as 999 beside 2 × 50.25): a program changed the file without working its
 * formulas out, or Excel was set to calculate by hand (F9) and saved before it did. Excel, working
 * it out, shows another amount than the one read: refused, never guessed.
 */
function formulaIssues(row: SourceRow, { mapping, headers }: CellReading): ImportIssue[] {
  const read = new Set(Object.values(mapping).filter((column) => typeof column === 'number'));
  return (row.formulaGives ?? [])
    .filter(({ column }) => read.has(column))
    .map(
      ({
        column,
        formula,
        gives,
        shows = typeof gives === 'string' ? gives : String(Number(gives.toPrecision(15))),
      }) => ({
        row: row.number,
        column: headers[column] ?? `column ${column + 1}`,
        value: shown(row.cells[column] ?? null),
        message: `the cell's formula ${formula} gives ${shows} from the row's cells, not the ${shown(row.cells[column] ?? null)} saved with it: the file was changed without its formulas being worked out again (or Excel calculates by hand), and Excel shows ${shows}. Open the file in Excel, press Ctrl+Alt+F9, save it and import again`,
      }),
    );
}

/**
 * What the reader said of a row's cells, judged by the field each is read as: an amount merged
 * with other rows', an amount its format shows in another currency, or in another unit
 * than its column's; cells struck through. Asked once per row.
 */
export function cellIssues(row: SourceRow, reading: CellReading): ImportIssue[] {
  if (!row.mergedDown && !row.mergedOver && !row.formatted && !row.struck && !row.formulaGives) return [];
  return [
    ...struckIssues(row, reading),
    ...formulaIssues(row, reading),
    ...mergedAmountIssues(row, reading),
    ...currencyFormatIssues(row, reading),
    ...unitFormatIssues(row, reading),
  ];
}
