/** What the controls flag (controls/), with the words the window and the summary use for each. */
export const flagLabels = {
  'shared-identity': 'Outlets sharing a phone, GSTIN or address',
  'late-first-bill': 'First bills at the end of the period',
  'period-end-spike': 'Period-end spike, then returns',
  'slab-edge': 'Measure just above a slab',
  'duplicate-invoice': 'Duplicate invoices',
  'token-bills': 'Outlets counted on one tiny bill',
  'over-discount': 'Discount above the ceiling',
  'over-budget': 'Scheme over its budget',
  'margin-floor': 'Margin below the floor',
  'budget-burn': 'Scheme near its budget',
  'inactive-payee': 'Payee not trading, by the masters',
  'unmatched-receipt': 'Receipts naming no invoice of the payee',
  'unmatched-return': 'Credit notes naming no invoice of the payee',
} as const;
export type FlagKind = keyof typeof flagLabels;
export const flagKinds = Object.keys(flagLabels) as FlagKind[];

/** The same in a few words, for the chips of the review grid's Flags column. */
export const flagShortLabels: Record<FlagKind, string> = {
  'shared-identity': 'Shared identity',
  'late-first-bill': 'Late first bill',
  'period-end-spike': 'Period-end spike',
  'slab-edge': 'Slab edge',
  'duplicate-invoice': 'Duplicate invoice',
  'token-bills': 'Token bills',
  'over-discount': 'Over discount',
  'over-budget': 'Over budget',
  'margin-floor': 'Below margin floor',
  'budget-burn': 'Budget burn',
  'inactive-payee': 'Not trading',
  'unmatched-receipt': 'Unmatched receipts',
  'unmatched-return': 'Unmatched returns',
};
