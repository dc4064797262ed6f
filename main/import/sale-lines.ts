import type { StoredValue } from '../datasets/insert';
import { counted } from '../format/numbers';
import { classifyDocType } from './doc-types';
import { mostlyNegative, turnSigns } from './journal-signs';
import { notItemised } from './kind-rules';
import type { Mapping } from './mapping';
import { creditSeriesOf, type NumberSeries } from './number-series';
import type { Cell } from './readers/types';
import { blank, type FieldProblem, shown } from './row-values';
import type { TypeReadings } from './type-readings';

type Decision = { field: string; decision: string };

/** A sale's status saying its goods came back or never reached the buyer: "Returned", "Rejected", "Undelivered". */
const goodsBack =
  /^((fully|goods|sales) )?returned$|^rejected$|^(un|not |non[- ]?)delivered$|^delivery (failed|rejected)$/i;

/**
 * How a sales line's type and signs are read once its cells are converted: a type column's
 * reading (and a journal's signs turned), a return an invoice-type voucher makes by crediting its
 * party, a negative line refused as an invoice, a charge without an item booked as not itemised.
 * Counts what it read so, for the decisions and warnings the import ends with.
 */
export class SaleLines {
  /** Lines whose sign decides their type (no type column), and those of them that are negative. */
  private signed = 0;
  private negativeAsCredit = 0;
  private creditedParty = 0;
  /**
   * Lines with no type and a positive amount whose document is numbered as a credit note's, by
   * the series of their numbers ("RINV/*"), with the first number of each.
   */
  private readonly creditNumbered = new Map<string, { lines: number; first: string }>();
  private noItem = 0;
  private valueOnly = 0;
  /** Lines whose status says the goods came back (goodsBack), with the first such status; and the credit notes read. */
  private goodsBack = 0;
  private goodsBackStatus = '';
  private credits = 0;
  private readonly typeColumn: number | undefined;
  /** Every row is an invoice by the value given for the document type, where the file gives none. */
  private readonly givenInvoice: boolean;

  constructor(
    private readonly mapping: Mapping,
    private readonly defaults: Readonly<Record<string, Cell>>,
    private readonly typeReadings: TypeReadings,
    private readonly signs: { amounts: boolean; qty: boolean },
    /** Amounts from a Debit / Credit pair say which side the party is on. */
    private readonly bySide: boolean,
    /** What the type map says of documents by their numbers, for lines the file gives no type. */
    private readonly series: NumberSeries,
  ) {
    this.typeColumn = mapping.doc_type;
    this.givenInvoice = defaults.doc_type !== undefined && classifyDocType(String(defaults.doc_type))?.as === 'invoice';
  }

  /**
   * A line of a document that sells nothing, with no item, quantity or amount (Business
   * Central's comment line, a note written under an invoice's items): no sale and no error.
   */
  isTextLine(cells: readonly Cell[], values: Record<string, StoredValue>, problems: readonly FieldProblem[]): boolean {
    return (
      this.mapping.sku !== undefined &&
      blank(cells[this.mapping.sku]) &&
      typeof values.doc_no === 'string' &&
      problems.length === 0 &&
      [values.qty, values.net_value, values.gross_value, values.tax].every((v) => v === null || v === undefined)
    );
  }

  /** Whether the file gives the line's type: in its type column, or by a return flag. */
  private typed(cells: readonly Cell[]): boolean {
    return (this.typeColumn !== undefined && !blank(cells[this.typeColumn])) || this.mapping.return_flag !== undefined;
  }

  /** Whether the line's document is one the type map skips by its number ("RINV/*=skip"): the skip's reason, counted, or null. */
  skippedByNumber(cells: readonly Cell[]): string | null {
    const match = this.typed(cells) ? null : this.series.match(cells[this.mapping.doc_no ?? -1]);
    if (match?.as !== 'skip') return null;
    this.series.tally(match);
    return `type:numbered ${match.pattern}`;
  }

