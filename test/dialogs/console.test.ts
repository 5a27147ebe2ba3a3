import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs, userIdOf } from '../../adapters/console/args.ts';
import { readInput, renderReplies } from '../../adapters/console/render.ts';
import { ConsoleChat } from '../../adapters/console/session.ts';
import { createEngine } from '../../src/bot/engine.ts';
import type { Engine } from '../../src/bot/engine-port.ts';
import type { Person } from '../../src/domain/application.ts';
import { createdAudit } from '../../src/domain/tracker.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import type { Store } from '../../src/store/store.ts';
import { draftOf, realCatalog } from '../kit/index.ts';
import { choiceInput } from '../support/cards.ts';

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
    const choice = choiceInput('c', 'C', { a: 'A', b: 'B' }, true);
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
    expect(() => parseArgs(['--at', 'yesterday'])).toThrow(/not a time: yesterday \(Oslo time/);
    expect(userIdOf('Øyvind Åsen')).toBe('oyvind-asen');
    expect(userIdOf('Kari Søker')).toBe('kari-soker');
    expect(userIdOf('!!')).toBe('user');
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
        '',
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
    expect(out).toContain('Own financing (NOK) (enter: skip): ');
    expect(out).toContain('You can ask for up to');
    expect(out).toContain('675,000');
    expect(out).toContain('(you are now Ola Leder)');
    expect(out).toContain('You have no applications yet');
    expect(out).toContain('The deadline was 20 October 2022, 15:00');
    // /at is Oslo time, as the CLI's --at: 10:00 in February is 09:00 UTC.
    expect(out).toContain('(clock: 2023-02-01 10:00 Oslo, 2023-02-01T09:00:00.000Z)');
  }, 30_000);
});

/** A console session on the real engine and a memory store; what it printed, line by line. */
class Terminal {
  readonly chat: ConsoleChat;
  out: string[] = [];

  constructor(engine: Engine, name: string, now: () => Date) {
    this.chat = new ConsoleChat({
      engine,
      name,
      now,
      setNow: () => {},
      write: (text) => this.out.push(...text.split('\n')),
    });
  }

  /** Types lines as main.ts echoes them (prompt, then the line); returns what they printed. */
  async type(...lines: string[]): Promise<string> {
    this.out = [];
    for (const line of lines) {
      this.out.push(...`${this.chat.prompt()}${line}`.split('\n'));
      await this.chat.line(line);
    }
    return this.out.join('\n');
  }
}

