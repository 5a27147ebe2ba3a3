import { dropExpired, type Expiring, live } from './memory-expiring.ts';
import type { TurnClaim, TurnReplay } from './store.ts';

/**
 * The embedded store's once-only marks: `claimOnce` markers, a delivery's turn mark (in progress with
 * its lease token, or done) and the replay kept for it. One key space, as in Redis: a `claimOnce`
 * marker reads as a done turn and a turn mark as claimed. Every call takes the store's clock reading.
 */
export class MemoryMarks {
  private readonly once = new Map<string, number>();
  private readonly turns = new Map<string, Expiring>();
  private readonly replays = new Map<string, Expiring>();

  get size(): number {
    return this.once.size + this.turns.size + this.replays.size;
  }

  sweep(now: number): void {
    for (const [key, until] of this.once) if (until <= now) this.once.delete(key);
    dropExpired(this.turns, now);
    dropExpired(this.replays, now);
  }

  claimOnce(key: string, ttlSeconds: number, now: number): boolean {
    const until = this.once.get(key);
    if (until !== undefined && until > now) return false;
    if (live(this.turns, key, now) !== undefined) return false;
    this.once.set(key, now + ttlSeconds * 1000);
    return true;
  }

  releaseOnce(key: string): void {
    this.once.delete(key);
    this.turns.delete(key);
  }

  isClaimed(key: string, now: number): boolean {
    return (this.once.get(key) ?? 0) > now || live(this.turns, key, now) !== undefined;
  }

  claimTurn(key: string, token: string, leaseMs: number, now: number): TurnClaim {
    const mark = live(this.turns, key, now);
    if (mark === undefined && (this.once.get(key) ?? 0) > now) return { state: 'done' };
    if (mark !== undefined) return { state: mark.startsWith('p:') ? 'in-progress' : 'done' };
    this.turns.set(key, { value: `p:${token}`, expiresAt: now + leaseMs });
    const replay = live(this.replays, key, now);
    return replay === undefined
      ? { state: 'claimed' }
      : { state: 'claimed', replay: JSON.parse(replay) as TurnReplay };
  }

  renewTurn(key: string, token: string, leaseMs: number, now: number): boolean {
    if (live(this.turns, key, now) !== `p:${token}`) return false;
    this.turns.set(key, { value: `p:${token}`, expiresAt: now + leaseMs });
    return true;
  }

  keepTurnReplay(key: string, replay: TurnReplay, ttlSeconds: number, now: number): void {
    this.replays.set(key, { value: JSON.stringify(replay), expiresAt: now + ttlSeconds * 1000 });
  }

  finishTurn(key: string, token: string, outcome: 'done' | 'retry', ttlSeconds: number, now: number): void {
    const mark = live(this.turns, key, now);
    if (mark !== undefined && mark !== `p:${token}`) return;
    if (outcome === 'retry') {
      this.turns.delete(key);
      return;
    }
    this.turns.set(key, { value: 'd', expiresAt: now + ttlSeconds * 1000 });
    this.replays.delete(key);
  }
}
