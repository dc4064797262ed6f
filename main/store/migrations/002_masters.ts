import type { Migration } from '../migration';

/** Distributors, outlets and products. Every row remembers the file row it came from. */
export const masters: Migration = {
  version: 2,
  name: 'masters',
  up(db) {
    db.exec(`
      CREATE TABLE distributors (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        region TEXT, area TEXT, territory TEXT, channel TEXT, class TEXT,
        gstin TEXT, phone TEXT, address TEXT, onboarded_on TEXT, status TEXT,
        batch_id INTEGER NOT NULL REFERENCES import_batches(id),
        source_sheet TEXT, source_row INTEGER
      ) STRICT;
      CREATE TABLE outlets (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        distributor_code TEXT NOT NULL REFERENCES distributors(code),
        channel TEXT, class TEXT, town TEXT, address TEXT, phone TEXT, gstin TEXT, created_on TEXT,
        batch_id INTEGER NOT NULL REFERENCES import_batches(id),
        source_sheet TEXT, source_row INTEGER
      ) STRICT;
      CREATE INDEX outlets_distributor ON outlets (distributor_code);
      CREATE TABLE products (
        id INTEGER PRIMARY KEY,
        sku TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        brand TEXT, category TEXT, subcategory TEXT, uom TEXT, pack_size TEXT,
        mrp INTEGER, unit_cost INTEGER, launch_date TEXT,
        batch_id INTEGER NOT NULL REFERENCES import_batches(id),
        source_sheet TEXT, source_row INTEGER
      ) STRICT;
    `);
  },
};
