import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/calls/load.ts';
import { readQuestion } from '../../src/domain/questions/find.ts';
import { askedThing, asksFor, headOf } from '../../src/domain/questions/intent.ts';
import { compileVocabulary, indexTerms } from '../../src/domain/questions/vocabulary.ts';

/** What a question asks for (intent.ts) and the general rules of the search that use it. */

const catalog = loadCatalog('calls');
const topicOf = (text: string) => {
  const f = readQuestion(catalog, text).found;
  return f.kind === 'answer' ? f.sections.map((s) => `${s.callId}:${s.topic}`) : f.kind;
};

describe('what a question asks for', () => {
  it('reads the kind of fact from question words', () => {
    expect(asksFor('når er fristen')).toBe('date');
    expect(asksFor('frist?')).toBe('date');
    // A yes/no question about a deadline asks whether, not when.
    expect(asksFor('kan jeg levere etter fristen')).toBeUndefined();
    expect(asksFor('how long can a project run')).toBe('duration');
    expect(asksFor('hvor mye kan jeg søke om')).toBe('amount');
    expect(asksFor('hvor mange ganger')).toBe('count');
    expect(asksFor('hvem bestemmer')).toBe('people');
    expect(asksFor('how do I submit')).toBe('place');
    expect(asksFor('hva er formålet')).toBeUndefined();
  });

  it('finds the thing a question opens by asking about, and only at its opening', () => {
    expect(askedThing('hvor mange søknader blir innvilget')).toBe('søknader');
    expect(askedThing('er det en intern frist')).toBe('intern');
    expect(askedThing('is there an interview for applicants')).toBe('interview');
    expect(askedThing('hvilke kategorier finnes')).toBe('kategorier');
    // A word that names only the kind of fact is left to the intent.
    expect(askedThing('hvilket klokkeslett går fristen ut')).toBeUndefined();
    expect(askedThing('hvem informeres om hvilke søknader som får støtte')).toBeUndefined();
    expect(headOf('which categories can I apply for')).toBe('categories');
  });
});

describe('general rules of the search', () => {
  it('a synonym phrase right after a negation does not mark the text', () => {
    const v = compileVocabulary([['søke om midler til', 'apply for funding for']]);
    expect(indexTerms('Det kan søkes om midler til prosjekter', 'nb', v).markers).toEqual(['~0']);
    expect(indexTerms('Det er ikke mulig å søke om midler til utstyr', 'nb', v).markers).toEqual([]);
  });

  it('a phrase may have small words inside it', () => {
    const v = compileVocabulary([['får vite', 'get to know']]);
    expect(v.phrasesIn(['når', 'får', 'vi', 'vite'])).toEqual([{ marker: '~0', at: 1, length: 3 }]);
  });

  it('a named category is not answered by a rule only for other categories', () => {
    expect(topicOf('Må et overføringsprosjekt ha egenfinansiering?')).toEqual([
      'innovasjon-2023:transfer-cap',
    ]);
    expect(topicOf('Er det krav om egenfinansiering for produktinnovasjon?')).toEqual([
      'innovasjon-2023:own-financing',
    ]);
  });

  it('a question about something the calls do not say claims no answer', () => {
    expect(topicOf('Is there an interview for patient safety applicants?')).not.toBeInstanceOf(Array);
    expect(topicOf('Hvor mange søknader om innovasjonsmidler blir innvilget i år?')).not.toBeInstanceOf(
      Array,
    );
  });

  it('"what is <category>" gets the rule that defines it; the category alone what the call says about it', () => {
    expect(topicOf('hva er overføring av tjenesteinnovasjon?')).toEqual([
      'innovasjon-2023:transfer-from-other-trust',
    ]);
    expect(topicOf('overføring?')).toEqual(['innovasjon-2023:category:transfer']);
  });
});
