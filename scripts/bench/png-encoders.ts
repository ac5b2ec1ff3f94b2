/**
 * `node scripts/bench/png-encoders.ts`: the share card's PNG encoder (src/lib/share-image.ts,
 * a palette PNG written by hand) against sharp's palette PNG on the same drawn pixels: time per
 * card (median of N) and bytes, so the choice stays measured.
 */
import sharp from "sharp";
import { drawCard, encodePalettePng } from "../../src/lib/share-image.ts";

const CARDS = 20;
const REPEATS = 5;
const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

// Whole cards' pixels: both encoders get the same input.
const images: Array<{ pixels: Uint8Array; width: number; height: number }> = [];
for (let index = 0; index < CARDS; index++) {
  const title = `Getting a second opinion after a cancer diagnosis, part ${index + 1}`.slice(0, 40 + (index % 30));
  const image = await drawCard({ title, kind: "Guide", siteName: "Patient Guides", organizationName: "City of Hope" });
  images.push(image);
}

async function measure(
  name: string,
  encode: (pixels: Uint8Array, width: number, height: number) => Promise<Uint8Array>,
) {
  const times: number[] = [];
  let bytes = 0;
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    for (const image of images) {
      const started = performance.now();
      const png = await encode(image.pixels, image.width, image.height);
      times.push(performance.now() - started);
      if (repeat === 0) bytes += png.length;
    }
  }
  console.log(`${name.padEnd(28)} ${median(times).toFixed(2)} ms/card  ${Math.round(bytes / CARDS)} B/card`);
  return median(times);
}

const hand = await measure(
  "hand palette PNG (ours)",
  async (pixels, width, height) => encodePalettePng(pixels, width, height)!,
);
const lib = await measure("sharp palette PNG", (pixels, width, height) =>
  sharp(pixels, { raw: { width, height, channels: 4 } })
    .png({ palette: true, colours: 256, dither: 0, effort: 1, compressionLevel: 6 })
    .toBuffer(),
);
console.log(`sharp / ours: ${(lib / hand).toFixed(2)}x`);
