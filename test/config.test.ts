import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MidlerError } from '../src/domain/errors.ts';
import { CONFIG_VARIABLES, loadConfig, loadDotEnv, redactConfig } from '../src/server/config.ts';
import { refusalOf } from './support/errors.ts';

function failure(env: Record<string, string>): MidlerError {
  return refusalOf('config.invalid', () => loadConfig(env), 'expected loadConfig to fail');
}

const production = {
  NODE_ENV: 'production',
  REDIS_URL: 'redis://:s3cret-pw@redis.internal:6379/2',
  MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
  MicrosoftAppPassword: 'app-password-value',
};

describe('loadConfig', () => {
  it('has working defaults for development, with the memory store reported', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      nodeEnv: 'development',
      port: 3978,
      logLevel: 'info',
      store: 'memory',
      redisPrefix: 'midlerbot:',
      callsDir: 'calls',
      dialogTtlSeconds: 86_400,
      teams: { MicrosoftAppType: 'MultiTenant' },
      slack: { enabled: false, socketMode: false },
      reminders: { enabled: true, admins: [] },
      trustQualityChiefs: {},
      showPriorityRank: false,
    });
    expect(c.redisUrl).toBeUndefined();
    expect(c.bodyLimitBytes).toBeUndefined();
    expect(c.warnings.join(' ')).toMatch(/in-memory store/);
  });

  it('reads MIDLERBOT_NOW as Oslo time, names a bad one, and refuses it in production', () => {
    expect(loadConfig({ MIDLERBOT_NOW: '2022-10-04T10:00' }).clockStart?.toISOString()).toBe(
      '2022-10-04T08:00:00.000Z',
    );
    expect(loadConfig({ MIDLERBOT_NOW: '2022-12-01T10:00:00Z' }).clockStart?.toISOString()).toBe(
      '2022-12-01T10:00:00.000Z',
    );
    expect(loadConfig({}).clockStart).toBeUndefined();
    expect(failure({ MIDLERBOT_NOW: 'next tuesday' }).message).toMatch(/MIDLERBOT_NOW: is not a time/);
    const e = failure({ ...production, MIDLERBOT_NOW: '2022-10-04T10:00' });
    expect(e.message).toMatch(/MIDLERBOT_NOW: is for trying the bot out/);
    expect(e.details).toEqual({ variables: ['MIDLERBOT_NOW'] });
  });

  it('refuses production without REDIS_URL, naming the variable', () => {
    const e = failure({ ...production, REDIS_URL: '' });
    expect(e.message).toMatch(/REDIS_URL: is required/);
    expect(e.details).toEqual({ variables: ['REDIS_URL'] });
  });

  it('accepts a Slack-only production configuration (Teams off: no MicrosoftAppId)', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      REDIS_URL: production.REDIS_URL,
      SLACK_BOT_TOKEN: 'xoxb-1-2-3',
      SLACK_SIGNING_SECRET: 'signing',
    });
    expect(c.slack.enabled).toBe(true);
    expect(c.teams.MicrosoftAppId).toBeUndefined();
  });

  it('refuses production without any platform, naming what to set', () => {
    const e = failure({ NODE_ENV: 'production', REDIS_URL: production.REDIS_URL });
    expect(e.message).toMatch(/MicrosoftAppId: .*SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET/);
    expect(e.details).toEqual({ variables: ['MicrosoftAppId'] });
    // A Slack token alone is not a platform: it cannot verify Slack's requests.
    expect(
      failure({ NODE_ENV: 'production', REDIS_URL: production.REDIS_URL, SLACK_BOT_TOKEN: 'xoxb-1' }).details,
    ).toEqual({ variables: ['SLACK_SIGNING_SECRET'] });
  });

  it('names a bad PORT and every other bad variable at once', () => {
    const e = failure({ PORT: 'eighty', LOG_LEVEL: 'loud', SHOW_PRIORITY_RANK: 'maybe' });
    expect(e.message).toMatch(/PORT: must be a whole number/);
    expect(e.details?.variables).toEqual(['PORT', 'LOG_LEVEL', 'SHOW_PRIORITY_RANK']);
    expect(failure({ PORT: '70000' }).message).toMatch(/PORT: must be between 1 and 65535/);
  });

  it('never prints a secret value in its messages', () => {
    const e = failure({
      ...production,
      REDIS_URL: 'redis://:s3cret-pw@a:1,b:2',
      SLACK_BOT_TOKEN: 'xoxp-user-token-value',
    });
    expect(e.message).toMatch(/REDIS_URL/);
    expect(e.message).toMatch(/SLACK_BOT_TOKEN: must be a bot token/);
    expect(e.message).not.toMatch(/s3cret-pw|xoxp-user-token-value/);
  });

  it('reads a full production configuration', () => {
    const c = loadConfig({
      ...production,
      PORT: '8080',
      REDIS_MODE: 'single',
      REDIS_PREFIX: 'hmn:',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppTenantId: 'tenant-1',
      SLACK_BOT_TOKEN: 'xoxb-1-2-3',
      SLACK_SIGNING_SECRET: 'signing',
      SLACK_API_URL: 'http://127.0.0.1:9999/api/',
      PUBLIC_URL: 'https://midlerbot.example.no',
      REMINDERS_ENABLED: 'false',
      REMINDER_ADMINS: 'slack:U01ADMIN, teams:aad-admin',
      TRUST_QUALITY_CHIEFS: JSON.stringify({
        'st-olavs': { chief: 'teams:aad-chief', deputy: { platform: 'slack', userId: 'U0DEP', name: 'Dep' } },
      }),
      SHOW_PRIORITY_RANK: 'yes',
    });
    expect(c).toMatchObject({
      port: 8080,
      store: 'redis',
      redisMode: 'single',
      redisPrefix: 'hmn:',
      teams: { MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'tenant-1' },
      slack: { enabled: true, socketMode: false, apiUrl: 'http://127.0.0.1:9999/api/' },
      reminders: {
        enabled: false,
        admins: [
          { platform: 'slack', userId: 'U01ADMIN' },
          { platform: 'teams', userId: 'aad-admin' },
        ],
      },
      trustQualityChiefs: {
        'st-olavs': {
          chief: { platform: 'teams', userId: 'aad-chief' },
          deputy: { platform: 'slack', userId: 'U0DEP', name: 'Dep' },
        },
      },
      showPriorityRank: true,
    });
    expect(c.warnings).toEqual([]);
  });

  it('checks variables that depend on each other', () => {
    expect(
      failure({ MicrosoftAppId: 'x', MicrosoftAppType: 'SingleTenant', MicrosoftAppPassword: 'p' }).details,
    ).toEqual({
      variables: ['MicrosoftAppTenantId'],
    });
    expect(failure({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SOCKET_MODE: 'true' }).details).toEqual({
      variables: ['SLACK_APP_TOKEN'],
    });
    expect(failure({ SLACK_BOT_TOKEN: 'xoxb-1' }).details).toEqual({ variables: ['SLACK_SIGNING_SECRET'] });
    expect(failure({ REDIS_URL: 'redis+sentinel://a:1,b:2', REDIS_MODE: 'cluster' }).details).toEqual({
      variables: ['REDIS_URL'],
    });
    expect(failure({ TRUST_QUALITY_CHIEFS: '{"st-olavs": {"chief": "fax:123"}}' }).message).toMatch(
      /TRUST_QUALITY_CHIEFS: st-olavs\.chief/,
    );
    expect(failure({ TRUST_QUALITY_CHIEFS: '{not json' }).message).toMatch(
      /TRUST_QUALITY_CHIEFS: is not valid JSON/,
    );
    expect(failure({ REDIS_PREFIX: 'a{b}' }).details).toEqual({ variables: ['REDIS_PREFIX'] });
  });
});

