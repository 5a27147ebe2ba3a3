import { z } from 'zod';

/** One element's state in `state.values`, lenient: Slack adds fields we do not read. */
const ElementState = z.looseObject({
  type: z.string(),
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_user: z.string().nullish(),
  selected_option: z.looseObject({ value: z.string() }).nullish(),
  selected_options: z.array(z.looseObject({ value: z.string() })).nullish(),
});

export const StateValues = z.record(z.string(), z.record(z.string(), ElementState));
export type StateValues = z.infer<typeof StateValues>;

function submittedValue(state: z.infer<typeof ElementState>): unknown {
  switch (state.type) {
    case 'number_input': {
      if (state.value == null || state.value === '') return undefined;
      const n = Number(state.value);
      return Number.isFinite(n) ? n : state.value;
    }
    case 'datepicker':
      return state.selected_date ?? undefined;
    case 'users_select':
      return state.selected_user ?? undefined;
    case 'radio_buttons':
    case 'static_select':
      return state.selected_option?.value;
    case 'checkboxes':
    case 'multi_static_select':
      return (state.selected_options ?? []).map((o) => o.value);
    default:
      return state.value ?? undefined;
  }
}

/** Submitted input values by input id (our block ids are the input ids). Empty inputs are left out. */
export function inputsFromState(values: StateValues | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [blockId, elements] of Object.entries(values ?? {})) {
    for (const state of Object.values(elements)) {
      const value = submittedValue(state);
      if (value !== undefined) out[blockId] = value;
    }
  }
  return out;
}
