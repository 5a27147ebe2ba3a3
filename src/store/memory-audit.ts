import type { AuditEntry } from '../domain/application.ts';
import { actorTag, anonymisedEntry } from './records.ts';

interface StoredEntry {
  id: string;
  actor: string;
  body: string;
}

/**
 * The embedded store's audit trails: one list an application, entries kept as JSON text with their
 * actor's tag, as RedisStore keeps them in a stream (XADD ids, the actor field the anonymiser matches).
 */
export class MemoryAudit {
  private readonly trails = new Map<string, StoredEntry[]>();
  private lastMs = 0;
  private seq = 0;

  /** Stream-like ids (`ms-seq`), increasing even when the clock stands still or goes back. */
  private nextId(now: number): string {
    const ms = Math.max(now, this.lastMs);
    this.seq = ms === this.lastMs ? this.seq + 1 : 0;
    this.lastMs = ms;
    return `${ms}-${this.seq}`;
  }

  append(appId: string, audit: AuditEntry, now: number): void {
    const { id: _, ...entry } = audit;
    const list = this.trails.get(appId) ?? [];
    list.push({ id: this.nextId(now), actor: actorTag(audit.actor), body: JSON.stringify(entry) });
    this.trails.set(appId, list);
  }

  read(appId: string): AuditEntry[] {
    return (this.trails.get(appId) ?? []).map((e) => ({
      id: e.id,
      ...(JSON.parse(e.body) as Omit<AuditEntry, 'id'>),
    }));
  }

  delete(appId: string): void {
    this.trails.delete(appId);
  }

  /** Anonymises every entry the person `tag` wrote, on anyone's application; returns how many. */
  anonymise(tag: string): number {
    let count = 0;
    for (const entries of this.trails.values()) {
      entries.forEach((e, i) => {
        if (e.actor !== tag) return;
        const marker = anonymisedEntry(JSON.parse(e.body) as AuditEntry);
        entries[i] = { id: e.id, actor: 'anonymous', body: JSON.stringify(marker) };
        count += 1;
      });
    }
    return count;
  }
}
