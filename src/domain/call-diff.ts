import type { CallFileData, Text } from './call-schema.ts';

/**
 * What changed between two calls, in the words an adviser uses ("the deadline moved from … to …", "the
 * cap was raised"), for `midlerbot calls diff`, a draft's review and the announcement of a new call.
 * Things are matched by id, so a renamed id reads as one removed and one added.
 */

export type ChangeKind =
  | 'milestone-moved'
  | 'milestone-added'
  | 'milestone-removed'
  | 'cap-raised'
  | 'cap-lowered'
  | 'cap-added'
  | 'cap-removed'
  | 'own-financing'
  | 'award-limit'
  | 'category-added'
  | 'category-removed'
  | 'priority-added'
  | 'priority-removed'
  | 'rule-added'
  | 'rule-removed'
  | 'rule-changed'
  | 'cost-type-changed';

export interface CallChange {
  kind: ChangeKind;
  /** The id of what changed (milestone, category, priority area, rule, cost type). */
  subject: string;
  text: Text;
}

const NB_MONTHS = 'januar februar mars april mai juni juli august september oktober november desember'.split(
  ' ',
);
const EN_MONTHS =
  'January February March April May June July August September October November December'.split(' ');

/** A call file's local time as the call texts write it: "20. oktober 2022 kl. 15.00". */
export function localText(at: string | undefined): Text {
  if (at === undefined) return { nb: 'uten dato', en: 'no date' };
  const [date = '', time] = at.split('T');
  const [y, m = 1, d] = date.split('-').map(Number);
  const nb = `${d}. ${NB_MONTHS[m - 1]} ${y}${time ? ` kl. ${time.replace(':', '.')}` : ''}`;
  const en = `${d} ${EN_MONTHS[m - 1]} ${y}${time ? ` at ${time}` : ''}`;
  return { nb, en };
}

const kr = (n: number) => `${String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ' ')} kr`;

function byId<T extends { id: string }>(old: readonly T[], now: readonly T[]) {
  const before = new Map(old.map((x) => [x.id, x]));
  const after = new Map(now.map((x) => [x.id, x]));
  return {
    added: now.filter((x) => !before.has(x.id)),
    removed: old.filter((x) => !after.has(x.id)),
    both: now.flatMap((x) => {
      const was = before.get(x.id);
      return was ? [{ was, now: x }] : [];
    }),
  };
}

function milestoneChanges(old: CallFileData, now: CallFileData): CallChange[] {
  const { added, removed, both } = byId(old.milestones, now.milestones);
  return [
    ...both
      .filter(({ was, now: n }) => was.at !== n.at)
      .map(({ was, now: n }) => {
        const [from, to] = [localText(was.at), localText(n.at)];
        return {
          kind: 'milestone-moved' as const,
          subject: n.id,
          text: {
            nb: `${n.label.nb}: flyttet fra ${from.nb} til ${to.nb}`,
            en: `${n.label.en}: moved from ${from.en} to ${to.en}`,
          },
        };
      }),
    ...added.map((m) => ({
      kind: 'milestone-added' as const,
      subject: m.id,
      text: {
        nb: `Ny dato: ${m.label.nb}, ${localText(m.at).nb}`,
        en: `New date: ${m.label.en}, ${localText(m.at).en}`,
      },
    })),
    ...removed.map((m) => ({
      kind: 'milestone-removed' as const,
      subject: m.id,
      text: { nb: `Datoen «${m.label.nb}» er tatt bort`, en: `The date "${m.label.en}" was removed` },
    })),
  ];
}

