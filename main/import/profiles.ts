import type Database from 'better-sqlite3';
import type { DatasetKind } from '../datasets/kinds';
import type { DateOrderName } from './dates';
import type { TypeMap } from './doc-types';
import { headerSignature, type Mapping, mappingByHeader, mappingFromHeaders } from './mapping';

/** The choices a saved mapping remembers for its files, besides the columns. */
export interface MappingChoices {
  dateOrder?: DateOrderName;
  typeMap?: TypeMap;
  round?: boolean;
}

/** Named mappings the user saved; proposed again when a file with the same header row comes. */
export interface MappingProfile {
  name: string;
  kind: DatasetKind;
  mapping: Record<string, string>;
  choices: MappingChoices;
  updatedAt: string;
}

export function saveMappingProfile(
  db: Database.Database,
  args: { name: string; kind: DatasetKind; headers: readonly string[]; mapping: Mapping; choices?: MappingChoices },
  now = new Date(),
): MappingProfile {
  const byHeader = mappingByHeader(args.headers, args.mapping);
  const choices = args.choices ?? {};
  db.prepare(
    `INSERT INTO mapping_profiles (name, kind, header_signature, mapping, choices, updated_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, header_signature = excluded.header_signature,
       mapping = excluded.mapping, choices = excluded.choices, updated_at = excluded.updated_at`,
  ).run(
    args.name,
    args.kind,
    headerSignature(args.headers),
    JSON.stringify(byHeader),
    JSON.stringify(choices),
    now.toISOString(),
  );
  return { name: args.name, kind: args.kind, mapping: byHeader, choices, updatedAt: now.toISOString() };
}

/** The choices the named saved mapping remembers ({} for none). */
export function savedChoices(db: Database.Database, name: string | null): MappingChoices {
  if (!name) return {};
  const row = db.prepare('SELECT choices FROM mapping_profiles WHERE name = ?').get(name) as
    | { choices: string }
    | undefined;
  return row ? (JSON.parse(row.choices) as MappingChoices) : {};
}

/**
 * The choices an import (or the dialog's preview of it) takes: those `given` says, and where it
 * says none, those of the saved mapping its file was matched to.
 */
export function underSaved<T extends MappingChoices>(saved: MappingChoices, given: T): T {
  return {
    ...given,
    dateOrder: given.dateOrder ?? saved.dateOrder,
    typeMap: { ...saved.typeMap, ...given.typeMap },
    round: given.round || saved.round,
  };
}

export function listMappingProfiles(db: Database.Database): MappingProfile[] {
  return (
    db.prepare('SELECT name, kind, mapping, choices, updated_at FROM mapping_profiles ORDER BY name').all() as {
      name: string;
      kind: DatasetKind;
      mapping: string;
      choices: string;
      updated_at: string;
    }[]
  ).map((r) => ({
    name: r.name,
    kind: r.kind,
    mapping: JSON.parse(r.mapping),
    choices: JSON.parse(r.choices),
    updatedAt: r.updated_at,
  }));
}

/** The named profile, or (without a name) the latest one saved for this exact header row. */
export function savedMappingFor(
  db: Database.Database,
  kind: DatasetKind,
  headers: readonly string[],
  name?: string,
): Mapping | null {
  const row = (
    name
      ? db.prepare('SELECT mapping FROM mapping_profiles WHERE name = ?').get(name)
      : db
          .prepare(
            'SELECT mapping FROM mapping_profiles WHERE kind = ? AND header_signature = ? ORDER BY updated_at DESC LIMIT 1',
          )
          .get(kind, headerSignature(headers))
  ) as { mapping: string } | undefined;
  if (!row) {
    if (name) throw new Error(`There is no saved mapping "${name}"`);
    return null;
  }
  return mappingFromHeaders(headers, JSON.parse(row.mapping) as Record<string, string>);
}

export function matchingProfileName(
  db: Database.Database,
  kind: DatasetKind,
  headers: readonly string[],
): string | null {
  const row = db
    .prepare(
      'SELECT name FROM mapping_profiles WHERE kind = ? AND header_signature = ? ORDER BY updated_at DESC LIMIT 1',
    )
    .get(kind, headerSignature(headers)) as { name: string } | undefined;
  return row?.name ?? null;
}
