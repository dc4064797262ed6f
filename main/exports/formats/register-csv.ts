import { paiseToRupees, sumPaise } from '../../../engine/money';
import type { ExportFormat } from '../format';
import { type CsvRow, csvFile } from '../text';
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
    const total = sumPaise(input.lines, (l) => l.payable);
    const totalRow = registerHeader.map((_, i) =>
      i === 0 ? 'TOTAL' : i === finalColumn ? paiseToRupees(total) : null,
    );
    // Each line's cells are made as the file is written, not all held from planning on.
    function* all(): Generator<CsvRow> {
      yield [`Payout register — ${runCaption(input)}`];
      yield [...registerHeader];
      for (const line of input.lines) yield registerCells(line, paiseToRupees);
      yield totalRow;
    }
    return {
      files: [
        {
          name: `${input.base}.csv`,
          build: async () => csvFile(all(), { bom: true }),
          rows: input.lines.length,
          controlTotal: total,
        },
      ],
      preview: registerPreview(input.lines),
      controlTotal: total,
    };
  },
};