  /** Reads the line's type and signs into `values`; a sign that cannot be right goes to `problems`. */
  read(cells: readonly Cell[], values: Record<string, StoredValue>, problems: FieldProblem[]): void {
    const { mapping, typeColumn } = this;
    let markedInvoice = false;
    // The type the type map gives the line's document by its number, where the file gives none.
    const numbered = this.typed(cells) ? null : this.series.match(cells[mapping.doc_no ?? -1]);
    if (typeColumn !== undefined && !blank(cells[typeColumn])) {
      const as = this.typeReadings.readAs(String(cells[typeColumn]).trim());
      if (as === 'invoice' || as === 'credit_note') values.doc_type = as;
      markedInvoice = as === 'invoice';
      turnSigns(values, this.signs);
    } else if (numbered && numbered.as !== 'skip') {
      this.series.tally(numbered);
      values.doc_type = numbered.as;
      markedInvoice = numbered.as === 'invoice';
    }
    // An invoice-type voucher that credits its party is a return: the side of the ledger says
    // so, not a sign that may be wrong (ERPNext writes a sales return as a Sales Invoice).
    if (markedInvoice && this.bySide && typeof values.net_value === 'number' && values.net_value < 0) {
      values.doc_type = 'credit_note';
      markedInvoice = false;
      this.creditedParty++;
    }
    const status = mapping.status === undefined ? null : cells[mapping.status];
    if (typeof status === 'string' && goodsBack.test(status.trim())) {
      this.goodsBack++;
      this.goodsBackStatus ||= status.trim();
    }
    if (values.doc_type === 'credit_note' || (typeof values.net_value === 'number' && values.net_value < 0))
      this.credits++;
    // A document against itself (ERPNext's ledger writes an invoice's own number so) is against none.
    if (values.against_doc_no != null && values.against_doc_no === values.doc_no) values.against_doc_no = null;
    if (
      typeColumn === undefined &&
      !numbered &&
      mapping.return_flag === undefined &&
      this.defaults.doc_type === undefined &&
      typeof values.net_value === 'number' &&
      values.net_value !== 0
    ) {
      this.signed++;
      if (values.net_value < 0) this.negativeAsCredit++;
      else {
        const series = typeof values.doc_no === 'string' ? creditSeriesOf(values.doc_no) : null;
        if (series !== null) {
          const seen = this.creditNumbered.get(series);
          if (seen) seen.lines++;
          else this.creditNumbered.set(series, { lines: 1, first: values.doc_no as string });
        }
      }
    }
    // A line read as an invoice whose amount or quantity is negative is refused, never turned
    // positive: where the file marks it so, or the value given for every row does (a return of
    // 2 had counted as 2 more sold), and where its own positive amount makes it a sale beside a
    // negative quantity.
    const given = this.givenInvoice && !numbered && (typeColumn === undefined || blank(cells[typeColumn]));
    const invoice = values.doc_type === 'invoice' || given;
    const negative = invoice
      ? (['net_value', 'qty'] as const).find((f) => typeof values[f] === 'number' && (values[f] as number) < 0)
      : undefined;
    const marked = markedInvoice || given;
    const signsDisagree = negative === 'qty' && typeof values.net_value === 'number' && values.net_value > 0;
    if (negative && (marked || signsDisagree))
      problems.push({
        field: negative,
        column: mapping[negative] ?? null,
        value: shown(cells[mapping[negative] ?? -1]),
        message: marked
          ? 'a negative amount on a line marked as an invoice (make it a credit note, or correct the sign)'
          : 'a negative quantity beside a positive amount: the signs disagree (a return has both negative, a sale both positive); correct the sign, or give the document type',
      });
    // A credit note of a value without a quantity: a rate difference or a discount on an item, a
    // scheme's credit without one. Its value counts, no unit. (An invoice's line without a quantity
    // stays a problem: it may be a voucher's heading whose item lines are missing.)
    if (
      mapping.qty !== undefined &&
      blank(cells[mapping.qty]) &&
      typeof values.net_value === 'number' &&
      values.net_value !== 0 &&
      values.doc_type === 'credit_note'
    ) {
      values.qty = 0;
      this.valueOnly++;
    }
    // A line with a value but no item (a charge, a freight line) in a file of items: booked as not itemised.
    if (
      mapping.sku !== undefined &&
      blank(cells[mapping.sku]) &&
      typeof values.net_value === 'number' &&
      typeof values.qty === 'number'
    ) {
      values.sku = notItemised.sku;
      this.noItem++;
    }
  }

