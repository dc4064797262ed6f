/** Excel's grid: the rows and columns a sheet has, past which no real export reaches. */
export const SHEET_ROWS = 1_048_576;
export const SHEET_COLUMNS = 16_384;

/**
 * Excel's limit on the text of one cell (32,767 characters): it opens no workbook with a longer
 * one, and no spreadsheet a user exported holds one. The importer refuses a longer text and the
 * xlsx writer never writes one.
 */
export const CELL_CHARS = 32_767;
