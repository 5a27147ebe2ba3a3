import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderManifest } from '../../manifest/teams/build.ts';
import { loadCatalog } from '../../src/calls/load.ts';
import { type App, createApp } from '../../src/server/app.ts';
import { createLogger } from '../../src/server/logger.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import { BOT_APP_ID } from '../support/teams-fixtures.ts';

const quiet = () =>
  createLogger({ level: 'fatal', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

async function started(
  config: Parameters<typeof createApp>[0]['config'],
): Promise<{ app: App; base: string }> {
  const app = createApp({ config, store: createMemoryStore(), catalog: loadCatalog('calls'), log: quiet() });
  return { app, base: `http://127.0.0.1:${await app.listen(0)}` };
}

let memory: { app: App; base: string };
let redis: { app: App; base: string };

beforeAll(async () => {
  memory = await started({ port: 0, nodeEnv: 'test', teams: {}, dialogTtlSeconds: 86_400 });
  redis = await started({
    port: 0,
    nodeEnv: 'test',
    teams: {},
    redisUrl: 'redis://127.0.0.1:6379',
    redisPrefix: 'hmn:',
    dialogTtlSeconds: 7 * 86_400,
  });
});
afterAll(async () => {
  await memory.app.close();
  await redis.app.close();
});

describe('GET /privacy', () => {
  it('is an HTML page in Norwegian with English below, saying what is stored, where and how long', async () => {
    const res = await fetch(`${memory.base}/privacy`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html.indexOf('<section lang="nb">')).toBeLessThan(html.indexOf('<section lang="en">'));
    for (const text of [
      'Hva som lagres',
      'Hvor lenge',
      'slett mine data',
      'helseopplysninger om pasienter',
    ]) {
      expect(html).toContain(text);
    }
    for (const text of [
      'What is stored',
      'For how long',
      'delete my data',
      'health information about patients',
    ]) {
      expect(html).toContain(text);
    }
    // The dialog lifetime and the store are this deployment's, not boilerplate.
    expect(html).toContain('24 timer etter siste melding');
    expect(html).toContain('24 hours after the last message');
    expect(html).toContain('forsvinner når tjenesten startes på nytt');
    expect(html).toContain('120 dager');
  });

  it('names Redis and its key prefix when the bot runs on Redis', async () => {
    const html = await (await fetch(`${redis.base}/privacy`)).text();
    expect(html).toContain('Redis');
    expect(html).toContain('<code>hmn:</code>');
    expect(html).toContain('7 døgn etter siste melding');
    expect(html).toContain('7 days after the last message');
    expect(html).not.toContain('forsvinner når tjenesten startes på nytt');
  });
});

describe('GET /terms', () => {
  it('is an HTML page in Norwegian with English below, linking to the privacy page', async () => {
    const res = await fetch(`${memory.base}/terms`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await res.text();
    expect(html).toContain('vilkår for bruk');
    expect(html).toContain('terms of use');
    expect(html).toContain('href="/privacy"');
  });

  it('answers only GET', async () => {
    const res = await fetch(`${memory.base}/terms`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(405);
  });
});

describe('the Teams manifest links', () => {
  it('point at pages this host serves', async () => {
    const manifest = renderManifest({ MicrosoftAppId: BOT_APP_ID, PUBLIC_URL: 'https://bot.example.no' });
    const developer = manifest.developer as { privacyUrl: string; termsOfUseUrl: string };
    for (const url of [developer.privacyUrl, developer.termsOfUseUrl]) {
      const res = await fetch(`${memory.base}${new URL(url).pathname}`);
      expect(res.status).toBe(200);
    }
  });
});
