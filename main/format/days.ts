/**
 * A calendar day as the instants it spans, in the time zone this code runs in: the window's
 * (the user's), or the CLI's. The audit log stores UTC instants, so "entries of 30 Nov" for a
 * user in India starts at 29 Nov 18:30 UTC, not at midnight UTC.
 */
function localMidnight(day: string, plusDays = 0): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`"${day}" is not a date written YYYY-MM-DD`);
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays).toISOString();
}

/** The instant `day` starts, as UTC ISO text. */
export const dayStart = (day: string) => localMidnight(day);

/** The instant the day after `day` starts: the exclusive end of `day`. */
export const dayEnd = (day: string) => localMidnight(day, 1);

/** Today's date (YYYY-MM-DD) in the same time zone. */
export const today = () => new Date().toLocaleDateString('en-CA');
