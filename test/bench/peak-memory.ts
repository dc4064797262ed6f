import { readFileSync } from 'node:fs';

/**
 * This process's peak resident memory, in MB, for a bench child to print. Linux's VmHWM is this
 * process's own; `resourceUsage().maxRSS` starts from what the parent held when it started the
 * child (Linux keeps the high-water mark of the process image exec replaced), so a bench whose
 * parent had just written its files with exceljs printed 398 MB for every child. maxRSS where
 * /proc is not there.
 */
export function peakRssMb(): number {
  try {
    const kib = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kib !== undefined) return Math.round(Number(kib) / 1024);
  } catch {
    // Not Linux: maxRSS below.
  }
  return Math.round(process.resourceUsage().maxRSS / 1024);
}
