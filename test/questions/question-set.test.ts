import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateCase, QUESTION_SET_NOW, scoreQuestionSet } from '../../bench/question-set.ts';
import { loadQuestionSets } from '../../src/calls/knowledge.ts';
import { loadCatalog } from '../../src/calls/load.ts';
import { questionsOf } from '../../src/domain/questions/index.ts';
import { passagesOf } from '../../src/domain/questions/passages.ts';

/**
 * The question sets in calls/questions/ (tuned) and calls/questions/held-out/ (never tuned on):
 * a question is a hit when the answer for its call quotes the expected topic first and states the
 * expected facts outside the quote (bench/question-set.ts). `npm run bench -- --only questions`
 * prints both accuracies and every miss.
 *
 * The issue asks for 95 % on the whole set. The held-out floor is what the search honestly
 * reaches on questions nothing was tuned on (docs/questions.md has the figures and the caveats);
 * the tuned floor leaves room for a few misses so a new synonym can trade one for another.
 */
const WHOLE_SET_FLOOR = 0.95;
const TUNED_SET_FLOOR = 0.97;
const HELD_OUT_FLOOR = 0.86;

const catalog = loadCatalog('calls');
const cases = loadQuestionSets('calls', catalog.calls);
const now = new Date(QUESTION_SET_NOW);

describe('the question sets', () => {
  it('hold at least 150 questions in both languages, at least 50 of them held out', () => {
    expect(cases.length).toBeGreaterThanOrEqual(150);
    expect(cases.filter((q) => q.heldOut).length).toBeGreaterThanOrEqual(50);
    expect(new Set(cases.map((q) => q.lang))).toEqual(new Set(['nb', 'en']));
    for (const call of catalog.calls) expect(cases.some((q) => q.callId === call.id)).toBe(true);
  });

  it('expect only topics the call has', () => {
    for (const q of cases) {
      if (['none', 'source', 'contact', 'guidance', 'trusts', 'purpose'].includes(q.expect)) continue;
      const ids = new Set(
        questionsOf(catalog)
          .indexedIds(q.callId)
          .map((r) => r.replace(/^rule:/, '')),
      );
      expect(ids.has(q.expect), `${q.callId}: "${q.q}" expects unknown topic ${q.expect}`).toBe(true);
    }
  });

  it(`reach top-1 accuracy of at least ${WHOLE_SET_FLOOR * 100} % on the whole set, ${TUNED_SET_FLOOR * 100} % on the tuned set and ${HELD_OUT_FLOOR * 100} % on the held-out set`, () => {
    const whole = scoreQuestionSet(catalog, cases, now);
    const tuned = scoreQuestionSet(
      catalog,
      cases.filter((q) => !q.heldOut),
      now,
    );
    const heldOut = scoreQuestionSet(
      catalog,
      cases.filter((q) => q.heldOut),
      now,
    );
    const misses = whole.misses.map((m) => `${m.question.q} → ${m.got} (${m.why})`).join('\n');
    expect(whole.accuracy, misses).toBeGreaterThanOrEqual(WHOLE_SET_FLOOR);
    expect(tuned.accuracy, misses).toBeGreaterThanOrEqual(TUNED_SET_FLOOR);
    expect(heldOut.accuracy, misses).toBeGreaterThanOrEqual(HELD_OUT_FLOOR);
  });

  it('a miss is a miss: a wrong expectation or a fact the answer does not state fails', () => {
    const q = cases.find((c) => c.q === 'når er fristen for innovasjonsmidler');
    expect(q).toBeDefined();
    if (!q) return;
    expect(evaluateCase(catalog, q, now).hit).toBe(true);
    expect(evaluateCase(catalog, { ...q, expect: 'own-financing' }, now).hit).toBe(false);
    expect(evaluateCase(catalog, { ...q, facts: ['21. oktober 2022'] }, now).hit).toBe(false);
    // The fact must be stated, not only quoted: "klokken 15.00" is in the quote only.
    expect(evaluateCase(catalog, { ...q, facts: ['klokken 15.00'] }, now).hit).toBe(false);
  });
  it('a passage answer states what its quote says, and nothing more', () => {
    const q = cases.find((c) => c.expect === 'source' && !c.heldOut);
    expect(q).toBeDefined();
    if (!q) return;
    expect(evaluateCase(catalog, q, now).hit).toBe(true);
    expect(evaluateCase(catalog, { ...q, facts: ['25 mill'] }, now).hit).toBe(false);
  });
});

