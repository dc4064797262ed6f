import { createReadStream } from 'node:fs';
import { withoutControls } from '../../format/cell-text';
import type { Cell, Source, SourceRow } from './types';
import { isoDateCell, UnreadableFileError } from './types';
import { parseXmlPart } from './xml';

/**
 * Tally's own XML (Export → XML of a Day Book, a Sales Register or vouchers: an ENVELOPE of
 * TALLYMESSAGEs, each a VOUCHER), read as the rows of TallyPrime's voucher layout in Excel, which
 * the importer already reads: a row for the party's ledger with the voucher's date, type and
 * number and its first item, a row for each further item, a row for each other ledger (sales,
 * CGST, SGST, the bank). Amounts are written unsigned beside their side (Tally writes a debit
 * negative), quantities with their unit ("10 Nos"), rates without theirs; a voucher Tally marks
 * cancelled or optional (a memorandum, outside the books) says so in its Status. The bills a
 * party's line settles or returns against (Agst Ref) are its Against Doc No.
 */
export const TALLY_VOUCHER_HEADERS = [
  'Voucher Date',
  'Voucher Type Name',
  'Voucher Number',
  'Ledger Name',
  'Ledger Amount',
  'Ledger Amount Dr/Cr',
  'Item Name',
  'Billed Quantity',
  'Item Rate',
  'Item Rate per',
  'Item Amount',
  'Against Doc No',
  'Status',
] as const;

interface Entry {
  fields: Record<string, string>;
  /** The names of the bills an entry's bill allocations are against (Agst Ref). */
  against: string[];
}

interface Voucher {
  fields: Record<string, string>;
  ledgers: Entry[];
  allLedgers: Entry[];
  items: Entry[];
  allItems: Entry[];
}

/**
 * A value as read: Tally marks a value of its own making, meaning none (`&#4; Not Applicable`,
 * `&#4; Primary`), with the control character &#4;, and pads quantities.
 */
const clean = (text: string) => (text.trimStart().startsWith('\u0004') ? '' : withoutControls(text).trim());

/** An amount as Tally writes it (a debit negative), unsigned, with its side. */
function sided(amount: string | undefined): [Cell, Cell] {
  const text = clean(amount ?? '');
  if (text === '') return [null, null];
  const debit = text.startsWith('-');
  const size = debit ? text.slice(1).trim() : text;
  return [size, /^0*(\.0*)?$/.test(size) ? null : debit ? 'Dr' : 'Cr'];
}

/** An unsigned amount (an item's, whose side its voucher's type says). */
const unsigned = (amount: string | undefined): Cell => {
  const text = clean(amount ?? '');
  return text === '' ? null : text.replace(/^-\s*/, '');
};

/** A rate as Tally writes it, "50.00/Nos": the price and the unit it is per. */
function rateOf(rate: string | undefined): [Cell, Cell] {
  const text = clean(rate ?? '');
  if (text === '') return [null, null];
  const at = text.indexOf('/');
  return at < 0 ? [text, null] : [text.slice(0, at).trim() || null, text.slice(at + 1).trim() || null];
}

/** Tally's date, 20261005, as a day. */
const dayOf = (date: string | undefined): Cell => {
  const text = clean(date ?? '');
  return /^\d{8}$/.test(text)
    ? isoDateCell(`${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`)
    : text || null;
};

const yes = (flag: string | undefined) => clean(flag ?? '').toLowerCase() === 'yes';

