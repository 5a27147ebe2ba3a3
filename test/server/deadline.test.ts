import { getEventListeners } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deadlineSignal, isDeadlineError, withDeadline } from '../../src/server/deadline.ts';

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

  it('a nested deadline ends with the enclosing one, with its reason, and the work sees the inner signal', async () => {
    let inner: AbortSignal | undefined;
    const outer = withDeadline(50, 'turn', () =>
      withDeadline(1_000, 'call', (signal) => {
        inner = signal;
        expect(deadlineSignal()).toBe(signal);
        return never(signal);
      }),
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
      return withDeadline(1_000, 'call', work);
    }).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(50);
    expect(isDeadlineError(await outcome)).toBe(true);
    expect(work).not.toHaveBeenCalled();
  });

  it('leaves no listener on the enclosing signal once a nested call has settled', async () => {
    await withDeadline(10_000, 'turn', async (turn) => {
      for (let i = 0; i < 50; i++) await withDeadline(1_000, 'call', async () => i);
      await withDeadline(1_000, 'call', async () => Promise.reject(new Error('refused'))).catch(
        () => undefined,
      );
      expect(getEventListeners(turn, 'abort')).toHaveLength(1);
    });
  });
});
