/** One share-image worker: draws its cards into the cache (src/integrations/share-images.ts). */
import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { workerData } from "node:worker_threads";
import { drawIntoCache, type ShareCard } from "../lib/share-image.ts";

/**
 * This thread's scheduling priority (a Unix nice value, 0 normal, 19 lowest). The cards draw while
 * Astro renders pages on the build's thread; at a lower priority they leave it the CPU when both
 * want it, and still finish with it. Clean builds of 1,000 `.md` pages, 6 alternating pairs: done
 * at 10.25-10.95 s against 10.74-11.39 s, the cards ready sooner too; `.mdx`, 3 pairs: within noise.
 */
const CARD_THREAD_NICENESS = 10;

// Linux gives each thread its own priority, by the thread's id (from /proc); elsewhere the
// thread keeps the process's.
try {
  setPriority(Number(readlinkSync("/proc/thread-self").split("/").pop()), CARD_THREAD_NICENESS);
} catch {
  // No /proc, or not allowed: draw at normal priority.
}

const { cards, cacheDir } = workerData as { cards: ShareCard[]; cacheDir: string };
for (const card of cards) await drawIntoCache(card, cacheDir);
