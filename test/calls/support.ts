import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

export const root = join(import.meta.dirname, '../..');
export const callsDir = join(root, 'calls');

const created: string[] = [];

/** Removes the temp folders made by `tempCallsDir` (call from `afterAll`). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A fresh `calls` directory in a new temp folder, with the real call texts under `sources/`. */
export function tempCallsDir(): string {
  const parent = mkdtempSync(join(tmpdir(), 'midlerbot-'));
  created.push(parent);
  const dir = join(parent, 'calls');
  mkdirSync(join(dir, 'sources'), { recursive: true });
  cpSync(join(callsDir, 'sources'), join(dir, 'sources'), { recursive: true });
  return dir;
}

/** A copy of a real call file with one change made through the YAML document (so the rest stays as is). */
export function mutatedCall(name: string, change: (doc: ReturnType<typeof parseDocument>) => void): string {
  const doc = parseDocument(readFileSync(join(callsDir, `${name}.yaml`), 'utf8'));
  change(doc);
  return doc.toString();
}

export function writeCall(dir: string, name: string, text: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  return file;
}
