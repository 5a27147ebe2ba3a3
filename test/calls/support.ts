import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadCallFile } from '../../src/calls/load.ts';
import type { Call } from '../../src/domain/call.ts';

export const root = join(import.meta.dirname, '../..');
export const callsDir = join(root, 'calls');

/** A real call file as the bot loads it (`calls/<name>.yaml`). */
export const realCall = (name: string): Call => loadCallFile(join(callsDir, `${name}.yaml`));

/** The entry of a call's list with this id; fails the test when there is none. */
export function byId<T extends { id: string }>(list: readonly T[], id: string): T {
  const found = list.find((x) => x.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}

/** One test per dated milestone of a call, `[id, at, precision]`: each of these milestones is of the kind its id names. */
export function itDatesMilestones(
  call: Call,
  table: [id: string, at: string, precision: 'on' | 'by'][],
): void {
  it.each(table)('milestone %s is at %s (%s)', (id, at, precision) => {
    expect(byId(call.milestones, id)).toMatchObject({ kind: id, at, precision });
  });
}

/**
 * A sign-off question of a call: "not yet" is a to-do due by the deadline (the trust's own, earlier
 * one where `trustInternal`), and "no" disqualifies.
 */
export function expectSignOff(call: Call, questionId: string, trustInternal: boolean): void {
  const options = byId(call.questions, questionId).options ?? [];
  expect(byId(options, 'not-yet')).toMatchObject({
    outcome: 'todo',
    dueBy: 'deadline',
    dueByTrustInternal: trustInternal,
  });
  expect(byId(options, 'no').outcome).toBe('disqualify');
}

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
