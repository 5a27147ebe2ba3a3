import { button, card, facts, text } from '../src/bot/cards.ts';
import type { DialogContext } from '../src/bot/dialog.ts';
import type { Block, Card } from '../src/bot/messages.ts';
import type { AmountResult } from '../src/domain/amount.ts';
import type { Call } from '../src/domain/call.ts';
import { hasAmountRule } from '../src/domain/call-lookup.ts';
import { formatMoney } from '../src/domain/money.ts';
import { reasonBlocks } from './eligibility-cards.ts';
import { closedNotice, say } from './shared.ts';

/** The answer of the calculator: the maximum, own financing, what binds and why, ineligible lines. */
export function amountResultCard(
  ctx: DialogContext,
  call: Call,
  result: AmountResult,
  own: number | undefined,
): Card {
  const money = (n: number) => formatMoney(n, ctx.locale);
  const category = call.categories.find((c) => c.id === result.category);
  if (!hasAmountRule(category)) return noAmountRuleCard(ctx, call, result);
  const rows: [string, string][] = [
    [ctx.t('amount.fact.eligible-total'), money(result.eligibleTotal)],
    [ctx.t('amount.fact.max'), money(result.maxRequest)],
  ];
  if (result.ownFinancingPercent > 0) {
    rows.push([
      ctx.t('amount.fact.own-required', { percent: result.ownFinancingPercent }),
      money(result.requiredOwnFinancing),
    ]);
  }
  if (own !== undefined) rows.push([ctx.t('amount.fact.own-declared'), money(own)]);
  if (result.ownFinancingShortfall > 0)
    rows.push([ctx.t('amount.fact.shortfall'), money(result.ownFinancingShortfall)]);
  rows.push([
    ctx.t('amount.fact.cap'),
    result.cap === null ? ctx.t('amount.fact.no-cap') : money(result.cap),
  ]);

  const blocks: Block[] = [
    text(`${say(ctx, call.title)} – ${category ? say(ctx, category.name) : result.category}`, 'subtle'),
    facts(rows),
  ];
  blocks.push(text(`**${ctx.t('amount.binds')}**`), text(ctx.t(`amount.binding.${result.binding}`)));
  // The engine lists the binding rule first; a budget that binds is the user's own number, with no
  // rule of the call behind it, so nothing is quoted as the reason then.
  const [first, ...others] = result.reasons;
  const binds = result.binding === 'budget' ? undefined : first;
  const rest = binds ? others : result.reasons;
  if (binds) blocks.push(...reasonBlocks(ctx, call, binds));
  if (rest.length > 0) {
    blocks.push(text(`**${ctx.t('amount.rules')}**`));
    for (const r of rest) blocks.push(...reasonBlocks(ctx, call, r));
  }
  if (result.ineligibleLines.length > 0) {
    blocks.push(text(`**${ctx.t('amount.ineligible')}**`, 'warning'));
    for (const line of result.ineligibleLines) {
      blocks.push(text(ctx.t('amount.ineligible-line', { label: line.label, amount: money(line.amount) })));
      blocks.push(...reasonBlocks(ctx, call, line.reason));
    }
  }
  if (result.alternatives.length > 0) {
    blocks.push(
      text(`**${ctx.t('amount.alternatives')}**`),
      text(result.alternatives.map((a) => `- ${say(ctx, a)}`).join('\n')),
    );
  }
  const title =
    result.maxRequest > 0
      ? ctx.t('amount.result.title', { max: money(result.maxRequest) })
      : ctx.t('amount.result.nothing');
  return resultCard(ctx, call, result, title, blocks);
}

/**
 * A category whose call sets no amount (no cap, no own financing): the bot names no limit; it says
 * the call sets none, that the trust prioritises the applications (with that sentence), and which
 * costs the money may not pay for.
 */
function noAmountRuleCard(ctx: DialogContext, call: Call, result: AmountResult): Card {
  const category = call.categories.find((c) => c.id === result.category);
  const money = (n: number) => formatMoney(n, ctx.locale);
  const blocks: Block[] = [
    text(`${say(ctx, call.title)} – ${category ? say(ctx, category.name) : result.category}`, 'subtle'),
    facts([[ctx.t('amount.fact.eligible-total'), money(result.eligibleTotal)]]),
    text(ctx.t('amount.no-rule.text')),
  ];
  const ranking = call.steps.find((s) => s.kind === 'prioritisation' && s.cite);
  if (ranking?.cite) {
    blocks.push({
      kind: 'quote',
      text: ranking.cite.quote,
      source: ctx.t('common.source', { call: say(ctx, call.title) }),
    });
  }
  if (result.ineligibleLines.length > 0) {
    blocks.push(text(`**${ctx.t('amount.ineligible')}**`, 'warning'));
    for (const line of result.ineligibleLines) {
      blocks.push(text(ctx.t('amount.ineligible-line', { label: line.label, amount: money(line.amount) })));
      blocks.push(...reasonBlocks(ctx, call, line.reason));
    }
  }
  const shown = new Set(result.ineligibleLines.map((l) => l.reason.ruleId));
  const rest = result.reasons.filter((r) => !shown.has(r.ruleId));
  if (rest.length > 0) {
    blocks.push(text(`**${ctx.t('amount.rules')}**`));
    for (const r of rest) blocks.push(...reasonBlocks(ctx, call, r));
  }
  return resultCard(ctx, call, result, ctx.t('amount.no-rule.title'), blocks);
}

function resultCard(
  ctx: DialogContext,
  call: Call,
  result: AmountResult,
  title: string,
  blocks: Block[],
): Card {
  const args = { callId: call.id, category: result.category };
  const notice = closedNotice(ctx, call);
  const closed = notice.length > 0;
  blocks.splice(1, 0, ...notice);
  return card(title, blocks, [
    ...(result.maxRequest > 0 && !closed
      ? [button('application.start', ctx.t('amount.button.apply'), args, 'primary')]
      : []),
    button('eligibility.start', ctx.t('amount.button.eligibility'), args),
    button('amount.back', ctx.t('common.back')),
    button('amount.start', ctx.t('amount.button.again'), { callId: call.id }),
  ]);
}
