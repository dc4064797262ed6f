/** Every API call answers with one of these, over IPC and HTTP alike. */
export type ErrorCode =
  | 'validation'
  | 'unknown_method'
  | 'not_found'
  | 'conflict'
  | 'cancelled'
  | 'forbidden'
  /** The workflow or a rule of the data forbids it; the message says why. */
  | 'refused'
  /** Nobody is signed in to the window. */
  | 'signed_out'
  | 'workspace'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Thrown by handlers (or rebuilt from a worker's message) to answer with a specific code. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}
