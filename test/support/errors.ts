import { type ErrorCode, isMidlerError, type MidlerError } from '../../src/domain/errors.ts';

/** What `run` throws, or undefined when it returns: tests assert on the code and the message. */
export function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (e) {
    return e;
  }
  return undefined;
}

/** The MidlerError with `code` that `run` throws; anything else it throws, or no throw, fails the test. */
export function refusalOf(code: ErrorCode, run: () => unknown, accepted = 'expected a refusal'): MidlerError {
  const error = errorOf(run);
  if (isMidlerError(error, code)) return error;
  throw error ?? new Error(accepted);
}
