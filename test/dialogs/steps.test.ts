import { describe, expect, it } from 'vitest';
import { amountDialog } from '../../dialogs/amount.ts';
import { eligibilityDialog } from '../../dialogs/eligibility.ts';
import { dialogs } from '../../dialogs/index.ts';
import { readAnswer } from '../../dialogs/read-answer.ts';
import type { DialogContext, Effects } from '../../src/bot/dialog.ts';
import type { QuestionData } from '../../src/domain/call-schema.ts';
import { translator } from '../../src/i18n/t.ts';
import { realCatalog, render } from '../support/transcript.ts';

/** Dialogs are pure step functions over plain JSON: called directly, no engine, no store. */

const refuse = () => {
  throw new Error('no store work expected in this step');
};
const effects: Effects = {
  myApplications: refuse,
  createApplication: refuse,
  setLocale: refuse,
  setTrust: refuse,
  deleteMyData: refuse,
  newId: () => 'id-1',
};

function ctx(locale: 'nb' | 'en' = 'nb'): DialogContext {
  return {
    locale,
    t: translator(locale),
    now: new Date('2022-09-15T10:00:00Z'),
    catalog: realCatalog(),
    platform: 'console',
    user: { id: 'u1', name: 'Kari' },
    conversation: { id: 'c1', kind: 'personal' },
    profile: null,
    memory: {},
    effects,
  };
}

describe('dialog steps', () => {
  it('registry names are unique and none contains a dot', () => {
    const names = dialogs.map((d) => d.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => n.includes('.'))).toEqual([]);
  });

  it('eligibility: started for a call and category, it asks the first applicable question; state is plain JSON', async () => {
    const out = await eligibilityDialog.step(
      null,
      { kind: 'start', args: { callId: 'innovasjon-2023', category: 'service' } },
      ctx(),
    );
    expect(out.state).toEqual({
      step: 'question',
      answers: { callId: 'innovasjon-2023', category: 'service', answers: {} },
    });
    expect(JSON.parse(JSON.stringify(out.state))).toEqual(out.state);
    expect(out.replies.map(render).join()).toContain('Hvilket helseforetak');
    const next = await eligibilityDialog.step(
      out.state,
      { kind: 'action', action: 'answer', data: { q: 'trust', value: 'hemit' }, inputs: {} },
      ctx(),
    );
    expect(next.state).toMatchObject({
      step: 'question',
      awaiting: 'position-share',
      answers: { answers: { trust: 'hemit' } },
    });
    expect(next.remember).toMatchObject({ callId: 'innovasjon-2023', category: 'service', trust: 'hemit' });
  });

  it('eligibility: an answer for a question that is not the current one changes nothing', async () => {
    const state = {
      step: 'question',
      answers: { callId: 'innovasjon-2023', category: 'service', answers: {} },
    };
    const out = await eligibilityDialog.step(
      state,
      { kind: 'action', action: 'answer', data: { q: 'own-financing', value: 'no' }, inputs: {} },
      ctx(),
    );
    expect(out.state).toEqual(state);
  });

  it('amount: an unreadable amount keeps the state and re-asks with an example', async () => {
    const state = {
      step: 'total',
      answers: { callId: 'innovasjon-2023', category: 'product', lines: [] },
      awaiting: 'total',
    };
    const out = await amountDialog.step(state, { kind: 'text', text: '12,5,5' }, ctx('en'));
    expect(out.state).toEqual(state);
    expect(out.replies.map(render).join()).toContain('I could not read "12,5,5"');
    const form = out.replies.find((r) => r.kind === 'card' && r.inputs?.length);
    expect(form?.kind === 'card' ? form.errors : undefined).toEqual({
      total: expect.stringContaining('12,5,5'),
    });
  });

  it('reads answers of each kind, refusing what cannot be read', () => {
    const q = (kind: QuestionData['kind']) =>
      ({ id: 'q', kind, text: { nb: 'x', en: 'x' }, rule: 'r' }) as QuestionData;
    expect(readAnswer(q('percent'), '20 %')).toBe(20);
    expect(readAnswer(q('number'), '2,5')).toBe(2.5);
    expect(readAnswer(q('number'), 'to')).toBeUndefined();
    expect(readAnswer(q('date'), '1.2.2023')).toBe('2023-02-01');
    expect(readAnswer(q('date'), '2023-02-30')).toBeUndefined();
    expect(readAnswer(q('multi'), 'a, b')).toEqual(['a', 'b']);
    expect(readAnswer(q('single'), '')).toBeUndefined();
  });
});