describe('redactConfig', () => {
  it('hides passwords and tokens but keeps what helps debugging', () => {
    const c = loadConfig({
      ...production,
      SLACK_BOT_TOKEN: 'xoxb-secret',
      SLACK_SIGNING_SECRET: 'sig-secret',
    });
    const text = JSON.stringify(redactConfig(c));
    expect(text).not.toMatch(/s3cret-pw|app-password-value|xoxb-secret|sig-secret/);
    expect(text).toMatch(/redis\.internal:6379/);
    expect(redactConfig(c).teams.MicrosoftAppPassword).toBe('[set]');
    expect(redactConfig(c).teams.MicrosoftAppId).toBe(production.MicrosoftAppId);
  });
});

describe('loadDotEnv', () => {
  it('loads a .env file without overriding variables already set', () => {
    const dir = mkdtempSync(join(tmpdir(), 'midlerbot-env-'));
    const path = join(dir, '.env');
    writeFileSync(
      path,
      [
        '# comment',
        'PORT=4000',
        'export LOG_LEVEL="debug"',
        "REDIS_PREFIX='dev:' ",
        'CALLS_DIR=calls # trailing',
        '',
      ].join('\n'),
    );
    const env: Record<string, string | undefined> = { PORT: '5000' };
    expect(loadDotEnv(path, env)).toEqual(['LOG_LEVEL', 'REDIS_PREFIX', 'CALLS_DIR']);
    expect(env).toEqual({ PORT: '5000', LOG_LEVEL: 'debug', REDIS_PREFIX: 'dev:', CALLS_DIR: 'calls' });
    expect(loadDotEnv(join(dir, 'missing.env'), env)).toEqual([]);
  });
});

