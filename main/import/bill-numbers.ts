import type Database from 'better-sqlite3';
import { counted } from '../format/numbers';
import { codeKey } from './master-names';
import { countRead, type ReadAs, readSummary } from './read-as';

/** A distributor's number (a bill's, a receipt's) as one key: numbers are a distributor's own. */
export const partyKey = (party: string, no: string): string => `${party}\u0001${no}`;

/** A distributor's bill, as a bill number is looked up among them. */
export interface PartyBill {
  party: string;
  bill: string;
}

/**
 * Bill numbers as the workspace writes them. The engine finds a bill by the number a receipt or
 * a credit note gives, exactly: a number written otherwise (in other capitals, or without the
 * leading zeros Excel drops from a CSV) matched nothing, and the scheme paid wrong without a
 * word. A number no bill of the distributor has exactly, but one has written otherwise, is read
 * as that bill's; one none has is counted, for a warning. The bills are read once (`load`), when
 * the first number is looked up.
 */
export class BillNumbers {
  private bills: Map<string, { exact: Set<string>; alike: Map<string, string[]> }> | null = null;
  /** Numbers read as a bill's written otherwise, by distributor and number. */
  readonly rewritten: ReadAs = new Map();
  /** Numbers no bill of the distributor has, nor one likely meant, by distributor and number. */
  readonly unknown: ReadAs = new Map();
  /**
   * Numbers no bill of the distributor has, but one likely meant (`123` or `SI-123` for
   * `SI/2610/00123`: likelyInvoices), by distributor and number: kept as written, for a warning,
   * since which is right is for a person to say.
   */
  readonly likely: ReadAs = new Map();
  private readonly matchers = new Map<string, ReturnType<typeof likelyInvoices>>();
  /** Texts that list several of the distributor's bills in one ("INV-1, INV-2"), by distributor and text. */
  readonly several: ReadAs = new Map();

  constructor(private readonly load: () => PartyBill[]) {}

  /** The number of the distributor's bill that `bill` names, on `lines` lines. */
  read(distributor: string, bill: string, lines = 1): string {
    const { how, as } = this.match(distributor, bill);
    if (how === 'exact') return bill;
    const key = partyKey(distributor, bill);
    if (how === 'unknown') {
      const likely = this.likelyMeant(distributor, bill);
      if (likely !== undefined) countRead(this.likely, key, bill, likely, lines);
      else countRead(this.unknown, key, bill, bill, lines);
      return bill;
    }
    return countRead(how === 'alike' ? this.rewritten : this.several, key, bill, as, lines);
  }

  /** Whether `bill` names one of the distributor's bills, or lists several, as `read` reads it: nothing is counted. */
  knows(distributor: string, bill: string): boolean {
    return this.match(distributor, bill).how !== 'unknown';
  }

  /**
   * How `bill` names the distributor's bills: exactly one's number, one's written otherwise (`as`
   * that bill's), several listed in one cell, or none.
   */
  private match(distributor: string, bill: string): { how: 'exact' | 'alike' | 'several' | 'unknown'; as: string } {
    const mine = this.invoices().get(distributor);
    if (mine?.exact.has(bill)) return { how: 'exact', as: bill };
    const alike = mine?.alike.get(codeKey(bill)) ?? [];
    if (alike.length === 1) return { how: 'alike', as: alike[0] as string };
    const core = billCore(bill);
    const inner = core === null ? null : this.match(distributor, core);
    if (inner?.how === 'exact' || inner?.how === 'alike') return { how: 'alike', as: inner.as };
    return { how: this.listed(distributor, bill) === null ? 'unknown' : 'several', as: bill };
  }

