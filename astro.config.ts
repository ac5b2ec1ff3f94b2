import { defineConfig } from "astro/config";
import mdx from "@astrojs/mdx";
import sitemap from "@astrojs/sitemap";
import { site } from "./src/site.config";

export default defineConfig({
  site: process.env.SITE_URL ?? site.url,
  base: process.env.BASE_PATH ?? "/",
  trailingSlash: "always",
  integrations: [mdx(), sitemap()],
});
