/**
 * Named points in work that writes files and records, where the crash tests kill the process
 * (`SCHEMEDESK_CRASH_AT=name`), as a power cut or a kill -9 would. Nothing happens otherwise.
 */
export function crashPoint(name: string): void {
  if (process.env.SCHEMEDESK_CRASH_AT === name) process.kill(process.pid, 'SIGKILL');
}
