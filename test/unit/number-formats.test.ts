import { describe, expect, it } from 'vitest';
import { formatKind, isDateFormat } from '../../main/import/readers/number-formats';

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

  it('shows a percentage where a % stands outside quotes and brackets, and a date before it', () => {
    expect(formatKind('0.00%')).toBe('percent');
    expect(formatKind('[Blue]0.0%;[Red]-0.0%')).toBe('percent');
    expect(formatKind('0 "%"')).toBe(null);
    expect(formatKind('#,##0.00')).toBe(null);
    expect(formatKind('dd/mm/yyyy')).toBe('date');
  });

  it('reads no date in a code longer than Excel writes, without the patterns backtracking over it', () => {
    expect(isDateFormat(`${'['.repeat(1_000_000)}yyyy`)).toBe(false);
    expect(isDateFormat(`${'['.repeat(200)}yyyy`)).toBe(true);
  });
});
