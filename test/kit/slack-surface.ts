import { press, RESPONSE_URL } from '../slack/requests.ts';
import { type SlackCall, type SlackCapture, startSlackCapture } from '../support/slack-capture.ts';
import {
  blockActions,
  directMessage,
  postSlack,
  type SlackRequest,
  viewSubmission,
} from '../support/slack-fixtures.ts';
import type { HostOptions } from './host.ts';
import { HttpSurface } from './http-surface.ts';
import { identityOf } from './identities.ts';
import type { Shown, ShownButton, ShownInput } from './shown.ts';
import { fromSlackMessage, fromSlackView, type SlackView } from './slack-read.ts';
import type { Answer, Identity, Press, Surface } from './surface.ts';

/**
 * Slack over real HTTP: signed events, block_actions and view_submission POSTed to /slack/events,
 * every Web API call captured. A form with several inputs opens as a modal; pressing its submit
 * sends the view back, and the ack (`response_action`) decides whether it stays open.
 */

/** The state Slack sends for an input, by its element type. */
function stateOf(type: string, value: unknown): Record<string, unknown> {
  switch (type) {
    case 'users_select':
      return { type, selected_user: value };
    case 'datepicker':
      return { type, selected_date: value };
    case 'radio_buttons':
    case 'static_select':
      return { type, selected_option: { value } };
    case 'checkboxes':
    case 'multi_static_select':
      return { type, selected_options: (Array.isArray(value) ? value : [value]).map((v) => ({ value: v })) };
    default:
      return { type, value: String(value) };
  }
}

/** `state.values` as Slack sends them: every input shown (with its current value) and those typed. */
function stateValues(shown: ShownInput[], inputs: Record<string, unknown>) {
  const values: Record<string, Record<string, unknown>> = {};
  const typeOf = (id: string) => shown.find((i) => i.id === id)?.type ?? 'plain_text_input';
  for (const i of shown) if (i.value !== undefined) values[i.id] = { [i.id]: stateOf(i.type, i.value) };
  for (const [id, value] of Object.entries(inputs)) values[id] = { [id]: stateOf(typeOf(id), value) };
  return values;
}

/** The view with its inputs' errors as hints, as Slack shows `response_action: errors`. */
function withErrors(view: SlackView, errors: Record<string, string>): SlackView {
  const blocks = (view.blocks ?? []).map((b) => {
    const error = errors[String(b.block_id)];
    return b.type === 'input'
      ? { ...b, hint: error ? { type: 'plain_text', text: `⚠ ${error}` } : undefined }
      : b;
  });
  return { ...view, blocks };
}

export class SlackSurface extends HttpSurface<SlackCapture, SlackCall> implements Surface {
  readonly name = 'slack';
  readonly platform = 'slack';
  private posts = 0;
  private last: SlackRequest | undefined;
  /** Who acts now: a modal opened or a response_url answer belongs to them. */
  private acting: { who: Identity; channel: string } | undefined;

  protected openCapture(): Promise<SlackCapture> {
    return startSlackCapture();
  }

  protected hostOptions(): HostOptions {
    // Message ts restart with the capture: the capture answers each post with the next ts.
    this.posts = 0;
    return { slack: this.capture };
  }

  identify(name: string, key: string, o: Pick<Identity, 'locale' | 'trust'>): Identity {
    return identityOf('slack', name, key, o);
  }

  /** Slack needs no install; users.info answers with the persona's name and language. */
  async install(who: Identity): Promise<Answer> {
    this.capture.setName(who.id, who.name);
    if (who.locale === 'en') this.capture.setLocale(who.id, 'en-US');
    return {};
  }

