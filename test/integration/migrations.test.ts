import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { integrityProblems } from '../../main/audit/integrity';
import { datasetKinds } from '../../main/datasets/kinds';
import { kindRules } from '../../main/import/kind-rules';
import { existingRowSql } from '../../main/import/stored-rows';
import { invoicesSql } from '../../main/runs/load-facts';
import { applyMigrations } from '../../main/store/migration';
import { migrations } from '../../main/store/migrations';
import { workspace } from '../../main/store/migrations/001_workspace';
import { masters } from '../../main/store/migrations/002_masters';
import { transactions } from '../../main/store/migrations/003_transactions';
import { imports } from '../../main/store/migrations/004_imports';
import { schemes } from '../../main/store/migrations/005_schemes';
import { review } from '../../main/store/migrations/006_review';
import { exportsMigration } from '../../main/store/migrations/007_exports';
import { payoutRules } from '../../main/store/migrations/008_payout_rules';
import { sealedRuns } from '../../main/store/migrations/009_sealed_runs';
import { exportJobs } from '../../main/store/migrations/010_export_jobs';
import { mappingChoices } from '../../main/store/migrations/011_mapping_choices';
import { primarySalesIndex } from '../../main/store/migrations/012_primary_sales_index';

/** Each migration on its own, on a real (in-memory) SQLite database. */
function dbWith(...steps: Parameters<typeof applyMigrations>[1]) {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  applyMigrations(db, steps);
  return db;
}

const batch = (db: Database.Database) =>
  Number(
    db
      .prepare(
        `INSERT INTO import_batches (kind, file_name, sha256, size_bytes, sheet, rows_read, rows_imported, imported_by, imported_at)
         VALUES ('distributors', 'd.xlsx', ?, 1, NULL, 0, 0, 'test', 'now')`,
      )
      .run('a'.repeat(64)).lastInsertRowid,
  );

