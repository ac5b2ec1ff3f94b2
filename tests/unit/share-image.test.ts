import { sharePath } from "../../src/lib/urls";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { afterAll, afterEach, describe, expect, test, vi } from "vitest";
import {
  cacheKey,
  cachePath,
  drawCard,
  drawWholeCard,
  encodePalettePng,
  flatten,
  layOutCard,
  renderShareImage,
  renderUncached,
  SHARE_IMAGE_HEIGHT,
  SHARE_IMAGE_WIDTH,
  splitCard,
  type ShareCard,
} from "../../src/lib/share-image";
import { site } from "../../src/site.config";

const card = (title: string, kind: ShareCard["kind"] = "Guide"): ShareCard => ({
  title,
  kind,
  siteName: site.name.en,
  organizationName: site.organization.name,
});

const PNG_SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

/** Width and height from the IHDR chunk, which must come first. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(new TextDecoder().decode(png.subarray(12, 16))).toBe("IHDR");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Decodes an 8-bit palette PNG without filters (what encodePalettePng writes) to RGB bytes. */
function decodePalettePng(png: Uint8Array): { width: number; height: number; rgb: number[] } {
  const buf = Buffer.from(png);
  const { width, height } = pngSize(png);
  let palette = Buffer.alloc(0);
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString("latin1", at + 4, at + 8);
    const data = buf.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") expect([data[8], data[9]]).toEqual([8, 3]);
    if (type === "PLTE") palette = data;
    if (type === "IDAT") idat.push(data);
    at += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(idat));
  const rgb: number[] = [];
  for (let y = 0; y < height; y++) {
    expect(rows[y * (width + 1)]).toBe(0);
    for (let x = 0; x < width; x++) {
      const index = rows[y * (width + 1) + 1 + x]!;
      rgb.push(palette[index * 3]!, palette[index * 3 + 1]!, palette[index * 3 + 2]!);
    }
  }
  return { width, height, rgb };
}