function categoryChanges(old: CallFileData, now: CallFileData): CallChange[] {
  const { added, removed, both } = byId(old.categories, now.categories);
  const changes: CallChange[] = [];
  for (const { was, now: c } of both) {
    const name = c.name;
    if (was.maxAmount !== c.maxAmount) {
      const kind =
        was.maxAmount === undefined
          ? 'cap-added'
          : c.maxAmount === undefined
            ? 'cap-removed'
            : c.maxAmount > was.maxAmount
              ? 'cap-raised'
              : 'cap-lowered';
      const text: Record<typeof kind, Text> = {
        'cap-added': {
          nb: `${name.nb}: nytt tak på ${kr(c.maxAmount ?? 0)}`,
          en: `${name.en}: new cap of ${kr(c.maxAmount ?? 0)}`,
        },
        'cap-removed': {
          nb: `${name.nb}: taket på ${kr(was.maxAmount ?? 0)} er fjernet`,
          en: `${name.en}: the cap of ${kr(was.maxAmount ?? 0)} was removed`,
        },
        'cap-raised': {
          nb: `${name.nb}: taket er hevet fra ${kr(was.maxAmount ?? 0)} til ${kr(c.maxAmount ?? 0)}`,
          en: `${name.en}: cap raised from ${kr(was.maxAmount ?? 0)} to ${kr(c.maxAmount ?? 0)}`,
        },
        'cap-lowered': {
          nb: `${name.nb}: taket er senket fra ${kr(was.maxAmount ?? 0)} til ${kr(c.maxAmount ?? 0)}`,
          en: `${name.en}: cap lowered from ${kr(was.maxAmount ?? 0)} to ${kr(c.maxAmount ?? 0)}`,
        },
      };
      changes.push({ kind, subject: c.id, text: text[kind] });
    }
    if (was.ownFinancingPercent !== c.ownFinancingPercent)
      changes.push({
        kind: 'own-financing',
        subject: c.id,
        text: {
          nb: `${name.nb}: egenfinansiering endret fra ${was.ownFinancingPercent} % til ${c.ownFinancingPercent} %`,
          en: `${name.en}: own financing changed from ${was.ownFinancingPercent} % to ${c.ownFinancingPercent} %`,
        },
      });
    if (was.maxAwards !== c.maxAwards) {
      const count = (n: number | undefined, nb: boolean) =>
        n === undefined ? (nb ? 'ubegrenset' : 'no limit') : String(n);
      changes.push({
        kind: 'award-limit',
        subject: c.id,
        text: {
          nb: `${name.nb}: høyst antall tildelinger endret fra ${count(was.maxAwards, true)} til ${count(c.maxAwards, true)}`,
          en: `${name.en}: award limit changed from ${count(was.maxAwards, false)} to ${count(c.maxAwards, false)}`,
        },
      });
    }
  }
  for (const c of added)
    changes.push({
      kind: 'category-added',
      subject: c.id,
      text: { nb: `Ny kategori: ${c.name.nb}`, en: `New category: ${c.name.en}` },
    });
  for (const c of removed)
    changes.push({
      kind: 'category-removed',
      subject: c.id,
      text: { nb: `Kategorien ${c.name.nb} er tatt bort`, en: `Category removed: ${c.name.en}` },
    });
  return changes;
}

function ruleChanges(old: CallFileData, now: CallFileData): CallChange[] {
  const { added, removed, both } = byId(old.rules, now.rules);
  return [
    ...added.map((r) => ({
      kind: 'rule-added' as const,
      subject: r.id,
      text: { nb: `Ny regel: ${r.text.nb}`, en: `New rule: ${r.text.en}` },
    })),
    ...removed.map((r) => ({
      kind: 'rule-removed' as const,
      subject: r.id,
      text: { nb: `Regel fjernet: ${r.text.nb}`, en: `Rule removed: ${r.text.en}` },
    })),
    // A changed quote is a changed rule even when its plain words were not yet rewritten.
    ...both
      .filter(({ was, now: r }) => was.text.nb !== r.text.nb || was.cite.quote !== r.cite.quote)
      .map(({ was, now: r }) => ({
        kind: 'rule-changed' as const,
        subject: r.id,
        text:
          was.cite.quote === r.cite.quote
            ? { nb: `Endret regel: ${r.text.nb}`, en: `Rule changed: ${r.text.en}` }
            : {
                nb: `Endret regel: utlysningen sier nå «${r.cite.quote}»`,
                en: `Rule changed: the call now says "${r.cite.quote}"`,
              },
      })),
  ];
}

function otherChanges(old: CallFileData, now: CallFileData): CallChange[] {
  const areas = byId(old.priorityAreas, now.priorityAreas);
  const costs = byId(old.costTypes, now.costTypes);
  return [
    ...areas.added.map((p) => ({
      kind: 'priority-added' as const,
      subject: p.id,
      text: { nb: `Nytt prioritert område: ${p.label.nb}`, en: `New priority area: ${p.label.en}` },
    })),
    ...areas.removed.map((p) => ({
      kind: 'priority-removed' as const,
      subject: p.id,
      text: { nb: `Prioritert område tatt bort: ${p.label.nb}`, en: `Priority area removed: ${p.label.en}` },
    })),
    ...costs.both
      .filter(({ was, now: c }) => was.eligible !== c.eligible)
      .map(({ now: c }) => ({
        kind: 'cost-type-changed' as const,
        subject: c.id,
        text: c.eligible
          ? { nb: `${c.label.nb} kan nå dekkes`, en: `${c.label.en} can now be covered` }
          : { nb: `${c.label.nb} kan ikke lenger dekkes`, en: `${c.label.en} can no longer be covered` },
      })),
  ];
}

export function diffCalls(old: CallFileData, now: CallFileData): CallChange[] {
  return [
    ...milestoneChanges(old, now),
    ...categoryChanges(old, now),
    ...otherChanges(old, now),
    ...ruleChanges(old, now),
  ];
}
