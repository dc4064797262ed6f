import type { StyleKind } from './number-formats';

/**
 * Text drawn in its background's colour: white on a white sheet, yellow on a yellow fill. Excel
 * shows such a cell blank, though it holds a value the import reads — the oldest way to hide a
 * figure in a workbook. Read from a style's font colour and fill where the file says both.
 */

/** The colours Excel's legacy palette and its system entries give the indexes a style names most. */
const INDEXED: Record<string, string> = {
  0: '000000',
  1: 'FFFFFF',
  8: '000000',
  9: 'FFFFFF',
  64: '000000',
  65: 'FFFFFF',
};

/**
 * An xlsx colour element's colour: its `rgb` (`FFFFFFFF`, alpha first), its palette entry, or the
 * theme's first two entries (0, Background 1, white; 1, Text 1, black), as six hex digits; another
 * palette or theme entry as its name, which equals only itself. Undefined where a tint shades it
 * (its colour is then the theme's, which the style does not say).
 */
export function xlsxColour(a: Record<string, string>): string | undefined {
  if (a.tint !== undefined && Number(a.tint) !== 0) return undefined;
  if (a.rgb !== undefined) return a.rgb.slice(-6).toUpperCase();
  if (a.indexed !== undefined) return INDEXED[a.indexed] ?? `indexed ${a.indexed}`;
  if (a.theme !== undefined) return a.theme === '0' ? PLAIN.fill : a.theme === '1' ? PLAIN.text : `theme ${a.theme}`;
  if (a.auto === '1' || a.auto === 'true') return PLAIN.text;
  return undefined;
}

/** An Excel 2003 XML or HTML colour, `#FFFFFF`, as six hex digits; `Automatic` is the text's black. */
export function hashColour(colour: string | undefined): string | undefined {
  if (colour === undefined) return undefined;
  if (/^automatic$/i.test(colour)) return PLAIN.text;
  const hex = colour.match(/^#([0-9a-f]{6})$/i)?.[1];
  return hex?.toUpperCase();
}

/** The colours CSS names that Excel's web page and HTML reports write most, as six hex digits. */
const CSS_NAMES: Record<string, string> = {
  white: 'FFFFFF',
  window: 'FFFFFF',
  black: '000000',
  windowtext: '000000',
  yellow: 'FFFF00',
  red: 'FF0000',
  silver: 'C0C0C0',
  gray: '808080',
  grey: '808080',
};

/**
 * A CSS colour (`white`, `#FFF`, `#ffffff`, `windowtext`) as six hex digits; another name as
 * itself, which equals only itself; undefined for none (`transparent`, `auto`, `inherit`).
 */
export function cssColour(value: string): string | undefined {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/\s*!important$/, '');
  if (/^(transparent|auto|inherit|initial|none|)$/.test(v)) return undefined;
  const short = v.match(/^#([0-9a-f])([0-9a-f])([0-9a-f])$/);
  if (short) return `${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toUpperCase();
  return hashColour(v) ?? CSS_NAMES[v] ?? v;
}

/**
 * The text and background colours a CSS declaration block gives (`color:white;background:white`),
 * and whether it strikes its text through (`text-decoration: line-through`) or takes that off.
 */
export function cssLook(declarations: string): Partial<Look> {
  const look: Partial<Look> = {};
  for (const [, property, value] of declarations.matchAll(
    /(?:^|;)\s*(color|background(?:-color)?|text-decoration(?:-line)?)\s*:\s*([^;]*)/gi,
  )) {
    if (/^text-decoration/i.test(property ?? '')) {
      look.struck = /\bline-through\b/i.test(value ?? '');
      continue;
    }
    const colour = cssColour(value ?? '');
    if (/^color$/i.test(property ?? '')) look.text = colour;
    else look.fill = colour;
  }
  return look;
}

/** The style text a page's colours are read from, at most: a hostile page's 100 MB of it is not. */
export const MAX_CSS = 1_000_000;

/**
 * Each class a page's style rules colour (`.xl65 {color:white; background:white}`), by name; a
 * rule's name and declarations are bounded, as Excel's are short.
 */
export function classLooks(css: string): Map<string, Partial<Look>> {
  const looks = new Map<string, Partial<Look>>();
  for (const [, name, declarations] of css.matchAll(/\.([A-Za-z_][\w-]{0,100})\s*\{([^{}]{0,1000})\}/g)) {
    const look = cssLook(declarations ?? '');
    if (name && Object.keys(look).length > 0) looks.set(name, { ...looks.get(name), ...look });
  }
  return looks;
}

/** Elements that strike their text through: `<s>`, `<strike>`, `<del>`. */
const STRUCK_ELEMENTS = new Set(['s', 'strike', 'del']);

/**
 * The look an element's name (`<s>`), classes, `bgcolor`, `color` (a `<font>`'s) and own style
 * give it, the later over the earlier.
 */
export function elementLook(
  classes: ReadonlyMap<string, Partial<Look>>,
  name: string,
  attrs: Record<string, string>,
): Partial<Look> {
  const look: Partial<Look> = STRUCK_ELEMENTS.has(name) ? { struck: true } : {};
  for (const name of (attrs.class ?? '').split(/\s+/)) Object.assign(look, classes.get(name));
  if (attrs.bgcolor) look.fill = cssColour(attrs.bgcolor);
  // An old report's `<font color=white>`.
  if (attrs.color) look.text = cssColour(attrs.color);
  return { ...look, ...cssLook(attrs.style ?? '') };
}

/** Whether text in this look is drawn in its background's colour (both said, and the same). */
export const inFillColour = (look: Look) => look.text !== undefined && look.text === look.fill;

/** What a cell looks like where its style says nothing: automatic (black) text on the sheet's white. */
export const PLAIN: Look = { text: '000000', fill: 'FFFFFF' };

/**
 * A cell's look: its text's colour (black where the style says none) and its fill's (white where
 * none); in a web page, whether its text is struck through.
 */
export interface Look {
  text: string | undefined;
  fill: string | undefined;
  struck?: boolean;
}

/** A colour as a message names it: white, black, #FFFF00, or its palette or theme entry. */
export const colourName = (colour: string) =>
  colour === 'FFFFFF' ? 'white' : colour === '000000' ? 'black' : /^[0-9A-F]{6}$/.test(colour) ? `#${colour}` : colour;

/**
 * A style's reading with its look: where its text is its fill's colour, every value it holds is
 * shown as nothing, whatever its format — named by the colour. A date keeps its reading (its value
 * is read so), and is not said to be unseen; a percentage's or a code's is kept beside it.
 */
export function withLook(kind: StyleKind, look: Look): StyleKind {
  if (!inFillColour(look) || (kind !== null && typeof kind !== 'object')) return kind;
  return { ...kind, hides: { numbers: [{ instead: '' }], text: '', colour: colourName(look.text as string) } };
}
