import { describe, expect, it } from 'vitest';
import { badInputs } from '../../faults/cases/bad-input.ts';
import { useTeamsHost } from '../kit/index.ts';
import { personalMessage, postActivity } from '../support/teams-fixtures.ts';

/**
 * Issue 13, bounded input: the fault suite's bad-input set (seeded, the same every run: random
 * Unicode, control characters, text far over MAX_TEXT_CHARS, deep JSON, malformed bodies) over real
 * HTTP. Every request gets an answer below 500 and the host keeps serving.
 */
const host = useTeamsHost(() => ({ at: '2022-10-06T07:00:00Z' }), { resetEach: false });

describe('bad input over HTTP', () => {
  it('answers every request of the set below 500, and the host lives on', { timeout: 120_000 }, async () => {
    const answered: string[] = [];
    for (const input of badInputs(host.capture.serviceUrl)) {
      const res = await fetch(`http://127.0.0.1:${host.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: input.body,
      }).then(
        (r) => r.status,
        () => 0,
      );
      answered.push(`${input.name}: ${res < 100 || res >= 500 ? `FAILED ${res}` : 'ok'}`);
    }
    expect(answered.filter((a) => a.includes('FAILED'))).toEqual([]);
    expect((await fetch(`http://127.0.0.1:${host.port}/healthz`)).status).toBe(200);
    host.capture.reset();
    expect((await postActivity(host.port, personalMessage(host.capture.serviceUrl, 'hjelp'))).status).toBe(
      200,
    );
    expect(host.capture.posted()).toHaveLength(1);
  });

  it('answers text over MAX_TEXT_CHARS that it is too long, having read none of it', async () => {
    host.capture.reset();
    const res = await postActivity(
      host.port,
      personalMessage(host.capture.serviceUrl, 'ny søknad '.repeat(500)),
    );
    expect(res.status).toBe(200);
    expect(JSON.stringify(host.capture.posted()[0]?.body)).toContain('for lang for meg (over 4000 tegn)');
  });
});
