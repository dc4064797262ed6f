import { normalizeHeader } from './aliases';
import type { Mapping } from './mapping';
import { monthOfHeader } from './month-columns';
import { addNumbered, MEASURE_COLUMN, numbered } from './numbered-keys';

/**
 * Target sheets with a target of each measure in a column of its own: `Target Qty` and `Target
 * Value`, `Tgt Outlets` beside `Tgt Amt`, and no Measure or Scheme column. Each such column beside
 * the one the proposal maps to the value is a mapping key of its own (measure_1 …); where the user
 * gives no measure and no scheme, the import reads every row as one target per column it fills,
 * of the measure its header names ("Target Qty"), in two columns added after the file's own.
 * Read as before, the sheet asked for one measure for all its columns and read one of them.
 */

/** The names of the two columns a measure's target is read into. */
export const MEASURE_ROW_HEADERS = ['Measure named by its column', 'Target of that measure'] as const;

/** A header naming a target of some measure: "Target Qty", "Tgt Outlets", "Volume Target". */
const targetNamed = /^(?:targets?|tgt)[a-z0-9]+$|^[a-z0-9]+(?:targets?|tgt)$/;
/** Words that name something else than a measure's target: its dates, its achievement, a rate. */
const notATarget =
  /\b(dates?|months?|period|from|start|end|achiev\w*|percent\w*|pct|growth|type|name|code|remarks?)\b/i;

/** Whether a header names a target of a measure of its own: by the value's names, or as target-something. */
function namesATarget(header: string, namesValue: boolean): boolean {
  const key = normalizeHeader(header);
  // Its words, as written apart by spaces, marks or capitals ("Target_Date", "TargetDate").
  const words = header.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/[_\W]+/g, ' ');
  if (/%/.test(header) || notATarget.test(words) || monthOfHeader(header)) return false;
  return namesValue || targetNamed.test(key);
}

/**
 * Marks a target sheet's further target columns, where no column names a measure or a scheme:
 * those that name the value (`namesValue`) or a target of something, beside the value's own.
 */
export function addMeasureColumns(
  headers: readonly string[],
  mapping: Mapping,
  namesValue: (column: number) => boolean,
): void {
  if (mapping.value === undefined || mapping.measure !== undefined || mapping.scheme_code !== undefined) return;
  const taken = new Set(Object.values(mapping));
  headers.forEach((header, column) => {
    if (!taken.has(column) && namesATarget(header, namesValue(column))) addNumbered(mapping, MEASURE_COLUMN, column);
  });
}

/** The further target columns of a mapping, in the file's order. */
export const measureColumns = (mapping: Readonly<Record<string, number>>): number[] =>
  numbered(mapping, MEASURE_COLUMN).map((m) => m.column);

/**
 * The headers and mapping an import of a sheet with a target column per measure reads with: the
 * two columns added, and every target column (the value's among them) read so. Where the user
 * gives the measure or the scheme or maps the value, or a scale ("in Lakhs") is written in a
 * header or the title (a rupee's scale is no quantity's), the value's column alone is read, as
 * before, and `unread` names the others.
 */
export function withMeasureRows(
  headers: readonly string[],
  mapping: Mapping,
  options: {
    given: (field: string) => boolean;
    scaled: (column: number) => boolean;
    /** The value's column as proposed, before the user's choice. */
    proposed: number | undefined;
  },
): { headers: string[]; mapping: Mapping; measures: number[]; unread: number[] } {
  const more = measureColumns(mapping);
  const value = mapping.value;
  const own = Object.fromEntries(Object.entries(mapping).filter(([key]) => !key.startsWith(MEASURE_COLUMN)));
  if (more.length === 0 || value === undefined) return { headers: [...headers], mapping, measures: [], unread: [] };
  const measures = [value, ...more].sort((a, b) => a - b);
  const given = ['measure', 'scheme_code', 'value'].some(options.given);
  if (given || measures.some(options.scaled)) {
    const targets = options.proposed === undefined ? more : [options.proposed, ...more];
    const unread = [...new Set(targets)].filter((c) => c !== value).sort((a, b) => a - b);
    return { headers: [...headers], mapping: own, measures: [], unread };
  }
  const width = headers.length;
  const read: Mapping = { ...own, measure: width, value: width + 1 };
  for (const column of measures) addNumbered(read, MEASURE_COLUMN, column);
  return { headers: [...headers, ...MEASURE_ROW_HEADERS], mapping: read, measures, unread: [] };
}

/** What the import says of a sheet's target columns per measure: read each as its measure, or why only one is read. */
export function measureNotes(
  headers: readonly string[],
  { measures, unread }: { measures: number[]; unread: number[] },
  given: (field: string) => boolean,
): { field: string; decision: string }[] {
  const named = (columns: number[]) => columns.map((c) => `"${headers[c]}"`).join(', ');
  if (measures.length > 0)
    return [
      {
        field: 'measure',
        decision: `Each of ${named(measures)} is a target of its own measure, named by its header: a row gives its distributor a target for each of them it fills (a scheme's targets from the dataset pick the measure by that name)`,
      },
    ];
  if (unread.length === 0) return [];
  const why =
    given('measure') || given('scheme_code')
      ? 'the targets are of the measure or scheme given for every row'
      : given('value')
        ? 'the target is the column chosen for it'
        : 'a scale ("in Lakhs") is written for the targets, which says nothing of a count or a quantity';
  return [
    {
      field: 'value',
      decision: `${named(unread)} ${unread.length === 1 ? 'is' : 'are'} not read: ${why}; import ${unread.length === 1 ? 'it' : 'each'} with its own measure (--map value=HEADER --set measure=NAME)`,
    },
  ];
}
