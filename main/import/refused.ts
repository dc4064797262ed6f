/** An import refused as a whole, naming the file: nothing of it is stored. */
export class ImportRefusedError extends Error {
  constructor(
    message: string,
    readonly code: 'validation' | 'conflict' = 'validation',
  ) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}
