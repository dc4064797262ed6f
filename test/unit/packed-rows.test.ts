import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PackedRows, packedBuffers, packRows, unpackRows } from '../../main/import/packed-rows';
import type { Cell, SourceRow } from '../../main/import/readers/types';
import type { ConvertedRow } from '../../main/import/row-values';

/** A batch packed, posted across a real port with its buffers transferred, and unpacked there. */
function across(rows: SourceRow[], converted?: ConvertedRow[]) {
  const packed = packRows(rows, converted);
  const { port1, port2 } = new MessageChannel();
  port1.postMessage(packed, packedBuffers(packed));
  const received = receiveMessageOnPort(port2)?.message as PackedRows;
  port1.close();
  // Transferred, not copied: the sender's buffers are gone (the texts, one string, are copied).
  expect(packed.figures.byteLength + packed.tags.byteLength).toBe(0);
  return [...unpackRows(received)];
}

const fields = ['doc_no', 'doc_date', 'qty', 'net_value', 'outlet_code'];

/** Every value a reader gives a cell, and the ones a cell may hold without a reader meaning it. */
const cell: fc.Arbitrary<Cell | undefined> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.double(),
  fc.constantFrom(0, -0, Number.NaN, Number.POSITIVE_INFINITY, 1e21, 5e-324),
  fc.date({ noInvalidDate: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const oddCell = fc.oneof(fc.bigInt(), fc.constant({ richText: 'x' }), fc.constant(['nested']));

// fast-check's records have no prototype; the readers' rows are plain objects.
const plain = <T extends object>(record: T): T => ({ ...record });
const row: fc.Arbitrary<SourceRow> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({ number: fc.integer({ min: 1 }), cells: fc.sparseArray(cell, { maxLength: 12 }) }).map(plain),
  },
  // A voucher with its ledger lines under it.
  {
    weight: 1,
    arbitrary: fc
      .record({
        number: fc.integer({ min: 1 }),
        cells: fc.array(cell, { maxLength: 6 }),
        ledger: fc.array(fc.array(cell, { maxLength: 4 }), { maxLength: 3 }),
      })
      .map(plain),
  },
  // A cell of a type no reader gives.
  {
    weight: 1,
    arbitrary: fc.tuple(fc.array(cell, { maxLength: 6 }), oddCell, fc.nat(6)).map(([cells, odd, at]) => ({
      number: 7,
      cells: [...cells.slice(0, at), odd as unknown as Cell, ...cells.slice(at)],
    })),
  },
) as fc.Arbitrary<SourceRow>;

const storedValue = fc.oneof(fc.string({ unit: 'binary' }), fc.double(), fc.constant(null), fc.constant(undefined));
const plainValues = fc
  .tuple(...fields.map(() => storedValue))
  .map((vs) => Object.fromEntries(fields.map((f, i) => [f, vs[i]])));
const converted: fc.Arbitrary<ConvertedRow> = fc.oneof(
  { weight: 8, arbitrary: plainValues.map((values) => ({ values, problems: [] })) as fc.Arbitrary<ConvertedRow> },
  {
    weight: 1,
    arbitrary: plainValues.map((values) => ({
      values,
      problems: [{ field: 'qty', value: '12 boxes', message: 'is not a number' }],
    })) as fc.Arbitrary<ConvertedRow>,
  },
  {
    weight: 1,
    arbitrary: plainValues.map((values) => ({ values, problems: [], qtyUnit: 'Nos' })) as fc.Arbitrary<ConvertedRow>,
  },
  // Fields in another order, one left out, or a date (which no conversion gives).
  {
    weight: 1,
    arbitrary: fc.tuple(plainValues, fc.constantFrom('reversed', 'short', 'date')).map(([values, how]) => ({
      values:
        how === 'reversed'
          ? Object.fromEntries(Object.entries(values).reverse())
          : how === 'short'
            ? Object.fromEntries(Object.entries(values).slice(1))
            : { ...values, qty: new Date(0) },
      problems: [],
    })) as fc.Arbitrary<ConvertedRow>,
  },
);

describe('rows packed into columns for the import thread', () => {
  it('unpacks every row as it was packed: holes, -0, NaN, lone surrogates, dates, odd rows and all', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const unpacked = across(rows);
        expect(unpacked.map((u) => u.row)).toStrictEqual(rows);
        expect(unpacked.every((u) => u.converted === undefined)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it('unpacks each row with its converted values, findings and all, when the batch carries them', () => {
    // Most values are the text of one of their row's cells, as a code or a document number is.
    const fromCell = (r: SourceRow, c: ConvertedRow, field: string | null) => {
      const text = r.cells.findLast((cell) => typeof cell === 'string');
      return field === null || text === undefined || !(field in c.values)
        ? c
        : { ...c, values: { ...c.values, [field]: text } };
    };
    const batch = fc
      .array(fc.tuple(row, converted, fc.constantFrom(null, ...fields)), { maxLength: 40 })
      .map((triples) => ({
        rows: triples.map(([r]) => r),
        converted: triples.map(([r, c, field]) => fromCell(r, c, field)),
      }));
    fc.assert(
      fc.property(batch, ({ rows, converted: values }) => {
        const unpacked = across(rows, values);
        expect(unpacked.map((u) => u.row)).toStrictEqual(rows);
        expect(unpacked.map((u) => u.converted)).toStrictEqual(values);
        // In the order of their fields, too.
        expect(unpacked.map((u) => Object.keys(u.converted?.values ?? {}))).toEqual(
          values.map((c) => Object.keys(c.values)),
        );
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a cell that is no date as the same moment (an invalid date stays invalid)', () => {
    const [unpacked] = across([{ number: 2, cells: [new Date(Number.NaN), new Date(-1)] }]);
    const [invalid, before1970] = (unpacked?.row.cells ?? []) as Date[];
    expect(invalid).toBeInstanceOf(Date);
    expect(Number.isNaN(invalid?.getTime())).toBe(true);
    expect(before1970?.getTime()).toBe(-1);
  });
});
