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
