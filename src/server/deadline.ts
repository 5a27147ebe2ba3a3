import { AsyncLocalStorage } from 'node:async_hooks';
import { isMidlerError, MidlerError } from '../domain/errors.ts';

/**
 * Deadlines for outbound calls (docs/reliability.md). `withDeadline` runs work with an AbortSignal
 * that fires when the time is up (or when an enclosing deadline fires first) and settles at that
 * moment whatever the work does. The signal is also kept in async context, so code deep inside an
 * SDK that cannot be handed a signal (a Bot Connector HTTP pipeline, a token fetch) picks it up with
 * `deadlineSignal()` and cancels its request.
 */

const current = new AsyncLocalStorage<AbortSignal>();

/** The signal of the innermost deadline the caller runs under, if any. */
export function deadlineSignal(): AbortSignal | undefined {
  return current.getStore();
}

/** True for the error a passed deadline rejects with. */
export function isDeadlineError(e: unknown): e is MidlerError {
  return isMidlerError(e, 'outbound.timeout');
}

/**
 * `work`'s result, or a rejection with MidlerError('outbound.timeout') once `ms` have passed (or
 * with the enclosing deadline's reason when that fires first). The signal given to `work` aborts at
 * the same moment, so its requests are cancelled rather than left running.
 */
export function withDeadline<T>(
  ms: number,
  what: string,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const outer = current.getStore();
  const signal = outer ? AbortSignal.any([outer, controller.signal]) : controller.signal;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) {
      onAbort();
      return;
    }
    const timer = setTimeout(
      () => controller.abort(new MidlerError('outbound.timeout', `${what}: no answer within ${ms} ms`)),
      ms,
    );
    signal.addEventListener('abort', onAbort, { once: true });
    current
      // Inside a promise, so a synchronous throw is a rejection too (and the timer is cleared).
      .run(signal, () => new Promise<T>((run) => run(work(signal))))
      .then(resolve, reject)
      .finally(() => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
      });
  });
}

/** A signal that aborts with the enclosing deadline, or after `ms` on its own, whichever is first. */
export function callSignal(ms: number): AbortSignal {
  const own = AbortSignal.timeout(ms);
  const outer = current.getStore();
  return outer ? AbortSignal.any([outer, own]) : own;
}
