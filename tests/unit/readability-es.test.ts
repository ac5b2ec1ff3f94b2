/**
 * Spanish readability (src/lib/readability.ts): a syllable counter that follows Spanish spelling
 * (diphthongs, hiatus, silent u, y as a vowel), the Szigriszt-Pazos score on the INFLESZ scale,
 * and sentences that do not end at "EE. UU.".
 */
import { describe, expect, test } from "vitest";
import {
  fleschReadingEase,
  infleszBand,
  longSentences,
  readingStats,
  spanishReadingStats,
  spanishSyllables,
} from "../../src/lib/readability";

describe("spanishSyllables", () => {
  const words: Record<string, number> = {
    // one vowel group, one syllable: diphthongs and triphthongs
    cuál: 1,
    muy: 1,
    hoy: 1,
    y: 1,
    ciudad: 2,
    biopsia: 2,
    cuidado: 3,
    tiene: 2,
    radioterapia: 5,
    Paraguay: 3,
    guau: 1,
    // hiatus: two open vowels, or a stressed í or ú
    leer: 2,
    poeta: 3,
    aéreo: 4,
    día: 2,
    país: 2,
    reír: 2,
    oncología: 5,
    quirúrgica: 4,
    // silent u in que/qui/gue/gui; ü is said
    que: 1,
    guerra: 2,
    aguante: 3,
    pingüino: 3,
    averigüéis: 4,
    // y before a vowel is a consonant; h between vowels does not part them
    mayo: 2,
    ahora: 3,
    búho: 2,
    alcohol: 3,
    // everyday words of these pages
    cáncer: 2,
    médico: 3,
    patólogo: 4,
    segunda: 3,
    opinión: 3,
    atención: 3,
    seguro: 3,
  };
  for (const [word, count] of Object.entries(words)) {
    test(`${word}: ${count}`, () => expect(spanishSyllables(word)).toBe(count));
  }
  test("a number counts as one syllable, an empty string as none", () => {
    expect(spanishSyllables("2026")).toBe(1);
    expect(spanishSyllables("")).toBe(0);
  });
});

describe("spanishReadingStats", () => {
  test("Szigriszt-Pazos: 206.835 - 62.3 x syllables/words - words/sentences, with its INFLESZ band", () => {
    // 6 words, 1 sentence, 12 syllables: la (1) biop-sia (2) se (1) man-da (2) al (1) la-bo-ra-to-rio (5)
    const stats = spanishReadingStats(["La biopsia se manda al laboratorio."]);
    expect(stats).toMatchObject({ words: 6, sentences: 1, syllables: 12 });
    expect(stats.ease).toBeCloseTo(206.835 - 62.3 * (12 / 6) - 6, 1);
    expect(stats.band).toBe(infleszBand(stats.ease));
  });

  test("INFLESZ bands", () => {
    expect([85, 70, 60, 45, 20].map(infleszBand)).toEqual([
      "muy fácil",
      "bastante fácil",
      "normal",
      "algo difícil",
      "muy difícil",
    ]);
  });

  test('"EE. UU." and "Dr." do not end a sentence', () => {
    expect(spanishReadingStats(["Vive en EE. UU. y tiene Medicare. Llame al Dr. Pérez el lunes."]).sentences).toBe(2);
  });

  test("shorter sentences and shorter words read easier", () => {
    const hard = spanishReadingStats([
      "La administración hospitalaria interdisciplinaria proporcionará documentación complementaria relacionada con su tratamiento oncológico personalizado.",
    ]);
    const easy = spanishReadingStats(["El hospital le dará sus papeles. Pídalos. Son suyos."]);
    expect(easy.ease).toBeGreaterThan(hard.ease);
  });
});

describe("long Spanish sentences", () => {
  test("more than 25 words is long; an abbreviation's stop does not cut the sentence, and the quote keeps it", () => {
    const sentence = `El Departamento de Salud de EE. UU. dice ${Array.from({ length: 20 }, () => "algo").join(" ")}.`;
    const [long] = longSentences([sentence], 25, "es");
    expect(long?.words).toBe(28);
    expect(long?.sentence).toContain("EE. UU.");
  });
});

test("fleschReadingEase matches Flesch's formula on the English counts", () => {
  const stats = readingStats(["The doctor reads the report. Then she calls you."]);
  expect(fleschReadingEase(stats)).toBeCloseTo(
    206.835 - 1.015 * (stats.words / stats.sentences) - 84.6 * (stats.syllables / stats.words),
    1,
  );
});
