import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, userIdOf } from '../../adapters/console/args.ts';
import { readInput, renderReplies } from '../../adapters/console/render.ts';
import type { Input } from '../../src/bot/messages.ts';

const root = join(import.meta.dirname, '../..');

function runChat(
  args: string[],
  lines: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['adapters/console/main.ts', ...args], {
      cwd: root,
      env: { ...process.env, REDIS_URL: '', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => {
      out += String(d);
    });
    child.stderr.on('data', (d) => {
      err += String(d);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}

describe('console chat', () => {
  it('draws cards with numbered buttons, and reads choices and form inputs', () => {
    const { text, choices } = renderReplies([
      { kind: 'text', text: 'Hello **there**' },
      {
        kind: 'card',
        title: 'T',
        blocks: [
          { kind: 'facts', facts: [{ label: 'A', value: '1' }] },
          { kind: 'steps', steps: [{ label: 'S', state: 'done' }] },
        ],
        inputs: [{ kind: 'amount', id: 'x', label: 'X' }],
        buttons: [
          { action: 'a.b', label: 'Back' },
          { action: 'a.send', label: 'Send', style: 'primary' },
        ],
      },
    ]);
    expect(text).toContain('Hello there');
    expect(text).toContain('│ A  1');
    expect(text).toContain('✔ S');
    expect(text).toContain('[1] Back   [2] Send');
    expect(choices.map((c) => c.submits)).toEqual([false, true]);
    const choice: Input = {
      kind: 'choice',
      id: 'c',
      label: 'C',
      multiple: true,
      options: [
        { value: 'a', label: 'A' },
        { value: 'b', label: 'B' },
      ],
    };
    expect(readInput(choice, '2, 1')).toEqual(['b', 'a']);
    expect(readInput({ ...choice, multiple: false }, '2')).toBe('b');
  });

  it('parses its options', () => {
    expect(parseArgs(['--as', 'Ola Leder', '--locale', 'en', '--at', '2022-10-19T12:00'])).toMatchObject({
      as: 'Ola Leder',
      locale: 'en',
      at: '2022-10-19T12:00',
    });
    expect(() => parseArgs(['--locale', 'de'])).toThrow(/nb or en/);
    expect(() => parseArgs(['--at', 'yesterday'])).toThrow(/not a date/);
    expect(userIdOf('Øyvind Åsen')).toBe('oyvind-asen');
  });

  it('runs as a subprocess with piped lines: buttons by number, inputs, /as and /at', async () => {
    const { code, out, err } = await runChat(
      ['--at', '2022-09-15T12:00', '--locale', 'en'],
      [
        'how much can I ask for?',
        '1',
        '2',
        '900 000',
        '2',
        '0',
        '1',
        '/as Ola Leder',
        'status',
        '/at 2023-02-01T10:00',
        'help',
        '/quit',
      ],
    );
    expect(err).not.toContain('error');
    expect(code).toBe(0);
    expect(out).toContain('Hi! I am Midlerbot');
    expect(out).toContain('[1] Innovation funding 2023');
    expect(out).toContain('Own financing (NOK)');
    expect(out).toContain('You can ask for up to');
    expect(out).toContain('675,000');
    expect(out).toContain('(you are now Ola Leder)');
    expect(out).toContain('You have no applications yet');
    expect(out).toContain('The deadline was 20 October 2022, 15:00');
  }, 30_000);
});
