// A child process for the export crash test (run with `node --import tsx`): exports run 1 of a
// workspace and is killed by SCHEMEDESK_CRASH_AT at the point the test names.
import { exportRun } from '../../main/exports/export';
import { openWorkspace } from '../../main/store/open';

const [dbPath, format, out] = process.argv.slice(2) as [string, 'statements' | 'xlsx', string];
const db = await openWorkspace(dbPath);
await exportRun(db, { run: 1, format, profile: 'Default', draft: false, out, user: 'priya', defaultFolder: out });
db.close();
