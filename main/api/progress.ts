/** How far a long call has got; `total` is 0 while the size is not yet known. */
export interface Progress {
  phase: string;
  done: number;
  total: number;
  /** For row-by-row work: rows so far, rows in all (when known), speed and time left. */
  rows?: number;
  rowsTotal?: number;
  rowsPerSecond?: number;
  secondsLeft?: number;
}
