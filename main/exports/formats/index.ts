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

/** The writer of each format; the id is the key, as `--format` and the API name it. */
export const exportFormats: Record<ExportFormatId, ExportFormat> = {
  xlsx: registerXlsx,
  csv: registerCsv,
  'tally-xml': tallyXml,
  sap,
  quickbooks,
  xero,
  erpnext,
  zoho,
  netsuite,
  'business-central': businessCentral,
  statements,
};
