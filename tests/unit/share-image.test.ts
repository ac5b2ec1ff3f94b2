import { sharePath } from "../../src/lib/urls";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { afterAll, afterEach, describe, expect, test, vi } from "vitest";
import {
  cacheKey,
  cachePath,
  cardFont,
  cardLayout,
  drawCard,
  encodePalettePng,
  encodeTruecolourPng,
  renderShareImage,
  renderUncached,
  SHARE_IMAGE_HEIGHT,
  SHARE_IMAGE_WIDTH,
  wrapLines,
  type Measure,
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

describe("cardLayout", () => {
  // A stand-in for the font: every character half as wide as the font is big.
  const size = (font: string) => Number(/(\d+)px/.exec(font)![1]);
  const measure: Measure = (text, font, spacing = 0) => text.length * (size(font) / 2 + spacing);
  const width = (line: string) => line.length * 10;

  test("wraps at spaces, greedily, within the width", () => {
    expect(wrapLines("aaa bbb ccc ddd", 70, width)).toEqual(["aaa bbb", "ccc ddd"]);
    expect(wrapLines("  aaa   bbb  ", 70, width)).toEqual(["aaa bbb"]);
  });

  test("breaks a word longer than a line between letters", () => {
    expect(wrapLines("abcdefghij xy", 50, width)).toEqual(["abcde", "fghij", "xy"]);
  });

  test("keeps three lines, the last ending in an ellipsis that fits", () => {
    const lines = wrapLines("one two three four five six seven eight nine ten", 100, width);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/…$/);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(100);
    // Words give way to the ellipsis, and a comma left at the end goes too.
    expect(wrapLines("aaa bbb ccc ddd eee, fff ggg", 80, width)).toEqual(["aaa bbb", "ccc ddd", "eee…"]);
  });

  test("a post's card: label, title and footer inside the card, the text centred above the rule", () => {
    const layout = cardLayout(card("Questions to ask at a second-opinion visit"), measure);
    expect(layout.label).toBeDefined();
    const [label, ...rest] = layout.text;
    expect(label!.text).toBe("GUIDE");
    const footer = rest.pop()!;
    expect(footer.text).toBe(`${site.organization.name} · ${site.name.en}`);
    expect(rest.map((run) => run.text).join(" ")).toBe("Questions to ask at a second-opinion visit");
    for (const run of layout.text) {
      expect(run.x).toBeGreaterThanOrEqual(88);
      expect(run.x + measure(run.text, run.font, run.letterSpacing)).toBeLessThanOrEqual(SHARE_IMAGE_WIDTH - 88);
      expect(run.baseline).toBeLessThan(SHARE_IMAGE_HEIGHT - 56);
    }
    // The space above the label and below the title are equal (within a pixel of rounding).
    const above = layout.label!.y - 72;
    const titleBottom = rest.at(-1)!.baseline - size(rest[0]!.font) * 0.95 + size(rest[0]!.font) * 1.15;
    expect(Math.abs(above - (layout.rule.y - titleBottom))).toBeLessThan(8);
    expect(footer.baseline).toBeGreaterThan(layout.rule.y);
  });

  test("the site card has no label and a tagline under the title", () => {
    const layout = cardLayout(
      {
        title: site.name.es,
        description: site.tagline.es,
        siteName: site.name.es,
        organizationName: site.organization.name,
      },
      measure,
    );
    expect(layout.label).toBeUndefined();
    expect(layout.text[0]!.text).toBe(site.name.es);
    const tagline = layout.text.slice(1, -1);
    expect(tagline.map((run) => run.text).join(" ")).toBe(site.tagline.es);
    expect(new Set(tagline.map((run) => run.colour)).size).toBe(1);
    expect(tagline[0]!.colour).not.toBe(layout.text[0]!.colour);
  });
});

