/**
 * Runs work for a batch in lanes: items of one lane (one target conversation) one after another, in
 * batch order, so a channel's posts stay in order and within its rate; lanes of one group (one
 * platform) at most `limit` at a time, so one stuck conversation holds only its own lane while the
 * others go on. Results come back in batch order.
 */
export async function runInLanes<T, R>(
  items: readonly T[],
  lane: (item: T) => string,
  group: (item: T) => string,
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const lanes = new Map<string, { group: string; entries: [number, T][] }>();
  items.forEach((item, index) => {
    const key = lane(item);
    const found = lanes.get(key) ?? { group: group(item), entries: [] };
    found.entries.push([index, item]);
    lanes.set(key, found);
  });
  const slots = new Map<string, Semaphore>();
  const slotOf = (g: string) => {
    let s = slots.get(g);
    if (!s) {
      s = semaphore(Math.max(1, limit));
      slots.set(g, s);
    }
    return s;
  };
  const results: R[] = new Array(items.length);
  await Promise.all(
    [...lanes.values()].map(async ({ group: g, entries }) => {
      const release = await slotOf(g).acquire();
      try {
        for (const [index, item] of entries) results[index] = await work(item, index);
      } finally {
        release();
      }
    }),
  );
  return results;
}

interface Semaphore {
  acquire(): Promise<() => void>;
}

function semaphore(size: number): Semaphore {
  let free = size;
  const waiting: (() => void)[] = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else free += 1;
  };
  return {
    acquire() {
      if (free > 0) {
        free -= 1;
        return Promise.resolve(release);
      }
      return new Promise((resolve) => waiting.push(() => resolve(release)));
    },
  };
}
