/**
 * Slack's documented Block Kit limits (docs.slack.dev/reference/block-kit), written out here rather
 * than imported from adapters/slack/limits.ts, so the renderer is checked against the documentation
 * and not against itself. Every violation names where in the payload it is.
 */

type Json = Record<string, unknown>;

const len = (v: unknown) => [...String(v ?? '')].length;

function textOf(v: unknown): string {
  return v && typeof v === 'object' ? String((v as Json).text ?? '') : '';
}

function check(out: string[], path: string, what: string, value: number, max: number): void {
  if (value > max) out.push(`${path}: ${what} ${value} over Slack's ${max}`);
}

function elementViolations(e: Json, path: string, out: string[]): void {
  if (typeof e.action_id === 'string') check(out, `${path}.action_id`, 'length', len(e.action_id), 255);
  switch (e.type) {
    case 'button':
      check(out, `${path}.text`, 'length', len(textOf(e.text)), 75);
      if (e.value !== undefined) check(out, `${path}.value`, 'length', len(e.value), 2000);
      break;
    case 'static_select':
    case 'multi_static_select':
    case 'radio_buttons':
    case 'checkboxes': {
      const options = (e.options as Json[] | undefined) ?? [];
      const max = e.type === 'radio_buttons' || e.type === 'checkboxes' ? 10 : 100;
      check(out, `${path}.options`, 'count', options.length, max);
      if (options.length === 0 && e.type !== 'multi_static_select') out.push(`${path}.options: empty`);
      options.forEach((o, i) => {
        check(out, `${path}.options[${i}].text`, 'length', len(textOf(o.text)), 75);
        check(out, `${path}.options[${i}].value`, 'length', len(o.value), 150);
      });
      break;
    }
    case 'plain_text_input':
      if (e.placeholder) check(out, `${path}.placeholder`, 'length', len(textOf(e.placeholder)), 150);
      break;
  }
}

export function blockViolations(blocks: Json[], path: string, max: number): string[] {
  const out: string[] = [];
  check(out, path, 'blocks', blocks.length, max);
  const actionIds = new Set<string>();
  blocks.forEach((b, i) => {
    const at = `${path}[${i}]`;
    switch (b.type) {
      case 'section':
        if (b.text) check(out, `${at}.text`, 'length', len(textOf(b.text)), 3000);
        if (Array.isArray(b.fields)) {
          check(out, `${at}.fields`, 'count', b.fields.length, 10);
          for (const [j, f] of b.fields.entries())
            check(out, `${at}.fields[${j}]`, 'length', len(textOf(f)), 2000);
        }
        if (!b.text && !b.fields) out.push(`${at}: a section needs text or fields`);
        break;
      case 'header':
        check(out, `${at}.text`, 'length', len(textOf(b.text)), 150);
        break;
      case 'context':
        check(out, `${at}.elements`, 'count', (b.elements as unknown[]).length, 10);
        break;
      case 'actions':
        check(out, `${at}.elements`, 'count', (b.elements as unknown[]).length, 25);
        (b.elements as Json[]).forEach((e, j) => {
          elementViolations(e, `${at}.elements[${j}]`, out);
          const id = String(e.action_id ?? '');
          if (id && actionIds.has(id))
            out.push(`${at}.elements[${j}].action_id: "${id}" twice in one message`);
          actionIds.add(id);
        });
        break;
      case 'input':
        check(out, `${at}.label`, 'length', len(textOf(b.label)), 2000);
        if (b.hint) check(out, `${at}.hint`, 'length', len(textOf(b.hint)), 2000);
        elementViolations(b.element as Json, `${at}.element`, out);
        break;
    }
    if (typeof b.block_id === 'string') check(out, `${at}.block_id`, 'length', len(b.block_id), 255);
  });
  return out;
}

export function slackMessageViolations(message: { text?: string; blocks?: Json[] }, path: string): string[] {
  const out = blockViolations(message.blocks ?? [], `${path}.blocks`, 50);
  if (message.text === undefined || message.text === '') out.push(`${path}.text: no notification text`);
  check(out, `${path}.text`, 'length', len(message.text), 40000);
  return out;
}

export function slackModalViolations(view: Json, path: string): string[] {
  const out = blockViolations((view.blocks as Json[]) ?? [], `${path}.blocks`, 100);
  for (const k of ['title', 'submit', 'close'])
    if (view[k]) check(out, `${path}.${k}`, 'length', len(textOf(view[k])), 24);
  if (typeof view.private_metadata === 'string')
    check(out, `${path}.private_metadata`, 'length', len(view.private_metadata), 3000);
  if (typeof view.callback_id === 'string')
    check(out, `${path}.callback_id`, 'length', len(view.callback_id), 255);
  return out;
}
