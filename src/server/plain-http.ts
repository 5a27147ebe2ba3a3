import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { MidlerError } from '../domain/errors.ts';
import { guardedAgents, isForbiddenHost } from './egress.ts';

/**
 * One outbound HTTP request on the guarded keep-alive agents (egress.ts): link-local and metadata
 * addresses are refused by URL and after DNS, connections are reused, and redirects are not followed.
 * Used for the platforms' hot paths (Bot Connector replies, Slack response_url posts) instead of
 * global fetch, which on Node 20 cost a Slack turn a sixth of its CPU (docs/performance.md).
 */
export interface PlainRequest {
  method: 'GET' | 'POST' | 'PUT';
  headers: Record<string, string>;
  body?: string | Buffer;
  /** The call's own deadline: the request is destroyed with MidlerError('outbound.timeout'). */
  timeoutMs: number;
  /** What the call is, for its timeout error and the logs that show it (default: method and path). */
  what?: string;
  /** An enclosing deadline: the request is destroyed with its reason when it fires. */
  signal?: AbortSignal | undefined;
}

export interface PlainResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
}

function flatHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export function plainRequest(url: URL, init: PlainRequest): Promise<PlainResponse> {
  if (isForbiddenHost(url.hostname)) {
    return Promise.reject(new Error(`${url.origin}: link-local or metadata address`));
  }
  const outer = init.signal;
  if (outer?.aborted) return Promise.reject(outer.reason);
  const https = url.protocol === 'https:';
  const payload = init.body === undefined ? undefined : Buffer.from(init.body);
  return new Promise<PlainResponse>((resolve, reject) => {
    const req = (https ? httpsRequest : httpRequest)(url, {
      method: init.method,
      agent: https ? guardedAgents.https : guardedAgents.http,
      headers: payload ? { ...init.headers, 'content-length': String(payload.length) } : init.headers,
    });
    // A plain timer and listener, not AbortSignal.timeout: on Node 20 every signal made costs more
    // than the request's own headers.
    // Why the request was destroyed, which is what it fails with (not the reset that follows).
    let destroyedFor: unknown;
    const destroy = (reason: unknown) => {
      destroyedFor ??= reason;
      req.destroy(reason instanceof Error ? reason : new Error(String(reason)));
    };
    const timer = setTimeout(
      () =>
        destroy(
          new MidlerError(
            'outbound.timeout',
            `${init.what ?? `${init.method} ${url.pathname}`}: no answer within ${init.timeoutMs} ms`,
          ),
        ),
      init.timeoutMs,
    );
    const onOuterAbort = () => destroy(outer?.reason);
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    };
    const fail = (e: unknown) => {
      done();
      reject(destroyedFor ?? e);
    };
    req.on('error', fail);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', fail);
      res.on('end', () => {
        done();
        resolve({
          status: res.statusCode ?? 0,
          headers: flatHeaders(res),
          text: Buffer.concat(chunks).toString('utf8'),
        });
      });
      // Cut off mid-answer (a reset, or a deadline's destroy): not an answer.
      res.on('close', () => {
        if (!res.complete) fail(Object.assign(new Error('answer cut off'), { code: 'ECONNRESET' }));
      });
    });
    req.end(payload);
  });
}
