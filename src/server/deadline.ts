import { AsyncLocalStorage } from 'node:async_hooks';
import { isMidlerError, MidlerError } from '../domain/errors.ts';

/**
 * Deadlines for outbound calls (docs/reliability.md). `withDeadline` runs work with an AbortSignal
 * that fires when the time is up (or when an enclosing deadline fires first) and settles at that
 * moment whatever the work does.
 *
 * The enclosing deadline is handed down explicitly (`outer`): a Teams turn puts its signal on the
 * turn context, and the connector calls read it from there. Only code deep inside an SDK that cannot
 * be handed a signal (Slack's WebClient, the Bot Connector's Azure pipeline, a token fetch) reads an
 * ambient one, and only background work sets it (`withAmbientDeadline`: reminder sends). The ambient
 * store is enabled only while such work runs: an AsyncLocalStorage that is on installs promise hooks
 * for the whole process, and on Node 20 those cost every Teams turn about a tenth of its CPU
 * (docs/performance.md).
 */

const ambient = new AsyncLocalStorage<AbortSignal>();
/** Ambient scopes whose work has not finished yet; the store is switched off when none is left. */
let scopes = 0;

/** The signal of the innermost ambient deadline (a reminder send's), if one is running. */
export function deadlineSignal(): AbortSignal | undefined {
  return scopes > 0 ? ambient.getStore() : undefined;
}

/** True for the error a passed deadline rejects with. */
export function isDeadlineError(e: unknown): e is MidlerError {
  return isMidlerError(e, 'outbound.timeout');
}

type Work<T> = (signal: AbortSignal) => Promise<T>;

function deadline<T>(
  ms: number,
  what: string,
  outer: AbortSignal | undefined,
  start: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  const signal = controller.signal;
  return new Promise<T>((resolve, reject) => {
    if (outer?.aborted) {
      reject(outer.reason);
      return;
    }
    // The enclosing deadline aborts this one with its own reason while the work runs. A listener,
    // removed when the work settles, rather than AbortSignal.any: every Teams turn nests the
    // connector call's deadline in the turn's, and `any` cost more than the call's own signal.
    const onOuterAbort = () => controller.abort(outer?.reason);
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(
      () => controller.abort(new MidlerError('outbound.timeout', `${what}: no answer within ${ms} ms`)),
      ms,
    );
    start(signal)
      .then(resolve, reject)
      .finally(() => {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        outer?.removeEventListener('abort', onOuterAbort);
      });
  });
}

/** Inside a promise, so a synchronous throw is a rejection too (and the timer is cleared). */
const started = <T>(work: Work<T>, signal: AbortSignal) => new Promise<T>((run) => run(work(signal)));

/**
 * `work`'s result, or a rejection with MidlerError('outbound.timeout') once `ms` have passed (or
 * with the enclosing deadline's reason when that fires first). The signal given to `work` aborts at
 * the same moment, so its requests are cancelled rather than left running. `outer` is the enclosing
 * deadline; without one, the ambient deadline (if any) encloses it.
 */
export function withDeadline<T>(
  ms: number,
  what: string,
  work: Work<T>,
  outer: AbortSignal | undefined = deadlineSignal(),
): Promise<T> {
  return deadline(ms, what, outer, (signal) => started(work, signal));
}

/**
 * withDeadline for work that reaches SDK code which cannot be handed a signal: its signal is also the
 * ambient one (`deadlineSignal()`) until the work itself has finished, even past the deadline.
 */
export function withAmbientDeadline<T>(ms: number, what: string, work: Work<T>): Promise<T> {
  return deadline(ms, what, deadlineSignal(), (signal) => {
    scopes++;
    const running = ambient.run(signal, () => started(work, signal));
    const release = () => {
      scopes--;
      if (scopes === 0) ambient.disable();
    };
    running.then(release, release);
    return running;
  });
}

/** A signal that aborts with `outer` (by default the ambient deadline), or after `ms`, whichever is first. */
export function callSignal(ms: number, outer: AbortSignal | undefined = deadlineSignal()): AbortSignal {
  const own = AbortSignal.timeout(ms);
  return outer ? AbortSignal.any([outer, own]) : own;
}
