import { parentPort, workerData } from 'node:worker_threads';
import { workerInput } from '../workers/run';
import { cellsDigest, DIGEST_BYTES } from './digest-table';
import { readShownUnits } from './header-scale';
import { dataRows, LayoutError, type SkippedLayoutRow } from './layout';
import { openSource } from './open-source';
import { packedBuffers, packRows } from './packed-rows';
import { DamagedFileError, type SourceRow, type SourceSheet, UnreadableFileError } from './readers/types';
import { type ConvertedRow, convertRow } from './row-values';
import { AHEAD, CONVERT_FROM_WAITING, type ReaderMessage, type ReaderStart } from './threaded-sheet';

/**
 * The reading half of a large import: opens the file, finds the sheet, and posts its rows in
 * batches while the import's thread checks and inserts the ones before. It posts a batch only
 * while fewer than AHEAD are in flight: posted and not yet taken, as the import's thread counts
 * them in `taken` (and tells this one, to wake it when it waits for room). The rows go laid out
 * (`dataRows`), and when this thread has time to spare, converted as the import decided from its
 * first rows and digested (see postRows).
 *
 * Batches are small because every row of the batches in flight is alive when the collector runs
 * on either thread, and it copies what is alive: batches of 500 (eight ahead) against 2,000 (four
 * ahead) left the two threads about 1.2 s of a million-line xlsx import's collecting.
 */
const BATCH = 500;
const input = workerInput<ReaderStart>(workerData);
const taken = new Int32Array(input.taken);
let posted = 0;
const post = (message: ReaderMessage, transfer: ArrayBuffer[] = []) => parentPort?.postMessage(message, transfer);

/** Batches posted and not yet taken by the import's thread. */
const waiting = () => posted - Atomics.load(taken, 0);
let wake: (() => void) | null = null;
parentPort?.on('message', () => {
  wake?.();
  wake = null;
});
/** Waits until fewer than AHEAD batches are in flight. */
const room = async () => {
  while (waiting() >= AHEAD) await new Promise<void>((resolve) => (wake = resolve));
};

/**
 * Posts the sheet's data rows in batches. A batch begun while half the batches in flight or more
 * wait for the import's thread (counted by it in `taken`, which this thread reads as it is: a
 * count kept from its messages said none were left before nine batches in ten, for this thread
 * takes them only when it has time) also carries each row's values converted and its digest:
 * that thread is behind. A batch begun while fewer wait carries neither, and that thread does
 * both. Either thread gets the same values and digests, so the work goes wherever there is time
 * for it, on a machine of any number of cores. (Half: a quarter took a million-line CSV 0.3 s less
 * and the xlsx 0.4 s more, whose reading is the slower half; an eighth, 3.5 s more.)
 */
async function postRows(sheet: SourceSheet): Promise<void> {
  const { prepare } = input;
  let batch: SourceRow[] = [];
  let converted: ConvertedRow[] | undefined;
  let skips: { at: number; why: SkippedLayoutRow }[] = [];
  let hiddenSent = 0;
  const rows = dataRows(
    sheet,
    prepare.headerRow,
    prepare.headers,
    prepare.kind,
    prepare.mapping,
    (why) => skips.push({ at: batch.length, why }),
    prepare.fillDown,
  );
  const send = async () => {
    const digests = converted ? new Uint8Array(batch.length * DIGEST_BYTES) : undefined;
    if (digests)
      batch.forEach((row, i) => {
        digests.set(cellsDigest(input.secret, row.cells).subarray(0, DIGEST_BYTES), i * DIGEST_BYTES);
      });
    await room();
    const hidden = sheet.hiddenRows?.slice(hiddenSent) ?? [];
    hiddenSent += hidden.length;
    const packed = packRows(batch, converted);
    post(
      { type: 'rows', batch: packed, digests, skips, hidden, totalRows: sheet.totalRows, bytes },
      digests ? [...packedBuffers(packed), digests.buffer] : packedBuffers(packed),
    );
    posted++;
    batch = [];
    converted = undefined;
    skips = [];
  };
  for await (const row of rows) {
    if (batch.length === 0 && waiting() >= CONVERT_FROM_WAITING) converted = [];
    readShownUnits(row, prepare.decisions.scaled);
    batch.push(row);
    converted?.push(
      convertRow(prepare.kind, prepare.mapping, row.cells, prepare.decisions, prepare.defaults, row.ledger, row.bill),
    );
    if (batch.length >= BATCH) await send();
  }
  await send();
  post({ type: 'end' });
}

let bytes = 0;
try {
  const tails = input.tail ? new Map([[input.sheet, input.tail]]) : undefined;
  const source = await openSource(input.path, (b) => (bytes = b), { tails, text: input.text });
  try {
    let found = false;
    for await (const sheet of source.sheets()) {
      if (sheet.name !== input.sheet) continue;
      found = true;
      await postRows(sheet);
      break;
    }
    if (!found)
      post({ type: 'failed', kind: 'layout', message: `Sheet "${input.sheet}" disappeared while reading the file` });
  } finally {
    source.close?.();
  }
} catch (error) {
  const kind =
    error instanceof DamagedFileError
      ? 'damaged'
      : error instanceof UnreadableFileError
        ? 'unreadable'
        : error instanceof LayoutError
          ? 'layout'
          : 'other';
  post({ type: 'failed', kind, message: error instanceof Error ? error.message : String(error) });
}
parentPort?.close();
