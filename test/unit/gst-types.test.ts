import { describe, expect, it } from 'vitest';
import { gstRateOf } from '../../main/import/gst-types';

describe("Busy's GST types", () => {
  it('names one rate, none for several, and none in a text longer than a type', () => {
    expect(gstRateOf('L/GST-18%')?.toString()).toBe('18');
    expect(gstRateOf('I/GST-Exempt')?.toString()).toBe('0');
    expect(gstRateOf('L/GST-MultiRate')).toBeNull();
    expect(gstRateOf(`L/GST-1${' '.repeat(1_000_000)}x%`)).toBeNull();
  });
});
