import { Parser } from 'htmlparser2';
import { DamagedFileError } from './types';

/**
 * One XML part of a workbook, tokenized by htmlparser2 in XML mode as its bytes arrive. Element
 * names reach the handlers without their namespace prefix (`x:row` is `row`), since writers
 * differ in the prefix they pick. The parser expands the five XML entities and character
 * references only: no DTD, no external entity, nothing that could grow or reach out.
 */
export interface XmlHandlers {
  open(name: string, attributes: Record<string, string>): void;
  text?(text: string): void;
  close(name: string): void;
}

const local = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/**
 * Feeds the part to the handlers, yielding after each chunk so the caller can hand on what it
 * built before more is read. A part cut short (elements left open at its end) is damaged, unless
 * it is a `fragment`: a part read from somewhere in its middle on.
 */
export async function* parseXmlPart(
  part: string,
  chunks: AsyncIterable<Buffer>,
  handlers: XmlHandlers,
  options: { fragment?: boolean } = {},
): AsyncGenerator<void> {
  let opened = false;
  let broken = false;
  let ending = false;
  const parser = new Parser(
    {
      onopentag: (name, attributes) => {
        opened = true;
        handlers.open(local(name), attributes);
      },
      ontext: handlers.text ? (text) => handlers.text?.(text) : undefined,
      // No spreadsheet writes a DTD; one in a workbook is there to make a parser expand entities.
      onprocessinginstruction: (name) => {
        if (name.toLowerCase() === '!doctype')
          throw new DamagedFileError(`its part ${part} declares a DTD (<!DOCTYPE>), which no spreadsheet writes`);
      },
      onclosetag: (name, implied) => {
        // htmlparser2 reports a self-closing tag's close as implied too; only the closes that
        // end() makes up for tags still open mean the part was cut short.
        if (ending && implied && !options.fragment) broken = true;
        handlers.close(local(name));
      },
    },
    { xmlMode: true },
  );
  let decoder: TextDecoder | undefined;
  for await (const chunk of chunks) {
    // UTF-8 unless the part starts with a UTF-16 byte-order mark; TextDecoder drops the mark.
    decoder ??= new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : 'utf-8');
    parser.write(decoder.decode(chunk, { stream: true }));
    yield;
  }
  ending = true;
  parser.end(decoder?.decode() ?? '');
  if (broken || !(opened || options.fragment))
    throw new DamagedFileError(`its part ${part} is not whole XML (it is cut short or broken)`);
  yield;
}
