import { paiseToRupees, sumPaise } from '../../../engine/money';
import type { ExportFormat } from '../format';
import { type CsvRow, csvText } from '../text';
import { finalColumn, registerCells, registerHeader, registerPreview, runCaption } from './register';

/**
 * The payout register as plain CSV: one row per payout line, amounts as exact decimals, and a
 * TOTAL row that equals the run's total. UTF-8 with a byte-order mark, so Excel opens names
 * and the ₹ sign correctly; text that looks like a formula is escaped.
 */
export const registerCsv: ExportFormat = {
  label: 'Payout register (CSV)',
  postsToParties: false,
  description: 'Every payout line with its measure, slab, computed, override and final amount, and a total row.',
  plan(input) {
    const rows: CsvRow[] = input.lines.map((line) => registerCells(line, paiseToRupees));
    const total = sumPaise(input.lines, (l) => l.payable);
    const totalRow = registerHeader.map((_, i) =>
      i === 0 ? 'TOTAL' : i === finalColumn ? paiseToRupees(total) : null,
    );
    const all: CsvRow[] = [[`Payout register — ${runCaption(input)}`], [...registerHeader], ...rows, totalRow];
    return {
      files: [
        {
          name: `${input.base}.csv`,
          build: async () => Buffer.from(csvText(all, { bom: true })),
          rows: rows.length,
          controlTotal: total,
        },
      ],
      preview: registerPreview(input.lines),
      controlTotal: total,
    };
  },
};
