/**
 * Share images (Open Graph / Twitter cards): one 1200x630 PNG per published post and one for the
 * site, made at build time from local fonts only (no network), and cached between builds.
 *
 * The card is laid out here (`cardLayout`: label, title lines, tagline, rule, footer) and painted
 * with Skia through @napi-rs/canvas; a palette PNG is written from its pixels here. A card still
 * costs more than rendering its page (3-4 ms), so a card's PNG is kept under
 * `<cacheDir>/share-images/<key>.png`, `key` being a hash of what is drawn: the card's text, the
 * template version and the fonts. Change the design? Bump `TEMPLATE_VERSION`, and every card is
 * drawn anew on the next build.
 */
import { createHash } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { statSync } from "node:fs";
import { createRequire } from "node:module";
import { constants as zlibConstants, crc32, deflateSync } from "node:zlib";
import { dirname, join, resolve } from "node:path";
import { cacheDir as astroCacheDir } from "./paths.ts";

/** Bump when the design below changes, so cached PNGs of the old design are not reused. */
export const TEMPLATE_VERSION = 3;

export const SHARE_IMAGE_WIDTH = 1200;
export const SHARE_IMAGE_HEIGHT = 630;

/** What one card shows. Everything here goes into the cache key. */
export interface ShareCard {
  /** The page title (or the site name, for the site card). */
  title: string;
  /** Small label above the title; none on the site card. */
  kind?: string | undefined;
  /** A line under the title: the site's tagline on the site card; posts leave it out. */
  description?: string | undefined;
  /** `site.name`, shown in the footer. */
  siteName: string;
  /** `site.organization.name`, shown in the footer. */
  organizationName: string;
}

export interface RenderOptions {
  /**
   * Folder that holds `share-images/`. Default: `ASTRO_CACHE_DIR` or `.astro`, from the working
   * directory (the same folder Astro uses as its cacheDir). `false` renders without the cache.
   */
  cacheDir?: string | false;
  /** Draws the PNG on a cache miss (tests pass a spy; the default is `renderUncached`). */
  renderer?: (card: ShareCard) => Promise<Uint8Array<ArrayBuffer>>;
}

// ---------------------------------------------------------------------------------------------
// Fonts: the installed @fontsource package's files (woff). Each file is a family of its own, under
// a name none of them has inside: Skia picked one face for every weight when two weights shared a
// name, and passed over a name the files also carry. A font lists the Latin file, then the Latin
// Extended one for the letters it lacks (e.g. "Ő").

const FONT_FILES = [
  { file: "atkinson-hyperlegible-latin-700-normal.woff", family: "Share Card Bold" },
  { file: "atkinson-hyperlegible-latin-ext-700-normal.woff", family: "Share Card Bold Ext" },
  { file: "atkinson-hyperlegible-latin-400-normal.woff", family: "Share Card Regular" },
  { file: "atkinson-hyperlegible-latin-ext-400-normal.woff", family: "Share Card Regular Ext" },
] as const;
/** The families of each weight, as a CSS font-family list. */
const FAMILIES = {
  700: `'${FONT_FILES[0].family}', '${FONT_FILES[1].family}'`,
  400: `'${FONT_FILES[2].family}', '${FONT_FILES[3].family}'`,
} as const;
/** The font's ascender and descender (hhea, per em): a line of `line-height: normal` is their sum. */
const ASCENT = 0.95;
const DESCENT = 0.29;

function fontDir(): string {
  try {
    // Resolves from this module, wherever the build bundled it to.
    const require = createRequire(import.meta.url);
    return dirname(require.resolve("@fontsource/atkinson-hyperlegible/files/" + FONT_FILES[0].file));
  } catch {
    return resolve(process.cwd(), "node_modules/@fontsource/atkinson-hyperlegible/files");
  }
}

let fontFingerprint: string | undefined;
/** File sizes of the fonts: a new font version changes them, and so the cache key. */
function fontsKey(): string {
  if (fontFingerprint === undefined) {
    const dir = fontDir();
    fontFingerprint = FONT_FILES.map(({ file }) => `${file}:${statSync(join(dir, file)).size}`).join(",");
  }
  return fontFingerprint;
}

// ---------------------------------------------------------------------------------------------
// Design: the brand teal of src/styles/tokens.css behind white text (7.6:1, WCAG AAA), a white
// label with the kind in teal, the title in big bold Atkinson Hyperlegible (up to 3 lines, then
// an ellipsis), and "City of Hope · Patient Guides" under a rule at the bottom.

