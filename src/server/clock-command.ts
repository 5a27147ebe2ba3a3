import type { Logger } from 'pino';
import type { TurnReplies } from '../bot/engine-port.ts';
import type { Inbound } from '../bot/messages.ts';
import type { Locale } from '../domain/call.ts';
import { parseAt } from '../domain/timeline.ts';
import { formatDateLong } from '../i18n/format.ts';
import { t } from '../i18n/t.ts';
import type { HostClock } from './host-clock.ts';

/** What moving the clock set off: the reminders and nudges sent, or that reminders are off. */
export type CatchUp = { sent: number } | { off: true };

export interface ClockCommandDeps {
  clock: HostClock;
  /** Plans and delivers what fell due at the new time (the reminder planner and loop, once each). */
  catchUp: () => Promise<CatchUp>;
  /** The language the person chose in the bot ("norsk"/"english"), which wins over the client's. */
  chosenLocale?: (event: Inbound) => Promise<Locale | undefined>;
  log: Logger;
}

const AT = /^\/at(?:\s+(.*))?$/i;

const ISO_DAY = /^(\d{4}-\d{2}-\d{2})(?:\s+(\d{1,2})[:.](\d{2}))?$/;
/** As the bot's own date questions ask for a date: 25.08.2023, optionally with 09:00 or 09.00. */
const NORWEGIAN_DAY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2})[:.](\d{2}))?$/;

/**
 * A time as typed in chat, Oslo time: "2023-08-25 09:00", "25.08.2023 09.00", "2023-08-25" (the
 * start of the day), or anything parseAt reads (an ISO time with an offset).
 */
export function parseTypedTime(text: string): Date {
  const trimmed = text.trim();
  const iso = ISO_DAY.exec(trimmed);
  const nb = NORWEGIAN_DAY.exec(trimmed);
  const [day, hour, minute] = iso
    ? [iso[1], iso[2], iso[3]]
    : nb
      ? [`${nb[3]}-${nb[2]?.padStart(2, '0')}-${nb[1]?.padStart(2, '0')}`, nb[4], nb[5]]
      : [undefined, undefined, undefined];
  if (!day) return parseAt(trimmed);
  return parseAt(hour === undefined ? day : `${day}T${hour.padStart(2, '0')}:${minute}`);
}

/**
 * `/at 2023-08-25 09:00` typed in Teams or the console (`/midler at …` in Slack): moves the host's
 * clock and runs the reminders and nudges that fell due, so a walk-through can watch a channel
 * reminder arrive. Only where the clock is movable (development, tests); elsewhere the text goes to
 * the engine like any other and changes nothing.
 */
export function clockCommand(deps: ClockCommandDeps): (event: Inbound) => Promise<TurnReplies | undefined> {
  return async (event) => {
    if (!deps.clock.movable || event.action) return undefined;
    const m = AT.exec(event.text?.trim() ?? '');
    if (!m) return undefined;
    const locale = (await deps.chosenLocale?.(event).catch(() => undefined)) ?? event.user.locale ?? 'nb';
    const say = (text: string): TurnReplies => ({ replies: [{ kind: 'text', text }], locale });
    let at: Date;
    try {
      at = parseTypedTime(m[1] ?? '');
    } catch {
      return say(t(locale, 'clock.usage'));
    }
    deps.clock.moveTo(at);
    deps.log.info({ now: at.toISOString(), by: event.user.id }, 'clock moved (/at)');
    const moved = t(locale, 'clock.moved', { when: formatDateLong(at, locale) });
    const caught = await deps.catchUp();
    const after =
      'off' in caught ? t(locale, 'clock.reminders-off') : t(locale, 'clock.sent', { count: caught.sent });
    return say(`${moved} ${after}`);
  };
}
