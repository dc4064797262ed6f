import { describe, expect, it } from 'vitest';
import { parseXmlPart } from '../../main/import/readers/xml';

/** Every event the handlers get for `xml`, written to the tokenizer in the chunks given. */
async function events(chunks: string[], options: { fragment?: boolean } = {}) {
  const seen: string[] = [];
  async function* bytes() {
    for (const chunk of chunks) yield Buffer.from(chunk);
  }
  const handlers = {
    open: (name: string, attributes: Record<string, string>) => seen.push(`<${name} ${JSON.stringify(attributes)}`),
    text: (text: string) => {
      // Text may come in pieces; what matters is the text between the tags.
      const last = seen.at(-1);
      if (last?.startsWith('"')) seen[seen.length - 1] = JSON.stringify(JSON.parse(last) + text);
      else seen.push(JSON.stringify(text));
    },
    close: (name: string) => seen.push(`/${name}`),
  };
  for await (const _ of parseXmlPart('xl/worksheets/sheet1.xml', bytes(), handlers, options));
  return seen;
}

const sheet = [
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
  '<x:worksheet xmlns:x="urn:main"><!-- a comment <c> -->',
  '<x:sheetData><x:row r="1" spans="1:3">',
  '<x:c r="A1" t="inlineStr"><x:is><x:t>Tom &amp; Jerry &#8377;&#x20B9; &lt;ltd&gt;</x:t></x:is></x:c>',
  '<x:c r="B1" s="3" t="str"><x:v><![CDATA[a <b> & c]]></x:v></x:c>',
  '<x:c r="C1" t="s" note="&quot;q&quot; &amp; a"/>',
  '</x:row></x:sheetData></x:worksheet>',
].join('');

const expected = [
  '<worksheet {"xmlns:x":"urn:main"}',
  '<sheetData {}',
  '<row {"r":"1","spans":"1:3"}',
  '<c {"r":"A1","t":"inlineStr"}',
  '<is {}',
  '<t {}',
  JSON.stringify('Tom & Jerry ₹₹ <ltd>'),
  '/t',
  '/is',
  '/c',
  '<c {"r":"B1","s":"3","t":"str"}',
  '<v {}',
  JSON.stringify('a <b> & c'),
  '/v',
  '/c',
  '<c {"r":"C1","t":"s","note":"\\"q\\" & a"}',
  '/c',
  '/row',
  '/sheetData',
  '/worksheet',
];

describe('an XML part, tokenized', () => {
  it('gives elements without their prefix, attributes, entities and CDATA as text', async () => {
    expect(await events([sheet])).toEqual(expected);
  });

  it('gives the same events wherever the chunks split the text (a tag, a name, an entity)', async () => {
    for (let at = 1; at < sheet.length; at++) {
      expect(await events([sheet.slice(0, at), sheet.slice(at)]), `split at ${at}`).toEqual(expected);
    }
    expect(await events([...sheet])).toEqual(expected);
  });

  it('closes the elements inside one that a close tag ends, and ignores a close tag nothing opened', async () => {
    expect(await events(['<a><b><c>x</a></z>'])).toEqual(['<a {}', '<b {}', '<c {}', '"x"', '/c', '/b', '/a']);
  });

  it('refuses a part cut short, unless it is a fragment read from its middle on', async () => {
    const cut = sheet.slice(0, sheet.indexOf('</x:row>'));
    await expect(events([cut])).rejects.toThrow('its part xl/worksheets/sheet1.xml is not whole XML');
    await expect(events([''])).rejects.toThrow('is not whole XML');
    expect((await events([cut], { fragment: true })).at(-1)).toBe('/worksheet');
  });

  it('refuses a DTD, which could make a parser expand entities', async () => {
    const dtd = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>';
    await expect(events([dtd])).rejects.toThrow('declares a DTD (<!DOCTYPE>)');
    await expect(events([dtd.toLowerCase().replace('doctype', 'DocType')])).rejects.toThrow('declares a DTD');
  });
});
