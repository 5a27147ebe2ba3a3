import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { runCli } from '../../src/cli/main.ts';
import { mutatedCall, tempCallsDir, writeCall } from '../calls/support.ts';

/** The text of next year's innovation call, as the operator drafts it from. */
const NEW_TEXT = join(import.meta.dirname, '..', 'calls', 'fixtures', 'innovasjonsmidler-2024.txt');

/** A temporary calls/ with this year's two calls, for a host to load and reload. */
export function callsDirWithThisYear(): string {
  const dir = tempCallsDir();
  for (const id of ['innovasjon-2023', 'pasientsikkerhet-2023-2024'])
    writeCall(
      dir,
      id,
      mutatedCall(id, () => {}),
    );
  return dir;
}

/**
 * Next year's innovation call drafted in `dir` by the CLI (`calls draft`) and every review flag
 * resolved, as the operator finishes it: the draft's file and its reviewed text (not yet written).
 */
export async function reviewedDraft(dir: string): Promise<{ file: string; text: string }> {
  await runCli(['calls', 'draft', '--from', 'innovasjon-2023', '--text', NEW_TEXT, '--calls', dir]);
  const file = join(dir, 'drafts', 'innovasjon-2024.yaml');
  const doc = parseDocument(readFileSync(file, 'utf8'));
  const flags = (doc.toJS() as { review: { flags: unknown[] } }).review.flags;
  for (let i = 0; i < flags.length; i++) doc.setIn(['review', 'flags', i, 'resolved'], true);
  return { file, text: doc.toString({ lineWidth: 0 }) };
}
