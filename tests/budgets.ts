/**
 * The page budgets and the byte counter, in one place: the end-to-end budget test
 * (tests/e2e/budgets.spec.ts) fails a page over them, and `npm run bench` reports them.
 */
import { gzipSync } from "node:zlib";

export const KB = 1024;

/** Everything a first visit to an article, guide, topic or home page loads: one round trip. */
export const PAGE_BUDGET = {
  /** All responses, each gzipped at the best level. */
  totalGzip: 14 * KB,
  requests: 3,
  /** The only script such a page may load: a checklist's. */
  checklistScriptGzip: 1 * KB,
} as const;

/** Bytes a server sends for a text file: gzip at level 9. */
export const gzipSize = (body: Uint8Array): number => gzipSync(body, { level: 9 }).length;
