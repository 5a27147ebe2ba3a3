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
