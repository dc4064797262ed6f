import { describe, expect, it } from 'vitest';
import { inRounds, medianOf, roundsOf, secondsText } from '../bench/rounds';

describe('bench rounds', () => {
  it('takes the measurements in turn within each round, each once a round', async () => {
    const order: string[] = [];
    const timed = (name: string, seconds: number) => () => {
      order.push(name);
      return { seconds, peakRssMb: 100 };
    };
    const results = await inRounds(3, { ours: timed('ours', 1), theirs: timed('theirs', 2) });
    expect(order).toEqual(['ours', 'theirs', 'ours', 'theirs', 'ours', 'theirs']);
    expect(results.ours).toHaveLength(3);
    expect(results.theirs.map((r) => r.seconds)).toEqual([2, 2, 2]);
  });

  it('answers the median round with its own figures, the highest peak of any round, and the spread', () => {
    const rounds = [
      { seconds: 6.1, peakRssMb: 300, files: 1 },
      { seconds: 4.9, peakRssMb: 410, files: 2 },
      { seconds: 5.2, peakRssMb: 320, files: 3 },
    ];
    expect(medianOf(rounds)).toEqual({ seconds: 5.2, peakRssMb: 410, files: 3 });
    expect(secondsText(rounds)).toBe('5.20 (4.90–6.10)');
    expect(secondsText([{ seconds: 7.25, peakRssMb: 1 }], 1)).toBe('7.3');
  });

  it('reads --rounds from the arguments and leaves the others in order', () => {
    expect(roundsOf(['200000'])).toEqual({ rounds: 3, rest: ['200000'] });
    expect(roundsOf(['--rounds', '5', '200000', '--rebuild'])).toEqual({ rounds: 5, rest: ['200000', '--rebuild'] });
    expect(() => roundsOf(['--rounds', 'two'])).toThrow(/whole number/);
  });
});
