/** One share-image worker: draws its cards into the cache (src/integrations/share-images.ts). */
import { workerData } from "node:worker_threads";
import { renderShareImage, type ShareCard } from "../lib/share-image.ts";

const { cards, cacheDir } = workerData as { cards: ShareCard[]; cacheDir: string };
for (const card of cards) await renderShareImage(card, { cacheDir });
