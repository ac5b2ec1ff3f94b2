/** The CSP trim of src/integrations/csp-trim.ts, applied to each HTML page Astro renders. */
import { defineMiddleware } from "astro:middleware";
import { withTrimmedPolicy } from "./csp-trim.ts";

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get("content-type")?.startsWith("text/html")) return response;
  const trimmed = withTrimmedPolicy(await response.text());
  const headers = new Headers(response.headers);
  // The body may be shorter now.
  headers.delete("content-length");
  return new Response(trimmed, { status: response.status, statusText: response.statusText, headers });
});
