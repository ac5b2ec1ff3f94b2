/// <reference types="vitest/config" />
// getViteConfig gives Vitest Astro's own Vite setup, so tests can import `.astro` components
// and `astro:content` the same way the build does.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { getViteConfig } from "astro/config";
import type { Plugin } from "vite";

/**
 * Vitest keeps transformed modules on disk between runs (node_modules/.vitest-cache), keyed by
 * its own config's files but not by Astro's: after a change to astro.config.mjs or to the
 * Markdown plugins and integrations it loads, an .mdx or .astro file came back as compiled
 * before (code blocks still highlighted after `syntaxHighlight: false`). Their text joins the key.
 */
const astroConfigKey = (): Plugin => {
  const files = [
    "astro.config.mjs",
    ...["src/lib/markdown", "src/integrations"].flatMap((dir) => readdirSync(dir).map((name) => join(dir, name))),
  ];
  const digest = createHash("sha1");
  for (const file of files.sort()) digest.update(file).update(readFileSync(file));
  const key = digest.digest("hex");
  return {
    name: "patient-guides:vitest-cache-key",
    configureVitest({ defineCacheKeyGenerator }) {
      defineCacheKeyGenerator(() => key);
    },
  };
};

export default getViteConfig({
  plugins: [astroConfigKey()],
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/unit/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
