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
  /** The measures named in the targets dataset, for a scheme whose target comes from there. */
  targetMeasures: TargetMeasure[];
}

/** A measure of the targets dataset: the label the ERP wrote, its words, and what it covers. */
export interface TargetMeasure extends Choice {
  distributors: number;
  from: string;
  to: string;
}

/** The words for a measure label an ERP writes as an identifier: "secondary_value" reads "Secondary value". */
export function measureWords(label: string): string {
  const words = label.replace(/[_-]+/g, ' ').trim();
  return words === label ? label : words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
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
    targetMeasures: (
      db
        .prepare(
          `SELECT measure AS code, count(DISTINCT distributor_code) AS distributors,
                  min(period_from) AS "from", max(period_to) AS "to"
           FROM targets WHERE measure IS NOT NULL GROUP BY measure ORDER BY measure`,
        )
        .all() as Omit<TargetMeasure, 'name'>[]
    ).map((m) => ({ ...m, name: measureWords(m.code) })),
  };
}