const BRAND = "#0b5e5e";
const ON_BRAND = "#ffffff";
const ON_BRAND_MUTED = "#d4ebeb"; // 6.1:1 on BRAND
const LABEL_BG = "#ffffff";
const DIVIDER = "#6fa9a9"; // decorative only

const PADDING = { top: 72, side: 88, bottom: 56 };
const TEXT_WIDTH = SHARE_IMAGE_WIDTH - 2 * PADDING.side;
const LABEL = { size: 30, letterSpacing: 1, padX: 18, padY: 6, radius: 8, gapBelow: 36 };
const TITLE_LINE_HEIGHT = 1.15;
const TAGLINE = { size: 36, lineHeight: 1.35, gapAbove: 28 };
const RULE = { height: 3, gapBelow: 24 };
const FOOTER_SIZE = 32;
const MAX_LINES = 3;
const ELLIPSIS = "…";

/** Title size: big for short titles, smaller for long ones, so most fit in two or three lines. */
function titleSize(title: string): number {
  const n = title.length;
  if (n <= 30) return 80;
  if (n <= 60) return 68;
  return 60;
}

/** The card's CSS font for a size and weight (exported for tests). */
export const cardFont = (size: number, weight: 400 | 700 = 700) => `${weight} ${size}px ${FAMILIES[weight]}`;
const normalLineHeight = (size: number) => size * (ASCENT + DESCENT);

/** Width of `text` in the given font: the canvas's, or a stand-in in tests. */
export type Measure = (text: string, font: string, letterSpacing?: number) => number;

/** A run of text to paint: its font, colour, left edge and baseline. */
export interface TextRun {
  text: string;
  font: string;
  colour: string;
  x: number;
  baseline: number;
  letterSpacing?: number;
}

/** Where everything on a card goes (exported for tests). */
export interface CardLayout {
  label?: { x: number; y: number; width: number; height: number } | undefined;
  /** The rule above the footer. */
  rule: { x: number; y: number; width: number; height: number };
  text: TextRun[];
}

/**
 * Greedy word wrapping within `width`, at most `MAX_LINES` lines: the last line kept ends in an
 * ellipsis when text was left out. A word longer than a line is broken between letters.
 */
export function wrapLines(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = "";
  const words = text.split(/\s+/).filter(Boolean);
  for (let at = 0; at < words.length; at++) {
    let word = words[at]!;
    const tried = line ? `${line} ${word}` : word;
    if (measure(tried) <= width) {
      line = tried;
      continue;
    }
    if (line) {
      lines.push(line);
      line = "";
    }
    // A word too long for a line of its own: as many letters as fit, the rest on the next line.
    while (measure(word) > width) {
      let fit = word.length - 1;
      while (fit > 1 && measure(word.slice(0, fit)) > width) fit--;
      lines.push(word.slice(0, fit));
      word = word.slice(fit);
    }
    line = word;
  }
  if (line) lines.push(line);
  if (lines.length <= MAX_LINES) return lines;
  // Clamped: the last kept line gives up words (or letters) until it and the ellipsis fit.
  let last = lines[MAX_LINES - 1]!;
  while (last.length > 0 && measure(last + ELLIPSIS) > width) {
    const space = last.lastIndexOf(" ");
    last = space > 0 ? last.slice(0, space) : last.slice(0, -1);
  }
  return [...lines.slice(0, MAX_LINES - 1), last.replace(/[\s,.;:]+$/, "") + ELLIPSIS];
}

/** The baseline of text in a line box: the box's leading split above and below, as in CSS. */
const baselineIn = (top: number, lineHeight: number, size: number) =>
  top + (lineHeight - normalLineHeight(size)) / 2 + size * ASCENT;

/**
 * The card laid out as a CSS column: label, title and tagline centred in the space above the
 * rule, and the footer at the bottom.
 */
