import type { webApi } from '@slack/bolt';

type WebClient = webApi.WebClient;

/**
 * Each user's own DM with the bot (the app's Messages tab), per replica, in memory. Only this channel
 * may become a user's personal conversation reference: a slash command typed in a DM between two
 * people also says `directmessage`, but the bot cannot post there. An IM channel id never changes
 * for a user and the bot, so entries do not expire; the map is bounded (least recently used go first).
 */
export class BotDms {
  private readonly known = new Map<string, string>();

  constructor(private readonly maxEntries = 5000) {}

  /** A channel known to be the user's DM with the bot (a message.im event, app_home_opened). */
  note(userId: string, channel: string): void {
    this.known.delete(userId);
    this.known.set(userId, channel);
    while (this.known.size > this.maxEntries) {
      const oldest = this.known.keys().next().value;
      if (oldest === undefined) break;
      this.known.delete(oldest);
    }
  }

  /** The user's DM with the bot: cached, else conversations.open (idempotent on Slack's side). */
  async of(client: WebClient, userId: string): Promise<string> {
    const cached = this.known.get(userId);
    if (cached) return cached;
    const channel = await openDm(client, userId);
    this.note(userId, channel);
    return channel;
  }

  /** True when `channel` is the user's DM with the bot (asks Slack once per user and replica). */
  async isBotDm(client: WebClient, userId: string, channel: string): Promise<boolean> {
    return (await this.of(client, userId)) === channel;
  }
}

/** The user's DM channel with the bot, from conversations.open. */
export async function openDm(client: WebClient, userId: string): Promise<string> {
  const res = await client.conversations.open({ users: userId });
  const id = res.channel?.id;
  if (!id) throw new Error('conversations.open returned no channel');
  return id;
}
