/**
 * The neutral light formatting (**bold**, _italic_, "- " bullets, line breaks) as Slack mrkdwn.
 * Slack's control characters are escaped first, so user text can never become a mention or a link.
 */
export function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

export function toMrkdwn(text: string): string {
  return escapeMrkdwn(text)
    .replace(/\*\*(.+?)\*\*/gs, '*$1*')
    .replace(
      /\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g,
      (_whole, label: string, url: string) => `<${url}|${label}>`,
    )
    .replace(/^([ \t]*)[-*] /gm, '$1• ');
}

/** Plain text for `plain_text` objects and notification fallbacks: the markers are dropped. */
export function toPlain(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/gs, '$1')
    .replace(/\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)/g, '$1 ($2)')
    .replace(/^([ \t]*)- /gm, '$1• ');
}