export function cardLayout(card: ShareCard, measure: Measure): CardLayout {
  const x = PADDING.side;
  const footerHeight = normalLineHeight(FOOTER_SIZE);
  const footerTop = Math.round(SHARE_IMAGE_HEIGHT - PADDING.bottom - footerHeight);
  const ruleTop = footerTop - RULE.gapBelow - RULE.height;
  const text: TextRun[] = [];

  const labelText = card.kind?.toUpperCase();
  const labelHeight = Math.round(normalLineHeight(LABEL.size) + 2 * LABEL.padY);
  const size = titleSize(card.title);
  const titleFont = cardFont(size);
  const titleLines = wrapLines(card.title, TEXT_WIDTH, (line) => measure(line, titleFont));
  const titleLineHeight = size * TITLE_LINE_HEIGHT;
  const taglineFont = cardFont(TAGLINE.size, 400);
  const taglineLines = card.description
    ? wrapLines(card.description, TEXT_WIDTH, (line) => measure(line, taglineFont))
    : [];
  const taglineLineHeight = TAGLINE.size * TAGLINE.lineHeight;
  const height =
    (labelText ? labelHeight + LABEL.gapBelow : 0) +
    titleLines.length * titleLineHeight +
    (taglineLines.length ? TAGLINE.gapAbove + taglineLines.length * taglineLineHeight : 0);
  // Boxes on whole pixels, as a browser places them: crisp edges, and fewer shades to store.
  let y = Math.round(PADDING.top + (ruleTop - PADDING.top - height) / 2);

  let label: CardLayout["label"];
  if (labelText) {
    const labelFont = cardFont(LABEL.size);
    const width = Math.round(measure(labelText, labelFont, LABEL.letterSpacing) + 2 * LABEL.padX);
    label = { x, y, width, height: labelHeight };
    text.push({
      text: labelText,
      font: labelFont,
      colour: BRAND,
      x: x + LABEL.padX,
      baseline: y + LABEL.padY + LABEL.size * ASCENT,
      letterSpacing: LABEL.letterSpacing,
    });
    y += labelHeight + LABEL.gapBelow;
  }
  for (const line of titleLines) {
    text.push({ text: line, font: titleFont, colour: ON_BRAND, x, baseline: baselineIn(y, titleLineHeight, size) });
    y += titleLineHeight;
  }
  if (taglineLines.length) y += TAGLINE.gapAbove;
  for (const line of taglineLines) {
    text.push({
      text: line,
      font: taglineFont,
      colour: ON_BRAND_MUTED,
      x,
      baseline: baselineIn(y, taglineLineHeight, TAGLINE.size),
    });
    y += taglineLineHeight;
  }
  text.push({
    text: `${card.organizationName} · ${card.siteName}`,
    font: cardFont(FOOTER_SIZE),
    colour: ON_BRAND,
    x,
    baseline: footerTop + FOOTER_SIZE * ASCENT,
  });
  return { label, rule: { x, y: ruleTop, width: TEXT_WIDTH, height: RULE.height }, text };
}

type Context = import("@napi-rs/canvas").SKRSContext2D;

/**
 * A thread's canvas, and the last card's pixels kept from card to card: only the rows a card
 * painted on are read back from the canvas, after the rows the last card painted on are put back
 * to the background. Reading the whole card back took 2.1 ms of a card's 4.5; this way a card
 * takes 3.4 ms instead of 4.1, and the PNGs are the same (977 cards: every title of our pages and
 * of 1,000 generated ones, as articles and as Spanish guides, and titles of accents, descenders
 * and 200 letters).
 */
interface Painter {
  context: Context;
  pixels: Uint8Array;
  /** One row of the background. */
  background: Uint8Array;
  /** The rows the last card painted on. */
  painted: RowSpans;
  /** The font and letter spacing last set on the context, as set. */
  font: string;
  letterSpacing: string;
}

let painter: Promise<Painter> | undefined;

/**
 * One canvas per thread, drawn over for each card. Loaded only to draw: a build whose cards are
 * all cached never loads Skia.
 */
const canvasForCards = () =>
  (painter ??= (async () => {
    const { createCanvas, GlobalFonts } = await import("@napi-rs/canvas");
    // Fonts are global to the process: a second worker finds them registered.
    const dir = fontDir();
    for (const { file, family } of FONT_FILES)
      if (!GlobalFonts.has(family)) GlobalFonts.registerFromPath(join(dir, file), family);
    const context = createCanvas(SHARE_IMAGE_WIDTH, SHARE_IMAGE_HEIGHT).getContext("2d");
    // Not the host's language: the same text shapes the same on every machine.
    context.lang = "en";
    // The background alone, read once: the canvas filled with it, as every card starts.
    context.fillStyle = BRAND;
    context.fillRect(0, 0, SHARE_IMAGE_WIDTH, SHARE_IMAGE_HEIGHT);
    const pixels = readRows(context, 0, SHARE_IMAGE_HEIGHT).slice();
    const { font, letterSpacing } = context;
    return { context, pixels, background: pixels.slice(0, ROW_BYTES), painted: [], font, letterSpacing };
  })());

