/** What a run's lines can be subtotalled by, and the column of review lines each one groups on. */
export const groupings = { scheme: 'scheme', region: 'region', distributor: 'payee' } as const;
export type Grouping = keyof typeof groupings;
export const groupingNames = Object.keys(groupings) as [Grouping, ...Grouping[]];
