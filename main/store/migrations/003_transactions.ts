import type { Migration } from '../migration';

/**
 * Sales, receivables, payments and targets. Money columns hold integer minor units (paise),
 * qty holds thousandths of a unit; a credit note is stored with negative qty and amounts so
 * that a plain SUM is the net figure.
 */
export const transactions: Migration = {
  version: 3,
  name: 'transactions',
  up(db) {
    db.exec(`
      CREATE TABLE sales (
        id INTEGER PRIMARY KEY,
        doc_type TEXT NOT NULL CHECK (doc_type IN ('invoice', 'credit_note')),
        doc_no TEXT NOT NULL,
        doc_date TEXT NOT NULL,
        line_no INTEGER,
        distributor_code TEXT NOT NULL REFERENCES distributors(code),
        outlet_code TEXT REFERENCES outlets(code),
        sku TEXT NOT NULL REFERENCES products(sku),
        qty INTEGER NOT NULL,
        gross_value INTEGER, discount INTEGER,
        net_value INTEGER NOT NULL,
        tax INTEGER,
        against_doc_no TEXT,
        batch_id INTEGER NOT NULL REFERENCES import_batches(id),
        source_sheet TEXT, source_row INTEGER
      ) STRICT;
      CREATE INDEX sales_doc ON sales (doc_no, line_no);
      CREATE INDEX sales_period ON sales (doc_date, distributor_code);
      CREATE TABLE receivables (
        id INTEGER PRIMARY KEY,
        as_of TEXT NOT NULL,
        distributor_code TEXT NOT NULL REFERENCES distributors(code),
        doc_no TEXT NOT NULL,
        doc_date TEXT NOT NULL,
        due_date TEXT,
        amount INTEGER,
        outstanding INTEGER NOT NULL,
        batch_id INTEGER NOT NULL REFERENCES import_batches(id),
        source_sheet TEXT, source_row INTEGER
      ) STRICT;
      CREATE TABLE payments (
        id INTEGER PRIMARY KEY,
        receipt_no TEXT NOT NULL,
        receipt_date TEXT NOT NULL,
        distributor_code TEXT NOT NULL REFERENCES distributors(code),
        amount INTEGER NOT NULL,
        against_doc_no TEXT,
        mode TEXT,
        batch_id INTEGER NOT NULL REFERENCES import_batches(id),
        source_sheet TEXT, source_row INTEGER
      ) STRICT;
      CREATE TABLE targets (
        id INTEGER PRIMARY KEY,
        period_from TEXT NOT NULL,
        period_to TEXT NOT NULL,
        distributor_code TEXT NOT NULL REFERENCES distributors(code),
        measure TEXT,
        scheme_code TEXT,
        value TEXT NOT NULL,
        batch_id INTEGER NOT NULL REFERENCES import_batches(id),
        source_sheet TEXT, source_row INTEGER,
        CHECK (measure IS NOT NULL OR scheme_code IS NOT NULL)
      ) STRICT;
    `);
  },
};