/** A drawn card: its RGBA pixels. */
export interface CardImage {
  pixels: Uint8Array;
  width: number;
  height: number;
}

/**
 * Sets the context's font and letter spacing, only when they change (each set costs a font
 * lookup). What was set is kept here: the context gives its font back in its own spelling, so
 * comparing with that set the font again on every measure.
 */
function useFont(painter: Painter, font: string, letterSpacing = 0): void {
  if (painter.font !== font) painter.context.font = painter.font = font;
  const spacing = `${letterSpacing}px`;
  if (painter.letterSpacing !== spacing) painter.context.letterSpacing = painter.letterSpacing = spacing;
}

/** Rows of a card as [top, bottom) spans, top to bottom. */
type RowSpans = Array<[number, number]>;

/**
 * Paints the card on the canvas: from here to the pixels' copy, nothing else can draw on it.
 * Returns the rows it painted on: every other row is the background.
 */
function paint(card: ShareCard, painter: Painter): RowSpans {
  const { context } = painter;
  const layout = cardLayout(card, (text, font, letterSpacing) => {
    useFont(painter, font, letterSpacing);
    return context.measureText(text).width;
  });
  const inked: RowSpans = [];
  context.fillStyle = BRAND;
  context.fillRect(0, 0, SHARE_IMAGE_WIDTH, SHARE_IMAGE_HEIGHT);
  if (layout.label) {
    const { x, y, width, height } = layout.label;
    context.fillStyle = LABEL_BG;
    context.beginPath();
    context.roundRect(x, y, width, height, LABEL.radius);
    context.fill();
    inked.push([y, y + height]);
  }
  context.fillStyle = DIVIDER;
  context.fillRect(layout.rule.x, layout.rule.y, layout.rule.width, layout.rule.height);
  inked.push([layout.rule.y, layout.rule.y + layout.rule.height]);
  for (const run of layout.text) {
    useFont(painter, run.font, run.letterSpacing);
    context.fillStyle = run.colour;
    context.fillText(run.text, run.x, run.baseline);
    // The run's ink, from its glyphs' outlines (accents and descenders included).
    const ink = context.measureText(run.text);
    inked.push([run.baseline - ink.actualBoundingBoxAscent, run.baseline + ink.actualBoundingBoxDescent]);
  }
  return wholeRows(inked);
}

/** Rows of anti-aliasing kept around each painted shape. */
const EDGE_ROWS = 2;

/** Spans widened to whole rows (and EDGE_ROWS) inside the card, sorted, and merged where they meet. */
function wholeRows(spans: RowSpans): RowSpans {
  const rows = spans
    .map(([top, bottom]): [number, number] => [
      Math.max(0, Math.floor(top) - EDGE_ROWS),
      Math.min(SHARE_IMAGE_HEIGHT, Math.ceil(bottom) + EDGE_ROWS),
    ])
    .sort(([a], [b]) => a - b);
  const merged: RowSpans = [];
  for (const span of rows) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push(span);
  }
  return merged;
}

const ROW_BYTES = SHARE_IMAGE_WIDTH * 4;

