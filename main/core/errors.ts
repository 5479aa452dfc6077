// Typed errors with stable codes; transports map them to status codes and localized messages.
import type { ErrorCode } from '../../shared/contract/errors';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    /** i18n key (`errors:…` or `<feature>:…`) for the message shown to people. */
    readonly messageKey: string = `errors:code.${code}`,
    readonly params: Record<string, unknown> = {},
    readonly retryAfterSeconds?: number,
  ) {
    super(`${code}: ${messageKey}`);
    this.name = 'AppError';
  }
}

/** A problem with one field: `message` is an i18n key, translated with `params` when the error is shown. */
export interface FieldIssue {
  path: Array<string | number>;
  code: string;
  message: string;
  params?: Record<string, unknown>;
}

export class ValidationError extends AppError {
  constructor(
    readonly fieldIssues: FieldIssue[],
    messageKey = 'errors:code.validation_failed',
  ) {
    super('validation_failed', messageKey);
    this.name = 'ValidationError';
  }
  /** A single field's problem found by a rule in the core rather than by the schema. */
  static field(path: string, messageKey: string, params: Record<string, unknown> = {}): ValidationError {
    return new ValidationError([{ path: [path], code: 'custom', message: messageKey, params }]);
  }
}

export class UnauthenticatedError extends AppError {
  constructor(messageKey = 'errors:code.unauthenticated', code: 'unauthenticated' | 'device_required' = 'unauthenticated') {
    super(code, messageKey);
    this.name = 'UnauthenticatedError';
  }
}

export class ForbiddenError extends AppError {
  constructor(messageKey = 'errors:code.forbidden', params: Record<string, unknown> = {}) {
    super('forbidden', messageKey, params);
    this.name = 'ForbiddenError';
  }
}

export class NotFoundError extends AppError {
  constructor(messageKey = 'errors:code.not_found', params: Record<string, unknown> = {}) {
    super('not_found', messageKey, params);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends AppError {
  constructor(messageKey = 'errors:code.conflict', params: Record<string, unknown> = {}) {
    super('conflict', messageKey, params);
    this.name = 'ConflictError';
  }
}

export class RateLimitedError extends AppError {
  constructor(messageKey: string, params: Record<string, unknown>, retryAfterSeconds: number) {
    super('rate_limited', messageKey, params, retryAfterSeconds);
    this.name = 'RateLimitedError';
  }
}
