/**
 * Activities shaped exactly like Teams posts them to /api/messages (ids faked). One factory per kind;
 * tests override what they assert on.
 */
export const BOT_APP_ID = '00000000-0000-4000-8000-00000000b075';
export const BOT_ID = `28:${BOT_APP_ID}`;
export const TENANT_ID = '72f988bf-0000-4000-8000-000000000001';
export const USER = {
  id: '29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85gQtHieVkKilBZ9XHoq9j7Zaqt7CZ-NJWi7me2kHTL3Bw',
  name: 'Kari Nordmann',
  aadObjectId: 'c2b9f1a0-1111-4a4a-9b9b-0000000000aa',
};
export const PERSONAL_CONVERSATION = 'a:1Kj8Hs3gQ0eTqvYbLlF0Gm2pN5r7sUwXyZ';
export const CHANNEL = '19:8a2d9c0f6b4e4d1e9f3a7b5c0d1e2f3a@thread.tacv2';
export const TEAM = '19:team0f6b4e4d1e9f3a7b5c0d1e2f3a@thread.tacv2';

let counter = 0;
const nextId = () => `1700000000${String(++counter).padStart(3, '0')}`;

function envelope(serviceUrl: string) {
  return {
    id: nextId(),
    timestamp: '2023-10-02T07:30:00.000Z',
    localTimestamp: '2023-10-02T09:30:00.000+02:00',
    serviceUrl,
    channelId: 'msteams',
    from: { ...USER },
    recipient: { id: BOT_ID, name: 'Midlerbot' },
    locale: 'nb-NO',
    entities: [
      { type: 'clientInfo', locale: 'nb-NO', country: 'NO', platform: 'Web', timezone: 'Europe/Oslo' },
    ],
    channelData: { tenant: { id: TENANT_ID } },
  };
}

const personal = { conversationType: 'personal', tenantId: TENANT_ID, id: PERSONAL_CONVERSATION };

export function personalMessage(serviceUrl: string, text: string, extra: Record<string, unknown> = {}) {
  return {
    ...envelope(serviceUrl),
    type: 'message',
    textFormat: 'plain',
    text,
    conversation: personal,
    ...extra,
  };
}

export function channelMessage(serviceUrl: string, text: string, options: { mention?: boolean } = {}) {
  const mention = options.mention ?? true;
  const base = envelope(serviceUrl);
  return {
    ...base,
    type: 'message',
    textFormat: 'plain',
    text: mention ? `<at>Midlerbot</at> ${text}` : text,
    conversation: {
      isGroup: true,
      conversationType: 'channel',
      tenantId: TENANT_ID,
      id: `${CHANNEL};messageid=1700000000999`,
    },
    entities: [
      ...base.entities,
      ...(mention
        ? [{ type: 'mention', text: '<at>Midlerbot</at>', mentioned: { id: BOT_ID, name: 'Midlerbot' } }]
        : []),
    ],
    channelData: {
      teamsChannelId: CHANNEL,
      teamsTeamId: TEAM,
      channel: { id: CHANNEL },
      team: { id: TEAM },
      tenant: { id: TENANT_ID },
    },
  };
}

export function personalInstall(serviceUrl: string) {
  return {
    ...envelope(serviceUrl),
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT_ID }],
    conversation: personal,
  };
}

export function teamInstall(serviceUrl: string) {
  return {
    ...envelope(serviceUrl),
    type: 'conversationUpdate',
    membersAdded: [{ id: BOT_ID }],
    conversation: { isGroup: true, conversationType: 'channel', tenantId: TENANT_ID, id: CHANNEL },
    channelData: {
      team: { id: TEAM, name: 'Forskning' },
      eventType: 'teamMemberAdded',
      tenant: { id: TENANT_ID },
    },
  };
}

/** `data` as the bot rendered it on the button; `inputs` merged in at top level as Teams does. */
export function cardInvoke(
  serviceUrl: string,
  verb: string,
  data: Record<string, unknown>,
  inputs: Record<string, unknown>,
  replyToId: string,
) {
  return {
    ...pressOn(serviceUrl, replyToId),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data: { ...data, ...inputs } }, trigger: 'manual' },
  };
}

export function cardSubmit(
  serviceUrl: string,
  data: Record<string, unknown>,
  inputs: Record<string, unknown>,
  replyToId: string,
) {
  return { ...pressOn(serviceUrl, replyToId), type: 'message', value: { ...data, ...inputs } };
}

/** The help card's "Kan jeg søke?" (`eligibility.start`) pressed through the Action.Submit fallback. */
export const START_CHECK = { midlerbot: { action: 'eligibility.start', data: {} } };
export const startCheckSubmit = (serviceUrl: string, replyToId: string) =>
  cardSubmit(serviceUrl, START_CHECK, {}, replyToId);

/** Both ways of pressing a card button come from the personal chat, naming the card they were on. */
function pressOn(serviceUrl: string, replyToId: string) {
  return { ...envelope(serviceUrl), replyToId, conversation: personal };
}

/** POSTs an activity to the running host as Teams would. */
export async function postActivity(
  port: number,
  activity: unknown,
  token?: string,
): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

type CardJson = {
  type: string;
  version: string;
  body: Record<string, unknown>[];
  actions?: Record<string, unknown>[];
};

/** The Adaptive Card of a captured activity, if it carries one. */
export function cardOf(activity: Record<string, unknown>): CardJson | undefined {
  const attachments = activity.attachments as { contentType: string; content: CardJson }[] | undefined;
  return attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content;
}