function readRows(context: Context, top: number, bottom: number): Uint8Array {
  const { data } = context.getImageData(0, top, SHARE_IMAGE_WIDTH, bottom - top);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

/** The card's RGBA pixels, in the buffer its thread reuses for the next card. */
function pixelsOf(painter: Painter, painted: RowSpans): Uint8Array {
  const { context, pixels, background } = painter;
  for (const [top, bottom] of painter.painted)
    for (let row = top; row < bottom; row++) pixels.set(background, row * ROW_BYTES);
  for (const [top, bottom] of painted) pixels.set(readRows(context, top, bottom), top * ROW_BYTES);
  painter.painted = painted;
  return pixels;
}

/** The card's pixels (tests look at them). */
export async function drawCard(card: ShareCard): Promise<CardImage> {
  const painter = await canvasForCards();
  const painted = paint(card, painter);
  return { pixels: pixelsOf(painter, painted).slice(), width: SHARE_IMAGE_WIDTH, height: SHARE_IMAGE_HEIGHT };
}

/** Draws the card, without the cache. */
export async function renderUncached(card: ShareCard): Promise<Uint8Array<ArrayBuffer>> {
  const painter = await canvasForCards();
  const painted = paint(card, painter);
  // Skia's own PNG encoder took about 20 ms a card, ten times the drawing. A flat card has few
  // colours: a palette PNG written here is exact, smaller, and faster than sharp's palette PNG
  // (scripts/bench/png-encoders.ts measures both). Big titles anti-alias into more than 256
  // shades; those cards are written as RGB, as exactly.
  const pixels = pixelsOf(painter, painted);
  return (
    encodePalettePng(pixels, SHARE_IMAGE_WIDTH, SHARE_IMAGE_HEIGHT, painted) ??
    encodeTruecolourPng(pixels, SHARE_IMAGE_WIDTH, SHARE_IMAGE_HEIGHT)
  );
}

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
/** PNG colour types. */
const RGB = 2;
const PALETTE = 3;

function pngChunk(type: string, data: Buffer): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** An 8-bit PNG: its header, the palette (for `PALETTE`), the deflated rows and the end. */
function pngFile(
  width: number,
  height: number,
  colourType: typeof RGB | typeof PALETTE,
  pixelData: Buffer,
  palette?: Buffer,
): Buffer<ArrayBuffer> {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = colourType;
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk("IHDR", header),
    ...(palette ? [pngChunk("PLTE", palette)] : []),
    pngChunk("IDAT", pixelData),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/**
 * The palette encoder's row buffer, kept for the next image of the same size: deflate has read it
 * by the time the encoder returns, and a new 756 KB buffer a card was touched page by page for the
 * first time (page faults: copying a row into it took 244 ms of 977 cards' CPU profile instead of 100).
 */
let rowScratch: Buffer<ArrayBuffer> | undefined;
const scratchRows = (size: number): Buffer<ArrayBuffer> =>
  rowScratch?.length === size ? rowScratch : (rowScratch = Buffer.allocUnsafe(size));

/**
 * An 8-bit palette PNG of opaque RGBA pixels, or undefined when the image has more than 256
 * colours or any transparency (the caller then writes it as RGB: encodeTruecolourPng). Lossless either way.
 * `painted`, when given: the only rows that may differ from a background of one flat row, so a
 * row outside them under another such row is known to be the same as the one above (comparing
 * every row with the one above took 266 ms of 1,026 cards' 4.5 s of CPU profile).
 */
export function encodePalettePng(
  rgba: Uint8Array,
  width: number,
  height: number,
  painted?: ReadonlyArray<readonly [number, number]>,
): Buffer<ArrayBuffer> | undefined {
  const rowBytes = width * 4;
  if (rgba.byteOffset % 4 !== 0) rgba = rgba.slice(); // a Uint32Array view needs alignment
  const words = new Uint32Array(rgba.buffer, rgba.byteOffset, rgba.length >> 2);
  const bytes = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.length);
  const palette = new Map<number, number>();
  const plte: number[] = [];
  // Every byte is written below: each row's filter byte, then its indices.
  const rows = scratchRows((width + 1) * height);
  // Text edges are short runs of a few dozen shades, mostly one pixel long: a small cache in
  // front of the Map, by a hash of the colour, saves most lookups (the same bytes, 0.3 ms a card).
  const recentColours = new Uint32Array(1024);
  const recentIndices = new Int16Array(1024).fill(-1);
  // 1 for a row known to be the background.
  const backgroundRow = new Uint8Array(height).fill(painted ? 1 : 0);
  for (const [top, bottom] of painted ?? []) backgroundRow.fill(0, top, bottom);
  for (let y = 0; y < height; y++) {
    const first = y * width;
    const at = first * 4;
    const rowStart = y * (width + 1);
    rows[rowStart] = 0; // filter: none
    // A card is mostly flat colour: a row like the one above gets the same indices, copied
    // natively instead of read pixel by pixel (the same bytes, about a quarter less time; spans
    // shorter than a row measured slower).
    const sameAsAbove =
      y > 0 &&
      ((backgroundRow[y] === 1 && backgroundRow[y - 1] === 1) ||
        bytes.compare(bytes, at - rowBytes, at, at, at + rowBytes) === 0);
    if (sameAsAbove) {
      rows.copy(rows, rowStart + 1, rowStart - width, rowStart);
      continue;
    }
    // Other rows run by run: a run of one colour is found, looked up once and filled natively
    // (2.1 -> 1.7 ms a card, side by side on the same 40 drawn cards; the same bytes).
    const end = first + width;
    for (let p = first; p < end; ) {
      const word = words[p]!;
      const start = p;
      while (++p < end && words[p] === word);
      const slot = (word ^ (word >>> 10) ^ (word >>> 20)) & 1023;
      let index = recentColours[slot] === word ? recentIndices[slot]! : -1;
      if (index < 0) {
        index = palette.get(word) ?? -1;
        if (index < 0) {
          const byte = start * 4;
          if (bytes[byte + 3] !== 255) return undefined;
          index = palette.size;
          if (index === 256) return undefined;
          palette.set(word, index);
          plte.push(bytes[byte]!, bytes[byte + 1]!, bytes[byte + 2]!);
        }
        recentColours[slot] = word;
        recentIndices[slot] = index;
      }
      if (p - start === 1) rows[rowStart + 1 + (start - first)] = index;
      else rows.fill(index, rowStart + 1 + (start - first), rowStart + 1 + (p - first));
    }
  }
  // Run-length deflate: the card is long runs of one colour, and RLE is the fastest strategy.
  const pixelData = deflateSync(rows, { level: 6, strategy: zlibConstants.Z_RLE });
  return pngFile(width, height, PALETTE, pixelData, Buffer.from(plte));
}

/**
 * An RGB PNG of opaque RGBA pixels, for cards with more colours than a palette holds. A row like
 * the one above is written as all zeros (filter Up), any other as each pixel's difference from
 * the one to its left (filter Sub): flat colour is runs of zeros.
 */
export function encodeTruecolourPng(rgba: Uint8Array, width: number, height: number): Buffer<ArrayBuffer> {
  const rowBytes = width * 4;
  const stride = width * 3 + 1;
  const pixels = Buffer.from(rgba.buffer, rgba.byteOffset, rgba.length);
  const rows = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const at = y * rowBytes;
    const out = y * stride;
    if (y > 0 && pixels.compare(pixels, at - rowBytes, at, at, at + rowBytes) === 0) {
      rows[out] = 2; // Up: the zeros are there already
      continue;
    }
    rows[out] = 1; // Sub
    for (let x = 0, from = at, to = out + 1; x < width; x++, from += 4, to += 3) {
      const left = x === 0 ? -1 : from - 4; // the pixel to the left; none (zeros) at the edge
      rows[to] = pixels[from]! - (left < 0 ? 0 : pixels[left]!);
      rows[to + 1] = pixels[from + 1]! - (left < 0 ? 0 : pixels[left + 1]!);
      rows[to + 2] = pixels[from + 2]! - (left < 0 ? 0 : pixels[left + 2]!);
    }
  }
  // Zlib's default strategy: rows of text in RGB have repeats that run-length coding misses
  // (the site card: 41 KB instead of 71 KB, in 6 ms instead of 2; few cards need RGB).
  return pngFile(width, height, RGB, deflateSync(rows, { level: 6 }));
}

