import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import draft06 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };

/**
 * What Teams needs of an Adaptive Card, checked the way Teams and Microsoft's schema would: the
 * official schema of the version the card declares (test/schemas/adaptive-cards), and the Teams
 * constraints the schema cannot say (docs: "Format cards in Microsoft Teams", "Cards reference").
 * Every violation names where in the card it is.
 */

type Json = Record<string, unknown>;

/** Teams rejects a message over ~28 KB. */
export const TEAMS_MAX_CARD_BYTES = 28 * 1024;
/** Teams' host config shows at most 6 actions in a row; the 7th and later go behind "…". */
export const TEAMS_MAX_ACTIONS = 6;
/** A longer label is clipped on a button in a Teams chat at full width. */
export const MAX_BUTTON_LABEL = 40;

const SCHEMAS: Record<string, string> = {
  '1.5': 'test/schemas/adaptive-cards/adaptive-card-1.5.0.json',
  '1.6': 'test/schemas/adaptive-cards/adaptive-card-1.6.0.json',
};

const compiled = new Map<string, Ajv>();

/** The whole card's validator, and one per definition (an element is checked against its own type). */
function schemaFor(
  version: string,
): { card: ValidateFunction; of: (type: string) => ValidateFunction | undefined } | undefined {
  const file = SCHEMAS[version];
  if (!file) return undefined;
  let ajv = compiled.get(version);
  if (!ajv) {
    // The schemas are draft-06 with Microsoft's own annotation keywords (`version`, `features`).
    ajv = new Ajv({ strict: false, allErrors: true, meta: false });
    ajv.addMetaSchema(draft06);
    const schema = JSON.parse(readFileSync(file, 'utf8')) as Json;
    delete schema.id;
    dropBooleanRequired(schema);
    ajv.addSchema(schema, 'card');
    compiled.set(version, ajv);
  }
  const a = ajv;
  return { card: a.getSchema('card')!, of: (type) => a.getSchema(`card#/definitions/${type}`) };
}

/**
 * Microsoft's 1.6 file marks two properties `"required": true` in the draft-03 way, which draft-06
 * rejects; those flags are dropped as the file is read (the file itself stays as published).
 */
function dropBooleanRequired(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const record = node as Json;
  if (typeof record.required === 'boolean') delete record.required;
  for (const v of Object.values(record)) dropBooleanRequired(v);
}

function walk(node: unknown, path: string, visit: (node: Json, path: string) => void): void {
  if (Array.isArray(node)) {
    for (const [i, n] of node.entries()) walk(n, `${path}[${i}]`, visit);
  } else if (node && typeof node === 'object') {
    visit(node as Json, path);
    for (const [k, v] of Object.entries(node)) walk(v, `${path}.${k}`, visit);
  }
}

const ORDERED_LIST_LINE = /(^|\n)\s*\d+\.[ \t]/;
/** "Spørsmål 2 av 7 (2/7)": the same count in words and in numbers. */
const COUNTED_TWICE = /(\d+) (av|of) (\d+) \(\1\/\3\)/;

