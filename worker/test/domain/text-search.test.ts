import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { customerSearchText, foldForSearch } from "../../src/domain/text-search";

describe("search folding", () => {
  it.each([
    ["Müller", "mueller"],
    ["Weiß", "weiss"],
    ["Ayşe Özdemir", "ayse oezdemir"],
    ["  JÜRGEN   Hä ", "juergen hae"],
    ["Chloé", "chloe"],
  ])("folds %j to %j", (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });

  it("makes a customer findable by every spelling of an umlaut", () => {
    const stored = customerSearchText({ name: "Jürgen Müller" });
    // The search route matches every folded term of the query as a substring of the stored text.
    for (const query of ["müller", "mueller", "muller", "MÜLLER", "jürgen mü", "jurgen"]) {
      for (const term of foldForSearch(query).split(" ")) expect(stored, query).toContain(term);
    }
  });

  it("folding is idempotent and never produces upper case or runs of spaces", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        const once = foldForSearch(text);
        expect(foldForSearch(once)).toBe(once);
        expect(once).toBe(once.toLowerCase());
        expect(once).not.toMatch(/\s{2,}/);
      }),
    );
  });
});
