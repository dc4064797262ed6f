import { addDays } from '../../engine/dates';
import { LOOKBACK_DAYS } from '../../main/runs/load-facts';

/** The month bench:calc's runs calculate. */
export const period = { from: '2026-10-01', to: '2026-10-31' };

/**
 * The sales lines a run of that month reads (the month and the lookback before it): kept when the
 * workspace is built, read alone by the child's `read`.
 */
export const salesWindow = { from: addDays(period.from, -LOOKBACK_DAYS), to: period.to };
