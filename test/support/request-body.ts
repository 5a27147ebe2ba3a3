import type { IncomingMessage } from 'node:http';

/** The whole body of a request the fakes received, as text ('' when there is none). */
export async function bodyText(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A JSON or form-encoded body as fields: token requests are forms, everything else JSON. */
export async function readFields(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = await bodyText(req);
  if (!text) return {};
  if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  return JSON.parse(text) as Record<string, unknown>;
}
