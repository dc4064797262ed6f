import { describe, expect, it } from 'vitest';
import { digestSecret } from '../../main/import/digest-table';
import { DocumentLines } from '../../main/import/document-lines';

const line = (doc_no: string, doc_type = 'invoice', distributor_code = 'D001', doc_date = '2026-10-01') => ({
  doc_no,
  doc_type,
  distributor_code,
  doc_date,
});

describe("a sales file's documents", () => {
  it('numbers each line within its document, on from its earlier lines when the document comes back', () => {
    const documents = new DocumentLines(digestSecret());
    const numbers = [
      line('SI/1'),
      line('SI/1'),
      line('SI/2'),
      line('SI/1'),
      // The same number is another document of another type, party or day.
      line('SI/1', 'credit_note'),
      line('SI/1', 'invoice', 'D002'),
      line('SI/1', 'invoice', 'D001', '2026-10-02'),
      line('SI/2'),
    ].map((values) => documents.next(values));
    expect(numbers).toEqual([1, 2, 1, 3, 1, 1, 1, 2]);
  });

  it("keeps a document's round-off and other charges on the first line that gives them", () => {
    const documents = new DocumentLines(digestSecret());
    expect([line('SI/1'), line('SI/1'), line('SI/2'), line('SI/1')].map((v) => documents.firstAddition(v))).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });
});
