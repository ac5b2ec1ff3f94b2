import { z } from "astro/zod";
import { describe, expect, test } from "vitest";
import { withHeroImage } from "../../src/lib/schema";

describe("withHeroImage", () => {
  const shared = z.strictObject({
    title: z.string(),
    hero: z.strictObject({ src: z.string(), alt: z.string() }).optional(),
  });
  // A stand-in for Astro's image(): it resolves the path, or fails for a missing file.
  const image = z.string().transform((path, ctx) => {
    if (path.includes("missing")) {
      ctx.addIssue({ code: "custom", message: `Image ${path} does not exist` });
      return z.NEVER;
    }
    return { resolved: path };
  });
  const schema = withHeroImage(shared, image);

  test("reads the hero picture with the entry's image()", async () => {
    const post = await schema.parseAsync({ title: "A", hero: { src: "./a.png", alt: "Two boxes" } });
    expect(post).toEqual({ title: "A", hero: { src: { resolved: "./a.png" }, alt: "Two boxes" } });
  });

  test("leaves a post without a hero as the shared schema read it", async () => {
    expect(await schema.parseAsync({ title: "A" })).toEqual({ title: "A" });
  });

  test("reports a picture image() cannot read at hero.src", async () => {
    const result = await schema.safeParseAsync({ title: "A", hero: { src: "./missing.png", alt: "Two boxes" } });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map(({ path, message }) => ({ path, message }))).toEqual([
      { path: ["hero", "src"], message: "Image ./missing.png does not exist" },
    ]);
  });

  test("the shared schema's own rules still apply", async () => {
    const result = await schema.safeParseAsync({ title: "A", hero: { src: "./a.png" } });
    expect(result.error?.issues[0]?.path).toEqual(["hero", "alt"]);
  });
});