describe('001 workspace', () => {
  it('starts the workspace in rupees, written the Indian way', () => {
    const db = dbWith(workspace);
    expect(db.prepare('SELECT key, value FROM settings ORDER BY key').all()).toEqual([
      { key: 'currency', value: 'INR' },
      { key: 'locale', value: 'en-IN' },
    ]);
  });

  it('accepts only a real SHA-256 for a batch', () => {
    const db = dbWith(workspace);
    expect(() =>
      db
        .prepare(
          `INSERT INTO import_batches (kind, file_name, sha256, size_bytes, rows_read, rows_imported, imported_by, imported_at)
           VALUES ('sales', 'f', 'short', 1, 0, 0, 'u', 'now')`,
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
  });
});

describe('002 masters', () => {
  let db: Database.Database;
  beforeEach(() => {
    db = dbWith(workspace, masters);
  });

  it('refuses an outlet of an unknown distributor', () => {
    const b = batch(db);
    expect(() =>
      db
        .prepare("INSERT INTO outlets (code, name, distributor_code, batch_id) VALUES ('O1', 'Shop', 'D404', ?)")
        .run(b),
    ).toThrow(/FOREIGN KEY constraint failed/);
    db.prepare("INSERT INTO distributors (code, name, batch_id) VALUES ('D1', 'Dist', ?)").run(b);
    db.prepare("INSERT INTO outlets (code, name, distributor_code, batch_id) VALUES ('O1', 'Shop', 'D1', ?)").run(b);
  });

  it('keeps codes unique', () => {
    const b = batch(db);
    db.prepare("INSERT INTO products (sku, name, batch_id) VALUES ('S1', 'Soap', ?)").run(b);
    expect(() =>
      db.prepare("INSERT INTO products (sku, name, batch_id) VALUES ('S1', 'Soap again', ?)").run(b),
    ).toThrow(/UNIQUE/);
  });
});

describe('003 transactions', () => {
  it('stores money as integers and accepts only the two document types', () => {
    const db = dbWith(workspace, masters, transactions);
    const b = batch(db);
    db.prepare("INSERT INTO distributors (code, name, batch_id) VALUES ('D1', 'Dist', ?)").run(b);
    db.prepare("INSERT INTO products (sku, name, batch_id) VALUES ('S1', 'Soap', ?)").run(b);
    const insert = db.prepare(
      `INSERT INTO sales (doc_type, doc_no, doc_date, distributor_code, sku, qty, net_value, batch_id)
       VALUES (?, 'X1', '2026-10-01', 'D1', 'S1', ?, ?, ?)`,
    );
    insert.run('invoice', 2000, 12345, b);
    insert.run('credit_note', -1000, -6172, b);
    expect(() => insert.run('debit_note', 1000, 1, b)).toThrow(/CHECK constraint failed/);
    // STRICT tables refuse a float where money belongs.
    expect(() => insert.run('invoice', 1000, 12.5, b)).toThrow(/cannot store REAL value in INTEGER column/);
    expect(db.prepare('SELECT sum(net_value) AS net FROM sales').get()).toEqual({ net: 6173 });
  });

  it('needs a measure or a scheme on every target', () => {
    const db = dbWith(workspace, masters, transactions);
    const b = batch(db);
    db.prepare("INSERT INTO distributors (code, name, batch_id) VALUES ('D1', 'Dist', ?)").run(b);
    expect(() =>
      db
        .prepare(
          "INSERT INTO targets (period_from, period_to, distributor_code, value, batch_id) VALUES ('2026-10-01', '2026-10-31', 'D1', '5', ?)",
        )
        .run(b),
    ).toThrow(/CHECK constraint failed/);
  });
});

describe('006 review', () => {
  it('snapshots payee attributes onto existing lines and guards overrides, users and the audit log', () => {
    const db = dbWith(workspace, masters, transactions, imports, schemes);
    const b = batch(db);
    db.prepare("INSERT INTO distributors (code, name, region, batch_id) VALUES ('D1', 'Dist One', 'North', ?)").run(b);
    db.prepare("INSERT INTO schemes (code, current_version) VALUES ('S', 1)").run();
    db.prepare(
      "INSERT INTO scheme_versions (code, version, definition, saved_by, saved_at) VALUES ('S', 1, '{}', 't', 'now')",
    ).run();
    db.prepare(
      `INSERT INTO runs (period_from, period_to, engine_version, scheme_versions, inputs, line_count, total, created_by, created_at)
       VALUES ('2026-10-01', '2026-10-31', '1', '[]', '[]', 1, 500, 't', 'now')`,
    ).run();
    db.prepare(
      `INSERT INTO payout_lines (run_id, scheme_version_id, scheme_code, payee, kind, measure, unit, computed, final, adjustments,
         explanation, source_table, source_ids, effective_rate) VALUES (1, 1, 'S', 'D1', 'payout', '1', 'rupees', 500, 500, '[]', 'e', 'sales', x'', '0')`,
    ).run();
    applyMigrations(db, [review]);
    expect(db.prepare('SELECT payee_name, region FROM payout_lines').get()).toEqual({
      payee_name: 'Dist One',
      region: 'North',
    });
    expect(() =>
      db
        .prepare(
          "INSERT INTO overrides (run_id, scheme_code, payee, kind, amount, calculated, reason, made_by, made_at) VALUES (1, 'S', 'D1', 'payout', 0, 500, ' ', 't', 'now')",
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO users (name, full_name, role, pin_hash, created_at) VALUES ('x', 'X', 'boss', 'h', 'now')",
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    // A line is payable at its current override; a cleared (NULL) or superseded one does not count.
    const override = db.prepare(
      "INSERT INTO overrides (run_id, scheme_code, payee, kind, amount, calculated, reason, made_by, made_at, superseded_at) VALUES (1, 'S', 'D1', 'payout', ?, 500, 'r', 't', 'now', ?)",
    );
    override.run(100, 'later');
    override.run(300, null);
    expect(db.prepare('SELECT final, override, payable FROM payable_lines').get()).toEqual({
      final: 500,
      override: 300,
      payable: 300,
    });
    db.prepare('UPDATE overrides SET superseded_at = ? WHERE superseded_at IS NULL').run('later');
    override.run(null, null);
    expect(db.prepare('SELECT override, payable FROM payable_lines').get()).toEqual({ override: null, payable: 500 });
    db.prepare("INSERT INTO audit_log VALUES (1, 'now', 't', 'a', 's', NULL, NULL, '0', 'h')").run();
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});

describe('007 exports', () => {
  it('records exports of approved runs only (drafts aside) and never changes or removes one', () => {
    const db = dbWith(workspace, masters, transactions, imports, schemes, review, exportsMigration);
    db.prepare(
      `INSERT INTO runs (period_from, period_to, engine_version, scheme_versions, inputs, line_count, total, created_by, created_at)
       VALUES ('2026-10-01', '2026-10-31', '1', '[]', '[]', 0, 500, 't', 'now')`,
    ).run();
    const record = db.prepare(
      `INSERT INTO exports (run_id, format, profile, draft, folder, files, control_total, made_by, made_at)
       VALUES (1, 'csv', 'Default', ?, '/tmp', '[]', 500, 't', 'now')`,
    );
    expect(() => record.run(0)).toThrow(/Only an approved run is exported/);
    record.run(1);
    db.prepare("UPDATE runs SET status = 'submitted', submitted_by = 's' WHERE id = 1").run();
    db.prepare("UPDATE runs SET status = 'approved', approved_by = 'a', approved_at = 'now' WHERE id = 1").run();
    record.run(0);
    expect(db.prepare('SELECT count(*) AS n FROM exports').get()).toEqual({ n: 2 });
    expect(() => db.prepare("UPDATE exports SET files = '[1]'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM exports').run()).toThrow(/append-only/);
    db.prepare("INSERT INTO export_profiles VALUES ('Default', '{}', 't', 'now')").run();
    expect(() => db.prepare("INSERT INTO export_profiles VALUES ('default', '{}', 't', 'now')").run()).toThrow(
      /UNIQUE/,
    );
  });
});

describe('008 payout rules', () => {
  it('adds a ledger name to distributors and a JSON list of notices to runs, empty for runs made before', () => {
    const db = dbWith(workspace, masters, transactions, imports, schemes, review, exportsMigration);
    db.prepare(
      `INSERT INTO runs (period_from, period_to, engine_version, scheme_versions, inputs, line_count, total, created_by, created_at)
       VALUES ('2026-10-01', '2026-10-31', '1', '[]', '[]', 0, 500, 't', 'now')`,
    ).run();
    applyMigrations(db, [payoutRules]);
    expect(db.prepare('SELECT notices FROM runs').get()).toEqual({ notices: '[]' });
    expect(() => db.prepare("UPDATE runs SET notices = 'not json' WHERE id = 1").run()).toThrow(/CHECK constraint/);
    const b = batch(db);
    db.prepare(
      "INSERT INTO distributors (code, name, ledger_name, batch_id) VALUES ('D1', 'Kaveri', 'Kaveri (Pune)', ?)",
    ).run(b);
    expect(db.prepare('SELECT ledger_name FROM distributors').get()).toEqual({ ledger_name: 'Kaveri (Pune)' });
  });
});

describe('009 sealed runs', () => {
  it('gives users ids, ties an approved run to them and seals it, its users and the guards in the audit chain', () => {
    const db = dbWith(workspace, masters, transactions, imports, schemes, review, exportsMigration, payoutRules);
    const user = db.prepare(
      "INSERT INTO users (name, full_name, role, pin_hash, created_at) VALUES (?, ?, ?, 'h', 'now')",
    );
    user.run('priya', 'Priya', 'preparer');
    user.run('arjun', 'Arjun', 'approver');
    db.prepare(
      `INSERT INTO runs (period_from, period_to, engine_version, scheme_versions, inputs, line_count, total, created_by, created_at)
       VALUES ('2026-10-01', '2026-10-31', '1', '[]', '[]', 0, 0, 'priya', 'now')`,
    ).run();
    db.prepare("UPDATE runs SET status = 'calculated' WHERE id = 1").run();
    db.prepare("UPDATE runs SET status = 'submitted', submitted_by = 'priya' WHERE id = 1").run();
    db.prepare("UPDATE runs SET status = 'approved', approved_by = 'arjun', approved_at = 'now' WHERE id = 1").run();
    applyMigrations(db, [sealedRuns]);
    const ids = db.prepare('SELECT id, name FROM users ORDER BY id').all();
    // Numbered in the order they were created (then by name).
    expect(ids).toEqual([
      { id: 1, name: 'arjun' },
      { id: 2, name: 'priya' },
    ]);
    expect(db.prepare('SELECT created_by_id, submitted_by_id, approved_by_id FROM runs').get()).toEqual({
      created_by_id: 2,
      submitted_by_id: 2,
      approved_by_id: 1,
    });
    const actions = db.prepare('SELECT action, subject FROM audit_log ORDER BY seq').all();
    expect(actions).toEqual([
      { action: 'schema.guards', subject: 'workspace' },
      { action: 'user.baseline', subject: 'user #1' },
      { action: 'user.baseline', subject: 'user #2' },
      { action: 'run.seal', subject: 'run 1' },
    ]);
    expect(integrityProblems(db)).toEqual([]);
    expect(() => db.prepare("UPDATE runs SET approved_by = 'priya' WHERE id = 1").run()).toThrow(/written once/);
  });
});

describe('010 export jobs', () => {
  it('keeps exports in flight apart from the append-only history, each tied to a run', () => {
    const db = dbWith(workspace, masters, transactions, imports, schemes, review, exportsMigration, payoutRules);
    applyMigrations(db, [sealedRuns, exportJobs]);
    expect(() =>
      db
        .prepare("INSERT INTO export_jobs (run_id, stage, folder, moves, started_at) VALUES (7, 's', 'f', '[]', 'now')")
        .run(),
    ).toThrow(/FOREIGN KEY/);
    expect(() =>
      db
        .prepare("INSERT INTO export_jobs (run_id, stage, folder, moves, started_at) VALUES (7, 's', 'f', 'x', 'now')")
        .run(),
    ).toThrow(/CHECK|FOREIGN KEY/);
  });
});

describe('011 mapping choices', () => {
  it('gives every saved mapping a JSON object of choices, empty for those saved before', () => {
    const db = dbWith(workspace, masters, transactions, imports);
    db.prepare(
      "INSERT INTO mapping_profiles (name, kind, header_signature, mapping, updated_at) VALUES ('Old', 'sales', 'x', '{}', 'now')",
    ).run();
    applyMigrations(db, [schemes, review, exportsMigration, payoutRules, sealedRuns, exportJobs, mappingChoices]);
    expect(db.prepare('SELECT choices FROM mapping_profiles').get()).toEqual({ choices: '{}' });
    expect(() => db.prepare("UPDATE mapping_profiles SET choices = 'x'").run()).toThrow(/CHECK/);
  });
});

describe('012 primary sales index', () => {
  it("reads a run's invoices to distributors by the primary-sales index, not by walking the period's outlet lines", () => {
    const db = dbWith(workspace, masters, transactions, imports, schemes, review, exportsMigration, payoutRules);
    applyMigrations(db, [sealedRuns, exportJobs, mappingChoices]);
    // The query as runs ask it now reads each document's round-off (migration 21) and other charges (25) too.
    db.exec('ALTER TABLE sales ADD COLUMN round_off INTEGER; ALTER TABLE sales ADD COLUMN charges INTEGER');
    const plan = () =>
      (
        db.prepare(`EXPLAIN QUERY PLAN ${invoicesSql}`).all({ from: '2026-10-01', to: '2026-10-31' }) as {
          detail: string;
        }[]
      )
        .map((p) => p.detail)
        .filter((d) => /\bsales\b/.test(d));
    expect(plan()).toEqual([
      expect.stringMatching(/USING INDEX sales_period/),
      expect.stringMatching(/USING INDEX sales_period/),
    ]);
    applyMigrations(db, [primarySalesIndex]);
    expect(plan()).toEqual([
      expect.stringMatching(/SEARCH sales USING INDEX sales_primary/),
      expect.stringMatching(/SEARCH sales USING INDEX sales_primary/),
    ]);
  });

  it('the duplicate check of every dataset searches by the index its lookup fields lead, never by a wider one', () => {
    const db = dbWith(...migrations);
    const plans = Object.fromEntries(
      datasetKinds.map((kind) => {
        const params = [...kindRules[kind].identity.map(() => 'x'), 1];
        const detail = (db.prepare(`EXPLAIN QUERY PLAN ${existingRowSql(kind)}`).all(...params) as { detail: string }[])
          .map((p) => p.detail)
          .join('; ');
        return [kind, detail.replace(/ \(.*\)$/, '')];
      }),
    );
    // A document's lines the import numbers are found by the document alone, through the same index.
    const documentPlan = db
      .prepare(`EXPLAIN QUERY PLAN ${existingRowSql('sales', kindRules.sales.documentIdentity)}`)
      .all('x', 'x', 'x', 'x', 1) as { detail: string }[];
    db.close();
    expect(documentPlan.map((p) => p.detail)).toEqual(['SEARCH sales USING INDEX sales_doc (doc_no=?)']);
    expect(plans).toEqual({
      distributors: 'SEARCH distributors USING INDEX sqlite_autoindex_distributors_1',
      outlets: 'SEARCH outlets USING INDEX sqlite_autoindex_outlets_1',
      products: 'SEARCH products USING INDEX sqlite_autoindex_products_1',
      sales: 'SEARCH sales USING INDEX sales_doc',
      receivables: 'SEARCH receivables USING INDEX receivables_doc',
      payments: 'SEARCH payments USING INDEX payments_receipt',
      targets: 'SEARCH targets USING INDEX targets_distributor',
    });
  });
});
