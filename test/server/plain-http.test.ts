import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDeadlineError } from '../../src/server/deadline.ts';
import { plainRequest } from '../../src/server/plain-http.ts';

/** A server whose answer each test picks by path: echo, hang, or cut off half-way. */
let server: Server;
let base = '';
const held: ServerResponse[] = [];
beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (req.url === '/hang') return void held.push(res);
      if (req.url === '/cut') {
        res.writeHead(200, { 'content-length': '100' });
        res.write('partial');
        setImmediate(() => res.socket?.destroy());
        return;
      }
      res.writeHead(req.url === '/refused' ? 403 : 200, {
        'x-seen-length': req.headers['content-length'] ?? '',
      });
      res.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const res of held) res.socket?.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const post = (path: string, extra: { timeoutMs?: number; signal?: AbortSignal } = {}) =>
  plainRequest(new URL(path, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"å":1}',
    timeoutMs: extra.timeoutMs ?? 5_000,
    signal: extra.signal,
  });

describe('plainRequest', () => {
  it('sends the body with its byte length and hands back status, headers and text, 2xx or not', async () => {
    const ok = await post('/echo');
    expect(ok).toMatchObject({ status: 200, text: '{"å":1}' });
    expect(ok.headers['x-seen-length']).toBe(String(Buffer.byteLength('{"å":1}')));
    expect((await post('/refused')).status).toBe(403);
  });

  it('fails with outbound.timeout at its own deadline, named by what the call is', async () => {
    const e = await post('/hang', { timeoutMs: 30 }).catch((x: unknown) => x);
    expect(isDeadlineError(e)).toBe(true);
    expect(String((e as Error).message)).toContain('POST /hang: no answer within 30 ms');
    const named = await plainRequest(new URL('/hang', base), {
      method: 'GET',
      headers: {},
      timeoutMs: 30,
      what: 'slack response_url',
    }).catch((x: unknown) => x);
    expect(String((named as Error).message)).toContain('slack response_url: no answer within 30 ms');
  });

  it("fails with the enclosing deadline's reason when that fires first, or has already", async () => {
    const turn = new AbortController();
    const pending = post('/hang', { signal: turn.signal }).catch((x: unknown) => x);
    const reason = new Error('the turn is over');
    setTimeout(() => turn.abort(reason), 10);
    expect(await pending).toBe(reason);
    expect(await post('/echo', { signal: turn.signal }).catch((x: unknown) => x)).toBe(reason);
  });

  it('reads an answer cut off mid-body as a reset, not as an answer', async () => {
    const e = (await post('/cut').catch((x: unknown) => x)) as { code?: string };
    expect(e.code).toBe('ECONNRESET');
  });

  it('never contacts a metadata address', async () => {
    await expect(
      plainRequest(new URL('http://169.254.169.254/latest'), {
        method: 'GET',
        headers: {},
        timeoutMs: 1_000,
      }),
    ).rejects.toThrow(/metadata/);
  });
});
