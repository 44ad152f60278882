import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MATCH_THRESHOLD, matchName, type NamedCandidate, type NameMatch } from "../../src/domain/name-match";

function catalogue(names: string[]): NamedCandidate[] {
  return names.map((name, index) => ({ id: index + 1, name }));
}

const SERVICES = catalogue([
  "Herrenhaarschnitt",
  "Damenhaarschnitt",
  "Kinderhaarschnitt",
  "Färben",
  "Strähnchen",
  "Dauerwelle",
  "Bartpflege",
  "Waschen & Föhnen",
  "Balayage",
  "Hochsteckfrisur",
  "Pediküre",
  "Augenbrauen zupfen",
]);

const STAFF = catalogue(["Anna Schmidt", "Anna Becker", "Lena Wagner", "Mehmet Yılmaz", "Jürgen Müller"]);

/** The names a result points at, so failures read as names rather than object dumps. */
function described(match: NameMatch<NamedCandidate>): { kind: string; names: string[] } {
  switch (match.kind) {
    case "exact":
    case "close":
      return { kind: match.kind, names: [match.item.name] };
    case "ambiguous":
      return { kind: match.kind, names: match.items.map((item) => item.name) };
    case "none":
      return { kind: match.kind, names: match.suggestions.map((item) => item.name) };
  }
}

function service(spoken: string) {
  return described(matchName(spoken, SERVICES, { kind: "service" }));
}

function person(spoken: string) {
  return described(matchName(spoken, STAFF, { kind: "person" }));
}

