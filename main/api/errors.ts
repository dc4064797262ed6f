import { ZodError } from 'zod';
import { FormulaError } from '../../engine/formula';
import { TargetRowsError } from '../../engine/targets';
import { ClaimFileError } from '../controls/claims';
import { GridQueryError } from '../datasets/grid-query';
import { WorkspaceNotEmptyError } from '../demo/create';
import { FieldTooLongError } from '../exports/format';
import { ProfileIncompleteError } from '../exports/formats/company';
import { NegativeCreditNoteError } from '../exports/formats/zoho';
import { ControlTotalError, PartyClashError } from '../exports/postings';
import { UnknownProfileError } from '../exports/profiles';
import { BatchError } from '../import/batches';
import { LayoutError } from '../import/layout';
import { DamagedFileError, UnreadableFileError } from '../import/readers/types';
import { ImportRefusedError } from '../import/refused';
import { UnknownSchemeError } from '../insights/scheme';
import { WorkflowRefusedError } from '../review/actions';
import { RunNotFoundError } from '../review/run-state';
import { LineNotFoundError } from '../review/trace';
import { RunRefusedError } from '../runs/execute';
import { SchemeInvalidError } from '../schemes/store';
import { SettingsError } from '../settings/money-and-dates';
import { NewerWorkspaceError, WorkspaceHistoryError } from '../store/migration';
import { UserError } from '../users/profiles';
import { ConfinedPathError } from '../workspace';
import { type ApiError, ApiFailure } from './result';

/** The single place where an exception becomes the `{code, message}` a user sees. */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiFailure) return { code: error.code, message: error.message };
  if (error instanceof SettingsError) return { code: 'validation', message: error.message };
  if (error instanceof ZodError) return validationError(error);
  if (error instanceof GridQueryError) return { code: 'validation', message: error.message };
  if (error instanceof WorkspaceNotEmptyError) return { code: 'conflict', message: error.message };
  if (error instanceof ImportRefusedError) return { code: error.code, message: error.message };
  if (error instanceof LayoutError || error instanceof UnreadableFileError || error instanceof DamagedFileError)
    return { code: 'validation', message: error.message };
  if (error instanceof BatchError) return { code: 'conflict', message: error.message };
  if (error instanceof UnknownSchemeError) return { code: 'not_found', message: error.message };
  if (
    error instanceof SchemeInvalidError ||
    error instanceof RunRefusedError ||
    error instanceof FormulaError ||
    error instanceof TargetRowsError ||
    error instanceof UserError ||
    error instanceof ClaimFileError
  ) {
    return { code: 'validation', message: error.message };
  }
  if (error instanceof WorkflowRefusedError) return { code: 'refused', message: error.message };
  if (error instanceof ConfinedPathError) return { code: 'forbidden', message: error.message };
  if (
    error instanceof ProfileIncompleteError ||
    error instanceof FieldTooLongError ||
    error instanceof NegativeCreditNoteError ||
    error instanceof ControlTotalError ||
    error instanceof PartyClashError
  ) {
    return { code: 'refused', message: error.message };
  }
  if (error instanceof UnknownProfileError) return { code: 'not_found', message: error.message };
  if (error instanceof RunNotFoundError || error instanceof LineNotFoundError) {
    return { code: 'not_found', message: error.message };
  }
  // A rule the database itself enforces (migration 006's triggers) was hit.
  if ((error as { code?: string })?.code === 'SQLITE_CONSTRAINT_TRIGGER') {
    return { code: 'refused', message: (error as Error).message };
  }
  if (error instanceof NewerWorkspaceError || error instanceof WorkspaceHistoryError) {
    return { code: 'workspace', message: error.message };
  }
  const errno = error as NodeJS.ErrnoException;
  if (errno?.code === 'ENOENT') return { code: 'not_found', message: `No such file: ${errno.path ?? ''}` };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'internal', message: message || 'Unexpected error' };
}

export function validationError(error: ZodError): ApiError {
  const messages = error.issues.map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(arguments)';
    return `${field}: ${issue.message}`;
  });
  return { code: 'validation', message: messages.join('; ') };
}