  /** Signs and POSTs a request at the kit's clock, and waits for the work after the ack. */
  async send(req: SlackRequest): Promise<Answer> {
    const host = this.started();
    this.last = req;
    const res = await postSlack(host.port, req, host.time.seconds());
    const text = await res.text();
    await host.idle();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  say(who: Identity, text: string): Promise<Answer> {
    this.acting = { who, channel: who.conversation };
    const req = directMessage(text, { user: who.id });
    const body = JSON.parse(req.body) as { event: Record<string, unknown> };
    body.event.channel = who.conversation;
    return this.send({ ...req, body: JSON.stringify(body) });
  }

  async press(who: Identity, { on, button, inputs }: Press): Promise<Answer> {
    const values = stateValues(on.inputs, inputs);
    if (on.kind === 'modal') return this.pressInModal(who, on, button, values);
    const [channel = '', ts = ''] = on.ref.split('/');
    this.acting = { who, channel };
    const element = button.press as { action_id: string; value: string };
    const blocks = (on.raw as { blocks?: unknown[] }).blocks ?? [];
    return this.send(
      press(this.capture, {
        actionId: element.action_id,
        value: element.value,
        channel,
        messageTs: ts,
        user: who.id,
        // The press is on this rendering of the message (a later update is a newer one).
        shown: blocks,
        values,
      }),
    );
  }

  private async pressInModal(
    who: Identity,
    on: Shown,
    button: ShownButton,
    values: Record<string, Record<string, unknown>>,
  ): Promise<Answer> {
    this.acting = { who, channel: this.acting?.channel ?? who.conversation };
    const view = on.raw as SlackView & { private_metadata: string; blocks: unknown[] };
    if (!button.submit) {
      const element = button.press as { action_id: string; value: string };
      return this.send(
        blockActions({
          actionId: element.action_id,
          value: element.value,
          user: who.id,
          view: { ...view, type: 'modal', state: { values } },
        }),
      );
    }
    const answer = await this.send(
      viewSubmission({ privateMetadata: view.private_metadata, blocks: view.blocks, values, user: who.id }),
    );
    const ack = answer.body as
      | { response_action?: string; errors?: Record<string, string>; view?: SlackView }
      | undefined;
    this.drainCapture();
    if (ack?.response_action === 'errors' && ack.errors)
      this.seen.push({
        kind: 'modal',
        user: who.id,
        view: fromSlackView(withErrors(view, ack.errors), on.ref),
      });
    else if (ack?.response_action === 'update' && ack.view)
      this.seen.push({ kind: 'modal', user: who.id, view: fromSlackView(ack.view, on.ref) });
    else this.seen.push({ kind: 'modal', user: who.id, view: null });
    return answer;
  }

  redeliver(): Promise<Answer> {
    if (!this.last) throw new Error('nothing to deliver again');
    return this.send(this.last);
  }

  protected captured(): readonly SlackCall[] {
    return this.capture.calls;
  }

  protected read(c: SlackCall): void {
    const channel = String(c.args.channel ?? '');
    const acting = this.acting;
    switch (c.method) {
      case 'chat.postMessage': {
        // The capture answers each post with the next ts in order.
        const ts = `1693814400.${String(++this.posts).padStart(6, '0')}`;
        this.seen.push({
          kind: 'post',
          conversation: channel,
          message: fromSlackMessage(c.args, `${channel}/${ts}`),
        });
        break;
      }
      case 'chat.update': {
        const ref = `${channel}/${String(c.args.ts)}`;
        this.seen.push({
          kind: 'update',
          conversation: channel,
          ref,
          message: fromSlackMessage(c.args, ref),
        });
        break;
      }
      case 'chat.postEphemeral':
      case RESPONSE_URL: {
        // Only the person it is for sees it: their view of the channel.
        const where = c.method === RESPONSE_URL ? (acting?.channel ?? '') : channel;
        const user = c.method === RESPONSE_URL ? (acting?.who.id ?? '') : String(c.args.user);
        const message = fromSlackMessage(c.args, `ephemeral-${c.seq}`);
        this.seen.push({ kind: 'post', conversation: `${where}@${user}`, message });
        break;
      }
      case 'views.open':
      case 'views.update':
        if (acting) {
          // The capture names a view after the call's sequence number (its id and hash).
          const id = String(c.args.view_id ?? `V${String(c.seq + 1).padStart(8, '0')}`);
          const view = { ...(c.args.view as SlackView), id, hash: `hash-${c.seq + 1}` };
          this.seen.push({ kind: 'modal', user: acting.who.id, view: fromSlackView(view, id) });
        }
        break;
    }
  }
}
