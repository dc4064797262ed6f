import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inWindowWords } from '../../renderer/src/import/window-words';

describe('import messages in the window', () => {
  it('name the dialog’s controls, never a command-line option, for every option the importer names', () => {
    // Every sentence of the importer that names an option, as it is written in the source.
    const folder = join(import.meta.dirname, '..', '..', 'main', 'import');
    const sentences = readdirSync(folder)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => [
        ...readFileSync(join(folder, f), 'utf8').matchAll(/[`'"]([^`'"\n]*?--[a-z][a-z-]*[^`'"\n]*)[`'"]/g),
      ])
      .map((m) => (m[1] as string).replace(/\$\{[^}]*\}/g, 'X'))
      .filter((s) => !s.startsWith('--') && !/^-env|^--headless|--version/.test(s));
    expect(sentences.length).toBeGreaterThan(5);
    for (const s of sentences) expect(inWindowWords(s), s).not.toMatch(/--[a-z]/);
    expect(inWindowWords('X was already imported as batch 3. Choose Replace (--replace) to replace that batch.')).toBe(
      'X was already imported as batch 3. Tick “Replace an earlier import of this file” to replace that batch.',
    );
    expect(
      inWindowWords(
        "Map a column of each line's whole quantity (--map qty=HEADER, or in the import dialog), or export the quantity in one unit",
      ),
    ).toBe("Choose a column of each line's whole quantity for Qty, under Columns, or export the quantity in one unit");
    expect(
      inWindowWords(
        '"Payment" vouchers are skipped as money paid out (Tally\'s meaning); if they are payments received, as in QuickBooks, import them with --type-map "Payment=receipt" or in the import dialog',
      ),
    ).toBe(
      '"Payment" vouchers are skipped as money paid out (Tally\'s meaning); if they are payments received, as in QuickBooks, import them by choosing “a receipt” for them under Voucher types',
    );
    expect(
      inWindowWords(
        'if they are credit notes (returns), say so by their numbers (--type-map "RINV/*=credit_note", or in the import dialog), or export the file with its type column',
      ),
    ).toBe(
      'if they are credit notes (returns), say so by choosing “a credit note” for “Documents numbered RINV/*” under Document types, or export the file with its type column',
    );
    expect(
      inWindowWords(
        'if it is a credit note (a return), say so by its number (--type-map "CN-*=credit_note", or in the import dialog)',
      ),
    ).toBe(
      'if it is a credit note (a return), say so by choosing “a credit note” for “Documents numbered CN-*” under Document types',
    );
  });
});
