/**
 * The search index is made by the last step of `npm run build` (scripts/search-index.ts, over the
 * built HTML), not inside Astro. This integration serves the last built index in `astro dev`, and
 * says after a bare `astro build` that the index is a step of its own.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";
import { SEARCH_BUNDLE_DIR } from "../lib/urls.ts";

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
      "astro:build:done": ({ logger }) => {
        logger.info("search index: next, `node scripts/search-index.ts` (npm run build runs it)");
      },
      // The dev server has no index of its own: serve the one from the last build, if any.
      "astro:server:setup": ({ server }) => {
        const prefix = `${base}${SEARCH_BUNDLE_DIR}/`;
        const bundle = join(outDir, SEARCH_BUNDLE_DIR);
        server.middlewares.use((request, response, next) => {
          const url = request.url?.split("?")[0] ?? "";
          if (!url.startsWith(prefix)) return next();
          const file = normalize(join(bundle, url.slice(prefix.length)));
          if (!file.startsWith(bundle) || !existsSync(file) || !statSync(file).isFile()) {
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