describe("matchName: services", () => {
  it.each([
    ["Herrenhaarschnitt", "Herrenhaarschnitt"],
    ["herrenhaarschnitt", "Herrenhaarschnitt"],
    ["herren haarschnitt", "Herrenhaarschnitt"],
    ["Herren-Haarschnitt", "Herrenhaarschnitt"],
    ["Damen Haarschnitt", "Damenhaarschnitt"],
    ["Straehnchen", "Strähnchen"],
    ["STRÄHNCHEN", "Strähnchen"],
    // An umlaut dropped by speech-to-text or typing is the same name, not a near miss.
    ["Farben", "Färben"],
    ["Waschen und Föhnen", "Waschen & Föhnen"],
    ["Waschen + Foehnen", "Waschen & Föhnen"],
    ["einen Herrenhaarschnitt bitte", "Herrenhaarschnitt"],
  ])("%j is exactly %j", (spoken, name) => {
    expect(service(spoken)).toEqual({ kind: "exact", names: [name] });
  });

  it.each([
    // German compounds: a shortened compound, the parts in another order, one part alone.
    ["Herrenschnitt", "Herrenhaarschnitt"],
    ["Haarschnitt Herren", "Herrenhaarschnitt"],
    ["Haarschnitt für Herren", "Herrenhaarschnitt"],
    ["Kinder", "Kinderhaarschnitt"],
    ["Bart", "Bartpflege"],
    ["Augenbrauen", "Augenbrauen zupfen"],
    ["Strähnen", "Strähnchen"],
    // Speech-to-text slips.
    ["Hochstekfrisur", "Hochsteckfrisur"],
    ["Dauerwele", "Dauerwelle"],
    ["Balajage", "Balayage"],
  ])("%j is close to %j", (spoken, name) => {
    expect(service(spoken)).toEqual({ kind: "close", names: [name] });
  });

  it("reports a close score between the threshold and 1", () => {
    const match = matchName("Herrenschnitt", SERVICES);
    expect(match.kind).toBe("close");
    if (match.kind !== "close") return;
    expect(match.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    expect(match.score).toBeLessThanOrEqual(1);
  });

  it("asks which haircut when the caller only says the shared part", () => {
    for (const spoken of ["Haarschnitt", "Schnitt", "einen Haarschnitt"]) {
      const match = service(spoken);
      expect(match.kind, spoken).toBe("ambiguous");
      expect([...match.names].sort(), spoken).toEqual([
        "Damenhaarschnitt",
        "Herrenhaarschnitt",
        "Kinderhaarschnitt",
      ]);
    }
  });

  it("asks when a word belongs to two services", () => {
    const withBoth = catalogue(["Waschen & Föhnen", "Färben & Föhnen", "Dauerwelle"]);
    const match = described(matchName("Föhnen", withBoth));
    expect(match.kind).toBe("ambiguous");
    expect([...match.names].sort()).toEqual(["Färben & Föhnen", "Waschen & Föhnen"]);
  });

  it("prefers the exact name over a longer name that contains it", () => {
    const withBoth = catalogue(["Färben & Föhnen", "Färben"]);
    expect(described(matchName("Färben", withBoth))).toEqual({ kind: "exact", names: ["Färben"] });
    expect(described(matchName("Färben", [withBoth[0]!]))).toEqual({
      kind: "close",
      names: ["Färben & Föhnen"],
    });
  });

  it("says none for a service that is not offered, suggesting the nearest", () => {
    // Shares only the ending with "Pediküre": a suggestion, not a match.
    expect(service("Maniküre")).toEqual({ kind: "none", names: ["Pediküre"] });
    expect(service("Nagelmodellage")).toEqual({ kind: "none", names: [] });
    expect(service("")).toEqual({ kind: "none", names: [] });
    expect(service(" - & ")).toEqual({ kind: "none", names: [] });
  });

  it("matches aliases like names", () => {
    const withAlias = [
      { id: 1, name: "Herrenhaarschnitt", aliases: ["Männerschnitt"] },
      { id: 2, name: "Damenhaarschnitt", aliases: ["Frauenschnitt"] },
    ];
    expect(described(matchName("Maennerschnitt", withAlias))).toEqual({
      kind: "exact",
      names: ["Herrenhaarschnitt"],
    });
    expect(described(matchName("Frauen", withAlias))).toEqual({ kind: "close", names: ["Damenhaarschnitt"] });
  });

  it("cannot tell apart two services with the same name", () => {
    const twice = [
      { id: 7, name: "Färben" },
      { id: 3, name: "Faerben" },
    ];
    expect(matchName("färben", twice)).toEqual({ kind: "ambiguous", items: [twice[1], twice[0]] });
  });
});

describe("matchName: persons", () => {
  it.each([
    ["Anna Schmidt", "Anna Schmidt"],
    ["anna-schmidt", "Anna Schmidt"],
    ["bei Anna Schmidt", "Anna Schmidt"],
    ["Jürgen Müller", "Jürgen Müller"],
    ["Juergen Mueller", "Jürgen Müller"],
    ["Jurgen Muller", "Jürgen Müller"],
    ["Mehmet Yilmaz", "Mehmet Yılmaz"],
  ])("%j is exactly %j", (spoken, name) => {
    expect(person(spoken)).toEqual({ kind: "exact", names: [name] });
  });

  it.each([
    ["Lena", "Lena Wagner"],
    ["bei der Lena", "Lena Wagner"],
    ["Frau Wagner", "Lena Wagner"],
    ["zu Frau Schmidt", "Anna Schmidt"],
    ["Frau Schmitt", "Anna Schmidt"],
    ["Becker", "Anna Becker"],
    ["bei Mehmet", "Mehmet Yılmaz"],
    ["Yilmaz", "Mehmet Yılmaz"],
    ["Herr Yılmaz", "Mehmet Yılmaz"],
    ["Herr Müller", "Jürgen Müller"],
    ["Muller", "Jürgen Müller"],
    ["Mueller", "Jürgen Müller"],
    ["beim Jürgen", "Jürgen Müller"],
    ["Schmidt Anna", "Anna Schmidt"],
    // Two letters swapped by speech-to-text cost one edit.
    ["Lena Wanger", "Lena Wagner"],
  ])("%j is close to %j", (spoken, name) => {
    expect(person(spoken)).toEqual({ kind: "close", names: [name] });
  });

  it("asks which Anna", () => {
    const match = person("Anna");
    expect(match.kind).toBe("ambiguous");
    expect([...match.names].sort()).toEqual(["Anna Becker", "Anna Schmidt"]);
    expect(person("Frau Anna").kind).toBe("ambiguous");
  });

  it("does not take a first name for part of another first name", () => {
    const staff = catalogue(["Janina Koch", "Jan Meier"]);
    expect(described(matchName("Jan", staff, { kind: "person" }))).toEqual({
      kind: "close",
      names: ["Jan Meier"],
    });
    // As a service the same letters would count as a compound part; persons are matched by words.
    expect(matchName("Jan", [staff[0]!], { kind: "person" }).kind).toBe("none");
  });

  it("says none for someone who does not work here, suggesting people who share a name", () => {
    expect(person("Peter")).toEqual({ kind: "none", names: [] });
    const mixedUp = person("Anna Wagner");
    expect(mixedUp.kind).toBe("none");
    expect([...mixedUp.names].sort()).toEqual(["Anna Becker", "Anna Schmidt", "Lena Wagner"]);
    expect(person("Herr").kind).toBe("none");
  });

  it("keeps Michael and Michal apart: only real umlauts are folded to their base letter", () => {
    const staff = catalogue(["Michael Braun", "Michal Nowak"]);
    expect(described(matchName("Michal", staff, { kind: "person" }))).toEqual({
      kind: "close",
      names: ["Michal Nowak"],
    });
  });
});

describe("matchName: properties", () => {
  const word = fc.constantFrom(
    "Herren",
    "Damen",
    "Kinder",
    "haar",
    "schnitt",
    "Färben",
    "Föhnen",
    "Waschen",
    "Strähnchen",
    "pflege",
    "Bart",
    "Anna",
    "Lena",
    "Müller",
    "Yılmaz",
    "Schmidt",
    "Frau",
    "bei",
    "und",
    "Öl",
    "Kur",
  );
  const separator = fc.constantFrom("", " ", "-", " & ");
  const name = fc
    .tuple(word, fc.array(fc.tuple(separator, word), { maxLength: 2 }))
    .map(([first, rest]) => first + rest.map(([sep, next]) => sep + next).join(""));
  /** Unique ids so that the id tie-break is total; names may repeat or fold to the same text. */
  const candidates = fc
    .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 8 })
    .chain((ids) =>
      fc.tuple(...ids.map((id) => name.map((text) => ({ id, name: text }) satisfies NamedCandidate))),
    );
  const kind = fc.constantFrom("service" as const, "person" as const);
  const spoken = fc.oneof(name, fc.string({ maxLength: 20 }));

  it("every candidate's own name is exact, unless another candidate has the same name", () => {
    fc.assert(
      fc.property(candidates, kind, fc.nat(), (list, nameKind, pick) => {
        const own = list[pick % list.length]!;
        const match = matchName(own.name, list, { kind: nameKind });
        if (match.kind === "exact") {
          expect(match.item).toBe(own);
          return;
        }
        expect(match.kind).toBe("ambiguous");
        if (match.kind !== "ambiguous") return;
        expect(match.items).toContain(own);
        for (const other of match.items) {
          expect(matchName(own.name, [other], { kind: nameKind }).kind).toBe("exact");
        }
      }),
    );
  });

  it("shuffling the candidates never changes the result", () => {
    const listAndShuffled = candidates.chain((list) =>
      fc.tuple(
        fc.constant(list),
        fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length }),
      ),
    );
    fc.assert(
      fc.property(spoken, listAndShuffled, kind, (text, [list, shuffled], nameKind) => {
        expect(matchName(text, shuffled, { kind: nameKind })).toEqual(
          matchName(text, list, { kind: nameKind }),
        );
      }),
    );
  });

  it("every item in a result is one of the candidates, listed once, and scores stay in range", () => {
    fc.assert(
      fc.property(spoken, candidates, kind, (text, list, nameKind) => {
        const match = matchName(text, list, { kind: nameKind });
        const items =
          match.kind === "exact" || match.kind === "close"
            ? [match.item]
            : match.kind === "ambiguous"
              ? match.items
              : match.suggestions;
        for (const item of items) expect(list).toContain(item);
        expect(new Set(items).size).toBe(items.length);
        if (match.kind === "ambiguous") expect(items.length).toBeGreaterThan(1);
        if (match.kind === "none") expect(items.length).toBeLessThanOrEqual(3);
        if (match.kind === "close") {
          expect(match.score).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
          expect(match.score).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it("with no candidates there is nothing to suggest", () => {
    fc.assert(
      fc.property(spoken, kind, (text, nameKind) => {
        expect(matchName(text, [], { kind: nameKind })).toEqual({ kind: "none", suggestions: [] });
      }),
    );
  });
});
