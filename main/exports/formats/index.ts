import type { ExportFormat } from '../format';
import { businessCentral } from './business-central';
import { erpnext } from './erpnext';
import { netsuite } from './netsuite';
import { quickbooks } from './quickbooks';
import { registerCsv } from './register-csv';
import { registerXlsx } from './register-xlsx';
import { sap } from './sap';
import { statements } from './statements';
import { tallyXml } from './tally-xml';
import { xero } from './xero';
import { zoho } from './zoho';

/** Every export format, in the order the Exports screen offers them. */
export const exportFormats = [
  registerXlsx,
  registerCsv,
  tallyXml,
  sap,
  quickbooks,
  xero,
  erpnext,
  zoho,
  netsuite,
  businessCentral,
  statements,
] as const satisfies readonly ExportFormat[];

export const exportFormatIds = [
  'xlsx',
  'csv',
  'tally-xml',
  'sap',
  'quickbooks',
  'xero',
  'erpnext',
  'zoho',
  'netsuite',
  'business-central',
  'statements',
] as const;
export type ExportFormatId = (typeof exportFormatIds)[number];

export function exportFormat(id: ExportFormatId): ExportFormat {
  const found = exportFormats.find((f) => f.id === id);
  if (!found) throw new Error(`Unknown export format ${id}`);
  return found;
}
