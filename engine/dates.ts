/** Whole days between ISO dates, and day arithmetic, in UTC so no time zone shifts a day. */
const DAY = 86_400_000;
const ms = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

export const daysBetween = (from: string, to: string): number => Math.round((ms(to) - ms(from)) / DAY);
export const addDays = (iso: string, days: number): string => new Date(ms(iso) + days * DAY).toISOString().slice(0, 10);
export const within = (day: string, from: string, to: string): boolean => day >= from && day <= to;
