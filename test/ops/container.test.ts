import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/**
 * No container engine runs here or in CI, so the Dockerfile and compose.yaml are checked by reading
 * them: every copied path exists and is not excluded from the build context, the image runs the
 * compiled bot as a non-root user in production with a health check, and compose keeps Redis
 * append-only on a volume and the metrics port unpublished. Building and running the image is not
 * tested (docs/operations.md says so).
 */

const root = join(import.meta.dirname, '..', '..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

interface Instruction {
  op: string;
  args: string;
}
interface Stage {
  name: string | undefined;
  instructions: Instruction[];
}

/** Dockerfile → stages of instructions (comments dropped, `\` continuations joined). */
function parseDockerfile(text: string): Stage[] {
  const logical: string[] = [];
  let pending = '';
  for (const raw of text.split('\n')) {
    if (/^\s*#/.test(raw)) continue;
    const line = raw.trimEnd();
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    if ((pending + line).trim()) logical.push((pending + line).trim());
    pending = '';
  }
  const stages: Stage[] = [];
  for (const line of logical) {
    const m = /^(\w+)\s+(.*)$/.exec(line);
    if (!m?.[1] || m[2] === undefined) continue;
    const op = m[1].toUpperCase();
    if (op === 'FROM') stages.push({ name: /\sAS\s+(\S+)/i.exec(m[2])?.[1], instructions: [] });
    stages.at(-1)?.instructions.push({ op, args: m[2] });
  }
  return stages;
}

/** `COPY [--flags] src... dest` → flags and paths (shell form only, as this Dockerfile writes it). */
function copyOf(args: string): { from?: string; sources: string[]; dest: string } {
  const words = args.split(/\s+/);
  const flags = words.filter((w) => w.startsWith('--'));
  const paths = words.filter((w) => !w.startsWith('--'));
  const from = flags.find((f) => f.startsWith('--from='))?.slice('--from='.length);
  return { ...(from ? { from } : {}), sources: paths.slice(0, -1), dest: paths.at(-1) ?? '' };
}

/** True when .dockerignore keeps `path` out of the build context (last matching rule wins). */
function ignored(path: string, rules: string[]): boolean {
  let out = false;
  for (const rule of rules) {
    const negate = rule.startsWith('!');
    const pattern = (negate ? rule.slice(1) : rule).replace(/\/$/, '');
    const regex = new RegExp(
      `^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/.*)?$`,
    );
    if (regex.test(path)) out = !negate;
  }
  return out;
}

const stages = parseDockerfile(read('Dockerfile'));
const runtime = stages.at(-1) as Stage;
const ops = (stage: Stage, op: string) => stage.instructions.filter((i) => i.op === op);
const env = Object.fromEntries(
  ops(runtime, 'ENV').flatMap((i) => [...i.args.matchAll(/(\w+)=(\S+)/g)].map((m) => [m[1], m[2]])),
);
const dockerignore = read('.dockerignore')
  .split('\n')
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#'));

describe('Dockerfile', () => {
  it('is multi-stage, and every COPY source exists in the repository and in the build context', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const names = stages.map((s) => s.name);
    const copies = stages.flatMap((s) => ops(s, 'COPY').map((i) => copyOf(i.args)));
    expect(copies.length).toBeGreaterThan(5);
    for (const copy of copies) {
      if (copy.from) {
        expect(names, `COPY --from=${copy.from}`).toContain(copy.from);
        continue;
      }
      for (const source of copy.sources) {
        expect(existsSync(join(root, source)), `${source} exists`).toBe(true);
        expect(ignored(source, dockerignore), `${source} is not in .dockerignore`).toBe(false);
      }
    }
  });

  it('ships only production dependencies and the compiled code, built in an earlier stage', () => {
    const from = (what: string) =>
      ops(runtime, 'COPY')
        .map((i) => copyOf(i.args))
        .find((c) => c.sources.some((s) => s.endsWith(what)));
    const modules = from('/node_modules');
    const dist = from('/dist');
    const stageNamed = (name: string | undefined) => stages.find((s) => s.name === name) as Stage;
    expect(ops(stageNamed(modules?.from), 'RUN').map((i) => i.args)).toEqual([
      expect.stringMatching(/^npm ci --omit=dev\b/),
    ]);
    expect(ops(stageNamed(dist?.from), 'RUN').map((i) => i.args)).toContain('npm run build');
    // The runtime installs nothing itself, and never copies the TypeScript sources.
    expect(ops(runtime, 'RUN')).toEqual([]);
    const copied = ops(runtime, 'COPY').flatMap((i) => copyOf(i.args).sources);
    expect(copied).not.toContain('src');
    // package.json makes Node read dist/*.js as ES modules; calls/ is the data the bot loads.
    expect(copied).toEqual(expect.arrayContaining(['package.json', 'calls']));
    expect(env.CALLS_DIR).toBe('/app/calls');
  });

  it('runs `node dist/…` (what npm start runs) in production on 0.0.0.0 as a non-root user', () => {
    expect(env.NODE_ENV).toBe('production');
    expect(env.HOST).toBe('0.0.0.0');
    const user = ops(runtime, 'USER').at(-1)?.args;
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user?.split(':')[0]);
    const cmd = JSON.parse(ops(runtime, 'CMD').at(-1)?.args ?? '[]') as string[];
    const start = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.start;
    expect(cmd.join(' ')).toBe(start);
    expect(cmd[0]).toBe('node');
    const entry = cmd.at(-1) ?? '';
    expect(entry).toMatch(/^dist\/src\/server\/main\.js$/);
    // The compiled entry is the build of the real entry point.
    expect(existsSync(join(root, entry.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    expect(ops(runtime, 'STOPSIGNAL').map((i) => i.args)).toEqual(['SIGTERM']);
  });

  it('checks health on /healthz of the port the bot listens on', () => {
    const health = ops(runtime, 'HEALTHCHECK').at(-1)?.args ?? '';
    expect(health).toMatch(/--interval=\d+s/);
    expect(health).toContain('/healthz');
    expect(health).toContain('process.env.PORT');
    expect(ops(runtime, 'EXPOSE').map((i) => i.args)).toEqual([env.PORT]);
  });
});

interface Service {
  build?: string;
  command?: string[];
  volumes?: string[];
  env_file?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  expose?: string[];
  depends_on?: Record<string, { condition: string }>;
  stop_grace_period?: string;
}

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as {
    services: Record<string, Service>;
    volumes: Record<string, unknown>;
  };
  const { redis, bot } = compose.services;

  it('keeps Redis append-only on a named volume', () => {
    expect(redis?.command?.join(' ')).toMatch(/--appendonly yes/);
    const [volume, mount] = (redis?.volumes?.[0] ?? '').split(':');
    expect(mount).toBe('/data');
    expect(Object.keys(compose.volumes)).toContain(volume);
  });

  it('runs the bot image in production against that Redis, secrets from an ignored env file', () => {
    expect(bot?.build).toBe('.');
    expect(bot?.environment).toMatchObject({ NODE_ENV: 'production', HOST: '0.0.0.0' });
    expect(bot?.environment?.REDIS_URL).toBe('redis://redis:6379');
    expect(bot?.depends_on?.redis?.condition).toBe('service_healthy');
    const envFile = bot?.env_file?.[0] ?? '';
    expect(envFile).not.toBe('');
    expect(read('.gitignore').split('\n')).toContain(envFile);
    expect(ignored(envFile, dockerignore)).toBe(true);
    // Longer than the bot's own bound on shutdown (grace 10 s + 5 s), or Docker kills it mid-drain.
    expect(Number.parseInt(bot?.stop_grace_period ?? '10', 10)).toBeGreaterThan(15);
  });

  it('serves metrics on 0.0.0.0 inside the network but does not publish their port', () => {
    const metricsPort = bot?.environment?.METRICS_PORT ?? '';
    expect(bot?.environment?.METRICS_HOST).toBe('0.0.0.0');
    expect(metricsPort).toMatch(/^\d+$/);
    const published = (bot?.ports ?? []).map((p) => p.split(':').at(-1));
    expect(published).not.toContain(metricsPort);
    expect(published).toContain(bot?.environment?.PORT);
    for (const service of Object.values(compose.services)) {
      expect((service.ports ?? []).map((p) => p.split(':').at(-1))).not.toContain(metricsPort);
    }
  });
});
