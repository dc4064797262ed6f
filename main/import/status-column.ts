import type { StoredValue } from '../datasets/insert';
import type { DatasetKind } from '../datasets/kinds';
import { normalizeHeader } from './aliases';

const yes = new Set(['y', 'yes', 'true', '1', 'x', '✓', '✔']);
const no = new Set(['n', 'no', 'false', '0']);

/**
 * A master's status column headed as a question, answered yes or no: `Active` or `Enabled` (yes
 * is Active), `Blocked`, `Disabled`, `Inactive`, `Suspended` (yes is that, no is Active), as
 * ERPs and DMSs write a customer's flag (`Y` / `N`, `TRUE` / `FALSE`, SAP's `X`). Stored as read,
 * a blocked distributor's `Y` said nothing, and an active one's `N` looked like a status. Answers
 * how a cell is stored — the status in words, any other text as written — or null where the
 * header is no such question.
 */
export function statusAnswer(
  kind: DatasetKind,
  header: string | undefined,
): ((value: StoredValue) => StoredValue) | null {
  if (kind !== 'distributors') return null;
  const key = normalizeHeader(header ?? '');
  const asked = key.replace(/^is/, '');
  const word = /^(active|enabled)$/.test(asked)
    ? { yes: 'Active', no: 'Inactive' }
    : /^(blocked|disabled|inactive|suspended)$/.test(asked)
      ? { yes: asked.charAt(0).toUpperCase() + asked.slice(1), no: 'Active' }
      : null;
  if (!word) return null;
  return (value) => {
    if (value === null) return value;
    const answer = String(value).trim().toLowerCase();
    return yes.has(answer) ? word.yes : no.has(answer) ? word.no : value;
  };
}
