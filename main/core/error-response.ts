// What a caller is told when a call fails: the contract's error body in the caller's language, with the status the
// transports send. An AppError is the caller's doing and says what to do; a full disk says that nothing was saved;
// anything else is a bug, logged with its stack and answered as `internal`.
import type { z } from 'zod';
import type { Logger } from './context';
import { AppError, ValidationError, type FieldIssue } from './errors';
import { translate, isMessageKey } from './i18n';
import { ERROR_STATUS, type ErrorBody } from '../../shared/contract/errors';
import type { Language } from '../../shared/i18n';

/** A schema's issues as the field issues of a ValidationError (path, code, message key, limits). */
export function zodIssuesToFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const raw = issue as unknown as Record<string, unknown>;
    const params: Record<string, unknown> = { ...((raw.params as Record<string, unknown>) ?? {}) };
    if (raw.maximum !== undefined) params.max = raw.maximum;
    if (raw.minimum !== undefined) params.min = raw.minimum;
    return { path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), code: issue.code, message: issue.message, params };
  });
}

/** SQLite's SQLITE_FULL (the disk, or the database's page limit) or the system's ENOSPC, however it surfaced. */
function diskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_FULL' || code === 'ENOSPC';
}

/** Maps any thrown value to a status and the contract's error body, in the caller's language. */
export function errorResponse(error: unknown, lang: Language, logger: Logger): { status: number; body: ErrorBody } {
  if (error instanceof AppError) {
    const body: ErrorBody = {
      error: {
        code: error.code,
        message: translate(lang, error.messageKey, error.params),
      },
    };
    if (error instanceof ValidationError) {
      body.error.issues = error.fieldIssues.map((issue) => ({
        path: issue.path,
        code: issue.code,
        message: isMessageKey(issue.message) ? translate(lang, issue.message, issue.params) : issue.message,
      }));
    }
    if (error.retryAfterSeconds !== undefined) body.error.retryAfterSeconds = error.retryAfterSeconds;
    return { status: ERROR_STATUS[error.code], body };
  }
  if (diskFull(error)) {
    // The transaction was rolled back: nothing of the call was saved, and the desk can say so.
    logger.error('disk full', { error: error instanceof Error ? error.message : String(error) });
    return { status: ERROR_STATUS.disk_full, body: { error: { code: 'disk_full', message: translate(lang, 'errors:code.disk_full') } } };
  }
  logger.error('internal error', { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return { status: 500, body: { error: { code: 'internal', message: translate(lang, 'errors:code.internal') } } };
}