// ---------------------------------------------------------------------------------------------
// Cache.

/** Hash of everything that decides the card's pixels. */
export function cacheKey(card: ShareCard): string {
  const fields = [card.title, card.kind ?? "", card.description ?? "", card.siteName, card.organizationName];
  return createHash("sha256")
    .update(JSON.stringify({ v: TEMPLATE_VERSION, fonts: fontsKey(), fields }))
    .digest("hex");
}

/** Path of a card's cached PNG. */
export const cachePath = (card: ShareCard, cacheDir: string = astroCacheDir()): string =>
  join(cacheDir, "share-images", `${cacheKey(card)}.png`);

/** The card as a PNG: from the cache when drawn before, else drawn now and cached. */
export async function renderShareImage(card: ShareCard, options: RenderOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const render = options.renderer ?? renderUncached;
  const cacheDir = options.cacheDir ?? astroCacheDir();
  if (cacheDir === false) return render(card);
  try {
    return await readFile(cachePath(card, cacheDir));
  } catch {
    // Not cached yet.
  }
  return drawIntoCache(card, cacheDir, render);
}

/**
 * Draws the card and keeps its PNG in the cache, without looking there first: the build's card
 * threads are given only the cards it did not find there.
 */
export async function drawIntoCache(
  card: ShareCard,
  cacheDir: string,
  render: NonNullable<RenderOptions["renderer"]> = renderUncached,
): Promise<Uint8Array<ArrayBuffer>> {
  const file = cachePath(card, cacheDir);
  const png = await render(card);
  try {
    // Write then rename, so a build that stops halfway, or runs beside another, never leaves a
    // half-written PNG under the final name.
    const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    // The folder is made when a write finds it missing, not before every card.
    await writeFile(tmp, png).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code !== "ENOENT") throw error;
      await mkdir(dirname(file), { recursive: true });
      await writeFile(tmp, png);
    });
    await rename(tmp, file);
  } catch {
    // A cache we can't write only costs time on the next build.
  }
  return png;
}
