import { createHash } from 'node:crypto';
import { type DatasetKind, datasets } from '../datasets/kinds';
import { aliases, normalizeHeader, pseudoAliases, pseudoFields } from './aliases';
import type { Cell } from './readers/types';

/** Source column → canonical field (or a pseudo field such as a Dr/Cr column). */
export type Mapping = Record<string, number>;

export interface HeaderCandidate {
  /** 0-based index into the rows looked at. */
  index: number;
  headers: string[];
  mapping: Mapping;
  score: number;
  /** False when no row named our fields and the first row of text stands in, for the user to map by hand. */
  recognised: boolean;
}

const headerText = (cell: Cell) => (cell === null || cell === undefined ? '' : String(cell).trim());

function namesFor(kind: DatasetKind): Map<string, string[]> {
  // For each normalized header text, the fields it may name, in the dataset's field order.
  const names = new Map<string, string[]>();
  const add = (text: string, field: string) => {
    const key = normalizeHeader(text);
    if (!key) return;
    const list = names.get(key) ?? [];
    if (!list.includes(field)) list.push(field);
    names.set(key, list);
  };
  for (const field of datasets[kind].fields) {
    add(field.name, field.name);
    add(field.label, field.name);
    for (const alias of aliases[kind][field.name] ?? []) add(alias, field.name);
  }
  for (const pseudo of pseudoFields) for (const alias of pseudoAliases[pseudo]) add(alias, pseudo);
  return names;
}

/**
 * Proposes a mapping for one row of headers. Headers that can name only one field take it
 * first; then each ambiguous header ("Item": a line number in SAP, a product in Tally) takes
 * the first free field it can name, a required one before an optional one.
 */
export function proposeMapping(kind: DatasetKind, headers: readonly string[]): Mapping {
  const names = namesFor(kind);
  const required = new Set(datasets[kind].fields.filter((f) => f.required).map((f) => f.name));
  const mapping: Mapping = {};
  const candidates = headers.map((header) => names.get(normalizeHeader(header)) ?? []);
  candidates.forEach((fields, index) => {
    const only = fields[0];
    if (fields.length === 1 && only && mapping[only] === undefined) mapping[only] = index;
  });
  candidates.forEach((fields, index) => {
    if (fields.length < 2 || Object.values(mapping).includes(index)) return;
    const free = fields.filter((f) => mapping[f] === undefined);
    const choice = free.find((f) => required.has(f)) ?? free[0];
    if (choice) mapping[choice] = index;
  });
  return mapping;
}

/**
 * The header row among the first rows of a sheet: the one whose cells name the most fields.
 * When none names enough, the first row with two or more cells of text stands in (unrecognised),
 * so a user can still map an unusual layout by hand — and a saved mapping can recognise it.
 */
export function findHeaderRow(kind: DatasetKind, rows: readonly (readonly Cell[])[]): HeaderCandidate | null {
  const required = datasets[kind].fields.filter((f) => f.required).length;
  let best: HeaderCandidate | null = null;
  let fallback: HeaderCandidate | null = null;
  rows.forEach((cells, index) => {
    const headers = cells.map(headerText);
    const texts = cells.filter((c) => typeof c === 'string' && c.trim() !== '').length;
    if (texts < 2) return;
    const mapping = proposeMapping(kind, headers);
    const score = Object.keys(mapping).filter((f) => !(pseudoFields as readonly string[]).includes(f)).length;
    if (score >= Math.min(2, required) && (!best || score > best.score)) {
      best = { index, headers, mapping, score, recognised: true };
    }
    fallback ??= { index, headers, mapping, score, recognised: false };
  });
  return best ?? fallback;
}

/** A fingerprint of a header row, so a saved mapping is proposed again for the same layout. */
export function headerSignature(headers: readonly string[]): string {
  const normalized = headers.map(normalizeHeader).filter((h) => h !== '');
  return createHash('sha256').update(normalized.join('|')).digest('hex');
}

/** A mapping saved by header text, applied to this file's header row. */
export function mappingFromHeaders(headers: readonly string[], byHeader: Record<string, string>): Mapping {
  const mapping: Mapping = {};
  const positions = new Map(headers.map((h, i) => [normalizeHeader(h), i]));
  for (const [field, header] of Object.entries(byHeader)) {
    const index = positions.get(normalizeHeader(header));
    if (index !== undefined) mapping[field] = index;
  }
  return mapping;
}

export function mappingByHeader(headers: readonly string[], mapping: Mapping): Record<string, string> {
  return Object.fromEntries(Object.entries(mapping).map(([field, index]) => [field, headers[index] ?? '']));
}
