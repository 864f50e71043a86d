/**
 * A process that keeps about 30 MB live and then passes ten times as much through a window of objects that
 * live just long enough to be promoted (as the answers in flight of an uncached load do), after
 * `limitHeapGrowth(PERCENT)`; prints the largest heap V8 held (`heapTotal`, in bytes) as JSON.
 *
 *   node --import tsx tests/support/heap-churn.ts PERCENT
 */
import { limitHeapGrowth } from '../../server/heap-growth';

limitHeapGrowth(Number(process.argv[2]));
const batch = (label: string) => Array.from({ length: 5_000 }, (_, i) => ({ i, text: `${label} ${i}` }));
const live = Array.from({ length: 60 }, (_, n) => batch(`kept ${n}`));
const window: unknown[][] = [];
let largest = 0;
for (let n = 0; n < 600; n += 1) {
  window.push(batch(`passing ${n}`));
  if (window.length > 20) window.shift();
  largest = Math.max(largest, process.memoryUsage().heapTotal);
}
process.stdout.write(`${JSON.stringify({ largest, live: live.length })}\n`);
