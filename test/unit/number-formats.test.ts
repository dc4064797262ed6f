import { describe, expect, it } from 'vitest';
import { isDateFormat } from '../../main/import/readers/xlsx-parts';

describe('number formats of a workbook', () => {
  it('shows a date where a d, m, y, h or s stands outside quotes, brackets and escapes', () => {
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('[$-409]d-mmm-yy;@')).toBe(true);
    expect(isDateFormat('h:mm AM/PM')).toBe(true);
    expect(isDateFormat('[Red]#,##0.00')).toBe(false);
    expect(isDateFormat('0 "days"')).toBe(false);
    expect(isDateFormat('\\d0')).toBe(false);
    expect(isDateFormat('General')).toBe(false);
  });

  it('reads no date in a code longer than Excel writes, without the patterns backtracking over it', () => {
    expect(isDateFormat(`${'['.repeat(1_000_000)}yyyy`)).toBe(false);
    expect(isDateFormat(`${'['.repeat(200)}yyyy`)).toBe(true);
  });
});
