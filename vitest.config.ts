/// <reference types="vitest/config" />
// getViteConfig gives Vitest Astro's own Vite setup, so tests can import `.astro` components
// and `astro:content` the same way the build does.
import { getViteConfig } from "astro/config";

export default getViteConfig({
  test: {
    include: ["tests/unit/**/*.test.ts"],
    environment: "node",
    globalSetup: ["tests/unit/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
