/** The CSP <meta> of src/integrations/csp-meta.ts, written into each HTML page Astro renders. */
import { defineMiddleware } from "astro:middleware";
import { withCspMetaBytes } from "./csp-meta.ts";

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get("content-type")?.startsWith("text/html")) return response;
  // The page's bytes as Astro encoded them: the <meta> goes in without decoding and encoding the page.
  const page = withCspMetaBytes(Buffer.from(await response.arrayBuffer()));
  const headers = new Headers(response.headers);
  // The body is longer now.
  headers.delete("content-length");
  return new Response(page, { status: response.status, statusText: response.statusText, headers });
});
