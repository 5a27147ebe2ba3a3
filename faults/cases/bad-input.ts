import { personalMessage } from '../../test/support/teams-fixtures.ts';
import { percentile, post, startReplica } from '../support.ts';
import type { FaultCase, FaultRow } from './types.ts';

/**
 * Bad input over real HTTP, to one replica in its own process: random Unicode, control characters,
 * text far over MAX_TEXT_CHARS, deep JSON, malformed bodies. Every request must be answered (no 5xx,
 * no dropped connection) and the process must live. Then long text beside short messages: a user
 * pasting ~700 words (just under the limit) must not hold the others up.
 */

/** Deterministic: the same set every run (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x300, 0x36f],
  [0x590, 0x6ff],
  [0x200b, 0x206f],
  [0x4e00, 0x9fff],
  [0xd800, 0xdfff],
  [0x1f300, 0x1faff],
  [0xe0000, 0xe007f],
];

function unicodeText(rnd: () => number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) {
    const [lo, hi] = RANGES[Math.floor(rnd() * RANGES.length)] ?? [0x41, 0x5a];
    s += String.fromCodePoint(lo + Math.floor(rnd() * (hi - lo + 1)));
  }
  return s;
}

function controlText(rnd: () => number, length: number): string {
  const pool = [...Array.from({ length: 32 }, (_, i) => i), 0x7f, 0x85, 0x2028, 0x2029, 0x202e, 0xfeff];
  let s = '';
  for (let i = 0; i < length; i++) {
    s += rnd() < 0.5 ? 'søke ' : String.fromCodePoint(pool[Math.floor(rnd() * pool.length)] ?? 0);
  }
  return s;
}

const WORDS =
  'kan jeg søke om innovasjonsmidler til prosjektet vårt på St. Olavs hospital med egenfinansiering budsjett pasientsikkerhet frist søknad leder klinikk prosjektleder ansatt helseforetak tjeneste produkt overføring beløp kroner hvor mye status ny'.split(
    ' ',
  );
export function longText(rnd: () => number, maxChars: number): string {
  let s = '';
  for (;;) {
    const w = WORDS[Math.floor(rnd() * WORDS.length)] ?? 'søke';
    if (s.length + w.length + 1 > maxChars) return s;
    s += `${s ? ' ' : ''}${w}`;
  }
}

export function badInputs(serviceUrl: string): { name: string; body: string }[] {
  const rnd = random(13);
  const msg = (text: unknown, extra: Record<string, unknown> = {}) =>
    JSON.stringify(personalMessage(serviceUrl, text as string, extra));
  const deepArray = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
  // Built as text: JSON.stringify itself would overflow the stack on these.
  const deepObject = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
  return [
    ...Array.from({ length: 40 }, (_, i) => ({
      name: 'random unicode',
      body: msg(unicodeText(rnd, 1 + Math.floor(rnd() * (i < 30 ? 200 : 3_900)))),
    })),
    ...Array.from({ length: 20 }, () => ({ name: 'control chars', body: msg(controlText(rnd, 300)) })),
    // Exactly n characters: words, padded with dots.
    ...[3_999, 4_000, 4_001, 20_000, 100_000, 200_000].map((n) => ({
      name: `text ${n} chars`,
      body: msg(longText(rnd, n).padEnd(n, '.')),
    })),
    { name: 'one word 100k chars', body: msg('a'.repeat(100_000)) },
    { name: 'deep JSON array 100k', body: deepArray(100_000) },
    { name: 'deep JSON object 40k', body: deepObject(40_000) },
    { name: 'deep value in activity', body: msg('hei', { value: '@' }).replace('"@"', deepObject(5_000)) },
    { name: 'text is an object', body: msg({ text: 'status' }) },
    { name: 'text is a number', body: msg(42) },
    { name: 'no conversation', body: msg('status', { conversation: undefined }) },
    { name: 'malformed JSON', body: '{"type":"message","text":"hei"' },
    { name: 'empty body', body: '' },
    { name: 'null', body: 'null' },
    { name: 'body over the limit', body: msg('x'.repeat(400_000)) },
    {
      name: 'invoke with garbage',
      body: msg('', {
        type: 'invoke',
        name: 'adaptiveCard/action',
        value: { action: { data: [1, { x: null }] } },
      }),
    },
  ];
}

export const badInput: FaultCase = async ({ redis, connector, prefix }) => {
  const replica = await startReplica({ REDIS_URL: redis.url, REDIS_PREFIX: prefix('bad-input') });
  const rows: Omit<FaultRow, 'seconds'>[] = [];
  try {
    const statuses = new Map<string, number>();
    const failed: string[] = [];
    const inputs = badInputs(connector.serviceUrl);
    for (const input of inputs) {
      const res = await post(replica.port, input.body, 20_000);
      if (process.env.FAULTS_VERBOSE)
        process.stderr.write(`${input.name}: ${res.status} ${res.ms.toFixed(0)} ms\n`);
      const key = res.status === 0 ? 'none' : String(res.status);
      statuses.set(key, (statuses.get(key) ?? 0) + 1);
      if (res.status === 0 || res.status >= 500) failed.push(`${input.name}: ${key}`);
    }
    const health = await fetch(`http://127.0.0.1:${replica.port}/healthz`).then(
      (r) => r.status,
      () => 0,
    );
    const after = await post(replica.port, JSON.stringify(personalMessage(connector.serviceUrl, 'hjelp')));
    const crashed = !replica.alive() || health !== 200 || after.status !== 200;
    rows.push({
      case: `bad input over HTTP (${inputs.length} requests)`,
      pass: failed.length === 0 && !crashed,
      figures: `statuses ${[...statuses].map(([s, n]) => `${s}×${n}`).join(' ')}; ${failed.length} unanswered/5xx${failed.length ? ` (${failed.slice(0, 3).join(', ')})` : ''}; ${crashed ? 'CRASHED' : '0 crashes'}`,
    });
    rows.push(await longTextBeside(replica.port, connector.serviceUrl));
  } finally {
    await replica.kill('SIGKILL');
  }
  return rows;
};

/**
 * Short messages from one user, alone and while three others keep pasting ~3 990 characters. Held up
 * means waiting behind several long turns: the short messages' median beside the pasters must stay
 * within 1.5 long turns (a long turn's time alone, measured first on the same machine and load);
 * the p95 is printed (on a shared machine it also shows the machine's other load).
 */
