import type { Store } from '../../src/store/store.ts';
import { type Host, type HostOptions, startHost } from './host.ts';
import type { Seen, SurfaceStart } from './surface.ts';

/**
 * What Teams and Slack over real HTTP share: a capture server for the file, a fresh real host for
 * each test (or restart) on the kit's clock, settings and state, and what appeared read from the
 * capture in order. Each platform says how it opens its capture and reads one captured request.
 */
export abstract class HttpSurface<C extends { reset(): void; close(): Promise<void> }, R> {
  capture!: C;
  host: Host | undefined;
  protected cursor = 0;
  protected seen: Seen[] = [];

  protected abstract openCapture(): Promise<C>;
  /** What the host needs beyond the kit's clock, settings and state (Slack: its capture). */
  protected abstract hostOptions(): HostOptions;
  /** Everything the capture has recorded, in order. */
  protected abstract captured(): readonly R[];
  /** Adds what one captured request shows to `seen`. */
  protected abstract read(request: R): void;

  async open(): Promise<void> {
    this.capture = await this.openCapture();
  }

  async close(): Promise<void> {
    await this.capture?.close();
  }

  get store(): Store {
    if (!this.host) throw new Error('the kit has not started (call it inside a test)');
    return this.host.store;
  }

  /** The host, once the kit has started it. */
  protected started(): Host {
    if (!this.host) throw new Error('the kit has not started');
    return this.host;
  }

  async start(options: SurfaceStart): Promise<void> {
    this.capture.reset();
    this.cursor = 0;
    this.seen = [];
    this.host = await startHost({
      clock: options.clock,
      settings: options.settings,
      ...(options.prefix ? { prefix: options.prefix } : {}),
      ...this.hostOptions(),
    });
  }

  async stop(): Promise<void> {
    await this.host?.close();
    this.host = undefined;
  }

  /** Reads what was captured since the last call into `seen`. */
  protected drainCapture(): void {
    const all = this.captured();
    const fresh = all.slice(this.cursor);
    this.cursor = all.length;
    for (const request of fresh) this.read(request);
  }

  drain(): Seen[] {
    this.drainCapture();
    return this.seen.splice(0);
  }
}
