import type { Button } from '../../src/bot/messages.ts';
import type { Locale } from '../../src/domain/call.ts';
import { t } from '../../src/i18n/t.ts';
import { ACTION_KEY, CHOICE_INPUT, CHOOSE_ACTION } from './activity-parse.ts';

/**
 * How a card's buttons are laid out for Teams, which shows at most six actions in a row (the rest
 * go behind "…") and clips a button's label after about forty characters:
 * - up to six buttons with short labels: one row, as the card lists them;
 * - more: the answers in rows of their own in the body, the navigation (back, cancel, start over)
 *   as the card's own row, each row at most six and the rows as even as they can be;
 * - an answer too long for a button: all the answers become one radio list with an "Answer" button,
 *   so nothing is clipped; the adapter reads the chosen answer back as that answer's own press.
 */

type Element = Record<string, unknown>;

export const MAX_ROW = 6;
export const MAX_LABEL = 40;

const STYLE: Record<NonNullable<Button['style']>, string> = {
  primary: 'positive',
  danger: 'destructive',
  default: 'default',
};

const NAVIGATION = /(^engine\.|\.(start|back|cancel)$)/;
export const isNavigation = (b: Button) => NAVIGATION.test(b.action);

export function renderButton(button: Button): Element {
  const data = { [ACTION_KEY]: { action: button.action, data: button.data ?? {} } };
  const style = STYLE[button.style ?? 'default'];
  // Teams validates required inputs before any Action.Submit/Execute ('auto'); a button that is an
  // answer of its own ("not sure yet") or navigation must not be held back by an empty input.
  const inputs = button.withoutInputs || isNavigation(button) ? { associatedInputs: 'none' } : {};
  return {
    type: 'Action.Execute',
    title: button.label,
    verb: button.action,
    data,
    style,
    ...inputs,
    // Clients older than Universal Actions post a message activity with `value` instead.
    fallback: { type: 'Action.Submit', title: button.label, data, style, ...inputs },
  };
}

/** Splits `items` into as few rows of at most MAX_ROW as it can, as even as they can be. */
function rowsOf<T>(items: T[]): T[][] {
  const count = Math.ceil(items.length / MAX_ROW);
  const size = Math.ceil(items.length / count);
  const rows: T[][] = [];
  for (let i = 0; i < items.length; i += size) rows.push(items.slice(i, i + size));
  return rows;
}

export interface LaidOut {
  /** Elements that close the body: a radio list of answers, and rows of buttons (ActionSets). */
  body: Element[];
  /** The card's own actions: its last row. */
  actions: Element[];
}

export function layOutButtons(buttons: Button[], locale: Locale, hasInputs: boolean): LaidOut {
  const answers = buttons.filter((b) => !isNavigation(b));
  const navigation = buttons.filter(isNavigation);
  const tooLong = answers.some((b) => [...b.label].length > MAX_LABEL);
  if (tooLong && answers.length > 1 && !hasInputs) {
    const chooser = chooserOf(answers, locale);
    return { body: [chooser.input], actions: [chooser.submit, ...navigation.map(renderButton)] };
  }
  if (buttons.length <= MAX_ROW) return { body: [], actions: buttons.map(renderButton) };
  const rows =
    answers.length > 0 && navigation.length > 0
      ? [...rowsOf(answers), ...rowsOf(navigation)]
      : rowsOf(buttons);
  const last = rows.pop() ?? [];
  return {
    body: rows.map((row) => ({ type: 'ActionSet', actions: row.map(renderButton) })),
    actions: last.map(renderButton),
  };
}

/** The answers as one required radio list, sent by one button that carries every answer's press. */
function chooserOf(answers: Button[], locale: Locale): { input: Element; submit: Element } {
  const input = {
    type: 'Input.ChoiceSet',
    id: CHOICE_INPUT,
    label: t(locale, 'common.choose-one'),
    style: 'expanded',
    wrap: true,
    isRequired: true,
    errorMessage: t(locale, 'common.choose-one'),
    choices: answers.map((b, i) => ({ title: b.label, value: String(i) })),
  };
  const data = {
    [ACTION_KEY]: {
      action: CHOOSE_ACTION,
      data: { options: answers.map((b) => ({ action: b.action, data: b.data ?? {} })) },
    },
  };
  const label = t(locale, 'common.answer');
  const submit = {
    type: 'Action.Execute',
    title: label,
    verb: CHOOSE_ACTION,
    data,
    style: 'positive',
    fallback: { type: 'Action.Submit', title: label, data, style: 'positive' },
  };
  return { input, submit };
}
