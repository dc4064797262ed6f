import { describe, expect, it } from 'vitest';
import { tsv } from '../../renderer/src/grid/copy';

describe('copying grid rows for Excel', () => {
  it('escapes text that Excel would paste as a formula, and keeps numbers and plain text as they are', () => {
    const text = tsv([
      ['Payee', 'Final', 'Note'],
      ['=HYPERLINK("http://evil.example","Sharma")', '-150.00', '@SUM(A1)'],
      ['+91 98450 12345', 1234.5, '  -cmd'],
      ['Sharma\tSons', '12,345.67', 'two\nlines'],
      ['nul\u0000 and bell\u0007', 0, 'plain'],
    ]);
    expect(text.split('\n').map((line) => line.split('\t'))).toEqual([
      ['Payee', 'Final', 'Note'],
      [`'=HYPERLINK("http://evil.example","Sharma")`, '-150.00', "'@SUM(A1)"],
      ["'+91 98450 12345", '1234.5', "'  -cmd"],
      ['Sharma Sons', '12,345.67', 'two lines'],
      ['nul and bell', '0', 'plain'],
    ]);
  });
});
