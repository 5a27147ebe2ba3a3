import { describe, expect, inject, it } from 'vitest';
import { homeRoutes } from '../../src/server/home-page.ts';
import { createHostClock } from '../../src/server/host-clock.ts';
import { realCatalog } from '../kit/index.ts';
import { startPlatformHost } from '../scheduler/platform-host.ts';

describe('GET /', () => {
  it('in development: what runs, the calls against the host clock, how to talk to it', async () => {
    const h = await startPlatformHost(inject('redisUrl'), '2022-10-04T08:00:00Z', { movableClock: true });
    try {
      const res = await fetch(`http://127.0.0.1:${h.port}/`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      const page = await res.text();
      expect(page).toContain('<strong>2022-10-04 10:00</strong> Europe/Oslo');
      expect(page).toMatch(/Innovasjonsmidler 2023.*open: deadline 2022-10-20 15:00, 16 days left/);
      expect(page).toContain('npm run playground');
      expect(page).toContain('/at 2023-08-25 09:00');
      h.app.clock.moveTo(new Date('2022-10-20T13:00:00Z'));
      expect(await (await fetch(`http://127.0.0.1:${h.port}/`)).text()).toMatch(
        /Innovasjonsmidler 2023.*closed: the deadline 2022-10-20 15:00 has passed/,
      );
    } finally {
      await h.close();
    }
  });

  it('in production: only the name and where its health is', async () => {
    const clock = createHostClock({ base: () => new Date('2026-12-02T10:00:00Z'), movable: false });
    const [route] = homeRoutes({ catalog: realCatalog, clock, production: true });
    const res = await route?.handler({} as never);
    expect(res).toMatchObject({ status: 200, body: 'Midlerbot. Health: /healthz\n' });
    expect(() => clock.moveTo(new Date())).toThrow(/only be moved in development/);
  });
});
