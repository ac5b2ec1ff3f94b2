/**
 * Writes the response headers for hosts from the one policy in src/lib/security.ts: `_headers`
 * (Netlify, Cloudflare Pages) and `_security-headers.nginx` (included by deploy/nginx.conf), so
 * no copy of the policy can drift from what the pages' own CSP expects.
 */
import type { AstroIntegration } from "astro";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { HEADER_FILES, netlifyHeaders, nginxHeaders } from "../lib/security.ts";

export default function hostHeaders(): AstroIntegration {
  let base = "/";
  return {
    name: "patient-guides:host-headers",
    hooks: {
      "astro:config:done": ({ config }) => {
        base = config.base;
      },
      "astro:build:done": ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        writeFileSync(join(out, HEADER_FILES.netlify), netlifyHeaders(base));
        writeFileSync(join(out, HEADER_FILES.nginx), nginxHeaders());
        logger.info(`wrote security headers to ${HEADER_FILES.netlify} and ${HEADER_FILES.nginx}`);
      },
    },
  };
}
