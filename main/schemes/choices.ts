import type Database from 'better-sqlite3';

/** A value a scheme field can take, with the name users know it by (blank where the code is the name). */
export interface Choice {
  code: string;
  name: string;
}

/** What the scheme form offers to pick from: the workspace's own products, places and distributors. */
export interface SchemeChoices {
  skus: Choice[];
  brands: Choice[];
  categories: Choice[];
  regions: Choice[];
  channels: Choice[];
  classes: Choice[];
  distributors: Choice[];
}

export function schemeChoices(db: Database.Database): SchemeChoices {
  const named = (sql: string) => db.prepare(sql).all() as Choice[];
  const values = (sql: string) => (db.prepare(sql).pluck().all() as string[]).map((code) => ({ code, name: '' }));
  return {
    skus: named("SELECT sku AS code, coalesce(name, '') AS name FROM products ORDER BY sku"),
    brands: values("SELECT DISTINCT brand FROM products WHERE coalesce(brand, '') <> '' ORDER BY brand"),
    categories: values("SELECT DISTINCT category FROM products WHERE coalesce(category, '') <> '' ORDER BY category"),
    regions: values("SELECT DISTINCT region FROM distributors WHERE coalesce(region, '') <> '' ORDER BY region"),
    channels: values(
      `SELECT channel FROM distributors WHERE coalesce(channel, '') <> ''
       UNION SELECT channel FROM outlets WHERE coalesce(channel, '') <> '' ORDER BY 1`,
    ),
    classes: values("SELECT DISTINCT class FROM distributors WHERE coalesce(class, '') <> '' ORDER BY class"),
    distributors: named("SELECT code, coalesce(name, '') AS name FROM distributors ORDER BY code"),
  };
}
