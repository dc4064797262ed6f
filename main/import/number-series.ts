import { counted } from '../format/numbers';
import type { DocClass, TypeMap } from './doc-types';
import type { Mapping } from './mapping';
import type { Cell } from './readers/types';
import { blank } from './row-values';

/**
 * A document number of a series of credit notes: Odoo's RINV/2026/00003 (its refunds' own
 * series), Zoho's CN-00012, CRN/…, SRN-… (a sales return note), RET-… and RTN/… (a return).
 */
const creditSeries = /^(rinv|cn|crn|cdn|srn|crnote|creditnote|ret|rtn|sret|srtn)[\s/_.-]*(?=\d)/i;

/** The series a credit note's number belongs to, as a pattern of the type map ("RINV/*" for rinv/2026/3), or null. */
export function creditSeriesOf(docNo: string): string | null {
  const prefix = docNo.trim().match(creditSeries)?.[0];
  return prefix === undefined ? null : `${prefix.toUpperCase()}*`;
}

/**
 * A key of a type map that names documents by their numbers, not a type: it holds a `*` (any run
 * of characters) and is not the lone `*` that reads every other unknown type.
 */
export const isNumberPattern = (key: string) => key !== '*' && key.includes('*');

/**
 * Whether `text` is `pattern`, `*` any run of characters, both lower-cased: the wildcard match
 * that goes back only to the last `*`, so its time is at most the product of their lengths
 * whatever a file writes (a regular expression of several `.*` backtracks far more).
 */
function matchesPattern(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    if (p < pattern.length && pattern[p] !== '*' && pattern[p] === text[t]) {
      p++;
      t++;
    } else if (p < pattern.length && pattern[p] === '*') {
      star = p++;
      resume = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else return false;
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}

/** Why a type map's number patterns do not fit the dataset (only a sales file's documents are read by their numbers), or null. */
export function numberPatternsProblem(kind: string, map: TypeMap): string | null {
  const patterns = Object.keys(map).filter(isNumberPattern);
  if (patterns.length === 0 || kind === 'sales') return null;
  return `only a sales file's documents are read by their numbers, not a ${kind} file's (${patterns.map((p) => `"${p}=${map[p]}"`).join(', ')})`;
}

/**
 * What the type map says of documents by their numbers ("RINV/*=credit_note"), for the lines a
 * file gives no type: Odoo's export of invoice lines without its Type column writes a refund's
 * lines positive, as an invoice's, and only its number (RINV/…) tells it apart. A pattern is the
 * whole number, `*` any run of characters, compared without case; the first that matches reads
 * the line. Counts the lines each pattern read, for the decisions the import ends with.
 */
export class NumberSeries {
  private readonly patterns: NumberPattern[];

  constructor(map: TypeMap | undefined) {
    this.patterns = Object.entries(map ?? {})
      .filter(([key, as]) => isNumberPattern(key) && as !== 'receipt')
      .map(([pattern, as]) => ({ pattern, lower: pattern.trim().toLowerCase(), as: as as DocClass, lines: 0 }));
  }

  /** The pattern a document number matches, with how it reads the line, or null. */
  match(docNo: Cell | undefined): NumberPattern | null {
    if (this.patterns.length === 0 || blank(docNo)) return null;
    const text = String(docNo).trim().toLowerCase();
    return this.patterns.find((p) => matchesPattern(p.lower, text)) ?? null;
  }

  /** Counts a line a pattern read (once a line, whether it was skipped or kept). */
  tally(match: NumberPattern): void {
    match.lines++;
  }

  /** What each pattern read, said as a decision; and that a pattern matched no line, for a pattern mistyped. */
  decisions(): { field: string; decision: string }[] {
    const read = { invoice: 'invoices', credit_note: 'credit notes', skip: 'not sales (skipped)' } as const;
    const one = { invoice: 'an invoice', credit_note: 'a credit note', skip: 'no sale' } as const;
    return this.patterns
      .filter((p) => p.lines === 0 || p.as !== 'skip')
      .map((p) => ({
        field: 'doc_type',
        decision:
          p.lines === 0
            ? `no line the file gives no type is numbered ${p.pattern}, which the type map reads as ${read[p.as]}`
            : p.lines === 1
              ? `1 line of a document numbered ${p.pattern} is read as part of ${one[p.as]}, as the type map says (the file gives no type)`
              : `${counted(p.lines, 'line', 'lines')} of documents numbered ${p.pattern} are read as ${read[p.as]}, as the type map says (the file gives no type)`,
      }));
  }
}

/**
 * The series of numbers a sales file's untyped documents fall in, for the import dialog: those the
 * type map names, and those numbered as credit notes, each with its rows; null where the file
 * gives every line's type (a type column or a return flag) or no document number.
 */
export function numberedTypes(kind: string, mapping: Mapping, map: TypeMap | undefined) {
  if (kind !== 'sales' || mapping.return_flag !== undefined || mapping.doc_no === undefined) return null;
  const column = mapping.doc_no;
  const given = new NumberSeries(map);
  const rows = new Map<string, number>(
    Object.keys(map ?? {})
      .filter(isNumberPattern)
      .map((pattern) => [pattern, 0]),
  );
  return {
    /** Counts a row the file gives no type. */
    count(cells: readonly Cell[]): void {
      const docNo = cells[column];
      const series = given.match(docNo)?.pattern ?? (blank(docNo) ? null : creditSeriesOf(String(docNo)));
      if (series !== null) rows.set(series, (rows.get(series) ?? 0) + 1);
    },
    series: () => [...rows].map(([name, count]) => ({ name, rows: count, as: map?.[name] ?? null, why: 'number' })),
  };
}

type NumberPattern = { pattern: string; lower: string; as: DocClass; lines: number };
