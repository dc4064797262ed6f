import type Database from 'better-sqlite3';
import { scaledIntegerToString } from '../../engine/money';
import type { StoredValue } from '../datasets/insert';
import { counted } from '../format/numbers';
import { DigestTable } from './digest-table';

/**
 * A receipt written on several rows against one bill — paid partly in cash and partly by cheque,
 * or in two parts under one number — is one payment of that bill by that receipt: each later row
 * of the same receipt, bill and date (its identity) is added into the first one's stored row,
 * where it was refused as a duplicate of it. A row repeated in every column is more likely an
 * export's repeat than a second payment: it stays refused.
 */
export class ReceiptRows {
  /**
   * The stored row of each receipt's bill in this file, by identity: in a typed array, as the
   * import keeps every row's identity. For a million rows a Map of keys and objects held 142 MB of
   * heap, which the collector walks.
   */
  private readonly ids = new DigestTable();
  private added = 0;
  private amount = 0;
  /** The receipts added to, by number. */
  private readonly receipts = new Set<string>();
  private readonly addTo: Database.Statement;

  constructor(db: Database.Database) {
    this.addTo = db.prepare('UPDATE payments SET amount = amount + ? WHERE rowid = ?');
  }

  /** A row stored for the receipt's bill whose identity is `key`. */
  kept(key: Buffer, id: number): void {
    this.ids.set(key, id);
  }

  /** The stored row a later row of the same receipt, bill and date would add its amount to, if any. */
  into(key: Buffer, line: Readonly<Record<string, StoredValue>>): number | undefined {
    const id = this.ids.get(key);
    return id !== undefined && typeof line.amount === 'number' ? id : undefined;
  }

  /** Adds the amount of a row that lands into the stored row `id`, as `into` answered. */
  add(id: number, line: Readonly<Record<string, StoredValue>>): void {
    const amount = line.amount as number;
    this.addTo.run(amount, id);
    this.added++;
    this.amount += amount;
    this.receipts.add(String(line.receipt_no));
  }

  /** What the result says of the rows added into others, if any were. */
  decision(): string | null {
    if (this.added === 0) return null;
    const shown = [...this.receipts].slice(0, 3).join(', ');
    return `${counted(this.added, 'row pays', 'rows pay')} under a receipt a row above already names, against the same bill (or on account) and on the same day (${shown}${this.receipts.size > 3 ? ', …' : ''}): each is a part of that receipt — cash and a cheque, written apart — and is added into that row (₹${scaledIntegerToString(this.amount, 2)} in all)`;
  }
}
