import { amountsFromRows } from './amounts-from-rows';
import { keepTaxFromTotals } from './bill-tax';
import { classifyDocType, classifyVoucher, givenBackNamed, paymentNamed, readsPartySide } from './doc-types';
import { firstRowRules } from './first-rows';
import type { ImportPlan } from './import-plan';
import { journalSigns, receiptsAsCredits } from './journal-signs';
import { lineTotalToCheck, netBesideGrossToCheck } from './kind-rules';
import { leftAsProposed } from './locate';
import { type CaseMaster, casesBeside, looseQuantity } from './loose-quantity';
import type { Cell, SourceRow } from './readers/types';
import { ImportRefusedError, noColumnRefusal } from './refused';
import { blank, convertRow, type Decisions, decide } from './row-values';
import { yearlessNote } from './title-dates';

/**
 * How the file's values are read, decided from its first rows (the sample): GST types, net values
 * from prices, a discount column of rates, a register of credit notes, the order of day and month,
 * the decimal mark and scale, the columns that hold the amounts and quantities, and a journal's
 * signs. Changes the plan's mapping, values and notes as the rows show; refused, naming the file,
 * where the rows cannot be read one way.
 */
export function decideFromSample(
  plan: ImportPlan,
  sample: readonly SourceRow[],
  /** `cases`: what the products master says of reading a sales file of cases and pieces. */
  file: { fileName: string; currency: string; date1904: boolean; cases: CaseMaster | null },
): { decisions: Decisions; netFromRate: boolean; signs: ReturnType<typeof journalSigns> } {
  const { table, request, headers, mapping, defaults, notes } = plan;
  const { fileName, currency, date1904 } = file;
  const kind = request.kind;
  const cells = sample.map((r) => r.cells);
  // GST types, net values from prices, a discount column of rates, a register of credit notes:
  // as the first rows show them.
  const firstRows = firstRowRules(kind, mapping, headers, cells, {
    returnsNamedBy: table.returnsNamedBy,
    given: defaults.doc_type !== undefined,
    typeMap: request.typeMap,
  });
  if (firstRows.ratesIn !== undefined) delete mapping.discount;
  if (firstRows.allCreditNotes) defaults.doc_type = 'credit_note';
  notes.push(...firstRows.notes);
  if (kind === 'targets' && mapping.period !== undefined && mapping.period_from === undefined)
    notes.push({
      field: 'period_from',
      decision: `Each target's period is the month or quarter its "${headers[mapping.period]}" names, first day to last (Oct-26: 2026-10-01 to 2026-10-31; Q3 FY26-27: 2026-10-01 to 2026-12-31)`,
    });
  const { netFromRate, discountRate, revenueSide } = firstRows;
  let decisions: Decisions;
  try {
    decisions = decide(kind, mapping, cells, {
      date1904,
      headers,
      dateOrder: request.dateOrder,
      round: request.round,
      netFromRate,
      discountRate,
      revenueSide,
      defaults,
      currency,
      anyDates: request.anyDates,
      titlePower: table.titleScale?.power,
      titlePeriod: table.titlePeriod,
    });
  } catch (error) {
    throw new ImportRefusedError(`${fileName}: ${(error as Error).message}`);
  }
  const yearless = yearlessNote(kind, mapping, cells, table.titlePeriod);
  if (yearless) notes.push(yearless);
  // A column SchemeDesk chose, not one the user picked, may give way where the rows show it holds something else.
  const proposed = leftAsProposed(table, mapping, request.map);
  try {
    if (kind === 'sales') notes.push(...amountsFromRows(mapping, headers, cells, decisions, defaults, proposed));
  } catch (error) {
    // A refusal the rows gave names no file.
    throw error instanceof ImportRefusedError ? new ImportRefusedError(`${fileName}: ${error.message}`) : error;
  }
  keepTaxFromTotals(decisions, sample);
  const total = mapping.gross_total;
  if (kind === 'sales' && total !== undefined && lineTotalToCheck(mapping) && defaults.net_value === undefined)
    throw noColumnRefusal(fileName, table, [
      `Net value ("${headers[total]}" is no line's amount: ${mapping.gross_value === undefined ? 'each bill of several lines in the first rows writes one amount on each, as its total would be' : `on a line of the first rows it is not "${headers[mapping.gross_value]}" less the discount plus the tax`}, and a bill's total is never spread over its lines)`,
    ]);
  const gross = mapping.gross_value;
  if (kind === 'sales' && gross !== undefined && netBesideGrossToCheck(mapping) && defaults.net_value === undefined)
    throw noColumnRefusal(fileName, table, [
      `Net value ("${headers[gross]}" is read as the gross, and no column is, on every line of the first rows, it less the discount, or that plus the tax)`,
    ]);

  // Whole cases in one column and the pieces beyond them in another: neither is a line's quantity.
  const loose = file.cases && proposed('qty') ? looseQuantity(mapping, headers, cells, decisions, file.cases) : null;
  if (loose?.refusal) throw new ImportRefusedError(`${fileName}: ${loose.refusal}`);
  if (loose) {
    decisions.casesColumn = loose.cases;
    notes.push({ field: 'qty', decision: loose.decision });
  } else if (kind === 'sales' && proposed('qty')) decisions.casesBeside = casesBeside(mapping, headers);

  // A file of document types whose invoices are all negative books its amounts as a journal does
  // (one of Debit / Credit amounts says which side each line is on by itself).
  const signs =
    kind === 'sales' &&
    mapping.doc_type !== undefined &&
    mapping.debit_amount === undefined &&
    mapping.credit_amount === undefined
      ? journalSigns(
          sample.map((r) => {
            const type = r.cells[mapping.doc_type as number];
            return {
              as: blank(type) ? null : (classifyDocType(String(type).trim(), request.typeMap)?.as ?? null),
              values: convertRow(kind, mapping, r.cells, decisions, defaults, r.ledger, r.bill).values,
            };
          }),
        )
      : { amounts: false, qty: false };
  const receiptsTurned = kind === 'payments' ? receiptsTurnedIn(plan, sample, decisions) : null;
  if (receiptsTurned) {
    signs.amounts = true;
    notes.push({ field: 'amount', decision: receiptsTurned });
  }
  if (kind === 'sales' && signs.amounts)
    notes.push({
      field: 'net_value',
      decision: `The file writes its amounts as a journal books them: every invoice line read is negative and every credit note positive, so each amount's sign${signs.qty ? " and each quantity's" : ''} is turned (an invoice positive, a credit note negative)`,
    });

  return { decisions, netFromRate, signs };
}

