import { defineConfig } from "astro/config";
import { satteri } from "@astrojs/markdown-satteri";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { site } from "./src/site.config";
import contentGuard, { isLegacyPage } from "./src/integrations/content-guard";
import searchIndex from "./src/integrations/search-index";
import { CSP_FETCH_DIRECTIVES, SCRIPT_SOURCES } from "./src/lib/security";
import { linksPlugin } from "./src/lib/markdown/links";

const siteUrl = process.env.SITE_URL ?? site.url;
const base = process.env.BASE_PATH ?? "/";

export default defineConfig({
  site: siteUrl,
  base,
  trailingSlash: "always",
  // Builds, `astro sync` and Vitest (which runs Astro in dev mode) then share one content store.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? "./.astro",
  markdown: {
    processor: satteri({ hastPlugins: [linksPlugin({ base, site: siteUrl })] }),
  },
  integrations: [contentGuard(), mdx(), sitemap({ filter: (page) => !isLegacyPage(page) }), searchIndex()],
  build: {
    // Styles as files, never inline: the CSP below then needs no hash for them (styles of
    // components used only inside MDX would otherwise get none and be blocked).
    inlineStylesheets: "never",
  },
  vite: {
    // One stylesheet for the whole site (about 4.5 KB gzipped): a page costs HTML + CSS,
    // and the CSS is cached for every page after the first.
    // No inline scripts either: every script is a file from 'self', so one static Content
    // Security Policy (deploy/ and public/_headers) covers every page without per-build hashes.
    build: { cssCodeSplit: false, assetsInlineLimit: 0 },
  },
  security: {
    csp: {
      directives: [...CSP_FETCH_DIRECTIVES],
      styleDirective: { resources: ["'self'"] },
      scriptDirective: { resources: [...SCRIPT_SOURCES] },
    },
  },
});
