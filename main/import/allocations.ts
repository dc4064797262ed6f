import { scaledIntegerToString } from '../../engine/money';
import { counted } from '../format/numbers';

/**
 * A receipt spread over the bills it settles: ERPNext's Payment Entry with its Payment References
 * (the receipt on its first row, each bill on a row of its own), Zoho's payments with the Amount
 * Applied to each invoice. Each row's amount is what it allocates to its bill, so an early-payment
 * scheme sees each bill paid by what was applied to it, never by the whole receipt. This keeps,
 * per receipt, what was paid (the first amount the file gives it) and what the rows allocate, to
 * say what no bill took and which receipts allocate more than was paid.
 */
export class ReceiptAllocations {
  private readonly receipts = new Map<string, { name: string; paid: number | null; allocated: number; row: number }>();

  /** A row of receipt `key` (its party and number) allocating `allocated` paise; `paid` as the row gives it. */
  add(key: string, name: string, row: number, paid: number | null, allocated: number): void {
    const known = this.receipts.get(key);
    if (!known) this.receipts.set(key, { name, paid, allocated, row });
    else {
      known.paid ??= paid;
      known.allocated += allocated;
    }
  }

  /** What the result says: the rule, and the money received that no bill took. */
  decision(column: string): string {
    let unallocated = 0;
    let receipts = 0;
    for (const r of this.receipts.values())
      if (r.paid !== null && r.paid > r.allocated) {
        unallocated += r.paid - r.allocated;
        receipts++;
      }
    const rule = `Amounts are what each row allocates to its bill (${column}), not the whole receipt`;
    return unallocated === 0
      ? rule
      : `${rule}: ₹${scaledIntegerToString(unallocated, 2)} of ${counted(receipts, 'receipt', 'receipts')} was allocated to no bill and is not imported`;
  }

  /** Receipts whose rows allocate more than was paid: a file that does not add up. */
  overAllocated(): string[] {
    return [...this.receipts.values()]
      .filter((r) => r.paid !== null && r.allocated > r.paid)
      .map(
        (r) =>
          `receipt ${r.name} (row ${r.row}) allocates ${scaledIntegerToString(r.allocated, 2)} to its bills but was paid ${scaledIntegerToString(r.paid ?? 0, 2)}`,
      );
  }
}
