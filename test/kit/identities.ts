import { createHash } from 'node:crypto';
import { userIdOf } from '../../adapters/console/args.ts';
import type { Platform } from '../../src/domain/application.ts';
import type { Identity } from './surface.ts';

/**
 * Who a persona is on each platform, made from its key so runs are stable: a Teams AAD object id and
 * personal conversation, a Slack user id and DM, a console user (`--as` name). The engine surface
 * uses the identities of the platform it plays.
 */

type Extra = Pick<Identity, 'locale' | 'trust'>;

function aadOf(key: string): string {
  const h = createHash('sha1').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** `U0KARI000`; the DM with the bot is `D0KARI000` (the capture opens DMs the same way). */
const slug = (key: string) =>
  key
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .padEnd(7, '0')
    .slice(0, 7);

export function identityOf(platform: Platform, name: string, key: string, extra: Extra): Identity {
  switch (platform) {
    case 'teams':
      return { name, key, id: aadOf(key), conversation: `a:${key}-dm`, ...extra };
    case 'slack':
      return { name, key, id: `U0${slug(key)}`, conversation: `D0${slug(key)}`, ...extra };
    case 'console': {
      const id = userIdOf(name);
      return { name, key, id, conversation: `console-${id}`, ...extra };
    }
  }
}

/** What a platform's person picker submits for the persona. */
export const pickerValue = (platform: Platform, who: Identity): string =>
  platform === 'console' ? `@${who.id}` : who.id;
