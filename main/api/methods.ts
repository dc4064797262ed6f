/**
 * The names of the API methods, apart from their schemas so the preload can expose them
 * without bundling zod. contract.ts must define exactly these (checked by `satisfies`).
 */
export const methodNames = [
  'workspace.info',
  'data.datasets',
  'data.rows',
  'demo.create',
  'import.inspect',
  'import.run',
  'import.batches',
  'import.rollback',
  'import.quarantine',
  'mappings.list',
  'mappings.save',
  'schemes.list',
  'schemes.get',
  'schemes.validate',
  'schemes.save',
  'schemes.retire',
  'schemes.preview',
  'runs.create',
  'runs.list',
  'runs.lines',
  'calls.cancel',
] as const;
export type MethodName = (typeof methodNames)[number];
