import { describe, expect, it } from 'vitest';
import { blank } from '../../main/import/row-values';

describe('a blank cell', () => {
  it('is empty, or says it is: null, nil, n/a or dashes, in any case and spacing', () => {
    const blanks = [
      null,
      undefined,
      '',
      '   ',
      'null',
      'NULL',
      ' Nil ',
      'n/a',
      'N/A',
      '-',
      '---',
      ' - ',
      '—',
      '–',
      '\tnull\n',
    ];
    for (const cell of blanks) expect(blank(cell), JSON.stringify(cell)).toBe(true);
  });

  it('is not a value, whatever its first character', () => {
    const values = [
      'Nagpur',
      'n',
      'na',
      'none',
      'x',
      'Z',
      '0',
      '123',
      'A-1',
      ' 5',
      '-5',
      '—x',
      'nullish',
      '(cancelled)',
      'é',
    ];
    for (const cell of values) expect(blank(cell), JSON.stringify(cell)).toBe(false);
    for (const cell of [0, 12.5, false, true, new Date(0)]) expect(blank(cell)).toBe(false);
  });
});
