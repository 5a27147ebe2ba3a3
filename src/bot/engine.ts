import { dialogs as registry } from '../../dialogs/index.ts';
import type { Locale } from '../domain/call.ts';
import type { Catalog } from '../domain/catalog.ts';
import type { Clock } from '../domain/clock.ts';
import { isMidlerError } from '../domain/errors.ts';
import { t, translator } from '../i18n/t.ts';
import type { Store, UserProfile } from '../store/store.ts';
import { openTurn, profileToKeep } from './bookkeeping.ts';
import { button, card, message, startAction, text } from './cards.ts';
import type { Dialog, DialogContext, DialogSettings, StepResult } from './dialog.ts';
import { type BoundEffects, createEffects } from './effects.ts';
import { createDecider, type Plan } from './engine-decide.ts';
import type { Engine } from './engine-port.ts';
import type { Inbound, Outbound, TurnResult } from './messages.ts';
import { createRouter } from './routes.ts';
import {
  changed,
  DONE,
  dialogKey,
  fromStored,
  isActive,
  pushHistory,
  type Session,
  sameJson,
  stampVersion,
  stepOf,
  toStored,
  typeableButtons,
} from './state.ts';
import { turnLocale } from './turn-locale.ts';

export interface EngineConfig {
  /** How long an idle conversation keeps its dialog state (seconds). Default 30 days. */
  dialogTtlSeconds?: number;
  /** Id source for new records. Default: random UUIDs. */
  newId?: () => string;
  /** The dialogs to serve. Default: the registry in dialogs/index.ts. */
  dialogs?: readonly Dialog[];
  /** Called with every error caught in a turn (the user already got a polite answer). */
  onError?: (error: unknown, event: Inbound) => void;
  /** Deployment settings handed to every dialog (quality chiefs per trust, rank visibility). */
  settings?: DialogSettings;
}

export interface EngineDeps {
  store: Store;
  catalog: Catalog;
  clock: Clock;
  config?: EngineConfig;
}

const DEFAULT_TTL = 30 * 24 * 3600;

/**
 * The platform-free conversation engine. A turn is two round trips to the Store (docs/redis.md):
 * bookkeeping and every read together, then the dialog state with the writes the dialog queued.
 */
