import { describe, expect, it } from 'vitest';
import { cssColour, cssLook, hashColour, withLook, xlsxColour } from '../../main/import/readers/cell-colours';

describe('cell colours', () => {
  it('reads a colour from its rgb, palette or theme entry, and none where a tint shades it', () => {
    const colours: Record<string, string>[] = [
      { rgb: 'FFFFFFFF' },
      { indexed: '9' },
      { indexed: '64' },
      { theme: '0' },
      { theme: '1' },
    ];
    expect(colours.map(xlsxColour)).toEqual(['FFFFFF', 'FFFFFF', '000000', 'FFFFFF', '000000']);
    expect([xlsxColour({ theme: '0', tint: '-0.15' }), xlsxColour({ theme: '4' }), xlsxColour({})]).toEqual([
      undefined,
      'theme 4',
      undefined,
    ]);
    expect([hashColour('#ffff00'), hashColour('Automatic'), hashColour('red'), hashColour(undefined)]).toEqual([
      'FFFF00',
      '000000',
      undefined,
      undefined,
    ]);
  });

  it('hides every value of a style whose text is its fill colour, keeping a date, a percentage or a code read so', () => {
    const hides = { numbers: [{ instead: '' }], text: '', colour: 'white' };
    expect(withLook(null, { text: 'FFFFFF', fill: 'FFFFFF' })).toEqual({ hides });
    expect(withLook({ currency: 'USD' }, { text: 'theme 4', fill: 'theme 4' })).toEqual({
      currency: 'USD',
      hides: { ...hides, colour: 'theme 4' },
    });
    expect(withLook('date', { text: 'FFFFFF', fill: 'FFFFFF' })).toBe('date');
    // A percentage or a code in white is read so, and hidden: both said.
    const white = { text: 'FFFFFF', fill: 'FFFFFF' };
    expect([withLook({ percent: true }, white), withLook({ pad: 5 }, white)]).toEqual([
      { percent: true, hides },
      { pad: 5, hides },
    ]);
    // A colour the file leaves unsaid (a tint, a patterned fill) is no colour matched.
    expect(withLook(null, { text: undefined, fill: undefined })).toBe(null);
    expect(withLook(null, { text: 'FFFFFF', fill: '1F4E79' })).toBe(null);
  });

  it('reads a CSS colour by its name, its short or long hex, and none where it is transparent', () => {
    const colours = ['white', '#FFF', '#ffffff', 'WindowText', 'yellow', 'teal', 'transparent', ' white !important'];
    expect(colours.map(cssColour)).toEqual([
      'FFFFFF',
      'FFFFFF',
      'FFFFFF',
      '000000',
      'FFFF00',
      'teal',
      undefined,
      'FFFFFF',
    ]);
    expect(cssLook('mso-style-parent:style0;color:white;background:#1F4E79;mso-pattern:auto none')).toEqual({
      text: 'FFFFFF',
      fill: '1F4E79',
    });
    expect(cssLook('font-weight:700; background-color: yellow')).toEqual({ fill: 'FFFF00' });
  });
});
