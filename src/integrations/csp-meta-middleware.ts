/** The CSP <meta> of src/integrations/csp-meta.ts, written into each HTML page Astro renders. */
import { defineMiddleware } from "astro:middleware";
import { withCspMeta } from "./csp-meta.ts";

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get("content-type")?.startsWith("text/html")) return response;
  const html = withCspMeta(await response.text());
  const headers = new Headers(response.headers);
  // The body is longer now.
  headers.delete("content-length");
  // As bytes: a string body is first checked character by character for lone surrogates.
  return new Response(Buffer.from(html), { status: response.status, statusText: response.statusText, headers });
});