  /** The decisions on lines booked as not itemised and on lines of a value without a quantity, if any. */
  valueLineDecisions(): Decision[] {
    const decisions: Decision[] = [];
    if (this.noItem > 0)
      decisions.push({
        field: 'sku',
        decision: `${counted(this.noItem, 'line has', 'lines have')} a value but no item: each is booked to the product ${notItemised.sku}`,
      });
    if (this.valueOnly > 0)
      decisions.push({
        field: 'qty',
        decision: `${counted(this.valueOnly, 'credit note line has', 'credit note lines have')} a value and no quantity (a rate difference, a discount): each counts its value, at quantity 0`,
      });
    return decisions;
  }

  /** What the signs made of the lines' types: decisions, and warnings of a file mostly negative or of credit notes read as sales. */
  signNotes(): { decisions: Decision[]; warnings: string[] } {
    const decisions: Decision[] = [];
    const warnings: string[] = [];
    if (this.negativeAsCredit > 0)
      decisions.push({
        field: 'doc_type',
        decision: `${counted(this.negativeAsCredit, 'line with a negative amount is a credit note', 'lines with a negative amount are credit notes')}: the file has no document type, so the sign says so`,
      });
    // A journal books revenue as a credit: more returns than sales is no sales register's.
    const mostly = mostlyNegative(this.negativeAsCredit, this.signed);
    if (mostly) warnings.push(mostly);
    // Odoo's lines of a refund are positive, as its invoices' are: only its Type column tells them apart.
    for (const [series, { lines, first }] of this.creditNumbered) {
      const [it, is, credit, numbers] =
        lines === 1
          ? ['it', 'has', 'a credit note (a return)', 'its number']
          : ['they', 'have', 'credit notes (returns)', 'their numbers'];
      warnings.push(
        `${counted(lines, 'line', 'lines')} of documents numbered as credit notes ("${first}") ${is} a positive amount and the file gives no document type, so ${it} ${it === 'it' ? 'is' : 'are'} read as sales: if ${it} ${it === 'it' ? 'is' : 'are'} ${credit}, say so by ${numbers} (--type-map "${series}=credit_note", or in the import dialog), or export the file with its type column (Odoo's Type), before a run counts them as sales`,
      );
    }
    // A DMS marks a bill whose goods came back; its return is a credit note, which the file lacks.
    if (this.goodsBack > 0 && this.credits === 0) {
      const [it, has, is] = this.goodsBack === 1 ? ['it', 'has', 'is'] : ['they', 'have', 'are'];
      warnings.push(
        `${counted(this.goodsBack, 'line', 'lines')} ${has} a status saying the goods came back or never arrived ("${this.goodsBackStatus}"), and the file has no credit note: ${it} ${is} counted as sales, as a bill is until its credit note is imported. Import the credit notes for ${this.goodsBack === 1 ? 'it' : 'them'}, or leave ${this.goodsBack === 1 ? 'it' : 'them'} out of the file, before a run pays on ${this.goodsBack === 1 ? 'it' : 'them'}`,
      );
    }
    decisions.push(...this.series.decisions());
    if (this.creditedParty > 0)
      decisions.push({
        field: 'doc_type',
        decision: `${counted(this.creditedParty, 'line of an invoice type credits its party: it is a return, read as a credit note', 'lines of an invoice type credit their party: they are returns, read as credit notes')}`,
      });
    return { decisions, warnings };
  }
}
