import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/server/logger.ts';

function capture() {
  const lines: string[] = [];
  const log = createLogger({
    level: 'debug',
    destination: new Writable({
      write(chunk, _e, cb) {
        lines.push(String(chunk));
        cb();
      },
    }),
  });
  return { log, text: () => lines.join('') };
}

describe('log redaction', () => {
  it('blanks secrets by field name and by shape, keeping the rest of the line', () => {
    const { log, text } = capture();
    log.info(
      {
        config: { SLACK_SIGNING_SECRET: 'sig-8f1e2d3c4b5a', redisUrl: 'redis://:hunter2pass@redis:6379' },
        headers: { authorization: 'Bearer abc.def.ghi', 'x-request-id': 'r-1' },
        slack: { botToken: 'xoxb-1234-5678-abcdefgh' },
      },
      'settings',
    );
    log.warn('token in text: xoxb-1234-5678-abcdefgh and redis://user:hunter2pass@redis:6379/0');
    log.error(
      { err: new Error('call failed with Authorization: Bearer eyJhbGciOi.eyJzdWIiOiIx.c2lnbmF0dXJl') },
      'boom',
    );
    const out = text();
    for (const secret of ['sig-8f1e2d3c4b5a', 'hunter2pass', 'abc.def.ghi', 'xoxb-1234', 'eyJhbGciOi']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('r-1');
    expect(out).toContain('redis://user:[redacted]@redis:6379/0');
    expect(out).toContain('call failed with Authorization');
  });
});
