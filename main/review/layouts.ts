import type Database from 'better-sqlite3';

/** Named column layouts of a grid (order, widths, visibility, sort), shared by the workspace. */
export function listLayouts(db: Database.Database, grid: string): { name: string; state: unknown }[] {
  return (
    db.prepare('SELECT name, state FROM grid_layouts WHERE grid = ? ORDER BY name').all(grid) as {
      name: string;
      state: string;
    }[]
  ).map((r) => ({ name: r.name, state: JSON.parse(r.state) }));
}

export function saveLayout(db: Database.Database, grid: string, name: string, state: unknown, user: string): void {
  db.prepare(
    `INSERT INTO grid_layouts (grid, name, state, saved_by, saved_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (grid, name) DO UPDATE SET state = excluded.state, saved_by = excluded.saved_by, saved_at = excluded.saved_at`,
  ).run(grid, name, JSON.stringify(state ?? null), user, new Date().toISOString());
}
