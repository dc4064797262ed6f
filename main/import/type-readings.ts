import { classifyDocType, type DocClass, lineTypesHint, type TypeMap } from './doc-types';

/**
 * The document types a sales file writes, each read once (by the type map, else by its name)
 * and kept for its every row; the unknown ones counted, for the refusal that lists them.
 */
export class TypeReadings {
  private readonly readings = new Map<string, { as: DocClass | null; why: string }>();
  private readonly unknown = new Map<string, number>();

  constructor(private readonly typeMap: TypeMap | undefined) {}

  /** How a row of the type `name` is read; null (and counted) where the type is not known. */
  read(name: string): DocClass | null {
    let reading = this.readings.get(name);
    if (!reading) {
      const classified = classifyDocType(name, this.typeMap);
      reading = { as: classified?.as ?? null, why: classified?.why ?? 'unknown' };
      this.readings.set(name, reading);
    }
    if (reading.as === null) this.unknown.set(name, (this.unknown.get(name) ?? 0) + 1);
    return reading.as;
  }

  /** How a type already read is read, without counting it again. */
  readAs(name: string): DocClass | null | undefined {
    return this.readings.get(name)?.as;
  }

  /** Why the file is refused when it writes types that are not known (under `header`), or null. */
  unknownProblem(header: string | undefined): string | null {
    if (this.unknown.size === 0) return null;
    const listed = [...this.unknown].map(([name, n]) => `"${name}" (${n} ${n === 1 ? 'row' : 'rows'})`).join(', ');
    return `these document types are not known: ${listed}. ${lineTypesHint([...this.unknown.keys()], header) ?? 'Say what each is — an invoice, a credit note or not a sale — with --type-map "TYPE=invoice" (or credit_note, or skip; "*=skip" for all of them) or in the import dialog.'}`;
  }

  /** The types read as invoices or credit notes by their names alone, each said as a decision. */
  decisions(): { field: string; decision: string }[] {
    return [...this.readings]
      .filter(([, reading]) => reading.as !== 'skip' && reading.why === 'name')
      .map(([name, reading]) => ({
        field: 'doc_type',
        decision: `"${name}" is read as ${reading.as === 'invoice' ? 'invoices' : 'credit notes'}: its name says so (change it with --type-map)`,
      }));
  }
}
