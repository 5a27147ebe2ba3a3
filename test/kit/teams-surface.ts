import type { Store } from '../../src/store/store.ts';
import {
  type BotConnectorCapture,
  type Captured,
  startBotConnectorCapture,
} from '../support/bot-connector-capture.ts';
import {
  cardInvoke,
  personalInstall,
  personalMessage,
  postActivity,
  TENANT_ID,
} from '../support/teams-fixtures.ts';
import { type Host, startHost } from './host.ts';
import { identityOf } from './identities.ts';
import type { Shown, ShownButton } from './shown.ts';
import type { Answer, Identity, Seen, Surface, SurfaceStart } from './surface.ts';
import { fromActivity, fromAdaptiveCard } from './teams-read.ts';

/**
 * Teams over real HTTP: activities shaped as Teams sends them POSTed to /api/messages, Action.Execute
 * invokes for buttons, and what the bot sends captured at the local Bot Connector. The invoke
 * response's card replaces the pressed card, as Teams does.
 */

export const teamsLocale = (locale: Identity['locale']) => (locale === 'en' ? 'en-US' : 'nb-NO');

export class TeamsSurface implements Surface {
  readonly name = 'teams';
  readonly platform = 'teams';
  capture!: BotConnectorCapture;
  host: Host | undefined;
  private cursor = 0;
  private last: Record<string, unknown> | undefined;
  private seen: Seen[] = [];

  async open(): Promise<void> {
    this.capture = await startBotConnectorCapture();
  }

  async close(): Promise<void> {
    await this.capture?.close();
  }

  get store(): Store {
    if (!this.host) throw new Error('the kit has not started (call it inside a test)');
    return this.host.store;
  }

  async start(options: SurfaceStart): Promise<void> {
    this.capture.reset();
    this.cursor = 0;
    this.seen = [];
    this.host = await startHost({
      clock: options.clock,
      settings: options.settings,
      ...(options.prefix ? { prefix: options.prefix } : {}),
    });
  }

  async stop(): Promise<void> {
    await this.host?.close();
    this.host = undefined;
  }

  identify(name: string, key: string, o: Pick<Identity, 'locale' | 'trust'>): Identity {
    return identityOf('teams', name, key, o);
  }

  /** The activity fields that say who sends it, where, and in which language. */
  as(who: Identity): Record<string, unknown> {
    const locale = teamsLocale(who.locale);
    return {
      from: { id: `29:${who.key}`, name: who.name, aadObjectId: who.id },
      conversation: { conversationType: 'personal', tenantId: TENANT_ID, id: who.conversation },
      locale,
      entities: [{ type: 'clientInfo', locale, country: 'NO', platform: 'Web', timezone: 'Europe/Oslo' }],
    };
  }

  async post(activity: Record<string, unknown>): Promise<Answer> {
    if (!this.host) throw new Error('the kit has not started');
    this.last = activity;
    const res = await postActivity(this.host.port, activity);
    return { status: res.status, body: res.body };
  }

  install(who: Identity): Promise<Answer> {
    return this.post({ ...personalInstall(this.capture.serviceUrl), ...this.as(who) });
  }

  say(who: Identity, text: string): Promise<Answer> {
    return this.post({ ...personalMessage(this.capture.serviceUrl, text), ...this.as(who) });
  }

  async press(
    who: Identity,
    on: Shown,
    button: ShownButton,
    inputs: Record<string, unknown>,
    picked: Record<string, Identity>,
  ): Promise<Answer> {
    const action = button.press as {
      verb?: string;
      data?: Record<string, unknown>;
      associatedInputs?: string;
    };
    if (!action.verb || !action.data) throw new Error(`${button.label} is not an Action.Execute`);
    // The people picker submits the AAD id; the adapter looks the name up among the chat's members.
    for (const p of Object.values(picked))
      this.capture.addMember(who.conversation, { id: `29:${p.key}`, name: p.name, aadObjectId: p.id });
    const sent = action.associatedInputs === 'none' ? {} : inputs;
    const answer = await this.post({
      ...cardInvoke(this.capture.serviceUrl, action.verb, action.data, sent, on.ref),
      ...this.as(who),
    });
    this.invokeAnswer(who, on, answer);
    return answer;
  }

  /** An invoke answered with a card: Teams shows it in place of the pressed card. */
  private invokeAnswer(who: Identity, on: Shown, answer: Answer): void {
    const body = answer.body as { type?: string; value?: unknown } | undefined;
    if (body?.type !== 'application/vnd.microsoft.card.adaptive') return;
    this.drainCapture();
    const message = fromAdaptiveCard(body.value as Record<string, never>, on.ref);
    this.seen.push({ kind: 'update', conversation: who.conversation, ref: on.ref, message });
  }

  async redeliver(): Promise<Answer> {
    if (!this.last) throw new Error('nothing to deliver again');
    return this.post(this.last);
  }

  private drainCapture(): void {
    const requests = this.capture.requests.slice(this.cursor);
    this.cursor = this.capture.requests.length;
    for (const c of requests) this.read(c);
  }

  private read(c: Captured): void {
    if (!c.conversationId || !c.path.includes('/activities')) return;
    const conversation = c.conversationId;
    if (c.method === 'POST') {
      this.seen.push({ kind: 'post', conversation, message: fromActivity(c.body, `1:${c.seq}`) });
    } else if (c.method === 'PUT' && c.activityId) {
      const message = fromActivity(c.body, c.activityId);
      this.seen.push({ kind: 'update', conversation, ref: c.activityId, message });
    }
  }

  drain(): Seen[] {
    this.drainCapture();
    return this.seen.splice(0);
  }
}
