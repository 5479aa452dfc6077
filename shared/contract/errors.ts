// Stable error codes shared by the core, both transports and the renderer.
import { z } from 'zod';

export const ERROR_STATUS = {
  bad_request: 400, // malformed JSON, wrong content type, unknown method
  validation_failed: 400, // input does not match the method's schema
  unauthenticated: 401, // nobody signed in, session ended or locked
  device_required: 401, // a LAN client without a paired-device token
  pin_incorrect: 401,
  forbidden: 403, // the caller's role may not call this method or touch this record
  not_found: 404,
  conflict: 409, // state does not allow it (already signed, already set up …)
  payload_too_large: 413,
  misdirected: 421, // the Host names a server other than this one (X-7: DNS rebinding)
  rate_limited: 429, // too many wrong PINs: locked out for a while
  internal: 500,
  disk_full: 507, // the disk (or the database's size limit) is full: nothing was saved
  busy: 503, // this client already holds as many connections or event channels as it may
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ValidationIssue = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  code: z.string(),
  message: z.string(),
});
export type ValidationIssue = z.infer<typeof ValidationIssue>;

/** The body of every failed call, over HTTP and over IPC. */
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(ValidationIssue).optional(),
    /** e.g. seconds until a PIN lockout ends */
    retryAfterSeconds: z.number().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
