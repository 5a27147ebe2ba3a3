/** A value with a TTL, as the embedded store keeps what Redis would expire. */
export interface Expiring {
  value: string;
  expiresAt: number;
}

/** The value under `key` while it lives; an expired one is dropped on the way, as Redis does on read. */
export function live(map: Map<string, Expiring>, key: string, now: number): string | undefined {
  const hit = map.get(key);
  if (hit && hit.expiresAt <= now) map.delete(key);
  return hit && hit.expiresAt > now ? hit.value : undefined;
}

/** Drops every expired entry (the periodic sweep). */
export function dropExpired(map: Map<string, Expiring>, now: number): void {
  for (const [key, entry] of map) if (entry.expiresAt <= now) map.delete(key);
}

/**
 * Fixed-window hit counters (`tryRate`), as Redis keeps them: one counter a key and window, living to
 * the end of its window and a second more.
 */
export class MemoryRates {
  private readonly windows = new Map<string, Expiring>();

  get size(): number {
    return this.windows.size;
  }

  sweep(now: number): void {
    dropExpired(this.windows, now);
  }

  /** `at` places the hit in its window; `now` is the store's clock, which the expiry runs on. */
  tryRate(key: string, limit: number, windowMs: number, at: Date, now: number): boolean {
    const index = Math.floor(at.getTime() / windowMs);
    const k = `${key}\n${index}`;
    const count = Number(live(this.windows, k, now) ?? 0) + 1;
    const expiresAt = this.windows.get(k)?.expiresAt ?? now + (index + 1) * windowMs - at.getTime() + 1000;
    this.windows.set(k, { value: String(count), expiresAt });
    return count <= limit;
  }
}
