// @ts-check
// JavaScript, not TypeScript: Astro imports an .mjs config with Node itself (our .ts modules by
// Node's type stripping), where a .ts config first starts a Vite server to compile it and each
// module it imports. 1,000 generated pages, 3 alternating pairs: content sync began 0.1-0.3 s
// sooner and the build ended 0.25 s sooner on average, with 0.3 CPU-s less.
import { defineConfig } from "astro/config";
import { satteri } from "@astrojs/markdown-satteri";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import contentGuard, { checkedContent } from "./src/integrations/content-guard.ts";
import shareImages from "./src/integrations/share-images.ts";
import searchIndex from "./src/integrations/search-index.ts";
import cspMeta from "./src/integrations/csp-meta.ts";
import staticMdx from "./src/integrations/static-mdx.ts";
import { contentStoreInPieces } from "./src/integrations/content-store-pieces.ts";
import hostHeaders from "./src/integrations/host-headers.ts";
import { linksPlugin } from "./src/lib/markdown/links.ts";
import { siteUrl } from "./src/lib/site-url.ts";
import { DEFAULT_LOCALE, LOCALES } from "./src/lib/i18n.ts";
import { skippedParts } from "./src/lib/build-flags.ts";
import { unwrapMdxComponents } from "./src/lib/markdown/unwrap-components.ts";
import { countContentFiles, tradesMemoryForTime } from "./src/lib/site-scale.ts";
import { cacheDir } from "./src/lib/paths.ts";

const base = process.env.BASE_PATH ?? "/";
// Settled by the content check (on a big site, while Astro sets itself up); read by the share images.
const content = checkedContent();
// Build experiments only (PG_SKIP, src/lib/build-flags.ts): empty unless the variable is set.
const skip = skippedParts();
// Counted once: the content check runs in a worker on a big site, and the incremental build is off.
const contentFileCount = countContentFiles();

export default defineConfig({
  site: siteUrl(),
  base,
  trailingSlash: "always",
  // English at the root, Spanish under /es/ (src/lib/i18n.ts): Astro then tells every component
  // its page's language (Astro.currentLocale).
  i18n: {
    locales: [...LOCALES],
    defaultLocale: DEFAULT_LOCALE,
    routing: { prefixDefaultLocale: false, redirectToDefaultLocale: false },
  },
  // Builds, `astro sync` and Vitest (which runs Astro in dev mode) then share one content store.
  cacheDir: cacheDir(),
  markdown: {
    // Code blocks as plain <pre><code>, in `astro dev` and in the build, in .md and .mdx alike (the
    // build's MDX renderer has no highlighter): posts hold no code, Shiki's colours are inline
    // style attributes that the pages' CSP blocks, and its highlighter took about 0.1 s to start.
    syntaxHighlight: false,
    processor: satteri({
      mdastPlugins: skip.has("mdx-components") ? [unwrapMdxComponents] : [],
      hastPlugins: skip.has("link-plugin") ? [] : [linksPlugin({ base })],
    }),
  },
  integrations: [
    ...(skip.has("content-check") ? [] : [contentGuard(content, contentFileCount)]),
    // Static parts of each MDX page compile to HTML strings instead of JSX calls: the same HTML
    // (dist compared byte for byte on 1,000 generated pages), and the bundler holds about 10% less
    // memory (1.78 vs 1.90 GB peak, two builds each; npm run bench -- --compare for ratios).
    mdx({ optimize: true }),
    // `astro build` renders each post's MDX body to HTML as it reads content, as it does
    // Markdown (src/integrations/static-mdx.ts); `astro dev` and the tests keep @astrojs/mdx.
    staticMdx({ unwrapComponents: skip.has("mdx-components"), linkBase: !skip.has("link-plugin") }),
    sitemap({
      filter: (page) => !/\/404\/$/.test(new URL(page).pathname),
      // Pages with the same path after /es/ are one page in two languages: listed with xhtml:link alternates.
      i18n: { defaultLocale: DEFAULT_LOCALE, locales: Object.fromEntries(LOCALES.map((locale) => [locale, locale])) },
    }),
    cspMeta(),
    hostHeaders(),
    // Serves the last built index in `astro dev`; `npm run build` makes it (scripts/search-index.ts).
    searchIndex(),
    ...(skip.has("share-images") ? [] : [shareImages(() => content.published)]),
  ],
  build: {
    // The one stylesheet (about 4 KB gzipped) travels inside each page: a page is a single
    // request, and first paint does not wait for a second round trip (Lighthouse mobile FCP).
    // Its hash is in the page's CSP (src/integrations/csp-meta.ts): only that exact stylesheet applies.
    inlineStylesheets: "always",
    // Two pages at a time: Astro waits for each page's folder and file to be written, and the
    // other page renders meanwhile. 1,000 generated .md pages, 6 alternating pairs of cold builds:
    // pages rendered in a median 3.11 s instead of 3.56 s, the build in 9.6 s instead of 10.0 s,
    // the same peak memory and the same dist/.
    concurrency: 2,
  },
  experimental: {
    // Post, topic and author pages whose code and data are unchanged since the last build are
    // copied from it (their keys: src/lib/page-cache.ts); the cache is in cacheDir, which CI keeps.
    // A clean build pays for it (a second copy of every page in the cache): 1,000 generated .md
    // pages, 2 pairs, 11.0 s instead of 10.5; the next build after one article changed, 7.4 s
    // instead of 9.2. Pull requests get the warm build.
    // Astro hashes the code of every module as it bundles: at 10,000 pages that took the build's
    // peak from 5,926 to 6,684 MiB, so a big site builds every page each time (src/lib/site-scale.ts).
    incrementalBuild: tradesMemoryForTime(contentFileCount),
  },
  vite: {
    // The content store reaches the pages in pieces V8 reads in linear time (the integration's comment).
    plugins: [contentStoreInPieces()],
    // One stylesheet for the whole site, so every page (and every component used only inside
    // MDX) is covered by the same inlined, hashed <style>.
    // No inline scripts either: every script is a file from 'self', so one static Content
    // Security Policy (deploy/ and public/_headers) covers every page without per-build hashes.
    build: {
      cssCodeSplit: false,
      assetsInlineLimit: 0,
      rollupOptions: {
        // Every MDX module triggers a harmless "use astro:head-inject" directive warning; at
        // 1,000 pages that is 11,000 log lines that would bury an editor's real error.
        onwarn(warning, warn) {
          if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
        },
      },
    },
  },
});
