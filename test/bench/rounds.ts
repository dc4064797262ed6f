/**
 * Measurements taken in rounds, in turn: round one measures a, b, c, round two a, b, c again, and
 * so on. Our machines' speed swings within minutes (openpyxl wrote the same register in 9.3 s and
 * in 14.4 s 35 minutes apart), so a figure and its comparison are each the median of their rounds,
 * taken in the same minutes, and printed with the fastest and slowest beside it.
 */

/** `--rounds N` from a bench's arguments (default 3); the other arguments stay as they were. */
export function roundsOf(args: readonly string[], fallback = 3): { rounds: number; rest: string[] } {
  const at = args.indexOf('--rounds');
  if (at < 0) return { rounds: fallback, rest: [...args] };
  const rounds = Number(args[at + 1]);
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`--rounds wants a whole number of rounds, got ${args[at + 1]}`);
  return { rounds, rest: args.filter((_, i) => i !== at && i !== at + 1) };
}

export interface Measured {
  seconds: number;
  peakRssMb: number;
}

/** Every measurement's results, one per round, the measurements taken in turn within each round. */
export async function inRounds<K extends string, T extends Measured>(
  rounds: number,
  measures: Record<K, () => T | Promise<T>>,
  onRound?: (round: number) => void,
): Promise<Record<K, T[]>> {
  const results = Object.fromEntries(Object.keys(measures).map((k) => [k, [] as T[]])) as Record<K, T[]>;
  for (let round = 1; round <= rounds; round++) {
    onRound?.(round);
    for (const [key, measure] of Object.entries(measures) as [K, () => T | Promise<T>][])
      results[key].push(await measure());
  }
  return results;
}

/**
 * The round of median seconds (its other figures with it), and the highest peak memory of any
 * round: what a user with the least luck would see.
 */
export function medianOf<T extends Measured>(results: readonly T[]): T {
  const sorted = [...results].sort((a, b) => a.seconds - b.seconds);
  const median = sorted[Math.floor((sorted.length - 1) / 2)];
  if (!median) throw new Error('no rounds measured');
  return { ...median, peakRssMb: Math.max(...results.map((r) => r.peakRssMb)) };
}

/** Median seconds with the fastest and slowest round: "5.46 (5.21–6.10)"; a single round alone. */
export function secondsText(results: readonly Measured[], digits = 2): string {
  const seconds = results.map((r) => r.seconds).sort((a, b) => a - b);
  const median = medianOf(results).seconds.toFixed(digits);
  if (seconds.length < 2) return median;
  return `${median} (${seconds[0]?.toFixed(digits)}–${seconds.at(-1)?.toFixed(digits)})`;
}
