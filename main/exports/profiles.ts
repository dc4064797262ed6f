import type Database from 'better-sqlite3';
import { z } from 'zod';
import { appendAudit } from '../audit/log';
import { dateFormats } from './date-formats';

/**
 * How a run becomes an accounting system's import file: which ledgers and accounts the
 * payout is posted to, the company and document codes, the narration and the date format.
 * One profile serves every format; each writer reads the fields its system needs.
 */
const account = z.object({
  name: z.string().trim().min(1, 'a ledger or account name').max(100),
  code: z.string().trim().max(40).default(''),
});
export type Account = z.infer<typeof account>;

export const exportProfileSchema = z.object({
  name: z.string().trim().min(1, 'a profile name').max(60),
  /** The expense (Dr) ledger the scheme discount is booked to, unless a scheme has its own. */
  discountAccount: account.default({ name: 'Trade Scheme Discount', code: '4410' }),
  /** Per scheme code, a ledger of its own (for example one per program kind). */
  schemeAccounts: z.record(z.string(), account).default({}),
  /** The receivable control account, for journals that post the party through an account. */
  receivableAccount: account.default({ name: 'Accounts Receivable', code: '1100' }),
  /**
   * The party: the distributor's code (SAP, ERPNext, NetSuite, BC), its name (Tally, Zoho,
   * QuickBooks), or its ledger name from the distributors master (`ledger_name`; its name where
   * that is blank). Two payees that would land on one party are refused, except by code.
   */
  partyBy: z.enum(['code', 'name', 'ledger_name']).default('name'),
  /** SAP company code (BUKRS). */
  companyCode: z.string().trim().max(10).default('1000'),
  /** The company as Tally, ERPNext and NetSuite (subsidiary) name it. */
  companyName: z.string().trim().max(100).default(''),
  /** SAP document type (DG: customer credit memo); Business Central document type. */
  documentType: z.string().trim().max(30).default('DG'),
  /** Tally voucher types for a payee owed money, and for one whose clawbacks exceed it. */
  voucherType: z.string().trim().min(1).max(60).default('Credit Note'),
  debitVoucherType: z.string().trim().min(1).max(60).default('Debit Note'),
  /** Xero needs a tax rate on every line. */
  taxRate: z.string().trim().max(60).default('Tax Exempt'),
  /** Business Central journal template and batch; ERPNext naming series. */
  journalTemplate: z.string().trim().max(20).default('GENERAL'),
  journalBatch: z.string().trim().max(20).default('DEFAULT'),
  /** Placeholders: {run} {from} {to} {payee} {payeeName} {schemes} {document}. */
  narration: z.string().trim().min(1).max(250).default('Scheme payout {from} to {to}, run {run}: {schemes}'),
  /** Document numbers are `{prefix}-{run}-{n}`; the same run always gives the same numbers. */
  documentPrefix: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9/_-]{1,10}$/, 'up to 10 letters, digits, / _ or -')
    .default('SD'),
  /** `auto` uses each system's own convention (Tally's is fixed: YYYYMMDD). */
  dateFormat: z.enum(dateFormats).default('auto'),
});
export type ExportProfile = z.infer<typeof exportProfileSchema>;
export type ExportProfileInput = z.input<typeof exportProfileSchema>;

export const defaultProfileName = 'Default';
export const defaultProfile = (): ExportProfile => exportProfileSchema.parse({ name: defaultProfileName });

export interface SavedProfile {
  profile: ExportProfile;
  savedBy: string;
  savedAt: string;
}

export function listExportProfiles(db: Database.Database): SavedProfile[] {
  const rows = db.prepare('SELECT settings, saved_by, saved_at FROM export_profiles ORDER BY name').all() as {
    settings: string;
    saved_by: string;
    saved_at: string;
  }[];
  const saved = rows.map((r) => ({
    profile: exportProfileSchema.parse(JSON.parse(r.settings)),
    savedBy: r.saved_by,
    savedAt: r.saved_at,
  }));
  // The default is always there to export with, saved or not.
  if (!saved.some((s) => s.profile.name.toLowerCase() === defaultProfileName.toLowerCase())) {
    saved.unshift({ profile: defaultProfile(), savedBy: 'SchemeDesk', savedAt: '' });
  }
  return saved;
}

export class UnknownProfileError extends Error {}

export function exportProfile(db: Database.Database, name: string): ExportProfile {
  const found = listExportProfiles(db).find((s) => s.profile.name.toLowerCase() === name.trim().toLowerCase());
  if (!found) {
    const names = listExportProfiles(db).map((s) => s.profile.name);
    throw new UnknownProfileError(`There is no export profile "${name}". Saved profiles: ${names.join(', ')}`);
  }
  return found.profile;
}

/** Saves (or replaces) a profile, with the change in the audit log. */
export function saveExportProfile(db: Database.Database, input: ExportProfileInput, user: string): ExportProfile {
  const profile = exportProfileSchema.parse(input);
  return db
    .transaction(() => {
      const before = db.prepare('SELECT settings FROM export_profiles WHERE name = ?').get(profile.name) as
        | { settings: string }
        | undefined;
      db.prepare(
        `INSERT INTO export_profiles (name, settings, saved_by, saved_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET name = excluded.name, settings = excluded.settings,
           saved_by = excluded.saved_by, saved_at = excluded.saved_at`,
      ).run(profile.name, JSON.stringify(profile), user, new Date().toISOString());
      appendAudit(db, {
        user,
        action: 'export.profile',
        subject: `export profile ${profile.name}`,
        before: before ? JSON.parse(before.settings) : undefined,
        after: profile,
      });
      return profile;
    })
    .immediate();
}