describe('console session on the engine (memory store)', () => {
  const AT = new Date('2022-10-10T08:00:00Z');
  const now = () => AT;
  const KARI: Person = { platform: 'console', userId: 'kari-soker', name: 'Kari Søker' };

  async function world() {
    const store: Store = createMemoryStore({ clock: now });
    const catalog = realCatalog();
    const engine = createEngine({ store, catalog, clock: now });
    const app = draftOf({ applicant: KARI, title: 'Tryggere legemiddelhåndtering' }, AT);
    await store.createApplication(app, createdAudit(app, KARI));
    const kari = new Terminal(engine, 'Kari Søker', now);
    const leader = new Terminal(engine, 'Åse Øverås', now);
    // The leader has talked to the bot once, so the applicant's pick finds her name.
    await leader.type('hjelp');
    return { store, kari, leader };
  }

  /** Kari asks the nearest leader, picked as `@åse-øverås` (the clinic leader by typed name). */
  async function ask(kari: Terminal): Promise<string> {
    await kari.type('be om godkjenning', '1');
    return kari.type('1', '@åse-øverås', '', '', 'Klara Klinikk', 'Se vedlegget');
  }

  /** Kari has asked, and the leader has the request in front of her ("hva venter på meg?"). */
  async function pending() {
    const w = await world();
    await ask(w.kari);
    await w.leader.type('hva venter på meg?');
    return w;
  }

  /** A step of the seeded application as the store has it now. */
  const stepOf = async (store: Store, id = 'endorse-nearest-leader') =>
    (await store.getApplication('app-1'))?.steps.find((s) => s.id === id);

  it('a leader picked by @name who never talked to the bot is named as typed, not by role', async () => {
    const { store, kari } = await world();
    await kari.type('be om godkjenning', '1');
    const out = await kari.type('1', '@åse-øverås', '', '@per-klinikk', '', 'Se vedlegget');
    expect(out).toContain('Forespørselen er sendt til Åse Øverås, Per Klinikk');
    const step = await stepOf(store, 'endorse-clinic-leader');
    expect(step?.waitingOn).toMatchObject({
      platform: 'console',
      userId: 'per-klinikk',
      name: 'Per Klinikk',
    });
  });

  it('picks a console user by @name with æ/ø/å: the same user as --as "Åse Øverås"', async () => {
    const { store, kari, leader } = await world();
    const out = await ask(kari);
    expect(out).toContain('Nærmeste leder: velg personen (enter: hopp over) (@navn velger en konsollbruker)');
    expect(out).toContain('Forespørselen er sendt til Åse Øverås');
    expect(out).toContain('(→ message for ase-overas:');
    expect(await stepOf(store)).toMatchObject({
      state: 'waiting',
      waitingOn: { platform: 'console', userId: 'ase-overas', name: 'Åse Øverås' },
    });
    const pending = await leader.type('hva venter på meg?');
    expect(pending).toContain('Kari Søker ber deg om: Godkjenning fra nærmeste leder');
    expect(pending).toContain('[1] Godkjenn   [2] Avslå   [3] Be om mer informasjon');
  });

  it('a leader declines with a comment; without one, the reason is shown by the comment field', async () => {
    const { store, leader } = await pending();
    // "Avslå" asks for the card's comment too (it is optional on the card: enter skips it).
    let out = await leader.type('2', '');
    expect(out).toContain('Kommentar (må fylles ut ved avslag og spørsmål) (enter: hopp over): ');
    const lines = out.split('\n');
    const field = lines.findIndex((l) => l.includes('✎ Kommentar'));
    expect(field).toBeGreaterThan(0);
    expect(lines[field + 1]).toContain('! Skriv en kort begrunnelse når du avslår');
    expect((await stepOf(store))?.state).toBe('waiting');
    // Pressing it again shows the reason with the prompt, and the comment is sent with the decline.
    out = await leader.type('2', 'Budsjettet mangler lønnskostnader');
    expect(out).toContain(
      '! Skriv en kort begrunnelse når du avslår, så søkeren vet hva som må endres.\nKommentar',
    );
    expect(out).toContain('Avslått av Åse Øverås');
    expect(out).toContain('(→ message for kari-soker:');
    const step = await stepOf(store);
    expect(step).toMatchObject({ state: 'declined', comment: 'Budsjettet mangler lønnskostnader' });
  });

  it('a leader asks for more information with the question typed in the console', async () => {
    const { store, leader } = await pending();
    const out = await leader.type('3', 'Hvem eier prosjektet?');
    expect(out).not.toContain('Skriv hva du lurer på');
    const step = await stepOf(store);
    expect(step).toMatchObject({ state: 'waiting', question: 'Hvem eier prosjektet?' });
  });

  it('"Fortsett der jeg var" resumes at once; the approve button is the one that asks for the comment', async () => {
    const { store, kari, leader } = await world();
    await ask(kari);
    await leader.type('hvor mye kan jeg søke om');
    let out = await leader.type('hva venter på meg?');
    // The card's own main action comes first; the way back into the dialog last.
    expect(out).toContain('[1] Godkjenn');
    const resume = /\[(\d+)\] Fortsett der jeg var/.exec(out)?.[1];
    expect(Number(resume)).toBeGreaterThan(1);
    out = await leader.type(String(resume));
    expect(out).not.toContain('Kommentar');
    expect(out).toContain('Hvilken utlysning');
    expect(leader.chat.prompt()).toBe('Åse Øverås> ');
    await leader.type('hva venter på meg?');
    out = await leader.type('1', 'Godt prosjekt');
    expect(out).toContain(
      'Kommentar (må fylles ut ved avslag og spørsmål) (enter: hopp over): Godt prosjekt',
    );
    const step = await stepOf(store);
    expect(step).toMatchObject({ state: 'done', comment: 'Godt prosjekt' });
  });

  it("a required input of the card's submit button is asked again until answered; /cancel drops the form", async () => {
    const { leader } = await world();
    await leader.type('hvor mye kan jeg søke om', '1', '2');
    let out = await leader.type('1', '');
    expect(out).toContain('Samlet budsjett (kr) (må fylles ut): ');
    expect(out).toContain('må fylles ut; /cancel forkaster skjemaet)');
    out = await leader.type('/cancel');
    expect(out).toContain('(skjemaet er forkastet)');
    expect(leader.chat.prompt()).toBe('Åse Øverås> ');
    // "Legg inn kostnadslinjer" stands for the answer: enter on its first prompt sends it as it is.
    out = await leader.type('2', '');
    expect(out).toContain('Samlet budsjett (kr) (enter: hopp over): ');
    expect(out).toContain('│ Kostnadslinjer');
  });
});

