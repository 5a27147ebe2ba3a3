/**
 * One error type with a stable code. User-facing text never comes from `message`: the bot maps the
 * code to a catalog text, and logs the message and cause.
 */
export type ErrorCode =
  | 'call.invalid'
  | 'call.not-found'
  | 'category.not-found'
  | 'money.invalid'
  | 'store.unavailable'
  | 'store.conflict'
  | 'application.not-found'
  | 'transition.invalid'
  | 'config.invalid'
  | 'input.invalid'
  | 'forbidden'
  | 'platform.error'
  | 'outbound.timeout';

export class MidlerError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'MidlerError';
    this.code = code;
    this.details = options?.details;
  }
}

export function isMidlerError(e: unknown, code?: ErrorCode): e is MidlerError {
  return e instanceof MidlerError && (code === undefined || e.code === code);
}
