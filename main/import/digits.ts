/** A digit of another script than ASCII's: Devanagari १२३, Gujarati, Bengali, Tamil, Arabic-Indic, full-width １２３. */
const otherDigit = /(?![0-9])\p{Nd}/gu;
const isDigit = /^\p{Nd}$/u;
const values = new Map<string, string>();

/**
 * A digit's value: Unicode writes each script's digits as a run of 0–9 in order, so it is how
 * far the digit is from the start of its run (mathematical digits are runs of runs, hence mod 10).
 */
function digitValue(digit: string): string {
  let value = values.get(digit);
  if (value === undefined) {
    const code = digit.codePointAt(0) ?? 0;
    let start = code;
    while (isDigit.test(String.fromCodePoint(start - 1))) start--;
    value = String((code - start) % 10);
    values.set(digit, value);
  }
  return value;
}

/**
 * The text with every digit written in ASCII: an amount or date typed on an Indic keyboard, or
 * exported by software set to a regional language (`१,२५०.००`, `૧૫-૧૦-૨૦૨૬`), reads as the number
 * or day it is. Only where a number or a date is read: a name or a code keeps its own digits.
 */
export const asciiDigits = (text: string): string => text.replace(otherDigit, digitValue);

/**
 * `read` of the text, or, where it fails on a text written in another script's digits, of the
 * text in ASCII digits. Asked only on failure: the texts of a million lines pay nothing for it.
 */
export function readInAnyDigits<T>(text: string, read: (text: string) => T): T {
  try {
    return read(text);
  } catch (error) {
    const ascii = asciiDigits(text);
    if (ascii === text) throw error;
    return read(ascii);
  }
}