describe('.env.example', () => {
  it('lists every variable, each with a comment, and loads as a valid development configuration', () => {
    const example = join(import.meta.dirname, '..', '.env.example');
    const env: Record<string, string | undefined> = {};
    expect([...loadDotEnv(example, env)].sort()).toEqual([...CONFIG_VARIABLES].sort());
    expect(loadConfig(env).store).toBe('memory');
    const lines = readFileSync(example, 'utf8').split('\n');
    const uncommented = lines.filter((l, i) => /^[A-Za-z_]+=/.test(l) && !lines[i - 1]?.startsWith('#'));
    expect(uncommented).toEqual([]);
  });
});

describe('reliability settings (issue 13)', () => {
  it('HOST: 127.0.0.1 unless NODE_ENV=production (0.0.0.0); an explicit HOST wins either way', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ NODE_ENV: 'test' }).host).toBe('127.0.0.1');
    expect(loadConfig(production).host).toBe('0.0.0.0');
    expect(loadConfig({ ...production, HOST: '10.0.0.5' }).host).toBe('10.0.0.5');
    expect(loadConfig({ HOST: '::1' }).host).toBe('::1');
  });

  it('defaults: outbound calls get 10 s, typed text up to 4000 characters, loopback-only serviceUrls', () => {
    const c = loadConfig({});
    expect(c.outboundTimeoutMs).toBe(10_000);
    expect(c.maxTextChars).toBe(4000);
    expect(c.teams.allowedServiceUrls).toEqual([]);
  });

  it('reads OUTBOUND_TIMEOUT_SECONDS, MAX_TEXT_CHARS and TEAMS_ALLOWED_SERVICE_URLS (as origins)', () => {
    const c = loadConfig({
      OUTBOUND_TIMEOUT_SECONDS: '5',
      MAX_TEXT_CHARS: '2000',
      TEAMS_ALLOWED_SERVICE_URLS: ' http://connector.test:8080/some/path/ , https://smba.example.no/',
    });
    expect(c.outboundTimeoutMs).toBe(5_000);
    expect(c.maxTextChars).toBe(2000);
    expect(c.teams.allowedServiceUrls).toEqual(['http://connector.test:8080', 'https://smba.example.no']);
  });

  it('refuses a metadata or link-local address in the list, and a timeout out of range, naming the variable', () => {
    expect(failure({ TEAMS_ALLOWED_SERVICE_URLS: 'http://169.254.169.254/' }).message).toMatch(
      /TEAMS_ALLOWED_SERVICE_URLS: must not name a link-local or metadata address/,
    );
    expect(failure({ TEAMS_ALLOWED_SERVICE_URLS: 'ftp://x.example' }).message).toMatch(
      /TEAMS_ALLOWED_SERVICE_URLS: each entry must be an http\(s\) URL/,
    );
    expect(failure({ OUTBOUND_TIMEOUT_SECONDS: '0' }).message).toMatch(
      /OUTBOUND_TIMEOUT_SECONDS: must be between 1 and 60/,
    );
    expect(failure({ MAX_TEXT_CHARS: 'many' }).message).toMatch(/MAX_TEXT_CHARS: must be a whole number/);
  });
});
