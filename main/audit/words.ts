/**
 * The audit log in words: each action's name, and an entry's before and after as the fields
 * that changed. Pure, for the window and any report.
 */
export const actionLabels: Record<string, string> = {
  'import.run': 'File imported',
  'import.rollback': 'Import rolled back',
  'scheme.save': 'Scheme saved',
  'scheme.retire': 'Scheme retired',
  'run.create': 'Run calculated',
  'run.calculate': 'Run recalculated',
  'run.submit': 'Run submitted',
  'run.withdraw': 'Submission withdrawn',
  'run.approve': 'Run approved',
  'run.reject': 'Run rejected',
  'run.reverse': 'Run reversed',
  'run.export': 'Run exported',
  'run.seal': 'Run sealed',
  'run.acknowledge': 'Breach acknowledged',
  'override.set': 'Override',
  'override.clear': 'Override cleared',
  'claims.import': 'Claims imported',
  'controls.save': 'Control settings changed',
  'settings.save': 'Currency and locale changed',
  'export.file': 'File exported',
  'export.draft': 'Draft exported',
  'export.profile': 'Export profile saved',
  'user.create': 'User added',
  'user.update': 'User changed',
  'user.baseline': 'Users recorded',
  'session.signIn': 'Signed in',
  'session.failed': 'Sign-in failed',
  'session.locked': 'Sign-in paused',
  'action.refused': 'Refused',
  'schema.guards': 'Safeguards recorded',
};

export const actionLabel = (action: string): string => actionLabels[action] ?? action;

/** A key as words: approvalComment → "approval comment", lines_sha256 → "lines sha256". */
const words = (key: string) =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();

const shown = (value: unknown): string => {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
};

/** Every leaf of a value, by its path in words ("lines 2 › payee"). A bare value is the field "value". */
function leaves(value: unknown, path: string[] = [], into = new Map<string, string>()): Map<string, string> {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [String(i + 1), v] as const) : Object.entries(value);
    if (entries.length === 0) into.set(path.join(' › ') || 'value', Array.isArray(value) ? '(none)' : '—');
    for (const [k, v] of entries) leaves(v, [...path, Array.isArray(value) ? k : words(k)], into);
    return into;
  }
  into.set(path.join(' › ') || 'value', shown(value));
  return into;
}

export interface FieldChange {
  field: string;
  before: string;
  after: string;
}

/** The fields an entry changed (or recorded, where there is no before), before and after, in words. */
export function auditChanges(before: unknown, after: unknown): FieldChange[] {
  const none = (v: unknown) => v === null || v === undefined;
  const was = none(before) ? new Map<string, string>() : leaves(before);
  const now = none(after) ? new Map<string, string>() : leaves(after);
  const fields = [...new Set([...was.keys(), ...now.keys()])];
  return fields
    .map((field) => ({ field, before: was.get(field) ?? '—', after: now.get(field) ?? '—' }))
    .filter((c) => c.before !== c.after || none(before));
}
