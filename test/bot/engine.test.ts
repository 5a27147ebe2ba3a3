import { describe, expect, it } from 'vitest';
import { dialogs } from '../../dialogs/index.ts';
import { message } from '../../src/bot/cards.ts';
import type { Dialog } from '../../src/bot/dialog.ts';
import { createEngine } from '../../src/bot/engine.ts';
import type { Inbound } from '../../src/bot/messages.ts';
import { createCatalog } from '../../src/domain/catalog.ts';
import { MidlerError } from '../../src/domain/errors.ts';
import { createMemoryStore } from '../../src/store/memory-store.ts';
import type { Store } from '../../src/store/store.ts';
import { countingDialogs as counting } from '../support/dialog-counts.ts';
import { render } from '../support/transcript.ts';

/** A tiny dialog for the engine's own behaviour: asks for a title (typed), then confirms with a button. */
const titleDialog: Dialog = {
  name: 'title',
  triggers: [{ phrases: 'routing.application' }],
  step(state, event) {
    if (event.kind === 'start') {
      return {
        state: { step: 'ask', answers: {}, awaiting: 'title' },
        replies: [
          {
            kind: 'card',
            title: 'Title?',
            blocks: [],
            buttons: [{ action: 'title.cancel', label: 'Cancel' }],
          },
        ],
      };
    }
    if (event.kind === 'text' && state?.step === 'ask') {
      if (event.text === 'boom') throw new Error('dialog bug');
      return {
        state: { step: 'confirm', answers: { title: event.text } },
        replies: [
          {
            kind: 'card',
            title: `Confirm ${event.text}`,
            blocks: [],
            buttons: [
              { action: 'title.ok', label: 'OK' },
              { action: 'title.back', label: 'Back' },
            ],
          },
        ],
      };
    }
    if (event.kind === 'action' && event.action === 'ok') {
      return {
        state: null,
        replies: [message(`Saved ${String(state?.answers.title)}`)],
        remember: { title: String(state?.answers.title) },
      };
    }
    if (event.kind === 'resume') {
      return {
        state: state!,
        replies: [
          {
            kind: 'card',
            title: `Resumed at ${state?.step}`,
            blocks: [],
            buttons: [{ action: 'title.ok', label: 'OK' }],
          },
        ],
      };
    }
    return { state, replies: [message('?')] };
  },
};

const catalog = createCatalog([]);
const at = new Date('2022-09-15T10:00:00Z');

function setup(store: Store = createMemoryStore()) {
  const errors: unknown[] = [];
  const engine = createEngine({
    store,
    catalog,
    clock: () => at,
    config: {
      dialogs: [...dialogs.filter((d) => d.name === 'help' || d.name === 'language'), titleDialog],
      onError: (e) => errors.push(e),
    },
  });
  const ev = (what: Partial<Inbound>): Inbound => ({
    platform: 'console',
    user: { id: 'u1', name: 'Kari' },
    conversation: { id: 'c1', kind: 'personal' },
    at,
    ...what,
  });
  return { engine, errors, ev, store };
}

const shown = (r: { replies: Parameters<typeof render>[0][] }) => r.replies.map(render).join('\n');

