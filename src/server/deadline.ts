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
  const signal = controller.signal;
  const outer = current.getStore();
  return new Promise<T>((resolve, reject) => {
    if (outer?.aborted) {
      reject(outer.reason);
      return;
    }
    // The enclosing deadline aborts this one with its own reason while the work runs. A listener,
    // removed when the work settles, rather than AbortSignal.any: every Teams turn nests the
    // connector call's deadline in the turn's, and `any` cost more than the call's own signal
    // (docs/performance.md).
    const onOuterAbort = () => controller.abort(outer?.reason);
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () => controller.abort(new MidlerError('outbound.timeout', `${what}: no answer within ${ms} ms`)),
      ms,
    );
    current
      // Inside a promise, so a synchronous throw is a rejection too (and the timer is cleared).
      .run(signal, () => new Promise<T>((run) => run(work(signal))))
      .then(resolve, reject)
      .finally(() => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        outer?.removeEventListener('abort', onOuterAbort);
      });
  });
}

/** A signal that aborts with the enclosing deadline, or after `ms` on its own, whichever is first. */
export function callSignal(ms: number): AbortSignal {
  const own = AbortSignal.timeout(ms);
  const outer = current.getStore();
  return outer ? AbortSignal.any([outer, own]) : own;
}
