/**
 * The ids of a payout line's source rows, packed: sorted ids as varint-encoded gaps, so the
 * trace of a line over 100,000 invoice lines takes ~100 kB, not a JSON array five times that.
 */
export function packIds(ids: ArrayLike<number>): Buffer {
  // Ids below 2^53 take at most 8 bytes as varints.
  const out = Buffer.allocUnsafe(ids.length * 8);
  let at = 0;
  let previous = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    let gap = id - previous;
    if (gap < 0) throw new RangeError('packIds: ids must be sorted ascending');
    previous = id;
    while (gap >= 0x80) {
      out[at++] = (gap % 0x80) | 0x80;
      gap = Math.floor(gap / 0x80);
    }
    out[at++] = gap;
  }
  return out.subarray(0, at);
}

const packed = new WeakMap<ArrayLike<number>, Buffer>();

/**
 * packIds, once per ids array. The engine hands one array to every line that shares a measure
 * (schemes on the same products, and every run over kept facts), and never changes it after;
 * packing it once saves a second run most of its packing. Kept at its exact size.
 */
export function packIdsOnce(ids: ArrayLike<number>): Buffer {
  let done = packed.get(ids);
  if (done === undefined) {
    done = Buffer.from(packIds(ids));
    packed.set(ids, done);
  }
  return done;
}

export function unpackIds(packed: Uint8Array): number[] {
  const ids: number[] = [];
  let previous = 0;
  let gap = 0;
  let scale = 1;
  for (const byte of packed) {
    gap += (byte & 0x7f) * scale;
    if (byte & 0x80) {
      scale *= 0x80;
      continue;
    }
    previous += gap;
    ids.push(previous);
    gap = 0;
    scale = 1;
  }
  return ids;
}
