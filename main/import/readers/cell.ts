/**
 * The plain content of an exceljs cell: formulas give their result, rich text and hyperlinks
 * their text, an error cell nothing; blank text is no value.
 */
export function cellContent(value: unknown): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number' || value instanceof Date) return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown; error?: unknown };
    if (v.error !== undefined) return null;
    if (v.result !== undefined) return cellContent(v.result);
    if (v.richText) return cellContent(v.richText.map((r) => r.text).join(''));
    if (v.text !== undefined) return cellContent(v.text);
  }
  return String(value);
}
