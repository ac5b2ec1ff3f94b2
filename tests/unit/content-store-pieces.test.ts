/**
 * The content store's module in pieces (src/integrations/content-store-pieces.ts): the module
 * gives the same store, whatever the text holds where it is cut, and code of another shape is
 * left alone.
 */
import { describe, expect, test } from "vitest";
import { storeInPieces } from "../../src/integrations/content-store-pieces";

/** What the module's code gives when it runs. */
const run = (code: string): unknown => new Function(`return ${code.replace(/^export default /, "")}`)();
const astroModule = (store: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(store))})`;

describe("the content store in pieces", () => {
  test("gives the same store, with escapes, quotes, accents and emoji at every cut", () => {
    const text = 'Una "cita", una línea\nnueva, \\u0041 escrita, \u2028 y 🙂 (¿sí?) \\\\ ';
    const store = [["articles", Array.from({ length: 40 }, (_, index) => ({ id: index, html: text.repeat(index) }))]];
    const code = astroModule(store);
    for (const length of [7, 8, 9, 10, 11, 64, 1000]) {
      const pieces = storeInPieces(code, length);
      expect(pieces, `pieces of ${length}`).toBeDefined();
      expect(pieces!.split("\n").length).toBeGreaterThan(code.length / (length * 3));
      expect(run(pieces!), `pieces of ${length}`).toEqual(store);
    }
  });

  test("leaves a small store, and code of another shape, as they are", () => {
    expect(storeInPieces(astroModule({ a: 1 }), 1000)).toBeUndefined();
    expect(storeInPieces("export default new Map()", 4)).toBeUndefined();
    expect(storeInPieces('export default JSON.parse(["a","b"].join(""))', 4)).toBeUndefined();
  });
});
