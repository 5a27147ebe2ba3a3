import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { freePort } from '../support/process.ts';
import { PlaygroundPage } from './playground-page.ts';

/**
 * `npm run playground` as a newcomer runs it — the same script, the bot it starts and one Agents
 * Playground per person — driven in Debian's Chromium (never a downloaded browser). Screenshots go to
 * test-results/playground/ for the next engineer to look at.
 */

const ROOT = resolve(import.meta.dirname, '../..');
export const SHOTS = join(ROOT, 'test-results', 'playground');

/** Debian's Chromium (`.ci/run` installs it); CHROMIUM_PATH points elsewhere. */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => Boolean(p && existsSync(p)));
}

export class PlaygroundRun {
  private readonly children: ChildProcess[] = [];
  private browser: Browser | undefined;
  private shotNumber = 0;
  botPort = 0;

  /** The browser, and a free port for the bot that the first `as` starts. */
  async start(): Promise<void> {
    mkdirSync(SHOTS, { recursive: true });
    this.botPort = await freePort();
    this.browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
  }

  /**
   * One person's playground page (`npm run playground -- --as id`), open. The first call also starts
   * the bot, on its try-it day unless `clock` says otherwise.
   */
  async as(id: string, clock?: string): Promise<PlaygroundPage> {
    const uiPort = await freePort();
    const child = spawn(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [
        join(ROOT, 'scripts', 'playground.ts'),
        '--as',
        id,
        '--bot-port',
        String(this.botPort),
        '--port',
        String(uiPort),
      ],
      {
        cwd: ROOT,
        env: { ...process.env, MIDLERBOT_NOW: clock ?? '', LOG_LEVEL: 'warn', REDIS_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.children.push(child);
    let output = '';
    child.stdout?.on('data', (c: Buffer) => {
      output += c.toString();
    });
    child.stderr?.on('data', (c: Buffer) => {
      output += c.toString();
    });
    const deadline = Date.now() + 60_000;
    while (!output.includes('Agents Playground as')) {
      if (child.exitCode !== null) throw new Error(`npm run playground -- --as ${id} stopped:\n${output}`);
      if (Date.now() > deadline) throw new Error(`the playground for ${id} did not start:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    const page = await this.browser!.newPage({ viewport: { width: 1280, height: 1000 } });
    await page.goto(`http://localhost:${uiPort}/`);
    await page.getByRole('textbox').first().waitFor({ timeout: 30_000 });
    return new PlaygroundPage(page, async (name) => {
      this.shotNumber += 1;
      const file = `${String(this.shotNumber).padStart(2, '0')}-${id}-${name}.png`;
      await page.screenshot({ path: join(SHOTS, file), fullPage: false });
    });
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    for (const child of this.children) child.kill('SIGTERM');
    await Promise.all(
      this.children.map(
        (c) => new Promise((done) => (c.exitCode !== null ? done(undefined) : c.once('exit', done))),
      ),
    );
  }
}