describe('console buttons labelled with numbers', () => {
  it('a typed number picks the button of that number, not the button at that position', async () => {
    const AT = new Date('2022-09-15T10:00:00Z');
    const now = () => AT;
    const store: Store = createMemoryStore({ clock: now });
    const engine = createEngine({ store, catalog: realCatalog(), clock: now });
    const t = new Terminal(engine, 'Kari Søker', now);
    await t.type(
      'hvor mye kan jeg søke om',
      'Innovasjonsmidler 2023',
      'Overføring av tjenesteinnovasjon fra annet helseforetak',
    );
    let out = await t.type('300 000', 'Ingen');
    expect(out).toMatch(/\[1\] 0\s+\[2\] 1 eller flere/);
    // Position 1 is the button "0"; the number 1 means "1 eller flere": the transfer category's one award is used.
    out = await t.type('1');
    expect(out).toContain('Du kan ikke søke om midler slik det ser ut nå');
    expect(out).toMatch(/Høyeste søknadsbeløp\s+0 kr/);
  });
});

/** Issue 15, the terminal chat: numbers typed as answers, and no English in a Norwegian session. */
describe('console answers and words (issue 15)', () => {
  const AT = new Date('2022-09-15T10:00:00Z');
  const now = () => AT;
  const terminal = () =>
    new Terminal(
      createEngine({ store: createMemoryStore({ clock: now }), catalog: realCatalog(), clock: now }),
      'Kari Søker',
      now,
    );

  it('a number typed where a number is asked is the answer, not the button at that position', async () => {
    const t = terminal();
    await t.type('kan jeg søke', 'Innovasjonsmidler 2023', 'Produktinnovasjon', 'St. Olavs hospital HF');
    let out = await t.type('50');
    expect(out).toContain('Hvor mange tildelinger av HMN innovasjonsmidler har prosjektet fått tidligere?');
    expect(out).toMatch(/\[1\] Send/);
    // "1" is one earlier award (allowed: at most two), not button 1 ("Send", which would ask for a form).
    out = await t.type('1');
    expect(out).toContain('Kan prosjektet selv finansiere minst 25 % av det samlede budsjettet?');
    expect(out).not.toContain('Svar (må fylles ut)');
  });

  it("a card's choices are drawn with its question; a Norwegian session shows the console hints in Norwegian, English after the language button", async () => {
    const t = terminal();
    const card = await t.type(
      'kan jeg søke',
      'Pasientsikkerhetsmidler 2023–2024',
      'St. Olavs hospital HF',
      'Ja',
    );
    // The choices are drawn with their question, before any button is pressed.
    expect(card).toMatch(/Hva skal prosjektet oppnå\?[\s\S]*✎ Svar[\s\S]*· Redusere pasientskader/);
    await t.type('1');
    expect(t.chat.prompt()).toContain('Svar (enter: hopp over) (1,3 …)');
    expect(t.chat.prompt()).not.toMatch(/required|enter: skip/);
    let out = await t.type('/cancel');
    expect(out).toContain('(skjemaet er forkastet)');
    await t.chat.send({ action: { id: 'language.start', data: { locale: 'en' } } });
    out = await t.type('/as Ola Leder');
    expect(out).toContain('(you are now Ola Leder)');
  });
});
