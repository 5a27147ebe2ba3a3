import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  callSignal,
  deadlineSignal,
  isDeadlineError,
  withAmbientDeadline,
  withDeadline,
} from '../../src/server/deadline.ts';

/** Fake timers only: the deadlines fire when the test moves the clock, never by wall time. */
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const never = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(new Error('cancelled'))));

describe('withDeadline', () => {
  it('rejects with outbound.timeout when its own time is up, and aborts the work', async () => {
    let seen: AbortSignal | undefined;
    const run = withDeadline(100, 'call', (signal) => {
      seen = signal;
      return never(signal);
    });
    const outcome = run.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(100);
    expect(isDeadlineError(await outcome)).toBe(true);
    expect(seen?.aborted).toBe(true);
  });

  it('a nested deadline ends with the enclosing one, with its reason', async () => {
    let inner: AbortSignal | undefined;
    const outer = withDeadline(50, 'turn', (turn) =>
      withDeadline(
        1_000,
        'call',
        (signal) => {
          inner = signal;
          return never(signal);
        },
        turn,
      ),
    );
    const outcome = outer.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(50);
    const error = await outcome;
    expect(isDeadlineError(error)).toBe(true);
    expect(String((error as Error).message)).toContain('turn');
    expect(inner?.aborted).toBe(true);
    expect(inner?.reason).toBe(error);
  });

  it('starts nothing when the enclosing deadline has already passed', async () => {
    const work = vi.fn(async () => 'ran');
    const outcome = withDeadline(50, 'turn', async (signal) => {
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
      return withDeadline(1_000, 'call', work, signal);
    }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(50);
    expect(isDeadlineError(await outcome)).toBe(true);
    expect(work).not.toHaveBeenCalled();
  });

  it('leaves no listener on the enclosing signal once a nested call has settled', async () => {
    await withDeadline(10_000, 'turn', async (turn) => {
      for (let i = 0; i < 50; i++) await withDeadline(1_000, 'call', async () => i, turn);
      await withDeadline(1_000, 'call', async () => Promise.reject(new Error('refused')), turn).catch(
        () => undefined,
      );
      expect(getEventListeners(turn, 'abort')).toHaveLength(1);
    });
  });
});

describe('withAmbientDeadline', () => {
  it('is the enclosing deadline of SDK code that cannot be handed a signal, nested or not', async () => {
    let inner: AbortSignal | undefined;
    let fetchSignal: AbortSignal | undefined;
    const outcome = withAmbientDeadline(50, 'reminder', (send) => {
      expect(deadlineSignal()).toBe(send);
      // An SDK's own call timeout, combined with the ambient deadline (slack/adapter.ts, ephemeral.ts).
      fetchSignal = callSignal(10_000);
      return withDeadline(1_000, 'call', (signal) => {
        inner = signal;
        return never(signal);
      });
    }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(50);
    const error = await outcome;
    expect(String((error as Error).message)).toContain('reminder');
    expect(inner?.reason).toBe(error);
    expect(fetchSignal?.aborted).toBe(true);
  });

  it('switches the ambient store off once no ambient work runs, so turns pay no promise hooks', async () => {
    let release: () => void = () => undefined;
    const first = withAmbientDeadline(1_000, 'a', () => new Promise<void>((r) => (release = r)));
    const second = withAmbientDeadline(1_000, 'b', async () => deadlineSignal());
    expect(await second).toBeDefined();
    // `a` still runs: its ambient deadline is still there for it.
    expect(await withAmbientDeadline(1_000, 'c', async () => deadlineSignal()?.aborted)).toBe(false);
    release();
    await first;
    expect(deadlineSignal()).toBeUndefined();
    expect(await withDeadline(1_000, 'turn', async () => deadlineSignal())).toBeUndefined();
  });
});
