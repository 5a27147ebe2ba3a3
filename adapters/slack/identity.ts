import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Locale } from '../../src/domain/call.ts';
import { unlessStoreDown } from '../../src/store/degrade.ts';
import type { Store } from '../../src/store/store.ts';

export interface SlackIdentity {
  name: string;
  locale?: Locale;
}

/** Slack locales are like `en-US` or `nb-NO`; anything not English gets bokmål. */
export function localeFromSlack(locale: string | undefined): Locale {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'nb';
}

/**
 * Who the user is: the Slack user id is the identity; the display name and locale are asked of
 * users.info once and cached in the user's profile. A locale the user chose later (the engine saves
 * it in the same profile) wins over Slack's.
 */
export async function identify(
  store: Store,
  client: webApi.WebClient,
  userId: string,
  log: Logger,
): Promise<SlackIdentity> {
  const profile = await unlessStoreDown(store.getUser('slack', userId), null);
  if (profile?.name) return { name: profile.name, ...(profile.locale ? { locale: profile.locale } : {}) };
  try {
    const info = await client.users.info({ user: userId, include_locale: true });
    const user = info.user;
    const name = user?.profile?.display_name || user?.real_name || user?.name || userId;
    const locale = profile?.locale ?? localeFromSlack(user?.locale);
    await unlessStoreDown(
      store.putUser({ ...(profile ?? { platform: 'slack', userId, nudges: true }), name, locale }),
      undefined,
    );
    return { name, locale };
  } catch (e) {
    log.warn({ err: e, userId }, 'users.info failed; continuing with the user id as name');
    return { name: userId, ...(profile?.locale ? { locale: profile.locale } : {}) };
  }
}