/** The rows of one voucher, in TallyPrime's voucher layout. */
function voucherRows(v: Voucher): Cell[][] {
  const ledgers = v.allLedgers.length > 0 ? v.allLedgers : v.ledgers;
  const items = v.allItems.length > 0 ? v.allItems : v.items;
  const partyName = clean(v.fields.PARTYLEDGERNAME ?? '');
  const isParty = (e: Entry) =>
    yes(e.fields.ISPARTYLEDGER) || (partyName !== '' && clean(e.fields.LEDGERNAME ?? '') === partyName);
  const party = ledgers.find(isParty) ?? null;
  const others = ledgers.filter((e) => e !== party);
  const status = yes(v.fields.ISCANCELLED) ? 'Cancelled' : yes(v.fields.ISOPTIONAL) ? 'Draft' : null;
  const itemCells = (e: Entry | undefined): Cell[] => {
    if (!e) return [null, null, null, null, null];
    const [rate, per] = rateOf(e.fields.RATE);
    const billed = clean(e.fields.BILLEDQTY ?? e.fields.ACTUALQTY ?? '');
    return [clean(e.fields.STOCKITEMNAME ?? '') || null, billed || null, rate, per, unsigned(e.fields.AMOUNT)];
  };
  const against = (e: Entry | null) => (e && e.against.length > 0 ? e.against.join(', ') : null);
  const first: Cell[] = [
    dayOf(v.fields.DATE),
    clean(v.fields.VOUCHERTYPENAME ?? '') || null,
    clean(v.fields.VOUCHERNUMBER ?? '') || null,
    party ? clean(party.fields.LEDGERNAME ?? '') : partyName || null,
    ...(party ? sided(party.fields.AMOUNT) : [null, null]),
    ...itemCells(items[0]),
    against(party),
    status,
  ];
  const rows = [first];
  for (const item of items.slice(1)) rows.push([null, null, null, null, null, null, ...itemCells(item), null, status]);
  for (const e of others)
    rows.push([
      null,
      null,
      null,
      clean(e.fields.LEDGERNAME ?? '') || null,
      ...sided(e.fields.AMOUNT),
      null,
      null,
      null,
      null,
      null,
      against(e),
      status,
    ]);
  return rows;
}

/** The lists of a voucher whose entries become rows, by their tags. */
const entryLists: Record<string, keyof Omit<Voucher, 'fields'>> = {
  'LEDGERENTRIES.LIST': 'ledgers',
  'ALLLEDGERENTRIES.LIST': 'allLedgers',
  'INVENTORYENTRIES.LIST': 'items',
  'ALLINVENTORYENTRIES.LIST': 'allItems',
};

/** A master of Tally's: a ledger (a customer among them) or a stock item, by its fields. */
interface Master {
  name: string;
  fields: Record<string, string>;
  /** Its names: the first its name, the others its aliases (often a code). */
  names: string[];
  address: string[];
}

/** The sheets a file's masters are read into, as Tally's List of Ledgers and of Stock Items write them. */
const masterSheets = {
  LEDGER: {
    sheet: 'Ledgers',
    headers: ['Name', 'Alias', 'Under', 'GSTIN', 'State', 'Pincode', 'Address', 'Phone'],
    cells: (m: Master): Cell[] => [
      m.fields.PARTYGSTIN ?? null,
      m.fields.LEDSTATENAME ?? m.fields.STATENAME ?? null,
      m.fields.PINCODE ?? null,
      m.address.join(', ') || null,
      m.fields.LEDGERPHONE ?? m.fields.LEDGERMOBILE ?? null,
    ],
  },
  STOCKITEM: {
    sheet: 'Stock Items',
    headers: ['Name', 'Alias', 'Under', 'Category', 'Units'],
    cells: (m: Master): Cell[] => [m.fields.CATEGORY ?? null, m.fields.BASEUNITS ?? null],
  },
} as const;

/** A master's row: its name, its first alias, its group, then what its sheet reads of it. */
function masterRow(tag: keyof typeof masterSheets, m: Master): Cell[] {
  const name = clean(m.name) || clean(m.names[0] ?? '');
  const alias = m.names.map(clean).find((n) => n !== '' && n !== name) ?? null;
  const own = masterSheets[tag].cells(m).map((c) => (typeof c === 'string' ? clean(c) || null : c));
  return [name || null, alias, clean(m.fields.PARENT ?? '') || null, ...own];
}

/**
 * Reads a Tally XML file: its vouchers as one sheet, "Vouchers", in TallyPrime's voucher layout;
 * its ledgers and stock items (an export of masters) as "Ledgers" and "Stock Items", in the
 * columns of Tally's lists of them, each name's first alias its code. Refused as damaged where
 * the XML is not whole, or holds neither (a report's totals).
 */