  /**
   * The numbers of the distributor's bills `text` lists ("INV-1, inv-2"), as the bills write
   * them, where it lists two or more and each part reads as one bill; else null.
   */
  listed(distributor: string, text: string): string[] | null {
    const mine = this.invoices().get(distributor);
    // A bill whose own number has a comma in it is that one bill.
    if (mine?.exact.has(text)) return null;
    const parts = billParts(text);
    const bills = parts.map((p) => {
      if (mine?.exact.has(p)) return p;
      const alike = mine?.alike.get(codeKey(p)) ?? [];
      return alike.length === 1 ? alike[0] : undefined;
    });
    return bills.length > 1 && bills.every((b) => b !== undefined) ? (bills as string[]) : null;
  }

  /** The distributor's bill `bill` most likely means, written otherwise than the patterns `read` takes (likelyInvoices). */
  likelyMeant(distributor: string, bill: string): string | undefined {
    let matcher = this.matchers.get(distributor);
    if (!matcher) {
      matcher = likelyInvoices([...(this.invoices().get(distributor)?.exact ?? [])]);
      this.matchers.set(distributor, matcher);
    }
    return matcher(bill);
  }

  private invoices() {
    if (this.bills) return this.bills;
    const bills = new Map<string, { exact: Set<string>; alike: Map<string, string[]> }>();
    for (const { party, bill } of this.load()) {
      const mine = bills.get(party) ?? { exact: new Set<string>(), alike: new Map<string, string[]>() };
      bills.set(party, mine);
      mine.exact.add(bill);
      mine.alike.set(codeKey(bill), [...(mine.alike.get(codeKey(bill)) ?? []), bill]);
    }
    this.bills = bills;
    return bills;
  }
}

/**
 * A document number as the words and numbers it is written with, whatever joins them and without
 * leading zeros: `INV/00123`, `inv-123` and `INV 123` are one, `123` another.
 */
const tokensOf = (number: string) =>
  (number.toUpperCase().match(/[A-Z]+|[0-9]+/g) ?? []).map((t) => t.replace(/^0+(?=\d)/, ''));
const keyOf = (tokens: readonly string[]) => tokens.join(' ');

// Tally's references that name no bill, whatever follows them: a new reference (an advance, its
// own number), on account.
const namesNoBill = /^\s*(?:new\s+ref|on\s+account|advance)\b/i;

/**
 * The invoice a number another document gives (a receipt's, a credit note's) most likely means,
 * where it is not written as the invoice is: the same words and numbers otherwise joined or
 * padded (`INV-123` for `INV/00123`), or the one with a prefix the other lacks (`123` or
 * `SI/123` for `SI/2610/123`, `SI/2610/123` for `123`). Only a whole number against the end of
 * the other, and only one holding a digit, so `INV/PRV/2` is not taken for `INV/2610/2`; never a
 * reference that names no bill (`New Ref INV/7`).
 */
export function likelyInvoices(invoices: readonly string[]) {
  const byEnd = new Map<string, string>();
  const whole = new Map<string, string>();
  for (const invoice of invoices) {
    const tokens = tokensOf(invoice);
    whole.set(keyOf(tokens), invoice);
    for (let i = 0; i < tokens.length; i++) {
      const end = keyOf(tokens.slice(i));
      if (!byEnd.has(end)) byEnd.set(end, invoice);
    }
  }
  return (against: string): string | undefined => {
    if (!/\d/.test(against) || namesNoBill.test(against)) return undefined;
    const tokens = tokensOf(against);
    const found = byEnd.get(keyOf(tokens));
    if (found !== undefined) return found;
    for (let i = 1; i < tokens.length; i++) {
      const end = tokens.slice(i);
      if (!end.some((t) => /\d/.test(t))) break;
      const invoice = whole.get(keyOf(end));
      if (invoice !== undefined) return invoice;
    }
    return undefined;
  };
}

/** How a bill's number may be written otherwise and still be read as that bill's. */
export const WRITTEN_OTHERWISE =
  'in other capitals, without the leading zeros Excel drops, or among words such as "Agst Ref"';

