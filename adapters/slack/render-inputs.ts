import type { Input } from '../../src/bot/messages.ts';
import type { InputBlock, Option } from './block-kit.ts';
import { plain } from './block-kit.ts';
import { LIMITS, truncate } from './limits.ts';
import { toPlain } from './mrkdwn.ts';

function option(o: { value: string; label: string }): Option {
  return { text: plain(truncate(toPlain(o.label), LIMITS.optionText)), value: o.value };
}

function element(input: Input): InputBlock['element'] {
  const id = input.id;
  switch (input.kind) {
    case 'text':
    case 'amount': {
      const placeholder = input.placeholder
        ? { placeholder: plain(truncate(input.placeholder, LIMITS.inputPlaceholder)) }
        : {};
      return {
        type: 'plain_text_input',
        action_id: id,
        ...placeholder,
        ...(input.value ? { initial_value: input.value } : {}),
        ...(input.kind === 'text' && input.multiline ? { multiline: true } : {}),
        ...(input.kind === 'text' && input.maxLength ? { max_length: input.maxLength } : {}),
      };
    }
    case 'number':
      return {
        type: 'number_input',
        action_id: id,
        is_decimal_allowed: false,
        ...(input.min === undefined ? {} : { min_value: String(input.min) }),
        ...(input.max === undefined ? {} : { max_value: String(input.max) }),
        ...(input.value === undefined ? {} : { initial_value: String(input.value) }),
      };
    case 'date':
      return {
        type: 'datepicker',
        action_id: id,
        ...(input.value || input.opensOn ? { initial_date: input.value ?? input.opensOn } : {}),
      };
    case 'person':
      return { type: 'users_select', action_id: id };
    case 'choice': {
      const options = input.options.map(option);
      const chosen = new Set(Array.isArray(input.value) ? input.value : input.value ? [input.value] : []);
      const initial = options.filter((o) => o.value !== undefined && chosen.has(o.value));
      if (input.multiple) {
        if (options.length <= LIMITS.radioOptions) {
          return {
            type: 'checkboxes',
            action_id: id,
            options,
            ...(initial.length > 0 ? { initial_options: initial } : {}),
          };
        }
        return {
          type: 'multi_static_select',
          action_id: id,
          ...groupedOptions(options),
          ...(initial.length > 0 ? { initial_options: initial } : {}),
        };
      }
      const first = initial[0];
      if (options.length <= LIMITS.radioOptions) {
        return { type: 'radio_buttons', action_id: id, options, ...(first ? { initial_option: first } : {}) };
      }
      return {
        type: 'static_select',
        action_id: id,
        ...groupedOptions(options),
        ...(first ? { initial_option: first } : {}),
      };
    }
  }
}

/** A select holds 100 options; beyond that they go into option groups of 100 rather than being cut. */
function groupedOptions(
  options: Option[],
): { options: Option[] } | { option_groups: { label: ReturnType<typeof plain>; options: Option[] }[] } {
  if (options.length <= LIMITS.staticSelectOptions) return { options };
  const groups = [];
  for (let i = 0; i < options.length; i += LIMITS.staticSelectOptions) {
    const slice = options.slice(i, i + LIMITS.staticSelectOptions);
    groups.push({ label: plain(`${i + 1}–${i + slice.length}`), options: slice });
  }
  return { option_groups: groups };
}

/**
 * One neutral input as an input block. Its block id and action id are the input's id, so submitted
 * values map back by id and modal errors (`response_action: errors`) name the block directly.
 */
export function renderInput(input: Input, error?: string): InputBlock {
  return {
    type: 'input',
    block_id: input.id,
    label: plain(truncate(toPlain(input.label), LIMITS.inputLabel)),
    optional: input.required !== true,
    element: element(input),
    ...(error ? { hint: plain(truncate(`⚠ ${toPlain(error)}`, LIMITS.inputLabel)) } : {}),
  };
}
