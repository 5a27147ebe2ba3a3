import type { Platform } from '../../src/domain/application.ts';
import type { Locale } from '../../src/domain/call.ts';
import type { Store } from '../../src/store/store.ts';
import type { Host, HostSettings, MovableClock } from './host.ts';
import type { Shown, ShownButton } from './shown.ts';

/**
 * The one thing each surface (engine, console, Teams over HTTP, Slack over HTTP) implements: send
 * what a person does, and report what appeared where. The kit (kit.ts) keeps the chats and personas.
 */

export type SurfaceName = 'engine' | 'console' | 'teams' | 'slack';

/** Who a persona is on a surface: its platform user id, and the personal conversation with the bot. */
export interface Identity {
  name: string;
  key: string;
  /** The platform user id the bot records (Teams: AAD object id; Slack: U…; engine/console: a slug). */
  id: string;
  /** The personal conversation with the bot (Teams conversation id, Slack DM, engine `dm-…`). */
  conversation: string;
  locale?: Locale;
  trust?: string;
}

/** What appeared after a request: a message posted or replaced in a conversation, a modal opened or closed. */
export type Seen =
  | { kind: 'post'; conversation: string; message: Shown }
  | { kind: 'update'; conversation: string; ref: string; message: Shown }
  | { kind: 'modal'; user: string; view: Shown | null };

/** How the platform answered the request itself (HTTP status and body, the engine's turn result). */
export interface Answer {
  status?: number;
  body?: unknown;
  /** The engine's turn result (engine and console surfaces). */
  result?: unknown;
}

/**
 * A press of `button` on `on`: `inputs` hold plain values; `picked` names the people chosen in person
 * inputs (by input id), which each surface sends its own way.
 */
export interface Press {
  on: Shown;
  button: ShownButton;
  inputs: Record<string, unknown>;
  picked: Record<string, Identity>;
}

export interface SurfaceStart {
  clock: MovableClock;
  settings: HostSettings;
  /** `memory` runs the engine surfaces on the embedded store; HTTP surfaces always use Redis. */
  store: 'redis' | 'memory';
  /** Shared by replicas (a restart keeps the state). */
  prefix?: string;
  /** Engine surface: makes its Redis store (a store behind a round-trip counting relay, traced). */
  redisStore?: (prefix: string | undefined) => Store;
}

export interface Surface {
  readonly name: SurfaceName;
  readonly platform: Platform;
  /** Once per file: capture servers. */
  open?(): Promise<void>;
  /** Once per test (or per restart): a fresh host or engine. */
  start(options: SurfaceStart): Promise<void>;
  stop(): Promise<void>;
  close?(): Promise<void>;
  /** The store the bot writes (a second client on the same state for HTTP surfaces). */
  readonly store: Store;
  /** The real host, when the surface runs one. */
  readonly host?: Host;
  identify(name: string, key: string, options: { locale?: Locale; trust?: string }): Identity;
  /** The persona has the app (Teams: installed in personal scope; engine: reachable). */
  install(who: Identity): Promise<Answer>;
  say(who: Identity, text: string): Promise<Answer>;
  /** A button on a message (or modal) the persona sees. */
  press(who: Identity, press: Press): Promise<Answer>;
  /** The last request again, exactly (a platform retry or redelivery). */
  redeliver(): Promise<Answer>;
  /** What appeared since the last call, in order. */
  drain(): Seen[];
}