const tempDirs: string[] = [];
const tempCacheDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), "share-image-"));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("renderShareImage", () => {
  test("renders a 1200x630 PNG without touching the network", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch").mockImplementation(() => {
      throw new Error("no network in a build");
    });
    const png = await renderShareImage(card("Getting your medical records for a second opinion"), {
      cacheDir: false,
    });
    expect(pngSize(png)).toEqual({ width: SHARE_IMAGE_WIDTH, height: SHARE_IMAGE_HEIGHT });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  test("different titles and kinds give different images", async () => {
    const [a, b, c] = await Promise.all([
      renderUncached(card("Questions to ask at a second-opinion visit")),
      renderUncached(card("Clinical trials: what taking part means and how to find one")),
      renderUncached(card("Questions to ask at a second-opinion visit", "Article")),
    ]);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  test("a title too long for three lines still renders", async () => {
    const long = Array.from({ length: 40 }, (_, i) => `word${i}`).join(" ");
    const png = await renderUncached(card(long));
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  test("the site card, with no kind and a tagline, renders", async () => {
    const png = await renderUncached({
      title: site.name.en,
      description: site.tagline.en,
      siteName: site.name.en,
      organizationName: site.organization.name,
    });
    expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
  });

  test("a second render of the same card comes from the cache", async () => {
    const cacheDir = tempCacheDir();
    const renderer = vi.fn(renderUncached);
    const c = card("When a second look changes the diagnosis", "Article");

    const first = await renderShareImage(c, { cacheDir, renderer });
    expect(renderer).toHaveBeenCalledTimes(1);
    expect(existsSync(cachePath(c, cacheDir))).toBe(true);
    expect(cachePath(c, cacheDir)).toBe(join(cacheDir, "share-images", `${cacheKey(c)}.png`));

    const second = await renderShareImage(c, { cacheDir, renderer });
    expect(renderer).toHaveBeenCalledTimes(1);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);

    // Another title is another key, so it is drawn.
    await renderShareImage(card("Another title", "Article"), { cacheDir, renderer });
    expect(renderer).toHaveBeenCalledTimes(2);
  });

  test("the cache key covers every field of the card", () => {
    const base = card("Title", "Guide");
    const keys = new Set([
      cacheKey(base),
      cacheKey({ ...base, title: "Title 2" }),
      cacheKey({ ...base, kind: "Article" }),
      cacheKey({ ...base, kind: undefined }),
      cacheKey({ ...base, description: "Tagline" }),
      cacheKey({ ...base, siteName: "Other" }),
      cacheKey({ ...base, organizationName: "Other" }),
    ]);
    expect(keys.size).toBe(7);
    expect(cacheKey(card("Title", "Guide"))).toBe(cacheKey(base));
  });
});

describe("drawCard", () => {
  // The band of a card's own text is drawn over a shared frame; the pixels must be exactly those
  // of the whole card drawn at once, for every title size, label, tagline and language.
  const spanish = (title: string, kind?: string): ShareCard => ({
    title,
    kind,
    siteName: site.name.es,
    organizationName: site.organization.name,
  });
  const cards: ShareCard[] = [
    card("Biopsy", "Article"),
    card("Questions to ask at a second-opinion visit"),
    card("Clinical trials: what taking part means and how to find one, step by step"),
    card(Array.from({ length: 40 }, (_, i) => `Qgjy${i}`).join(" ")),
    spanish("¿Qué es una segunda opinión? ÁÉÍÓÚ Ñ gjpqy", "Guía"),
    spanish("ÅÉÍÓÚ Ñ Ǻ gjpqy", "Guía"),
    spanish("ÉÈÊË Ŵ Ǻ Ḝ Ö Å Ç ÿ Ÿ ÉÈÊË gjpqy ÉÈÊË gjpqy ÉÈÊË gjpqy ÉÈÊË"),
    {
      title: site.name.en,
      description: site.tagline.en,
      siteName: site.name.en,
      organizationName: site.organization.name,
    },
    {
      title: site.name.es,
      description: site.tagline.es,
      siteName: site.name.es,
      organizationName: site.organization.name,
    },
  ];

  test("draws the same pixels as drawing the whole card", async () => {
    // One after another, as a worker draws them: each card reuses the frame the one before drew on.
    for (const each of cards) {
      const [drawn, whole] = await Promise.all([drawCard(each), drawWholeCard(each)]);
      expect(drawn.band, "drawn in a band").toBeDefined();
      expect([drawn.width, drawn.height]).toEqual([whole.width, whole.height]);
      expect(Buffer.from(flatten(drawn)).equals(Buffer.from(whole.pixels)), each.title).toBe(true);
      // The PNG of the frame and band is the PNG of the whole card's pixels.
      const png = encodePalettePng(drawn.pixels, drawn.width, drawn.height, drawn.band)!;
      expect(png.equals(encodePalettePng(whole.pixels, whole.width, whole.height)!), each.title).toBe(true);
    }
  });

  test("only the band of the card's own text is drawn per card", async () => {
    const svg = await layOutCard(card("Questions to ask at a second-opinion visit"));
    const parts = splitCard(svg)!;
    expect(parts.top).toBeGreaterThan(0);
    expect(parts.top + parts.height).toBeLessThan(SHARE_IMAGE_HEIGHT);
    expect(parts.height).toBeLessThan(SHARE_IMAGE_HEIGHT / 2);
    // The frame has no trace of the label and title; the rule and the footer are in it.
    expect(parts.frame.length).toBeLessThan(svg.length / 2);
    expect(parts.frame).not.toMatch(/satori_om-id-0-\d/);
    expect(parts.frame).toContain('<mask id="satori_om-id-1">');
    expect(parts.frame).toContain('<mask id="satori_om-id-2">');
    expect(parts.band).toMatch(/satori_om-id-0-1/);
  });

  test("an SVG laid out otherwise is drawn whole", () => {
    expect(splitCard('<svg width="1200" height="630" viewBox="0 0 1200 630"><rect/></svg>')).toBeUndefined();
  });
});

describe("encodePalettePng", () => {
  const rgba = (width: number, height: number, colour: (x: number, y: number) => number[]) => {
    const pixels = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels.set(colour(x, y), (y * width + x) * 4);
    return pixels;
  };

  test("is lossless", () => {
    const colours = [
      [11, 94, 94, 255],
      [255, 255, 255, 255],
      [120, 170, 170, 255],
    ];
    const pixels = rgba(7, 5, (x, y) => colours[(x + y * 2) % 3]!);
    const png = encodePalettePng(pixels, 7, 5)!;
    const decoded = decodePalettePng(png);
    expect(decoded.width).toBe(7);
    expect(decoded.height).toBe(5);
    expect(decoded.rgb).toEqual([...pixels].filter((_, i) => i % 4 !== 3));

    // Pixels that don't start on a 4-byte boundary give the same PNG.
    const shifted = new Uint8Array(pixels.length + 1);
    shifted.set(pixels, 1);
    expect(encodePalettePng(shifted.subarray(1), 7, 5)!.equals(png)).toBe(true);
  });

  test("is lossless with many colours in any order", () => {
    // 256 colours revisited in a scrambled order: colours that share a slot of the lookup cache.
    const colour = (i: number) => [(i * 37) % 256, (i * 101) % 256, i, 255];
    const pixels = rgba(64, 16, (x, y) => colour(((x * 7 + y * 13) * 29) % 256));
    const decoded = decodePalettePng(encodePalettePng(pixels, 64, 16)!);
    expect(decoded.rgb).toEqual([...pixels].filter((_, i) => i % 4 !== 3));
  });

  test("declines images it can't store exactly", () => {
    expect(
      encodePalettePng(
        rgba(300, 1, (x) => [x % 256, x >> 8, 0, 255]),
        300,
        1,
      ),
    ).toBeUndefined();
    expect(
      encodePalettePng(
        rgba(2, 2, () => [0, 0, 0, 128]),
        2,
        2,
      ),
    ).toBeUndefined();
  });
});

describe("sharePath", () => {
  test("paths of post and site images, without the base path", () => {
    expect(sharePath("articles", "getting-a-second-opinion")).toBe("/share/articles/getting-a-second-opinion.png");
    expect(sharePath("guides", "insurance")).toBe("/share/guides/insurance.png");
    expect(sharePath()).toBe("/share/site.png");
  });
});