export function createEngine(deps: EngineDeps): Engine {
  const { store, catalog, clock, config = {} } = deps;
  const dialogs = config.dialogs ?? registry;
  const byName = new Map(dialogs.map((d) => [d.name, d]));
  const { decide } = createDecider(byName, createRouter(dialogs), catalog);
  const ttl = config.dialogTtlSeconds ?? DEFAULT_TTL;
  const newId = config.newId ?? (() => globalThis.crypto.randomUUID());

  /** One turn: load (round trip 1), decide what the event means, run it, commit (round trip 2). */
  async function handle(event: Inbound): Promise<TurnResult> {
    let locale: Locale = event.user.locale ?? 'nb';
    try {
      const key = dialogKey(event);
      // Round trip 1: bookkeeping and every read the turn may need.
      const start = await openTurn(store, event, key, newId);
      if (start.duplicate)
        return { replies: [], notify: [], duplicate: true, ...(start.pending ? { pending: true } : {}) };
      const { profile, stored } = start;
      const spoken = turnLocale(event, profile);
      locale = spoken.locale;
      // An earlier delivery wrote its state change but its answer never went out: answer with it.
      if (start.replay)
        return {
          replies: start.replay.replies as Outbound[],
          notify: [],
          locale: start.replay.locale ?? locale,
          replayed: true,
        };
      const session = fromStored(stored);
      const kept = profileToKeep(event, profile);
      const profileChange = spoken.remember ? { ...kept, ...spoken.remember } : kept;
      const reads = { ...start, profileChange };
      const effects = createEffects(store, event, reads, newId);
      const plan = decide(event, session);
      const turn = await run(plan, { event, session, profile, effects, locale });
      await commit(key, event, session, turn, effects, locale);
      return {
        replies: turn.replies,
        notify: turn.notify,
        locale: turn.locale ?? locale,
        ...(start.sentRefs ? { sentRefs: start.sentRefs } : {}),
      };
    } catch (error) {
      config.onError?.(error, event);
      const key = isMidlerError(error, 'store.unavailable')
        ? 'engine.error.store-unavailable'
        : 'engine.error.generic';
      return { replies: [message(t(locale, key))], notify: [], error, locale };
    }
  }

  interface TurnInput {
    event: Inbound;
    session: Session | null;
    profile: UserProfile | null;
    effects: BoundEffects;
    locale: Locale;
  }
  interface TurnOutput {
    replies: Outbound[];
    notify: TurnResult['notify'];
    next: Session | null;
    /** The language a dialog switched to this turn. */
    locale?: Locale;
  }

  function context(input: TurnInput): DialogContext {
    const { event, session, profile, effects, locale } = input;
    return {
      locale,
      t: translator(locale),
      now: Number.isNaN(event.at?.getTime()) ? clock() : event.at,
      catalog,
      platform: event.platform,
      user: event.user,
      conversation: event.conversation,
      profile,
      memory: session?.memory ?? {},
      effects,
      ...(config.settings ? { settings: config.settings } : {}),
    };
  }

  /** The help card, with "continue where I was" when a dialog is waiting. */
  async function helpReplies(input: TurnInput, args: Record<string, unknown> = {}): Promise<Outbound[]> {
    const help = byName.get('help');
    const replies = help ? (await help.step(null, { kind: 'start', args }, context(input))).replies : [];
    return withResume(replies, input);
  }

  function withResume(replies: Outbound[], input: TurnInput): Outbound[] {
    if (!isActive(input.session)) return replies;
    const last = replies.at(-1);
    // A card with a main action of its own (an application's next step) keeps it first; the way back
    // into the dialog goes last there. Elsewhere (help, "I did not understand") it is the main action.
    const own = last?.kind === 'card' && (last.buttons ?? []).some((b) => b.style === 'primary');
    const resume = button(
      'engine.resume',
      t(input.locale, 'common.continue'),
      undefined,
      own ? undefined : 'primary',
    );
    if (last?.kind === 'card') {
      const buttons = last.buttons ?? [];
      return [
        ...replies.slice(0, -1),
        { ...last, buttons: own ? [...buttons, resume] : [resume, ...buttons] },
      ];
    }
    // A text answer carries the button itself: a card with nothing but a button reads as empty.
    if (last?.kind === 'text') {
      const carried = card(undefined, [text(last.text)], [resume]);
      return [...replies.slice(0, -1), last.mentions ? { ...carried, mentions: last.mentions } : carried];
    }
    return replies;
  }

  /** Applies a dialog's result to the session: next version, history, memory; stamps its buttons. */
  function apply(
    input: TurnInput,
    dialog: Dialog,
    result: StepResult,
    history: Session['history'],
  ): TurnOutput {
    const { session } = input;
    const memory = { ...session?.memory, ...result.remember };
    const notify = result.notify ?? [];
    const switched = result.locale ? { locale: result.locale } : {};
    if (dialog.transient) {
      const next = session ? { ...session, memory } : null;
      return {
        replies: withResume(result.replies, { ...input, locale: result.locale ?? input.locale }),
        notify,
        next,
        ...switched,
      };
    }
    const base = result.state
      ? { dialog: dialog.name, ...result.state, history }
      : { dialog: dialog.name, step: DONE, answers: {}, history: [] };
    const before = session?.version ?? 0;
    const moved = changed(session, { ...base, memory, version: before }, { ignoreButtons: true });
    const version = moved ? before + 1 : before;
    const replies = stampVersion(result.replies, dialog.name, version);
    const buttons = result.state ? typeableButtons(replies) : undefined;
    const next: Session = { ...base, memory, version, ...(buttons ? { buttons } : {}) };
    return { replies, notify, next, ...switched };
  }

  /**
   * A personal dialog started in a channel: the person gets a card in their own chat that starts it
   * there (with what the press said, e.g. the call), the channel only a line that it was sent.
   */
  function inPersonalChat(dialog: Dialog, args: Record<string, unknown>, input: TurnInput): TurnOutput {
    const { event, locale, session } = input;
    const label = t(locale, dialog.personal!.label);
    const start = card(
      label,
      [text(t(locale, 'engine.personal.text'))],
      [button(startAction(dialog.name), label, args, 'primary')],
    );
    return {
      // The channel line names the person, and @mentions them so they know where to look.
      replies: [
        {
          ...message(t(locale, 'engine.personal.sent', { name: event.user.name })),
          mentions: [{ userId: event.user.id, name: event.user.name }],
        },
      ],
      notify: [
        {
          to: { platform: event.platform, userId: event.user.id },
          message: start,
          purpose: 'personal.start',
          unreachable: message(t(locale, 'engine.personal.unreachable', { label })),
        },
      ],
      next: session,
    };
  }

  /** Runs what `decide` chose: a dialog's step, or one of the engine's own answers. */
  async function run(plan: Plan, input: TurnInput): Promise<TurnOutput> {
    const { session, locale } = input;
    const none = { notify: [], next: session };
    switch (plan.kind) {
      case 'run': {
        // Where the channel would see the answers; Slack's ephemeral answers and modals are private.
        const { conversation } = input.event;
        const seenByOthers = conversation.kind !== 'personal' && conversation.private !== true;
        if (plan.dialog.personal && plan.event.kind === 'start' && seenByOthers)
          return inPersonalChat(plan.dialog, plan.event.args, input);
        const fresh = plan.event.kind === 'start' || plan.dialog.transient === true;
        const current = !fresh && isActive(session) ? stepOf(session) : null;
        const result = await plan.dialog.step(current, plan.event, context(input));
        // Asked the same question again: the dialog could not read the text, so it was the label.
        if (plan.fallback && current && result.state && sameJson(result.state, current))
          return run(plan.fallback, input);
        const history =
          current && session && result.state ? pushHistory(session.history, current, result.state) : [];
        return apply(input, plan.dialog, result, history);
      }
      case 'resume': {
        const dialog = isActive(session) ? byName.get(session.dialog) : undefined;
        if (!session || !dialog) return { ...none, replies: await helpReplies(input) };
        const result = await dialog.step(stepOf(session), { kind: 'resume' }, context(input));
        return apply(input, dialog, result, session.history);
      }
      case 'back': {
        const dialog = isActive(session) ? byName.get(session.dialog) : undefined;
        const previous = session?.history.at(-1);
        if (!session || !dialog || !previous) {
          const note = message(t(locale, 'engine.nothing-to-go-back-to'));
          if (!session || !dialog) return { ...none, replies: [note, ...(await helpReplies(input))] };
          const again = await dialog.step(stepOf(session), { kind: 'resume' }, context(input));
          const out = apply(input, dialog, again, session.history);
          return { ...out, replies: [note, ...out.replies] };
        }
        const restored: Session = { ...session, history: session.history.slice(0, -1), ...previous };
        if (previous.awaiting === undefined) delete restored.awaiting;
        const result = await dialog.step(
          previous,
          { kind: 'resume' },
          context({ ...input, session: restored }),
        );
        return apply({ ...input, session }, dialog, result, restored.history);
      }
      case 'cancel': {
        if (!isActive(session)) {
          return {
            ...none,
            replies: [message(t(locale, 'engine.nothing-to-cancel')), ...(await helpReplies(input))],
          };
        }
        const next: Session = {
          ...session,
          step: DONE,
          answers: {},
          history: [],
          version: session.version + 1,
        };
        delete next.awaiting;
        delete next.buttons;
        const replies = await helpReplies({ ...input, session: next });
        return { replies: [message(t(locale, 'engine.cancelled')), ...replies], notify: [], next };
      }
      case 'stale': {
        const restart = input.event.action?.id.split('.')[0] ?? '';
        const buttons = byName.has(restart)
          ? [button(`${restart}.start`, t(locale, 'engine.stale.restart'))]
          : [];
        const stale = card(
          t(locale, 'engine.stale.title'),
          [text(t(locale, 'engine.stale.text'))],
          [...buttons, button('help.start', t(locale, 'common.help'))],
        );
        return { ...none, replies: withResume([stale], input) };
      }
      case 'unknown-action':
        return {
          ...none,
          replies: [message(t(locale, 'engine.unknown-action')), ...(await helpReplies(input))],
        };
      case 'not-available':
        return {
          ...none,
          replies: [message(t(locale, 'engine.not-available')), ...(await helpReplies(input))],
        };
      case 'unknown-text':
        return { ...none, replies: await helpReplies(input, { unknown: true }) };
      case 'confirm-question': {
        const confirm = card(
          t(locale, 'question.confirm.title'),
          [text(t(locale, 'question.confirm.text', { text: plan.text }))],
          [
            button(
              'engine.use-text',
              t(locale, 'question.confirm.use'),
              { text: plan.text, v: session?.version ?? 0 },
              'primary',
            ),
            button('question.start', t(locale, 'question.confirm.ask'), { text: plan.text }),
          ],
        );
        return { ...none, replies: [confirm] };
      }
    }
  }

  /** Round trip 2: the dialog state, when it changed, with every write the turn queued. */
  async function commit(
    key: string,
    event: Inbound,
    session: Session | null,
    turn: TurnOutput,
    effects: BoundEffects,
    locale: Locale,
  ): Promise<void> {
    const writes = effects.startQueuedWrites();
    if (!effects.forgotten && turn.next && changed(session, turn.next)) {
      const owner = { platform: event.platform, userId: event.user.id };
      writes.push(store.putDialog(key, toStored(turn.next), ttl, owner));
    }
    // A redelivery of a turn whose state change is written answers from these (docs/reliability.md).
    const once = event.bookkeeping?.once;
    if (once && writes.length > 0) {
      const replay = { replies: turn.replies, locale: turn.locale ?? locale };
      writes.push(store.keepTurnReplay(once.key, replay, once.ttlSeconds));
    }
    await Promise.all(writes);
  }

  return { handle, doesBookkeeping: true };
}

/** Buttons that look and act the same count once (the same label, action and data). */
