import type { DialogState } from '../store/store.ts';
import type { ConversationMemory, StepState } from './dialog.ts';
import type { Button, Inbound, Outbound } from './messages.ts';

/** The step name of a dialog that has ended; its buttons are stale from then on. */
export const DONE = 'done';
const MAX_HISTORY = 30;

/** One dialog state per platform + conversation + user. */
export function dialogKey(event: Pick<Inbound, 'platform' | 'conversation' | 'user'>): string {
  return `${event.platform}:${event.conversation.id}:${event.user.id}`;
}

/** The engine's view of the stored JSON (the Store keeps it as plain `DialogState`). */
export interface Session {
  dialog: string;
  step: string;
  answers: Record<string, unknown>;
  awaiting?: string;
  version: number;
  history: StepState[];
  memory: ConversationMemory;
  /**
   * The buttons of the active dialog's most recent card (label, action, data with its version), so
   * that typing a label works like pressing the button. Absent when that card had none.
   */
  buttons?: LabelledButton[];
}

/** What the engine keeps of a button to press it when its label is typed. */
export interface LabelledButton {
  label: string;
  action: string;
  data?: Record<string, unknown>;
}

/** At most this many buttons are kept (a card with more is a long list; the rest are not typed). */
const MAX_BUTTONS = 24;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function asStep(v: unknown): StepState | null {
  if (!isRecord(v) || typeof v.step !== 'string' || !isRecord(v.answers)) return null;
  return {
    step: v.step,
    answers: v.answers,
    ...(typeof v.awaiting === 'string' ? { awaiting: v.awaiting } : {}),
  };
}

/** Reads stored state defensively: a damaged record becomes "no dialog" rather than a crash. */
export function fromStored(stored: DialogState | null): Session | null {
  if (!stored || typeof stored.dialog !== 'string' || typeof stored.step !== 'string') return null;
  const history = Array.isArray(stored.history) ? stored.history.map(asStep).filter((s) => s !== null) : [];
  return {
    dialog: stored.dialog,
    step: stored.step,
    answers: isRecord(stored.answers) ? stored.answers : {},
    ...(typeof stored.awaiting === 'string' ? { awaiting: stored.awaiting } : {}),
    version: typeof stored.version === 'number' ? stored.version : 0,
    history,
    memory: isRecord(stored.memory) ? (stored.memory as ConversationMemory) : {},
    ...buttonsOf(stored.buttons),
  };
}

function buttonsOf(v: unknown): { buttons?: LabelledButton[] } {
  if (!Array.isArray(v)) return {};
  const buttons = v.flatMap((b): LabelledButton[] =>
    isRecord(b) && typeof b.label === 'string' && typeof b.action === 'string'
      ? [{ label: b.label, action: b.action, ...(isRecord(b.data) ? { data: b.data } : {}) }]
      : [],
  );
  return buttons.length > 0 ? { buttons } : {};
}

export function toStored(session: Session): DialogState {
  return {
    dialog: session.dialog,
    step: session.step,
    answers: session.answers,
    ...(session.awaiting === undefined ? {} : { awaiting: session.awaiting }),
    version: session.version,
    history: session.history,
    memory: session.memory,
    ...(session.buttons === undefined ? {} : { buttons: session.buttons }),
  };
}

export function isActive(session: Session | null): session is Session {
  return session !== null && session.step !== DONE;
}

export function stepOf(session: Session): StepState {
  return {
    step: session.step,
    answers: session.answers,
    ...(session.awaiting === undefined ? {} : { awaiting: session.awaiting }),
  };
}

/** Appends the state being left, unless nothing changed (a re-render is not a step). */
export function pushHistory(history: StepState[], left: StepState, next: StepState): StepState[] {
  if (JSON.stringify(left) === JSON.stringify(next)) return history;
  return [...history, left].slice(-MAX_HISTORY);
}

/** The stored form of a session without the fields a comparison leaves out. */
function comparable(session: Session, ignore: readonly (keyof DialogState)[]): string {
  const stored: Partial<DialogState> = toStored(session);
  for (const key of ignore) delete stored[key];
  return JSON.stringify(stored);
}

/**
 * True when the stored form of two sessions differs in anything but the version, and with
 * `ignoreButtons` in anything but the typeable buttons too (a card shown again is not a new step).
 */
export function changed(
  before: Session | null,
  after: Session,
  { ignoreButtons = false }: { ignoreButtons?: boolean } = {},
): boolean {
  if (before === null) return true;
  const ignore: (keyof DialogState)[] = ignoreButtons ? ['version', 'buttons'] : ['version'];
  return comparable(before, ignore) !== comparable(after, ignore);
}

/**
 * Stamps the version into the buttons of `dialog`, so a click can later be checked for staleness.
 * Start buttons are never stale and are left alone.
 */
export function stampVersion(replies: Outbound[], dialog: string, version: number): Outbound[] {
  return replies.map((r) => {
    if (r.kind !== 'card' || !r.buttons) return r;
    return {
      ...r,
      buttons: r.buttons.map((b) =>
        b.action.startsWith(`${dialog}.`) && !b.action.endsWith('.start')
          ? { ...b, data: { ...b.data, v: version } }
          : b,
      ),
    };
  });
}

/**
 * The buttons a person can press by typing their label: those of the last card in `replies` that
 * has buttons, without the submit button of a card with inputs (typing its label cannot carry the
 * inputs; by convention it is the primary button, else the first) and without destructive buttons
 * (`danger`: delete, withdraw), which must be clicked: a typed word is too easily a slip, and the card
 * it came from may have scrolled away behind others. Undefined when there are none.
 */
export function typeableButtons(replies: readonly Outbound[]): LabelledButton[] | undefined {
  const last = replies.findLast((r) => r.kind === 'card' && (r.buttons?.length ?? 0) > 0);
  if (last?.kind !== 'card' || !last.buttons) return undefined;
  let pressable: readonly Button[] = last.buttons.filter((b) => b.style !== 'danger');
  if ((last.inputs?.length ?? 0) > 0) {
    const submit = last.buttons.find((b) => b.style === 'primary') ?? last.buttons[0];
    pressable = pressable.filter((b) => b !== submit);
  }
  const kept = pressable
    .slice(0, MAX_BUTTONS)
    .map((b) => ({ label: b.label, action: b.action, ...(b.data === undefined ? {} : { data: b.data }) }));
  return kept.length > 0 ? kept : undefined;
}

/** Plain-JSON equality that ignores the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]))
    );
  }
  if (!isRecord(a) || !isRecord(b)) return false;
  const keys = Object.keys(a).filter((k) => a[k] !== undefined);
  return (
    keys.length === Object.keys(b).filter((k) => b[k] !== undefined).length &&
    keys.every((k) => sameJson(a[k], b[k]))
  );
}
