/**
 * Block Kit limits (docs.slack.dev/reference/block-kit). Rendering keeps under every one of them, so
 * Slack never rejects a message for its size: long content is split or paged instead.
 */
export const LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  sectionText: 3000,
  sectionFields: 10,
  fieldText: 2000,
  contextElements: 10,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  actionsElements: 25,
  optionText: 75,
  optionValue: 150,
  staticSelectOptions: 100,
  radioOptions: 10,
  inputLabel: 2000,
  inputPlaceholder: 150,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  /** The top-level notification `text`: Slack truncates at 40 000; we keep it short. */
  fallbackText: 3000,
} as const;

/** Cuts `text` to `max` characters, ending with an ellipsis when something was cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  return `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Splits text into pieces of at most `max` characters, preferring line breaks, then spaces, so a long
 * list becomes several sections rather than one Slack rejects.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (Array.from(rest).length > max) {
    const window = Array.from(rest).slice(0, max).join('');
    let cut = window.lastIndexOf('\n');
    if (cut < max / 2) cut = window.lastIndexOf(' ');
    if (cut < max / 2) cut = window.length;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[\n ]+/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}
