import { describe, expect, it } from 'vitest';
import {
  type ConditionalRule,
  canHide,
  conditionallyUnshown,
  hidesOnlyNothing,
  ruleHolds,
  ruleSaid,
} from '../../main/import/readers/conditional-formats';

const everywhere = [{ top: 1, bottom: 100, left: 0, right: 9 }];
const rule = (type: string, more: Partial<ConditionalRule> = {}): ConditionalRule => ({
  ranges: everywhere,
  dxf: 0,
  type,
  formulas: [],
  ...more,
});

describe('conditional formats', () => {
  it('tells whether a rule holds from the value alone, and not where a formula decides', () => {
    const between = rule('cellIs', { operator: 'between', formulas: ['500', '100'] });
    expect([ruleHolds(between, 100), ruleHolds(between, 99.99), ruleHolds(between, 'x')]).toEqual([
      true,
      false,
      undefined,
    ]);
    const notBetween = rule('cellIs', { operator: 'notBetween', formulas: ['100', '500'] });
    expect([ruleHolds(notBetween, 600), ruleHolds(notBetween, 300)]).toEqual([true, false]);
    expect(ruleHolds(rule('cellIs', { operator: 'lessThan', formulas: ['$B$1'] }), 5)).toBe(undefined);
    expect(ruleHolds(rule('expression', { formulas: ['$H2="X"'] }), 5)).toBe(undefined);
    const cancelled = rule('containsText', { operator: 'containsText', text: 'cancel' });
    expect([ruleHolds(cancelled, 'SI/1 CANCELLED'), ruleHolds(cancelled, 'SI/2')]).toEqual([true, false]);
    expect([ruleHolds(rule('notContainsBlanks'), 0), ruleHolds(rule('top10'), 5)]).toEqual([true, undefined]);
  });

  it('takes a rule that holds only for zeros or blanks for one that hides nothing owed', () => {
    expect(hidesOnlyNothing(rule('cellIs', { operator: 'equal', formulas: ['0'] }))).toBe(true);
    expect(hidesOnlyNothing(rule('containsBlanks'))).toBe(true);
    expect(hidesOnlyNothing(rule('cellIs', { operator: 'equal', formulas: ['5'] }))).toBe(false);
    expect(hidesOnlyNothing(rule('cellIs', { operator: 'lessThan', formulas: ['0'] }))).toBe(false);
  });

  it('names a rule as a message says it', () => {
    expect(ruleSaid(rule('cellIs', { operator: 'between', formulas: ['100', '500'] }))).toBe(
      'the cell is between 100 and 500',
    );
    expect(ruleSaid(rule('beginsWith', { text: 'CN/' }))).toBe('the cell begins with "CN/"');
    expect(ruleSaid(rule('expression', { formulas: ['$H2="X"'] }))).toBe('=$H2="X"');
  });

  it('hides by a white font only on a white cell, and takes a red for negatives as no hiding', () => {
    const white = { text: 'FFFFFF' };
    expect([canHide(white), canHide({ text: 'FF0000' }), canHide({ text: 'FFFF00', fill: 'FFFF00' })]).toEqual([
      true,
      false,
      true,
    ]);
    const rules = [rule('cellIs', { operator: 'greaterThan', formulas: ['1000'] })];
    const at = (fill: string | undefined) => ({ row: 2, col: 6, fill });
    expect(conditionallyUnshown(rules, [white], at('FFFFFF'), 1234.5)).toEqual({
      shows: '',
      colour: 'white',
      rule: 'the cell is greater than 1000',
    });
    expect(conditionallyUnshown(rules, [white], at('1F4E79'), 1234.5)).toBe(null);
    expect(conditionallyUnshown(rules, [white], at('FFFFFF'), 999)).toBe(null);
    expect(conditionallyUnshown(rules, [white], { row: 200, col: 6, fill: 'FFFFFF' }, 1234.5)).toBe(null);
  });
});
