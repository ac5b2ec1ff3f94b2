import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { site } from "./src/site.config";
import contentGuard from "./src/integrations/content-guard";
import searchIndex from "./src/integrations/search-index";

export default defineConfig({
  site: process.env.SITE_URL ?? site.url,
  base: process.env.BASE_PATH ?? "/",
  trailingSlash: "always",
  // Builds, `astro sync` and Vitest (which runs Astro in dev mode) then share one content store.
  cacheDir: process.env.ASTRO_CACHE_DIR ?? "./.astro",
  integrations: [contentGuard(), mdx(), sitemap(), searchIndex()],
});
