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
import type { HostOptions } from './host.ts';
import { HttpSurface } from './http-surface.ts';
import { identityOf } from './identities.ts';
import type { Shown } from './shown.ts';
import type { Answer, Identity, Press, Surface } from './surface.ts';
import { fromActivity, fromAdaptiveCard } from './teams-read.ts';

/**
 * Teams over real HTTP: activities shaped as Teams sends them POSTed to /api/messages, Action.Execute
 * invokes for buttons, and what the bot sends captured at the local Bot Connector. The invoke
 * response's card replaces the pressed card, as Teams does.
 */

export const teamsLocale = (locale: Identity['locale']) => (locale === 'en' ? 'en-US' : 'nb-NO');

export class TeamsSurface extends HttpSurface<BotConnectorCapture, Captured> implements Surface {
  readonly name = 'teams';
  readonly platform = 'teams';
  private last: Record<string, unknown> | undefined;

  protected openCapture(): Promise<BotConnectorCapture> {
    return startBotConnectorCapture();
  }

  protected hostOptions(): HostOptions {
    return {};
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
    this.last = activity;
    const res = await postActivity(this.started().port, activity);
    return { status: res.status, body: res.body };
  }

  install(who: Identity): Promise<Answer> {
    return this.post({ ...personalInstall(this.capture.serviceUrl), ...this.as(who) });
  }

  say(who: Identity, text: string): Promise<Answer> {
    return this.post({ ...personalMessage(this.capture.serviceUrl, text), ...this.as(who) });
  }

  async press(who: Identity, { on, button, inputs, picked }: Press): Promise<Answer> {
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

  protected captured(): readonly Captured[] {
    return this.capture.requests;
  }

  protected read(c: Captured): void {
    if (!c.conversationId || !c.path.includes('/activities')) return;
    const conversation = c.conversationId;
    if (c.method === 'POST') {
      this.seen.push({ kind: 'post', conversation, message: fromActivity(c.body, `1:${c.seq}`) });
    } else if (c.method === 'PUT' && c.activityId) {
      const message = fromActivity(c.body, c.activityId);
      this.seen.push({ kind: 'update', conversation, ref: c.activityId, message });
    }
  }
}