describe('question data beside the calls', () => {
  it('the call loader does not read question sets or synonyms as calls', () => {
    expect(catalog.calls.map((c) => c.id).sort()).toEqual(['innovasjon-2023', 'pasientsikkerhet-2023-2024']);
  });

  it('a new call gets its questions from a file of the same name, with no code', () => {
    const dir = mkdtempSync(join(tmpdir(), 'midler-q-'));
    cpSync('calls', dir, { recursive: true });
    const yaml = readFileSync(join(dir, 'innovasjon-2023.yaml'), 'utf8')
      .replace('at: 2022-10-20T15:00', 'at: 2023-10-19T15:00')
      .replace('nb: Innovasjonsmidler 2023', 'nb: Innovasjonsmidler 2024');
    writeFileSync(join(dir, 'innovasjon-2024.yaml'), yaml);
    writeFileSync(
      join(dir, 'questions', 'innovasjon-2024.yaml'),
      'questions:\n  - q: når er fristen for innovasjonsmidler 2024\n    lang: nb\n    expect: deadline\n    facts: [19. oktober 2023]\n',
    );
    const next = loadCatalog(dir);
    const mine = loadQuestionSets(dir, next.calls).filter((q) => q.callId === 'innovasjon-2024');
    expect(mine).toHaveLength(1);
    // The date comes from the new call's milestone, not from any text.
    const result = evaluateCase(next, mine[0]!, now);
    expect(result).toMatchObject({ hit: true, got: 'innovasjon-2024:deadline' });
  });

  it('a question set for a call that is not loaded is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'midler-q-'));
    cpSync('calls', dir, { recursive: true });
    writeFileSync(
      join(dir, 'questions', 'no-such-call.yaml'),
      'questions:\n  - {q: når, lang: nb, expect: deadline}\n',
    );
    expect(() => loadQuestionSets(dir, loadCatalog(dir).calls)).toThrow(/no call "no-such-call"/);
  });

  it('a broken synonym file stops loading with the file named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'midler-q-'));
    cpSync('calls', dir, { recursive: true });
    writeFileSync(join(dir, 'search', 'synonyms.yaml'), 'groups:\n  - [alone]\n');
    expect(() => loadCatalog(dir)).toThrow(/synonyms\.yaml.*at least two members/s);
  });
});

describe('what the search indexes (issue 15 counts these as shown)', () => {
  it('lists every rule, note, milestone, priority area, category, the contact and the guidance by id', () => {
    for (const call of catalog.calls) {
      const ids = new Set(questionsOf(catalog).indexedIds(call.id));
      for (const r of call.rules) expect(ids.has(`rule:${r.id}`)).toBe(true);
      for (const n of call.notes) expect(ids.has(`note:${n.topic}`)).toBe(true);
      for (const m of call.milestones) expect(ids.has(`milestone:${m.id}`)).toBe(true);
      for (const p of call.priorityAreas) expect(ids.has(`priority-area:${p.id}`)).toBe(true);
      for (const c of call.categories) expect(ids.has(`category:${c.id}`)).toBe(true);
      expect(ids.has('contact')).toBe(true);
      if (call.submission.guidance) expect(ids.has('guidance')).toBe(true);
      const source = catalog.knowledge.sources[call.id] ?? '';
      passagesOf(source).forEach((_, n) => {
        expect(ids.has(`source:${n}`)).toBe(true);
      });
    }
  });
});
