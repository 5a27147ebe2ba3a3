import type { IncomingHttpHeaders } from 'node:http';

export type ParsedBody =
  | { kind: 'url_verification'; challenge: string }
  | { kind: 'payload'; body: Record<string, unknown> }
  | { kind: 'invalid' };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The three shapes Slack posts to one URL: Events API JSON, slash commands as form fields, and
 * interactivity as a form with one `payload` field holding JSON. Called only after the signature holds.
 */
export function parseSlackBody(headers: IncomingHttpHeaders, rawBody: Buffer): ParsedBody {
  const type = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const text = rawBody.toString('utf8');
  try {
    if (type === 'application/x-www-form-urlencoded') {
      const form = new URLSearchParams(text);
      const payload = form.get('payload');
      if (payload !== null) {
        const body: unknown = JSON.parse(payload);
        return isObject(body) ? { kind: 'payload', body } : { kind: 'invalid' };
      }
      const body = Object.fromEntries(form.entries());
      return typeof body.command === 'string' ? { kind: 'payload', body } : { kind: 'invalid' };
    }
    const body: unknown = JSON.parse(text);
    if (!isObject(body)) return { kind: 'invalid' };
    if (body.type === 'url_verification') {
      return typeof body.challenge === 'string'
        ? { kind: 'url_verification', challenge: body.challenge }
        : { kind: 'invalid' };
    }
    return { kind: 'payload', body };
  } catch {
    return { kind: 'invalid' };
  }
}

/**
 * The id a delivery is deduplicated on: the event id for Events API callbacks (Slack retries with the
 * same one), otherwise the interaction's trigger id, or action_ts + message ts for a button press.
 */
export function dedupKeyOf(body: Record<string, unknown>): string | undefined {
  if (body.type === 'event_callback' && typeof body.event_id === 'string') return `evt:${body.event_id}`;
  if (typeof body.trigger_id === 'string') return `trg:${body.trigger_id}`;
  const actions = Array.isArray(body.actions) ? body.actions : [];
  const first: unknown = actions[0];
  const container = isObject(body.container) ? body.container : {};
  if (isObject(first) && typeof first.action_ts === 'string') {
    return `act:${first.action_ts}:${String(container.message_ts ?? '')}`;
  }
  return undefined;
}
