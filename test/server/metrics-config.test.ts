import { describe, expect, it } from 'vitest';
import { loadConfig, redactConfig } from '../../src/server/config.ts';
import { refusalOf } from '../support/errors.ts';

/** The operator settings of issue 20: bind address, the metrics listener and its token. */

const production = {
  NODE_ENV: 'production',
  REDIS_URL: 'redis://redis:6379',
  SLACK_BOT_TOKEN: 'xoxb-1-2-3',
  SLACK_SIGNING_SECRET: 'signing-secret',
};

function problems(env: Record<string, string>): string {
  return refusalOf('config.invalid', () => loadConfig(env), 'expected loadConfig to fail').message;
}

describe('HOST and the metrics settings', () => {
  it('bind the bot to loopback outside production and to every interface in production; metrics to loopback', () => {
    expect(loadConfig({})).toMatchObject({ host: '127.0.0.1', metrics: { port: 9464, host: '127.0.0.1' } });
    expect(loadConfig(production)).toMatchObject({
      host: '0.0.0.0',
      metrics: { port: 9464, host: '127.0.0.1' },
    });
    expect(
      loadConfig({ ...production, HOST: '10.0.0.5', METRICS_HOST: '0.0.0.0', METRICS_PORT: '0' }),
    ).toMatchObject({ host: '10.0.0.5', metrics: { port: 0, host: '0.0.0.0' } });
    expect(loadConfig({}).metrics.token).toBeUndefined();
  });

  it('refuse a short token and a metrics port equal to the bot port, naming the variable', () => {
    expect(problems({ METRICS_TOKEN: 'short' })).toMatch(/METRICS_TOKEN: must be at least 16 characters/);
    expect(problems({ PORT: '8080', METRICS_PORT: '8080' })).toMatch(/METRICS_PORT: must differ from PORT/);
    expect(problems({ METRICS_PORT: 'nine' })).toMatch(/METRICS_PORT: must be a whole number/);
  });

  it('never show the token in the logged configuration', () => {
    const token = 'a-long-random-metrics-token-42';
    const c = loadConfig({ ...production, METRICS_TOKEN: token });
    expect(c.metrics.token).toBe(token);
    expect(redactConfig(c).metrics).toEqual({ port: 9464, host: '127.0.0.1', token: '[set]' });
    expect(JSON.stringify(redactConfig(c))).not.toContain(token);
  });
});