describe('engine', () => {
  it('does one dialog-state load and at most one save per turn', async () => {
    const { store, counts } = counting(createMemoryStore());
    const { engine, ev } = setup(store);
    await engine.handle(ev({ text: 'ny søknad' }));
    expect(counts).toEqual({ get: 1, put: 1 });
    await engine.handle(ev({ text: 'My project' }));
    expect(counts).toEqual({ get: 2, put: 2 });
    // Help in the middle of a dialog changes nothing, so nothing is written.
    await engine.handle(ev({ text: 'hjelp' }));
    expect(counts).toEqual({ get: 3, put: 2 });
  });

  it('sends typed text to a waiting dialog first, except the whole global words', async () => {
    const { engine, ev } = setup();
    await engine.handle(ev({ text: 'ny søknad' }));
    const r = await engine.handle(ev({ text: 'Hjelp til selvhjelp' }));
    expect(shown(r)).toContain('Confirm Hjelp til selvhjelp');
  });

  it('cancel ends the dialog; its old buttons are then stale, and nothing crashes', async () => {
    const { engine, ev, store } = setup();
    await engine.handle(ev({ text: 'ny søknad' }));
    const confirm = await engine.handle(ev({ text: 'Tittel' }));
    const ok = confirm.replies
      .flatMap((r) => (r.kind === 'card' ? (r.buttons ?? []) : []))
      .find((b) => b.action === 'title.ok')!;
    expect(ok.data?.v).toEqual(expect.any(Number));
    const cancelled = await engine.handle(ev({ text: 'avbryt' }));
    expect(shown(cancelled)).toContain('jeg avbrøt');
    const before = await store.getDialog('console:c1:u1');
    const stale = await engine.handle(ev({ action: { id: ok.action, data: ok.data ?? {} } }));
    expect(stale.error).toBeUndefined();
    expect(shown(stale)).toContain('ikke lenger aktuelt');
    expect(await store.getDialog('console:c1:u1')).toEqual(before);
  });

  it('a button from an older step of the same dialog is stale; a current one works', async () => {
    const { engine, ev } = setup();
    await engine.handle(ev({ text: 'ny søknad' }));
    const first = await engine.handle(ev({ text: 'A' }));
    const okA = first.replies
      .flatMap((r) => (r.kind === 'card' ? (r.buttons ?? []) : []))
      .find((b) => b.label === 'Back')!;
    await engine.handle(ev({ action: { id: okA.action, data: okA.data ?? {} } })); // back to "ask"
    const stale = await engine.handle(ev({ action: { id: okA.action, data: okA.data ?? {} } }));
    expect(shown(stale)).toContain('ikke lenger aktuelt');
    expect(shown(stale)).toContain('Fortsett der jeg var');
    const again = await engine.handle(ev({ text: 'B' }));
    const okB = again.replies
      .flatMap((r) => (r.kind === 'card' ? (r.buttons ?? []) : []))
      .find((b) => b.label === 'OK')!;
    const saved = await engine.handle(ev({ action: { id: okB.action, data: okB.data ?? {} } }));
    expect(shown(saved)).toBe('Saved B');
  });

  it('a crafted version or unknown action is refused politely', async () => {
    const { engine, ev } = setup();
    await engine.handle(ev({ text: 'ny søknad' }));
    await engine.handle(ev({ text: 'A' }));
    expect(shown(await engine.handle(ev({ action: { id: 'title.ok', data: { v: 999 } } })))).toContain(
      'ikke lenger aktuelt',
    );
    expect(shown(await engine.handle(ev({ action: { id: 'title.ok', data: {} } })))).toContain(
      'ikke lenger aktuelt',
    );
    expect(shown(await engine.handle(ev({ action: { id: 'nope.x', data: {} } })))).toContain(
      'kjenner jeg ikke igjen',
    );
  });

  it('catches a failing dialog: polite text, the error returned, state untouched', async () => {
    const { engine, ev, errors, store } = setup();
    await engine.handle(ev({ text: 'ny søknad' }));
    const before = await store.getDialog('console:c1:u1');
    const r = await engine.handle(ev({ text: 'boom' }));
    expect(shown(r)).toBe('Beklager, noe gikk galt. Prøv igjen.');
    expect(r.error).toBeInstanceOf(Error);
    expect(errors).toHaveLength(1);
    expect(await store.getDialog('console:c1:u1')).toEqual(before);
    expect(shown(await engine.handle(ev({ text: 'Fine' })))).toContain('Confirm Fine');
  });

  it('keeps answering while the store is down', async () => {
    const store = createMemoryStore();
    const { engine, ev } = setup(store);
    store.simulateOutage(true);
    const r = await engine.handle(ev({ text: 'hjelp', user: { id: 'u1', name: 'K', locale: 'en' } }));
    expect(shown(r)).toBe('I cannot reach my storage right now. Please try again in a moment.');
    expect(r.error).toBeInstanceOf(MidlerError);
    store.simulateOutage(false);
    expect(shown(await engine.handle(ev({ text: 'hjelp' })))).toContain('Midlerbot');
  });

  it('unknown text gets the help card; inside a dialog with a way back to it', async () => {
    const { engine, ev } = setup();
    const r = await engine.handle(ev({ text: 'xyzzy' }));
    expect(shown(r)).toContain('Det forsto jeg ikke helt');
    expect(shown(r)).toContain('[Kan jeg søke?]');
    await engine.handle(ev({ text: 'ny søknad' }));
    await engine.handle(ev({ text: 'A' }));
    const lost = await engine.handle(ev({ text: 'qwerty' }));
    expect(shown(lost)).toContain('[Fortsett der jeg var]');
    expect(shown(await engine.handle(ev({ action: { id: 'engine.resume', data: {} } })))).toContain(
      'Resumed at confirm',
    );
  });

  it('"back" restores the previous step; with nothing before it says so', async () => {
    const { engine, ev } = setup();
    await engine.handle(ev({ text: 'ny søknad' }));
    expect(shown(await engine.handle(ev({ text: 'tilbake' })))).toContain('ikke noe tidligere spørsmål');
    await engine.handle(ev({ text: 'A' }));
    const back = await engine.handle(ev({ text: 'back' }));
    expect(shown(back)).toContain('Resumed at ask');
    expect(shown(await engine.handle(ev({ text: 'C' })))).toContain('Confirm C');
  });

  it('speaks English when the platform says so, and remembers an explicit choice', async () => {
    const { engine, ev, store } = setup();
    const en = await engine.handle(ev({ text: 'help', user: { id: 'u1', name: 'K', locale: 'en' } }));
    expect(shown(en)).toContain('Hi! I am Midlerbot');
    await engine.handle(ev({ text: 'english' }));
    expect((await store.getUser('console', 'u1'))?.locale).toBe('en');
    expect(shown(await engine.handle(ev({ text: 'hjelp' })))).toContain('Hi! I am Midlerbot');
    const nb = await engine.handle(ev({ text: 'norsk', user: { id: 'u1', name: 'K', locale: 'en' } }));
    expect(shown(nb)).toContain('snakker norsk');
    expect(
      shown(await engine.handle(ev({ text: 'help', user: { id: 'u1', name: 'K', locale: 'en' } }))),
    ).toContain('Hei!');
  });

  it('a word for a feature that is not installed yet says so and offers help', async () => {
    const { engine, ev } = setup();
    const r = await engine.handle(ev({ text: 'påminnelser' }));
    expect(shown(r)).toContain('ikke tilgjengelig ennå');
    expect(shown(r)).toContain('[Kan jeg søke?]');
  });

  it('does the adapter bookkeeping: a lost dedup claim is a duplicate with no effect', async () => {
    const { engine, ev, store } = setup();
    const ref = {
      platform: 'console' as const,
      key: 'console:c1',
      conversationId: 'c1',
      kind: 'personal' as const,
      userId: 'u1',
      data: {},
      updatedAt: at.toISOString(),
    };
    const bookkeeping = { once: { key: 'delivery-1', ttlSeconds: 60 }, remember: ref };
    const first = await engine.handle(ev({ text: 'ny søknad', bookkeeping }));
    expect(first.duplicate).toBeUndefined();
    expect(shown(first)).toContain('Title?');
    expect(await store.getConversationRef('console:c1')).toEqual(ref);
    const before = await store.getDialog('console:c1:u1');

    const again = await engine.handle(ev({ text: 'hjelp', bookkeeping }));
    // The first delivery was never settled (no adapter here): its lease reads as in progress.
    expect(again).toEqual({ replies: [], notify: [], duplicate: true, pending: true });
    expect(await store.getDialog('console:c1:u1')).toEqual(before);
  });

  it('keeps the platform name in the profile with the last writes, never over a chosen language', async () => {
    const { engine, ev, store } = setup();
    const kari = { id: 'u1', name: 'Kari', locale: 'en' as const };
    await engine.handle(ev({ text: 'norsk', user: kari, bookkeeping: { keepProfile: true } }));
    expect(await store.getUser('console', 'u1')).toMatchObject({ name: 'Kari', locale: 'nb' });
    const renamed = { ...kari, name: 'Kari N.' };
    const r = await engine.handle(ev({ text: 'help', user: renamed, bookkeeping: { keepProfile: true } }));
    expect(r.locale).toBe('nb');
    expect(await store.getUser('console', 'u1')).toMatchObject({ name: 'Kari N.', locale: 'nb' });
  });

  it('writes nothing queued on a failed turn', async () => {
    const { engine, ev, store } = setup();
    expect((await engine.handle(ev({ text: 'ny søknad' }))).error).toBeUndefined();
    const boom = await engine.handle(
      ev({ text: 'boom', user: { id: 'u1', name: 'Kari' }, bookkeeping: { keepProfile: true } }),
    );
    expect(boom.error).toBeInstanceOf(Error);
    expect(await store.getUser('console', 'u1')).toBeNull();
  });
});
