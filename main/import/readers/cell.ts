/** What a formula cell with no saved result reads as; the importer refuses it, naming the cell. */
export const formulaWithoutValue = '#NO-SAVED-VALUE';

/**
 * The plain content of an exceljs cell: formulas give their result, rich text and hyperlinks
 * their text (every run of it), an error cell its error text (#N/A, #DIV/0!), which the importer
 * refuses as a row error rather than reading it as blank; blank text is no value.
 */
export function cellContent(value: unknown): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    const v = value as {
      result?: unknown;
      formula?: unknown;
      sharedFormula?: unknown;
      richText?: { text: string }[];
      text?: unknown;
      error?: unknown;
    };
    if (v.error !== undefined) return String(v.error);
    if (v.result !== undefined) return cellContent(v.result);
    if (v.formula !== undefined || v.sharedFormula !== undefined) return formulaWithoutValue;
    if (v.richText) return cellContent(v.richText.map((r) => r.text).join(''));
    if (v.text !== undefined) return cellContent(v.text);
  }
  return String(value);
}