describe("drawCard", () => {
  const colourAt = ({ pixels }: { pixels: Uint8Array }, x: number, y: number) => [
    ...pixels.subarray((y * SHARE_IMAGE_WIDTH + x) * 4, (y * SHARE_IMAGE_WIDTH + x) * 4 + 4),
  ];
  const TEAL = [11, 94, 94, 255];

  test("draws the brand background, the white label and the text, the same every time", async () => {
    const first = await drawCard(card("Biopsy", "Article"));
    const pixels = Buffer.from(first.pixels);
    expect([first.width, first.height]).toEqual([SHARE_IMAGE_WIDTH, SHARE_IMAGE_HEIGHT]);
    expect(colourAt(first, 0, 0)).toEqual(TEAL);
    expect(colourAt(first, SHARE_IMAGE_WIDTH - 1, SHARE_IMAGE_HEIGHT - 1)).toEqual(TEAL);
    const layout = cardLayout(card("Biopsy", "Article"), () => 100);
    // Inside the label's box, by its left padding: white.
    expect(colourAt(first, 95, Math.round(layout.label!.y + 4))).toEqual([255, 255, 255, 255]);
    // The title's and the footer's rows hold white ink.
    for (const run of layout.text.slice(1)) {
      const row = first.pixels.subarray(
        Math.round(run.baseline - 10) * SHARE_IMAGE_WIDTH * 4,
        Math.round(run.baseline - 9) * SHARE_IMAGE_WIDTH * 4,
      );
      expect(
        row.some((value, index) => index % 4 === 0 && value === 255),
        run.text,
      ).toBe(true);
    }
    const again = await drawCard(card("Biopsy", "Article"));
    expect(Buffer.from(again.pixels).equals(pixels)).toBe(true);
  });

  test("bold text is set in the bold face, regular text in the regular one, neither in a system font", async () => {
    await drawCard(card("Biopsy"));
    const { createCanvas } = await import("@napi-rs/canvas");
    const context = createCanvas(10, 10).getContext("2d");
    const width = (font: string) => {
      context.font = font;
      return context.measureText("Segunda opinión").width;
    };
    // The bold face is wider; a face made bold by Skia would keep the regular widths.
    expect(width(cardFont(60, 700))).toBeGreaterThan(width(cardFont(60, 400)) * 1.03);
    // A family Skia cannot find falls back to the system's font.
    for (const weight of [400, 700] as const)
      for (const system of ["serif", "sans-serif"])
        expect(width(cardFont(60, weight)), system).not.toBe(width(`${weight} 60px ${system}`));
  });

  test("letters beyond basic Latin come from the font's Latin Extended file", async () => {
    const [plain, extended] = await Promise.all([drawCard(card("O", "Guía")), drawCard(card("Ő", "Guía"))]);
    expect(Buffer.from(plain.pixels).equals(Buffer.from(extended.pixels))).toBe(false);
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

describe("encodeTruecolourPng", () => {
  test("is lossless, with rows like the one above and rows of their own", () => {
    const width = 300;
    const height = 4;
    const pixels = new Uint8Array(width * height * 4);
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++)
        pixels.set([x % 256, y === 3 ? 7 : x >> 8, (x * 3) % 256, 255], (y * width + x) * 4);
    const png = encodeTruecolourPng(pixels, width, height);
    expect(pngSize(png)).toEqual({ width, height });
    const chunks: Buffer[] = [];
    for (let at = 8; at < png.length; ) {
      const length = png.readUInt32BE(at);
      if (png.toString("latin1", at + 4, at + 8) === "IDAT") chunks.push(png.subarray(at + 8, at + 8 + length));
      at += 12 + length;
    }
    const rows = inflateSync(Buffer.concat(chunks));
    const stride = width * 3 + 1;
    const rgb = Buffer.alloc(width * 3 * height);
    for (let y = 0; y < height; y++) {
      const filter = rows[y * stride]!;
      expect([1, 2]).toContain(filter);
      for (let i = 0; i < width * 3; i++) {
        const raw = rows[y * stride + 1 + i]!;
        const left = i >= 3 ? rgb[y * width * 3 + i - 3]! : 0;
        const up = y > 0 ? rgb[(y - 1) * width * 3 + i]! : 0;
        rgb[y * width * 3 + i] = (raw + (filter === 1 ? left : up)) & 255;
      }
    }
    expect([...rgb]).toEqual([...pixels].filter((_, i) => i % 4 !== 3));
    expect([...rows.subarray(0, 4 * stride)].filter((_, i) => i % stride === 0)).toEqual([1, 2, 2, 1]);
  });
});

describe("sharePath", () => {
  test("paths of post and site images, without the base path", () => {
    expect(sharePath("articles", "getting-a-second-opinion")).toBe("/share/articles/getting-a-second-opinion.png");
    expect(sharePath("guides", "insurance")).toBe("/share/guides/insurance.png");
    expect(sharePath()).toBe("/share/site.png");
  });
});
