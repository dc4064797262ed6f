/** Whole-day arithmetic on ISO dates (YYYY-MM-DD), in UTC so no time zone can shift a day. */
export function monthBounds(month: string): { from: string; to: string; days: number } {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`Month must be written YYYY-MM, not "${month}"`);
  const [y, m] = month.split('-').map(Number) as [number, number];
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(days).padStart(2, '0')}`, days };
}

export function toUtcDate(iso: string): Date {
  return new Date(`${iso}T00:00:00Z`);
}
