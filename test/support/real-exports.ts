import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The real ERP exports beside the checkout (`../shared/real-exports`, see its README). Their tests
 * fail, naming the folder, where it is missing: a run without it must not pass as if they had held.
 */
export const realExportsFolder = join(import.meta.dirname, '..', '..', '..', 'shared', 'real-exports');

/** The real exports whose names end with `ending`; throws, naming the folder, where it is not there. */
export function realExports(ending: string): string[] {
  if (!existsSync(realExportsFolder))
    throw new Error(`The real ERP exports are not at ${realExportsFolder}: put ../shared beside the checkout`);
  return readdirSync(realExportsFolder).filter((f) => f.endsWith(ending));
}
