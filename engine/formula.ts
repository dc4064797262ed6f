import { Exact } from './money';

/**
 * A safe evaluator for custom scheme formulas: numbers, named measures, + − × ÷, parentheses,
 * min(…), max(…). Parsed by recursive descent and computed in decimal — no eval, no Function.
 */
export class FormulaError extends Error {}

type Token = { kind: 'num'; text: string } | { kind: 'name'; text: string } | { kind: 'op'; text: string };

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /\s*(?:(\d+(?:\.\d+)?)|([a-z][a-z0-9_]*)|([-+*/(),]))/giy;
  let at = 0;
  while (at < source.length) {
    pattern.lastIndex = at;
    const m = pattern.exec(source);
    if (!m) {
      if (source.slice(at).trim() === '') break;
      throw new FormulaError(`unexpected "${source.slice(at).trim()[0]}" at position ${at + 1}`);
    }
    if (m[1]) tokens.push({ kind: 'num', text: m[1] });
    else if (m[2]) tokens.push({ kind: 'name', text: m[2] });
    else if (m[3]) tokens.push({ kind: 'op', text: m[3] });
    at = pattern.lastIndex;
  }
  return tokens;
}

/** The names a formula refers to (function names excluded). */
export function formulaNames(source: string): string[] {
  const tokens = tokenize(source);
  return tokens
    .filter((t, i) => t.kind === 'name' && !(tokens[i + 1]?.text === '(' && (t.text === 'min' || t.text === 'max')))
    .map((t) => t.text);
}

export function evaluateFormula(source: string, values: Readonly<Record<string, Exact>>): Exact {
  const tokens = tokenize(source);
  let i = 0;
  const peek = () => tokens[i];
  const take = (text?: string) => {
    const t = tokens[i];
    if (!t || (text !== undefined && t.text !== text)) throw new FormulaError(`expected "${text ?? 'a value'}"`);
    i++;
    return t;
  };
  const expression = (): Exact => {
    let value = term();
    for (let t = peek(); t && (t.text === '+' || t.text === '-'); t = peek()) {
      take();
      value = t.text === '+' ? value.plus(term()) : value.minus(term());
    }
    return value;
  };
  const term = (): Exact => {
    let value = factor();
    for (let t = peek(); t && (t.text === '*' || t.text === '/'); t = peek()) {
      take();
      const right = factor();
      if (t.text === '/' && right.isZero()) throw new FormulaError('division by zero');
      value = t.text === '*' ? value.times(right) : value.dividedBy(right);
    }
    return value;
  };
  const factor = (): Exact => {
    const t = take();
    if (t.kind === 'num') return new Exact(t.text);
    if (t.text === '-') return factor().negated();
    if (t.text === '(') {
      const value = expression();
      take(')');
      return value;
    }
    if (t.kind === 'name' && (t.text === 'min' || t.text === 'max') && peek()?.text === '(') {
      take('(');
      const a = expression();
      take(',');
      const b = expression();
      take(')');
      return t.text === 'min' ? Exact.min(a, b) : Exact.max(a, b);
    }
    if (t.kind === 'name') {
      // Own properties only: "constructor" or "__proto__" must not reach Object.prototype.
      const value = Object.hasOwn(values, t.text) ? values[t.text] : undefined;
      if (!(value instanceof Exact)) throw new FormulaError(`unknown measure "${t.text}"`);
      return value;
    }
    throw new FormulaError(`unexpected "${t.text}"`);
  };
  const result = expression();
  if (i < tokens.length) throw new FormulaError(`unexpected "${tokens[i]?.text}"`);
  return result;
}
