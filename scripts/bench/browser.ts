/**
 * The browser for page weight and search timing (Playwright driving the system Chromium), and
 * the record of what a page loads. `astro preview` sends files uncompressed, so the gzip size a
 * real server would send is worked out here: gzip level 9 for text, as-is for files that are
 * already compressed (fonts, images, Pagefind's index files and WebAssembly).
 */
import { gzipSize } from "../../tests/budgets.ts";
import { chromium, type Browser, type BrowserContext, type Page, type Response } from "playwright";
import { CHROMIUM_ARGS, findSystemChromium } from "../lib/chromium.ts";
import { onCleanup } from "../lib/processes.ts";

export type TransferType = "html" | "css" | "js" | "index" | "font" | "image" | "other";

export interface Transfer {
  /** Path and query of the response (the origin is always the local preview). */
  path: string;
  type: TransferType;
  /** Body bytes as served. */
  bytes: number;
  /** Bytes over the wire with gzip where a server would use it. */
  gzipBytes: number;
  /** Script inside an HTML document (not counted in `js` transfers). */
  inlineJs?: { bytes: number; gzipBytes: number };
}

export interface LoadRecord {
  requests: number;
  transfers: Transfer[];
}

/** Chromium with the project's flags; closed at cleanup (we handle Ctrl-C, not Playwright). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = findSystemChromium();
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: CHROMIUM_ARGS,
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });
  onCleanup(() => browser.close());
  return browser;
}

/** A fresh context (empty cache, no storage) sized like Lighthouse's mobile device. */
export function mobileContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
  });
}

/** Starts recording every request of `page`; `finish()` waits for the bodies and returns the record. */
export function recordLoad(page: Page): { finish(): Promise<LoadRecord> } {
  let requests = 0;
  const pending: Array<Promise<Transfer | undefined>> = [];
  page.on("request", () => requests++);
  page.on("response", (response) => pending.push(describe(response)));
  return {
    finish: async () => ({
      requests,
      transfers: (await Promise.all(pending)).filter((transfer): transfer is Transfer => transfer !== undefined),
    }),
  };
}

async function describe(response: Response): Promise<Transfer | undefined> {
  let body: Buffer;
  try {
    body = await response.body();
  } catch {
    return undefined; // a redirect: no body of its own
  }
  const url = new URL(response.url());
  const type = classify(url.pathname, response.headers()["content-type"] ?? "");
  const compressible = /^text\/|javascript|json|xml|svg/.test(response.headers()["content-type"] ?? "");
  const transfer: Transfer = {
    path: url.pathname + url.search,
    type,
    bytes: body.length,
    gzipBytes: compressible ? gzipSize(body) : body.length,
  };
  if (type === "html") {
    const inline = inlineScripts(body.toString("utf8"));
    if (inline) transfer.inlineJs = { bytes: Buffer.byteLength(inline), gzipBytes: gzipSize(Buffer.from(inline)) };
  }
  return transfer;
}

function classify(path: string, contentType: string): TransferType {
  if (contentType.includes("text/html")) return "html";
  if (contentType.includes("text/css")) return "css";
  if (contentType.includes("javascript")) return "js";
  if (path.includes("/pagefind/")) return "index";
  if (contentType.startsWith("font/") || /\.woff2?$/.test(path)) return "font";
  if (contentType.startsWith("image/")) return "image";
  return "other";
}

/** The text of every executable inline <script> (JSON data blocks are not JavaScript). */
function inlineScripts(html: string): string {
  let code = "";
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const [, attributes = "", body = ""] = match;
    if (/\bsrc\s*=/.test(attributes) || /type\s*=\s*["']?(application\/(ld\+)?json|importmap)/i.test(attributes))
      continue;
    code += body;
  }
  return code;
}

/** Sums over transfers, by what a budget cares about. */
export function weigh(record: LoadRecord) {
  const sum = (pick: (transfer: Transfer) => number, types?: TransferType[]) =>
    record.transfers
      .filter((transfer) => !types || types.includes(transfer.type))
      .reduce((total, transfer) => total + pick(transfer), 0);
  const inlineJs = sum((transfer) => transfer.inlineJs?.bytes ?? 0);
  return {
    requests: record.requests,
    htmlCssGzip: sum((transfer) => transfer.gzipBytes, ["html", "css"]),
    /** External scripts plus inline ones. */
    jsBytes: sum((transfer) => transfer.bytes, ["js"]) + inlineJs,
    jsGzip: sum((transfer) => transfer.gzipBytes, ["js"]) + sum((transfer) => transfer.inlineJs?.gzipBytes ?? 0),
    inlineJsBytes: inlineJs,
    indexBytes: sum((transfer) => transfer.gzipBytes, ["index"]),
    totalGzip: sum((transfer) => transfer.gzipBytes),
  };
}

export type Weight = ReturnType<typeof weigh>;
