/** An import refused as a whole, naming the file: nothing of it is stored. */
export class ImportRefusedError extends Error {
  constructor(
    message: string,
    readonly code: 'validation' | 'conflict' = 'validation',
  ) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

/**
 * The refusal of a file that has no column for fields every line needs: each field with the
 * columns that may hold it, or why none does.
 */
export const noColumnRefusal = (file: string, table: { sheet: string; headerRow: number }, fields: readonly string[]) =>
  new ImportRefusedError(
    `${file}, sheet "${table.sheet}": no column for ${fields.join('; ')} in header row ${table.headerRow}. Map a column (--map FIELD=HEADER) or give a value (--set FIELD=VALUE).`,
  );
