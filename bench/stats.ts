import { performance } from 'node:perf_hooks';

/** One row of the printed table: latencies in milliseconds, throughput over the whole run. */
export interface Row {
  section: string;
  operation: string;
  n: number;
  opsPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** What a section prints: its table, then lines under it (round trips, warnings). */
export interface SectionResult {
  rows: Row[];
  notes: string[];
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

/** A row from per-operation latencies (ms) and the wall time the n operations took together (ms). */
export function summarise(section: string, operation: string, latencies: number[], wallMs: number): Row {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    section,
    operation,
    n: sorted.length,
    opsPerSec: wallMs > 0 ? (sorted.length * 1000) / wallMs : Number.POSITIVE_INFINITY,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
  };
}

/**
 * Times `fn` sequentially: a short warm-up (JIT, caches) first, then `n` timed calls, stopping early
 * when `budgetMs` is spent so every section stays bounded in time whatever the machine.
 */
export async function timeSequential(
  section: string,
  operation: string,
  n: number,
  budgetMs: number,
  fn: (i: number) => unknown,
): Promise<Row> {
  const warm = Math.min(50, Math.ceil(n / 10));
  for (let i = 0; i < warm; i++) await fn(i);
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    latencies.push(performance.now() - t0);
    if (performance.now() - start > budgetMs) break;
  }
  return summarise(section, operation, latencies, performance.now() - start);
}

/**
 * Runs `workers` loops at once, each taking the next job index until `n` are started or the budget
 * is spent; every job's own latency is recorded, throughput is over the wall time of the whole run.
 */
export async function timeConcurrent(
  section: string,
  operation: string,
  n: number,
  workers: number,
  budgetMs: number,
  job: (i: number) => Promise<unknown>,
): Promise<Row> {
  const latencies: number[] = [];
  let next = 0;
  const start = performance.now();
  const worker = async () => {
    while (next < n && performance.now() - start < budgetMs) {
      const i = next++;
      const t0 = performance.now();
      await job(i);
      latencies.push(performance.now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, workers) }, worker));
  return summarise(section, operation, latencies, performance.now() - start);
}

/** Three significant figures, so 0.00123 ms and 812 ms both read well. */
export function fmt(value: number): string {
  if (!Number.isFinite(value)) return '-';
  if (value >= 100) return value.toFixed(0);
  return value.toPrecision(3);
}

/** The table as aligned plain text (also valid Markdown, so it can be pasted into docs). */
export function formatTable(rows: readonly Row[]): string {
  const head = ['section', 'operation', 'n', 'ops/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'];
  const body = rows.map((r) => [
    r.section,
    r.operation,
    String(r.n),
    fmt(r.opsPerSec),
    fmt(r.p50),
    fmt(r.p95),
    fmt(r.p99),
    fmt(r.max),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => (row[i] ?? '').length)));
  const numeric = (i: number) => i >= 2;
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (numeric(i) ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric(i) ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(head), rule, ...body.map(line)].join('\n');
}
