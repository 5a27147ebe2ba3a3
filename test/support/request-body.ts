import type { IncomingMessage } from 'node:http';

/** A local fake of a Microsoft service: it issues tokens at its login endpoint and records every request. */
export interface MicrosoftFake<R> {
  /** The login URL to configure for the bot's tokens (tenant path included). */
  readonly loginUrl: string;
  readonly requests: R[];
  tokenRequests(): R[];
  /** Forgets the requests and every fault or setting made since the fake started. */
  reset(): void;
  close(): Promise<void>;
}

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
