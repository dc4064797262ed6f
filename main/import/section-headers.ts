// The names given to the column of a report's group headings: shared with the import dialog,
// which shows a column the file does not hold first.

/**
 * Reports grouped by party or by item (QuickBooks' "Sales by Customer Detail" and "by
 * Product/Service Detail", and their like) write the group once, on a heading row of its own in
 * a column with no header, and leave it out of the lines under it. That column is named by this
 * text, so the mapping, the import dialog and a saved mapping can all name it.
 */
export const SECTION_HEADER = '(headings above the lines)';

/**
 * Some write the group heading in the report's first column instead, which the lines fill with
 * their own value (QuickBooks Desktop's "Sales by Item Detail" as CSV, Tally's outstandings shown
 * party-wise: see first-column-groups.ts). The headings then get a column of their own after the
 * last, named by this text.
 */
export const SECTION_IN_FIRST = '(headings above the lines, in the first column)';

/** Whether a header names the column of the group headings, of either kind. */
export const isSectionHeader = (header: string | undefined) => header === SECTION_HEADER || header === SECTION_IN_FIRST;
