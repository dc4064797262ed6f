/**
 * What the file choosers offer for an import or a claim sheet: every kind of file the reader
 * opens (open-source.ts) — workbooks (with macros too, binary, OpenDocument), text, HTML and
 * Excel's web archives, Excel 2003 and Tally's XML. A kind left out could not be picked at all.
 */
export const importableFiles = '.xlsx,.xlsm,.xlsb,.xls,.ods,.csv,.tsv,.txt,.xml,.htm,.html,.mht,.mhtml';
