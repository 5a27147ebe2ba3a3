import { isMidlerError } from '../domain/errors.ts';

/**
 * For an adapter's bookkeeping around a turn (dedup markers, conversation references, cached names):
 * while the store is down the turn must still run, so the engine can answer "try again in a moment"
 * instead of the platform seeing a 500. Other errors still throw.
 */
export async function unlessStoreDown<T>(work: Promise<T>, fallback: T, onDown?: () => void): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (!isMidlerError(error, 'store.unavailable')) throw error;
    onDown?.();
    return fallback;
  }
}
