import type { Mention } from '../../src/bot/messages.ts';

/**
 * Teams mentions: the first place a person's name stands in the text becomes `<at>name</at>`, with a
 * mention entity naming their Entra object id (what Teams accepts in bot messages and in Adaptive
 * Cards' `msteams.entities`). A name the text does not contain is not mentioned.
 */

export interface MentionEntity {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
}

export function mentionIn(text: string, mention: Mention): { text: string; entity?: MentionEntity } {
  const at = text.indexOf(mention.name);
  if (!mention.name || at < 0) return { text };
  const tag = `<at>${mention.name}</at>`;
  return {
    text: text.slice(0, at) + tag + text.slice(at + mention.name.length),
    entity: { type: 'mention', text: tag, mentioned: { id: mention.userId, name: mention.name } },
  };
}

/** The card's TextBlocks with each person's first name mentioned, and the entities for `msteams`. */
export function mentionInCard(body: Record<string, unknown>[], mentions: Mention[]): MentionEntity[] {
  const entities: MentionEntity[] = [];
  const blocks: Record<string, unknown>[] = [];
  const collect = (els: Record<string, unknown>[]) => {
    for (const e of els) {
      if (e.type === 'TextBlock' && typeof e.text === 'string') blocks.push(e);
      if (Array.isArray(e.items)) collect(e.items as Record<string, unknown>[]);
    }
  };
  collect(body);
  for (const m of mentions) {
    const block = blocks.find((b) => (b.text as string).includes(m.name));
    if (!block) continue;
    const done = mentionIn(block.text as string, m);
    block.text = done.text;
    if (done.entity) entities.push(done.entity);
  }
  return entities;
}