async function longTextBeside(port: number, serviceUrl: string): Promise<Omit<FaultRow, 'seconds'>> {
  const rnd = random(7);
  const say = async (text: string, conversation: string) => {
    const activity = personalMessage(serviceUrl, text, {
      conversation: { conversationType: 'personal', tenantId: 'fault', id: conversation },
    });
    return (await post(port, JSON.stringify(activity))).ms;
  };
  const series = async (n: number, text: () => string, conversation: string) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) times.push(await say(text(), conversation));
    return times;
  };
  await series(5, () => 'kan jeg søke?', 'a:fault-short');
  const alone = await series(20, () => 'kan jeg søke?', 'a:fault-short');
  const longAlone = await series(10, () => longText(rnd, 3_990), 'a:fault-long-alone');
  let busy = true;
  const longTimes: number[] = [];
  const paster = async (k: number) => {
    while (busy) longTimes.push(await say(longText(rnd, 3_990), `a:fault-long-${k}`));
  };
  const pasters = Promise.all([0, 1, 2].map(paster));
  const beside = await series(20, () => 'kan jeg søke?', 'a:fault-short');
  busy = false;
  await pasters;
  const long50 = percentile(longAlone, 50);
  const p95beside = percentile(beside, 95);
  const ms = (v: number) => v.toFixed(0);
  return {
    case: 'long text (3 990 chars) beside short messages',
    pass: percentile(beside, 50) <= 1.5 * long50,
    figures: `a long turn alone p50 ${ms(long50)} ms; short message p50/p95 alone ${ms(percentile(alone, 50))}/${ms(percentile(alone, 95))} ms, beside 3 pasters ${ms(percentile(beside, 50))}/${ms(p95beside)} ms (${(percentile(beside, 50) / long50).toFixed(1)}/${(p95beside / long50).toFixed(1)} long turns); the pasters' turns p50 ${ms(percentile(longTimes, 50))} ms`,
  };
}