export function adaptiveCardViolations(card: Json): string[] {
  const out: string[] = [];
  const bytes = Buffer.byteLength(JSON.stringify(card));
  if (bytes > TEAMS_MAX_CARD_BYTES) out.push(`card: ${bytes} bytes, over Teams' ${TEAMS_MAX_CARD_BYTES}`);
  const { msteams, ...rest } = card;
  const version = String(card.version);
  const schema = schemaFor(version);
  if (!schema) out.push(`card.version: ${version} is not a version Teams renders here (1.5 or 1.6)`);
  else if (!schema.card(rest)) {
    // The card's schema tries every element type at each place; checking each element against the
    // definition of its own type names the property that is wrong instead of every type's complaint.
    const before = out.length;
    walk(rest, 'card', (node, path) => {
      const own =
        typeof node.type === 'string' && node.type !== 'AdaptiveCard' ? schema.of(node.type) : undefined;
      if (own && !own(node))
        for (const e of own.errors ?? [])
          if (e.keyword !== 'anyOf' && e.keyword !== 'allOf')
            out.push(
              `${path}${e.instancePath.replaceAll('/', '.')}: ${e.message} ${JSON.stringify(e.params)}`,
            );
    });
    if (out.length === before) out.push(`card: not valid against the ${version} schema`);
  }
  out.push(...teamsExtensionViolations(msteams, card));
  const body = Array.isArray(card.body) ? (card.body as Json[]) : [];
  if (body.every((e) => e.type === 'ActionSet'))
    out.push('card.body: nothing but buttons (reads as an empty card)');
  const rows: [string, unknown][] = [['card.actions', card.actions]];
  walk(card.body, 'card.body', (node, path) => {
    if (node.type === 'ActionSet') rows.push([`${path}.actions`, node.actions]);
    if (typeof node.type === 'string' && node.type.startsWith('Input.') && node.isRequired === true) {
      if (!node.errorMessage) out.push(`${path}: required ${node.type} "${node.id}" has no errorMessage`);
      if (!node.label) out.push(`${path}: required ${node.type} "${node.id}" has no label`);
    }
    if (node.type === 'Input.Date' && !node.value)
      out.push(`${path}: Input.Date "${node.id}" opens on the device's day, not the bot's (no value)`);
    if (node.type === 'TextBlock' && typeof node.text === 'string' && COUNTED_TWICE.test(node.text))
      out.push(`${path}.text: says its count twice: ${JSON.stringify(node.text)}`);
    if (node.type === 'TextBlock' && typeof node.text === 'string' && ORDERED_LIST_LINE.test(node.text))
      out.push(
        `${path}.text: a line reads as a Markdown numbered list: ${JSON.stringify(node.text.slice(0, 60))}`,
      );
  });
  for (const [path, row] of rows) {
    if (!Array.isArray(row)) continue;
    if (row.length > TEAMS_MAX_ACTIONS)
      out.push(
        `${path}: ${row.length} actions, Teams shows ${TEAMS_MAX_ACTIONS} and hides the rest behind "…"`,
      );
    row.forEach((a: Json, i) => {
      const title = String(a.title ?? '');
      if ([...title].length > MAX_BUTTON_LABEL)
        out.push(
          `${path}[${i}].title: ${[...title].length} characters, clipped over ${MAX_BUTTON_LABEL}: "${title}"`,
        );
    });
  }
  return out;
}

/** `msteams` is Teams' own: `width` and mention `entities` whose text is in the card. */
function teamsExtensionViolations(msteams: unknown, card: Json): string[] {
  if (msteams === undefined) return [];
  if (!msteams || typeof msteams !== 'object') return ['card.msteams: not an object'];
  const out: string[] = [];
  for (const [k, v] of Object.entries(msteams)) {
    if (k === 'width' && v !== 'Full') out.push(`card.msteams.width: "${String(v)}" (only "Full")`);
    else if (k === 'entities') {
      const body = JSON.stringify(card.body);
      (v as Json[]).forEach((e, i) => {
        const m = e.mentioned as Json | undefined;
        if (e.type !== 'mention' || typeof e.text !== 'string' || !m?.id || !m?.name)
          out.push(`card.msteams.entities[${i}]: not a mention {type, text, mentioned: {id, name}}`);
        else if (!/^<at>.+<\/at>$/.test(e.text) || !body.includes(JSON.stringify(e.text).slice(1, -1)))
          out.push(`card.msteams.entities[${i}].text: ${e.text} is not <at>…</at> text in the card`);
      });
    } else if (k !== 'width') out.push(`card.msteams.${k}: not a Teams card extension this bot uses`);
  }
  return out;
}

/** Text messages Teams renders as Markdown: a date at the start of a line must not become a list. */
export function teamsTextViolations(text: string): string[] {
  return ORDERED_LIST_LINE.test(text)
    ? [`text: a line reads as a Markdown numbered list: ${text.slice(0, 60)}`]
    : [];
}
