import type { Catalog } from '../domain/catalog.ts';
import type { Dialog, DialogEvent } from './dialog.ts';
import { pickLabel } from './matcher.ts';
import type { Inbound } from './messages.ts';
import { createQuestionRouting } from './question-route.ts';
import type { Route, Router } from './routes.ts';
import { isActive, type LabelledButton, type Session, sameJson } from './state.ts';

/**
 * What an event means, before anything runs (the engine's "decide"): a command, a question, an
 * answer to the waiting prompt, a button press, or a stale or unknown one (docs/conversation.md,
 * docs/questions.md).
 */
export type Plan =
  /** `fallback`: typed text that also names a button, pressed if the dialog cannot read the text. */
  | { kind: 'run'; dialog: Dialog; event: DialogEvent; fallback?: Plan }
  | { kind: 'cancel' }
  | { kind: 'back' }
  | { kind: 'resume' }
  | { kind: 'stale' }
  | { kind: 'unknown-text' }
  | { kind: 'unknown-action' }
  | { kind: 'not-available' }
  /** Free text that reads as a question at a free-text prompt: use it as the answer, or answer it? */
  | { kind: 'confirm-question'; text: string };

export function createDecider(byName: ReadonlyMap<string, Dialog>, router: Router, catalog: Catalog) {
  const questions = createQuestionRouting(router, catalog);
  const questionDialog = byName.get('question');

  function fromRoute(route: Route): Plan {
    if (route.kind !== 'dialog') return route;
    const dialog = byName.get(route.dialog);
    return dialog
      ? { kind: 'run', dialog, event: { kind: 'start', args: route.args } }
      : { kind: 'not-available' };
  }

  function ask(text: string): Plan | undefined {
    return questionDialog
      ? { kind: 'run', dialog: questionDialog, event: { kind: 'start', args: { text } } }
      : undefined;
  }

  /**
   * Typed text with no prompt waiting for it (docs/questions.md): a command as the whole text; a
   * question the calls say something near; a command found among other words (unless the search
   * answers with words beyond the command's phrase); any other question ("the call does not say",
   * with the contacts); else help.
   */
  function decideText(typed: string): Plan {
    const command = questions.command(typed);
    if (command) return fromRoute(command);
    const reading = questions.read(typed);
    const question = ask(typed);
    if (question && reading.question && reading.found.kind !== 'nothing') return question;
    const route = router.route(typed);
    if (route && !(question && questions.beyondCommand(typed))) return fromRoute(route);
    if (question && (reading.found.kind === 'answer' || reading.question)) return question;
    return { kind: 'unknown-text' };
  }

  function decide(event: Inbound, session: Session | null): Plan {
    const active = isActive(session) ? session : null;
    if (event.action) return decideAction(event.action, active);
    const typed = event.text?.trim() ?? '';
    if (typed === '') return { kind: 'unknown-text' };
    const asked = questions.asked(typed);
    const forced = asked === undefined ? undefined : ask(asked);
    if (forced) return forced;
    const dialog = active ? byName.get(active.dialog) : undefined;
    if (!active || !dialog) return decideText(typed);
    // The global words (cancel, back, help, english/norsk) as the whole text keep their meaning.
    const global = router.routeGlobal(typed);
    if (global) return fromRoute(global);
    // At a prompt for typed text, a command typed as the whole text wins over the answer.
    const command = active.awaiting !== undefined ? router.routeCommand(typed) : undefined;
    if (command) return fromRoute(command);
    const pressed = typedLabel(typed, active);
    if (active.awaiting !== undefined) {
      // A command as the whole text wins over reading it as the answer (a button it names first).
      const command = questions.command(typed);
      if (command) return pressed ?? fromRoute(command);
      const run: Plan = { kind: 'run', dialog, event: { kind: 'text', text: typed } };
      const answer = pressed ? { ...run, fallback: pressed } : run;
      const reading = questionDialog ? questions.read(typed) : undefined;
      const isQuestion = reading?.question === true && reading.found.kind !== 'nothing';
      if (!isQuestion) return answer;
      // A title may well read as a question: ask which it is. Elsewhere the question wins.
      if (dialog.freeText?.includes(active.awaiting)) return { kind: 'confirm-question', text: typed };
      return ask(typed) ?? answer;
    }
    if (pressed) return pressed;
    return decideText(typed);
  }

  /** A button press; clicks on cards that are no longer current are answered as stale. */
  function decideAction(pressed: NonNullable<Inbound['action']>, active: Session | null): Plan {
    const { id, data, inputs } = pressed;
    if (id === 'engine.resume') return { kind: 'resume' };
    if (id === 'engine.use-text') {
      // "Use it as my answer" on the confirm card: the text goes to the prompt it was typed at.
      const dialog = active ? byName.get(active.dialog) : undefined;
      const typed = typeof data?.text === 'string' ? data.text : '';
      if (!active || !dialog || data?.v !== active.version || active.awaiting === undefined || typed === '')
        return { kind: 'stale' };
      return { kind: 'run', dialog, event: { kind: 'text', text: typed } };
    }
    const dot = id.indexOf('.');
    const dialog = dot > 0 ? byName.get(id.slice(0, dot)) : undefined;
    const action = id.slice(dot + 1);
    if (!dialog) return { kind: 'unknown-action' };
    const { v: _version, ...args } = data ?? {};
    if (action === 'start') return { kind: 'run', dialog, event: { kind: 'start', args } };
    const actionEvent: DialogEvent = {
      kind: 'action',
      action,
      data: args,
      inputs: inputs ?? {},
      ...(pressed.messageRef ? { messageRef: pressed.messageRef } : {}),
      ...(pressed.people ? { people: pressed.people } : {}),
    };
    if (dialog.transient) return { kind: 'run', dialog, event: actionEvent };
    if (!active || active.dialog !== dialog.name || data?.v !== active.version) return { kind: 'stale' };
    if (action === 'back') return { kind: 'back' };
    if (action === 'cancel') return { kind: 'cancel' };
    return { kind: 'run', dialog, event: actionEvent };
  }

  /**
   * Typed text that names exactly one button of the active dialog's most recent card: that button,
   * pressed with its data (and its version, so the usual staleness rules apply).
   */
  function typedLabel(typed: string, active: Session): Plan | undefined {
    const buttons = distinct(active.buttons ?? []);
    const labels = buttons.map((b) => b.label);
    const at = pickLabel(typed, labels);
    const button = at === undefined ? undefined : buttons[at];
    return button ? decideAction({ id: button.action, data: button.data ?? {} }, active) : undefined;
  }

  return { decide };
}

function distinct(buttons: readonly LabelledButton[]): LabelledButton[] {
  return buttons.filter((b, i) => buttons.findIndex((o) => sameJson(o, b)) === i);
}
