import { Tokenizer, type TokenizerCallbacks } from 'htmlparser2';
import { DamagedFileError } from './types';

/**
 * One XML part of a workbook, tokenized by htmlparser2's tokenizer in XML mode as its bytes
 * arrive. Element names reach the handlers without their namespace prefix (`x:row` is `row`),
 * since writers differ in the prefix they pick. The tokenizer expands the five XML entities and
 * character references only: no DTD, no external entity, nothing that could grow or reach out.
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
 * What htmlparser2's Parser does in XML mode, for the few events a workbook needs: the tokenizer
 * reports where each name, value and text lies in the text written so far, and this turns them
 * into elements opened and closed. Driving the tokenizer directly skips the Parser's work for
 * HTML (implied closes, foreign content, lower-casing), which was half the time a sheet took.
 * As there, a close tag closes the innermost element of its name and the ones inside it; one
 * that matches no open element is ignored.
 */
class PartEvents implements TokenizerCallbacks {
  /** Text written and not yet passed; `offset` is where the first piece starts in the whole part. */
  private pieces: string[] = [];
  private offset = 0;
  /** Open elements, innermost last, by their names as written. */
  private open: string[] = [];
  private tag = '';
  private attributes: Record<string, string> = {};
  private attribute = '';
  private value = '';
  opened = false;
  /** Elements still open when the part ended, which end() closes. */
  leftOpen = 0;

  constructor(
    private readonly part: string,
    private readonly handlers: XmlHandlers,
  ) {}

  write(text: string): void {
    this.pieces.push(text);
  }

  /** The text from `start` to `end` of the part: within a piece, or across pieces as a tag split by a chunk. */
  private slice(start: number, end: number): string {
    if (start === end) return '';
    const { pieces } = this;
    while (pieces.length > 1 && start - this.offset >= (pieces[0] as string).length) {
      this.offset += (pieces.shift() as string).length;
    }
    let text = (pieces[0] as string).slice(start - this.offset, end - this.offset);
    let at = this.offset + (pieces[0] as string).length;
    for (let i = 1; end > at && i < pieces.length; i++) {
      const piece = pieces[i] as string;
      text += piece.slice(0, end - at);
      at += piece.length;
    }
    return text;
  }

  ontext(start: number, end: number): void {
    this.handlers.text?.(this.slice(start, end));
  }
  ontextentity(codePoint: number): void {
    this.handlers.text?.(String.fromCodePoint(codePoint));
  }
  oncdata(start: number, end: number, offset: number): void {
    this.handlers.text?.(this.slice(start, end - offset));
  }
  onopentagname(start: number, end: number): void {
    this.tag = this.slice(start, end);
    this.attributes = {};
  }
  onattribname(start: number, end: number): void {
    this.attribute = this.slice(start, end);
  }
  onattribdata(start: number, end: number): void {
    this.value += this.slice(start, end);
  }
  onattribentity(codePoint: number): void {
    this.value += String.fromCodePoint(codePoint);
  }
  onattribend(): void {
    if (!Object.hasOwn(this.attributes, this.attribute)) this.attributes[this.attribute] = this.value;
    this.value = '';
  }
  onopentagend(): void {
    this.opened = true;
    this.open.push(this.tag);
    this.handlers.open(local(this.tag), this.attributes);
  }
  onselfclosingtag(): void {
    this.opened = true;
    this.handlers.open(local(this.tag), this.attributes);
    this.handlers.close(local(this.tag));
  }
  onclosetag(start: number, end: number): void {
    const name = this.slice(start, end);
    const at = this.open.lastIndexOf(name);
    if (at < 0) return;
    while (this.open.length > at) this.handlers.close(local(this.open.pop() as string));
  }
  /** No spreadsheet writes a DTD; one in a workbook is there to make a parser expand entities. */
  ondeclaration(start: number, end: number): void {
    const name = this.slice(start, end).split(/\s|\//, 1)[0] ?? '';
    if (name.toLowerCase() === 'doctype')
      throw new DamagedFileError(`its part ${this.part} declares a DTD (<!DOCTYPE>), which no spreadsheet writes`);
  }
  onprocessinginstruction(): void {}
  oncomment(): void {}
  onend(): void {
    this.leftOpen = this.open.length;
    while (this.open.length > 0) this.handlers.close(local(this.open.pop() as string));
  }
}

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
  const events = new PartEvents(part, handlers);
  const tokenizer = new Tokenizer({ xmlMode: true }, events);
  const write = (text: string) => {
    events.write(text);
    tokenizer.write(text);
  };
  let decoder: TextDecoder | undefined;
  for await (const chunk of chunks) {
    // UTF-8 unless the part starts with a UTF-16 byte-order mark; TextDecoder drops the mark.
    decoder ??= new TextDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf-16le' : 'utf-8');
    write(decoder.decode(chunk, { stream: true }));
    yield;
  }
  const rest = decoder?.decode() ?? '';
  if (rest) write(rest);
  tokenizer.end();
  if ((events.leftOpen > 0 && !options.fragment) || !(events.opened || options.fragment))
    throw new DamagedFileError(`its part ${part} is not whole XML (it is cut short or broken)`);
  yield;
}
