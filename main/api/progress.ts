/** How far a long call has got; `total` is 0 while the size is not yet known. */
export interface Progress {
  phase: string;
  done: number;
  total: number;
}