/**
 * Why a receipts file's signs are turned, by its first rows, or null where they are not: its one
 * amount column books money received as a credit to the party (receiptsAsCredits), or, of Debit /
 * Credit amounts, as a debit — the bank's side, not the party's (Tally's Bank Book), told by its
 * voucher types: only one named as a receipt counts, not a payment, which the side decides. Never
 * where a Dr/Cr column says the side.
 */
function receiptsTurnedIn(plan: ImportPlan, sample: readonly SourceRow[], decisions: Decisions): string | null {
  const { request, mapping, defaults, headers } = plan;
  const typeColumn = mapping.voucher_type;
  // A party's ledger of Debit / Credit amounts and no types has more bills (debits) than receipts.
  const pair = readsPartySide('payments', headers, mapping);
  if (mapping.dr_cr !== undefined || (pair && typeColumn === undefined)) return null;
  if (!pair && (mapping.debit_amount ?? mapping.credit_amount) !== undefined) return null;
  const names = (type: Cell | undefined) => {
    if (typeColumn === undefined) return 'received';
    if (blank(type)) return 'other';
    const name = String(type).trim();
    if (
      classifyVoucher(name, request.typeMap).as === 'receipt' ||
      (!pair && paymentNamed(name) && !givenBackNamed(name))
    )
      return 'received';
    return classifyDocType(name, request.typeMap)?.as === 'invoice' ? 'sale' : 'other';
  };
  const turned = receiptsAsCredits(
    sample.map((r) => ({
      names: names(typeColumn === undefined ? undefined : r.cells[typeColumn]),
      amount: convertRow('payments', mapping, r.cells, decisions, defaults, r.ledger).values.amount,
    })),
  );
  if (!turned) return null;
  return pair
    ? `The receipts read are under "${headers[mapping.debit_amount ?? -1]}", not "${headers[mapping.credit_amount ?? mapping.amount ?? -1]}": the lines are the bank's or the cash's side of each entry (Tally's Bank Book, Cash Book), where money received is a debit and money paid out a credit, so each amount is its debit less its credit`
    : `The file writes its amounts as the customer's ledger books them: money received is negative (a credit to the party)${typeColumn === undefined ? '' : ', an invoice positive'}, so each amount's sign is turned (a receipt positive, a reversal of one negative)`;
}
