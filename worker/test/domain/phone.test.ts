import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizePhone, phoneCandidates } from "../../src/domain/phone";

describe("normalizePhone (German habits, E.164 out)", () => {
  it.each([
    ["0151 23456789", "+4915123456789"],
    ["0151/23456789", "+4915123456789"],
    ["+49 (0)151 23456789", "+4915123456789"],
    ["0049 151 23456789", "+4915123456789"],
    ["+49 30 1234567", "+49301234567"],
    ["030 12345-67", "+49301234567"],
    ["49301234567", "+49301234567"],
    ["+43 664 1234567", "+436641234567"],
  ])("reads %s as %s", (raw, e164) => {
    expect(normalizePhone(raw, "DE")).toEqual({ ok: true, e164 });
  });

  it("reads national numbers in the company's own country", () => {
    expect(normalizePhone("0664 1234567", "AT")).toEqual({ ok: true, e164: "+436641234567" });
  });

  it("refuses a bare 49… that is also a valid national number (0491… is Leer), offering both readings", () => {
    expect(normalizePhone("4915123456789", "DE")).toEqual({ ok: false, reason: "ambiguous" });
    expect(phoneCandidates("4915123456789", "DE").sort()).toEqual(
      ["+494915123456789", "+4915123456789"].sort(),
    );
  });

  it.each(["12", "abc", "", "0151 1"])("refuses %j", (raw) => {
    expect(normalizePhone(raw, "DE").ok).toBe(false);
  });

  it("is idempotent: normalising an E.164 result gives it back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000_000, max: 99_999_999 }), (subscriber) => {
        const first = normalizePhone(`0151 ${subscriber}`, "DE");
        if (!first.ok) return;
        expect(normalizePhone(first.e164, "DE")).toEqual(first);
        expect(phoneCandidates(first.e164, "DE")).toEqual([first.e164]);
      }),
    );
  });

  it("formats do not matter: spaces, dashes, slashes and the 0049 prefix give the same number", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000_000, max: 9_999_999 }),
        fc.constantFrom(" ", "-", "/", ""),
        fc.constantFrom("0", "0049 ", "+49 "),
        (subscriber, separator, prefix) => {
          const digits = String(subscriber);
          const typed = `${prefix}30${separator}${digits.slice(0, 3)}${separator}${digits.slice(3)}`;
          expect(normalizePhone(typed, "DE")).toEqual({ ok: true, e164: `+4930${digits}` });
        },
      ),
    );
  });
});
