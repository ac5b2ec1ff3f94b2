/**
 * Builds the Pagefind search index, in exactly one place: after `astro build`, over the built
 * HTML. Only regions marked `data-pagefind-body` are indexed (article and guide bodies, the
 * glossary). In `astro dev` the last built index is served from dist/pagefind when there is one.
 */
import { createReadStream, existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import * as pagefind from "pagefind";

const CONTENT_TYPES: Record<string, string> = {
  ".js": "text/javascript",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".css": "text/css",
};

export default function searchIndex(): AstroIntegration {
  let outDir = "dist";
  let base = "/";
  return {
    name: "patient-guides:search-index",
    hooks: {
      "astro:config:done": ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        base = config.base.endsWith("/") ? config.base : `${config.base}/`;
      },
      "astro:build:done": async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const started = performance.now();
        try {
          const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
          if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
          const added = await index.addDirectory({ path: site });
          if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
          const written = await index.writeFiles({ outputPath: join(site, "pagefind") });
          if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join("; ")}`);
          const entry = JSON.parse(readFileSync(join(site, "pagefind", "pagefind-entry.json"), "utf8")) as {
            languages: Record<string, { page_count: number }>;
          };
          const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
          logger.info(`indexed ${pages} pages for search in ${Math.round(performance.now() - started)} ms`);
        } finally {
          await pagefind.close();
        }
      },
      // The dev server has no index of its own: serve the one from the last build, if any.
      "astro:server:setup": ({ server }) => {
        const prefix = `${base}pagefind/`;
        server.middlewares.use((request, response, next) => {
          const url = request.url?.split("?")[0] ?? "";
          if (!url.startsWith(prefix)) return next();
          const file = normalize(join(outDir, "pagefind", url.slice(prefix.length)));
          if (!file.startsWith(join(outDir, "pagefind")) || !existsSync(file) || !statSync(file).isFile()) {
            response.statusCode = 404;
            response.end("No search index yet: run `npm run build` once, then reload.");
            return;
          }
          response.setHeader("Content-Type", CONTENT_TYPES[extname(file)] ?? "application/octet-stream");
          createReadStream(file).pipe(response);
        });
      },
    },
  };
}
