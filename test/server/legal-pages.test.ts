import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderManifest } from '../../manifest/teams/build.ts';
import type { App, HostConfig } from '../../src/server/app.ts';
import { startHost } from '../kit/index.ts';
import { BOT_APP_ID } from '../support/teams-fixtures.ts';

/** The host with this configuration (the embedded store), and the base URL it answers at. */
async function started(config: Partial<HostConfig>): Promise<{ app: App; base: string }> {
  const host = await startHost({ prefix: 'memory', config });
  return { app: host.app, base: `http://127.0.0.1:${host.port}` };
}

let memory: { app: App; base: string };
let redis: { app: App; base: string };

beforeAll(async () => {
  memory = await started({ dialogTtlSeconds: 86_400 });
  redis = await started({
    redisUrl: 'redis://127.0.0.1:6379',
    redisPrefix: 'hmn:',
    dialogTtlSeconds: 7 * 86_400,
  });
});
afterAll(async () => {
  await memory.app.close();
  await redis.app.close();
});

/** Fetches a page from the memory host and checks it is served as HTML; returns its text. */
async function htmlPage(path: string): Promise<string> {
  const res = await fetch(`${memory.base}${path}`);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
  return res.text();
}

describe('GET /privacy', () => {
  it('is an HTML page in Norwegian with English below, saying what is stored, where and how long', async () => {
    const html = await htmlPage('/privacy');
    expect(html.indexOf('<section lang="nb">')).toBeLessThan(html.indexOf('<section lang="en">'));
    for (const text of [
      'Hva som lagres',
      'Hvor lenge',
      'slett mine data',
      'helseopplysninger om pasienter',
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
    const html = await htmlPage('/terms');
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