// Words a reference writes before a bill's number ("Agst Ref INV/7", "Bill No: 1043", "#PB/2"): a
// word only when a space, a dot, a colon or a # follows it, so INV/7 keeps its INV.
const wordsBefore = /^(?:(?:agst|against|ref|reference|bill|inv|invoice|no|number|vide)(?:[\s.:#]+)|[#:]\s*)+/i;
// And after it: "(Agst Ref)", "dt 03-10-2026", "dated 3.10.26".
const wordsAfter = /\s*(?:\(\s*(?:agst|against)\s+ref\.?\s*\)|\s(?:dt|dated|date)\b.*)$/i;

/**
 * A bill's number with the words a reference writes around it taken off, or null where it has
 * none. A GST invoice's number has at most 16 characters: a longer text is no such reference,
 * and is never given to the patterns.
 */
export function billCore(text: string): string | null {
  if (text.length > 64) return null;
  const core = text.replace(wordsBefore, '').replace(wordsAfter, '').trim();
  return core === '' || core === text.trim() ? null : core;
}

/** Every text a cell may name a bill by, as `read` tries them: the cell, its number among words, its listed parts. */
export function namedBills(text: string): string[] {
  const core = billCore(text);
  return [...new Set([text, ...(core === null ? [] : [core]), ...billParts(text)])];
}

/** The parts of a cell that may list several bills ("INV-1, inv-2", "PB/3 and PB/2"): one part where it lists none. */
export const billParts = (text: string): string[] =>
  text
    .split(/[,;&+]|\band\b/i)
    .map((p) => p.trim())
    .filter((p) => p !== '');

/**
 * The bills a receipts file pays: the distributor's invoices in the sales and the bills of its
 * ageing reports (a receipt collects an old bill).
 */
export const receiptBills = (db: Database.Database) =>
  new BillNumbers(
    () =>
      db
        .prepare(
          `SELECT distributor_code AS party, doc_no AS bill FROM sales WHERE outlet_code IS NULL AND doc_type = 'invoice'
           UNION SELECT distributor_code, doc_no FROM receivables`,
        )
        .all() as PartyBill[],
  );

/** A number kept as written beside the bill it likely means: `"123" for "INV/00123"`. */
export const likelyShown = (e: { text: string; as: string }) => `"${e.text}" for "${e.as}"`;

/** What a receipts import says of the bills it read: a decision for those read otherwise, a warning for those unknown. */
export function billNotes(
  bills: BillNumbers,
  result: { decisions: { field: string; decision: string }[]; warnings: string[] },
): void {
  if (bills.rewritten.size > 0) {
    const { lines, shown } = readSummary(bills.rewritten);
    result.decisions.push({
      field: 'against_doc_no',
      decision: `${counted(lines, 'receipt writes its', 'receipts write their')} bill's number otherwise than the sales or the ageing report (${WRITTEN_OTHERWISE}): each is read as the bill's (${shown})`,
    });
  }
  if (bills.several.size > 0) {
    const { lines, shown } = readSummary(bills.several, (e) => `"${e.text}"`);
    result.warnings.push(
      `${counted(lines, 'receipt names', 'receipts name')} several bills in one cell (${shown}): early payment finds a bill by its number alone, so it pays on none of them; give each bill a row of its own with what the receipt applies to it, as ERPNext's and Zoho's payments do`,
    );
  }
  if (bills.likely.size > 0) {
    const { lines, shown } = readSummary(bills.likely, likelyShown);
    result.warnings.push(
      `${counted(lines, 'receipt names', 'receipts name')} a bill none of its distributor's has, but one written otherwise most likely means (${shown}): early payment counts a receipt only against the bill it names exactly, so ${lines === 1 ? 'it earns' : 'they earn'} nothing; correct the numbers in the file that writes them otherwise and import it again`,
    );
  }
  if (bills.unknown.size > 0) {
    const { lines, shown } = readSummary(bills.unknown, (e) => `"${e.text}"`);
    result.warnings.push(
      `${counted(lines, 'receipt is', 'receipts are')} against bills that neither the imported invoices nor the ageing reports of their distributor have (${shown}): early payment pays on none of them until the invoice is imported`,
    );
  }
}
