import { describe, expect, test } from "vitest";
import { shownAliases } from "../../src/lib/glossary";
import { glossaryRecords } from "../../src/lib/search-records";

describe("shownAliases", () => {
  const original = { term: "Outpatient care", aliases: ["outpatient", "ambulatory care"] };

  test("a translation shows its own names, not the accentless spellings and English words kept for search", () => {
    const entry = {
      term: "Atención ambulatoria",
      aliases: [
        "atencion ambulatoria",
        "ambulatorio",
        "consulta externa",
        "outpatient care",
        "Outpatient",
        "ambulatory care",
      ],
    };
    expect(shownAliases(entry, original)).toEqual(["ambulatorio", "consulta externa"]);
  });

  test("an alias that differs from an earlier one only by its accents is shown once, as first written", () => {
    expect(shownAliases({ term: "Placebo", aliases: ["pastilla de azúcar", "pastilla de azucar"] })).toEqual([
      "pastilla de azúcar",
    ]);
  });

  test("an English entry shows every alias that is a name of its own", () => {
    expect(shownAliases(original)).toEqual(["outpatient", "ambulatory care"]);
  });
});

describe("glossary search records", () => {
  test("a Spanish entry's result text lists the names readers use, as the glossary page does", () => {
    const entry = {
      id: "outpatient-care",
      data: {
        term: "Atención ambulatoria",
        definition: "Atención médica sin pasar la noche en un hospital.",
        aliases: ["atencion ambulatoria", "consulta externa", "outpatient care"],
      },
    };
    const originals = new Map([["outpatient-care", { term: "Outpatient care", aliases: ["outpatient"] }]]);
    const text = { title: "Glosario", description: "", lead: "", aToZ: "", alsoCalled: "También se llama:" };
    const [, record] = glossaryRecords([entry], "es", text, originals);
    expect(record!.content).toBe(
      "Atención ambulatoria. Atención médica sin pasar la noche en un hospital. También se llama: consulta externa.",
    );
  });
});
