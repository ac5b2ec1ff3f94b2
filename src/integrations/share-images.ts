/**
 * Share images (Open Graph cards, 1200x630 PNG) for every published post and one for the site.
 * Worker threads start drawing them when the build is set up, so the drawing runs on other cores
 * while Astro renders pages on its one; when the build is done they are linked into dist/share/.
 * Drawn cards are cached between builds (src/lib/share-image.ts).
 */
import { existsSync } from "node:fs";
import { copyFile, link, mkdir } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { AstroIntegration } from "astro";
import { cachePath, type ShareCard } from "../lib/share-image.ts";
import { sharePath } from "../lib/urls.ts";
import type { PostCollection } from "../lib/paths.ts";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "../lib/i18n.ts";
import { ui } from "../i18n/index.ts";
import { site } from "../site.config.ts";

export interface ShareJob {
  /** Where the PNG goes, from the site root (e.g. /share/guides/insurance.png). */
  path: string;
  card: ShareCard;
}

/** A published post as the content check lists it (English when no locale is given). */
export interface SharePost {
  collection: PostCollection;
  id: string;
  title: string;
  locale?: Locale;
}

const brand = (locale: Locale) => ({ siteName: site.name[locale], organizationName: site.organization.name });

/** The cards to draw: the site's own in each language, then one per published post, in its language. */
export function shareJobs(posts: readonly SharePost[]): ShareJob[] {
  return [
    ...LOCALES.map((locale) => ({
      path: sharePath(undefined, undefined, locale),
      card: { title: site.name[locale], description: site.tagline[locale], ...brand(locale) },
    })),
    ...posts.map(({ collection, id, title, locale = DEFAULT_LOCALE }) => ({
      path: sharePath(collection, id, locale),
      card: { title, kind: ui(locale).post.kind[collection], ...brand(locale) },
    })),
  ];
}

const WORKER_HEAP = { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 96 };

/**
 * Draws the cards not in the cache yet, split across worker threads; none are started when every
 * card is cached (a warm build), so no thread loads the drawing libraries or reads cached cards.
 */
function drawAll(jobs: readonly ShareJob[], cacheDir: string): Promise<void> {
  const missing = jobs.filter(({ card }) => !existsSync(cachePath(card, cacheDir)));
  if (missing.length === 0) return Promise.resolve();
  // Leave one core for Astro's page rendering, which runs at the same time.
  const workers = Math.max(1, Math.min(4, availableParallelism() - 1, missing.length));
  const batches = Array.from({ length: workers }, (_, worker) =>
    missing.filter((_, index) => index % workers === worker).map((job) => job.card),
  );
  return Promise.all(
    batches.map(
      (cards) =>
        new Promise<void>((done, fail) => {
          const worker = new Worker(new URL("./share-images-worker.ts", import.meta.url), {
            workerData: { cards, cacheDir },
            // A small heap makes V8 collect each drawn card's pixels (megabytes outside the heap)
            // soon: 1,000 whole 3 MB cards peaked 133-137 MB over the process instead of 268-344,
            // at the same time per card (3 interleaved runs each). The live heap is the fonts and one card.
            resourceLimits: WORKER_HEAP,
          });
          worker.once("error", fail);
          worker.once("exit", (code) =>
            code === 0 ? done() : fail(new Error(`share image worker exited with ${code}`)),
          );
        }),
    ),
  ).then(() => undefined);
}

/**
 * A cached card into the built site as a hard link: 1,026 copies took 0.5 s of a warm build of
 * 1,000 pages, links almost none. The cache never changes a file in place (a redrawn card is a
 * new file, renamed over the old name), so the site's card stays as built. A copy where links
 * are not possible (another file system).
 */
async function placeCard(cached: string, target: string): Promise<void> {
  try {
    await link(cached, target);
  } catch {
    await copyFile(cached, target);
  }
}

/** `posts`: the published posts, once the content check (an earlier integration) has listed them. */
export default function shareImages(posts: () => Promise<readonly SharePost[]>): AstroIntegration {
  let cacheDir = ".astro";
  let drawing: Promise<void> | undefined;
  let jobs: ShareJob[] = [];
  let started = 0;
  return {
    name: "patient-guides:share-images",
    hooks: {
      // Drawing starts as soon as the content check has listed the published posts, while Astro
      // reads content and bundles: on a cold build of 1,000 pages the cards were the last thing
      // the build waited for.
      "astro:config:setup": ({ command, config }) => {
        if (command !== "build") return;
        cacheDir = fileURLToPath(config.cacheDir);
        drawing = posts().then((published) => {
          jobs = shareJobs(published);
          started = performance.now();
          return drawAll(jobs, cacheDir);
        });
        // Failures surface when the build awaits the result; don't crash the process before that.
        drawing.catch(() => {});
      },
      "astro:build:done": async ({ dir, logger }) => {
        await drawing;
        const out = fileURLToPath(dir);
        await Promise.all(
          jobs.map(async ({ path, card }) => {
            const target = join(out, path);
            await mkdir(dirname(target), { recursive: true });
            await placeCard(cachePath(card, cacheDir), target);
          }),
        );
        logger.info(
          `${jobs.length} share images ready (${Math.round(performance.now() - started)} ms since drawing started)`,
        );
      },
    },
  };
}
