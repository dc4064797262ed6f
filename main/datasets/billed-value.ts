/**
 * What a sales line bills, in SQL: its net value with its tax, round-off and other charges
 * (paise). What a distributor owes on an invoice, as early payment weighs it and a receipt is
 * spread over it.
 */
export const billedValue = 'net_value + coalesce(tax, 0) + coalesce(round_off, 0) + coalesce(charges, 0)';