export async function parseTallyXml(path: string, name: string): Promise<Source> {
  const rows: SourceRow[] = [{ number: 1, cells: [...TALLY_VOUCHER_HEADERS] }];
  const masters: Record<keyof typeof masterSheets, SourceRow[]> = { LEDGER: [], STOCKITEM: [] };
  // The open elements, innermost last; the voucher, entry, bill allocation or master being read.
  const open: string[] = [];
  let voucher: Voucher | null = null;
  let entry: Entry | null = null;
  let bill: Record<string, string> | null = null;
  let master: { tag: keyof typeof masterSheets; record: Master } | null = null;
  let text = '';
  const handlers = {
    open(tag: string, attributes: Record<string, string>) {
      const parent = open.at(-1);
      open.push(tag);
      text = '';
      if (tag === 'VOUCHER') voucher = { fields: {}, ledgers: [], allLedgers: [], items: [], allItems: [] };
      else if (voucher && !entry && entryLists[tag]) {
        entry = { fields: {}, against: [] };
        voucher[entryLists[tag]].push(entry);
      } else if (entry && tag === 'BILLALLOCATIONS.LIST') bill = {};
      else if (parent === 'TALLYMESSAGE' && (tag === 'LEDGER' || tag === 'STOCKITEM'))
        master = { tag, record: { name: attributes.NAME ?? '', fields: {}, names: [], address: [] } };
    },
    text(piece: string) {
      text += piece;
    },
    close(tag: string) {
      open.pop();
      const parent = open.at(-1);
      const m = master as { tag: keyof typeof masterSheets; record: Master } | null;
      if (tag === 'VOUCHER' && voucher) {
        for (const cells of voucherRows(voucher)) rows.push({ number: rows.length + 1, cells });
        voucher = null;
      } else if (entry && entryLists[tag]) entry = null;
      else if (bill && tag === 'BILLALLOCATIONS.LIST') {
        if (clean(bill.BILLTYPE ?? '').toLowerCase() === 'agst ref' && clean(bill.NAME ?? ''))
          (entry as Entry | null)?.against.push(clean(bill.NAME ?? ''));
        bill = null;
      } else if (bill && parent === 'BILLALLOCATIONS.LIST') bill[tag] = text;
      else if (entry && parent && entryLists[parent]) (entry as Entry).fields[tag] = text;
      else if (voucher && parent === 'VOUCHER') (voucher as Voucher).fields[tag] = text;
      else if (m && tag === m.tag) {
        const list = masters[m.tag];
        list.push({ number: list.length + 2, cells: masterRow(m.tag, m.record) });
        master = null;
      } else if (m && tag === 'NAME' && parent === 'NAME.LIST') m.record.names.push(text);
      else if (m && tag === 'ADDRESS' && parent === 'ADDRESS.LIST') m.record.address.push(clean(text));
      else if (m && parent === m.tag) m.record.fields[tag] = text;
      text = '';
    },
  };
  for await (const _ of parseXmlPart(name, createReadStream(path), handlers));
  const sheets = [
    ...(rows.length > 1 ? [{ name: 'Vouchers', rows }] : []),
    ...(['LEDGER', 'STOCKITEM'] as const)
      .filter((tag) => masters[tag].length > 0)
      .map((tag) => ({
        name: masterSheets[tag].sheet,
        rows: [{ number: 1, cells: [...masterSheets[tag].headers] }, ...masters[tag]],
      })),
  ];
  if (sheets.length === 0)
    throw new UnreadableFileError(
      `${name} is Tally's XML but holds no voucher, ledger or stock item: export the Day Book, the register or the masters from Tally`,
    );
  return {
    format: 'tally-xml',
    date1904: false,
    async *sheets() {
      for (const sheet of sheets)
        yield {
          name: sheet.name,
          totalRows: sheet.rows.length,
          async *rows() {
            yield* sheet.rows;
          },
        };
    },
  };
}
