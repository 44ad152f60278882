import type { DayPart, Weekday, WeekRelation } from "./types";

/**
 * The words the parser knows, in folded spelling (lower case, ä → ae, ß → ss; see foldForSearch).
 * Where speech recognisers also drop the umlaut's e ("ubermorgen"), both spellings are listed.
 */

function table<T>(entries: ReadonlyArray<readonly [T, readonly string[]]>): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const [value, words] of entries) for (const word of words) map.set(word, value);
  return map;
}

const GERMAN_WEEKDAYS = ["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"];

/** Weekday words, including the adverbs ("dienstags") and unambiguous abbreviations. */
export const WEEKDAY_WORDS = table<Weekday>([
  [0, ["montag", "montags", "mo", "monday", "mondays", "mon"]],
  [1, ["dienstag", "dienstags", "di", "tuesday", "tuesdays", "tue", "tues"]],
  [2, ["mittwoch", "mittwochs", "mi", "wednesday", "wednesdays", "wed"]],
  [3, ["donnerstag", "donnerstags", "thursday", "thursdays", "thu", "thur", "thurs"]],
  [4, ["freitag", "freitags", "fr", "friday", "fridays", "fri"]],
  [5, ["samstag", "samstags", "sonnabend", "sonnabends", "sa", "saturday", "saturdays", "sat"]],
  [6, ["sonntag", "sonntags", "sunday", "sundays", "sun"]],
]);

/**
 * "Do." and "So." are weekdays only when written with their dot and followed by a date ("So. 5.12."):
 * bare, they are the English verb and the German filler "so gegen drei".
 */
export const DOTTED_WEEKDAY_ABBREVIATIONS = table<Weekday>([
  [3, ["do"]],
  [6, ["so"]],
]);

/** "Montagmorgen", "Dienstagnachmittag": a weekday glued to a part of the day. */
export const WEEKDAY_WITH_DAY_PART = new RegExp(
  `^(${GERMAN_WEEKDAYS.join("|")}|sonnabend)(morgen|vormittag|mittag|nachmittag|abend|nacht)s?$`,
);

export const MONTH_WORDS = table<number>([
  [1, ["januar", "jaenner", "janner", "jan", "january"]],
  [2, ["februar", "feber", "feb", "february"]],
  [3, ["maerz", "marz", "mrz", "march", "mar"]],
  [4, ["april", "apr"]],
  [5, ["mai", "may"]],
  [6, ["juni", "jun", "june"]],
  [7, ["juli", "jul", "july"]],
  [8, ["august", "aug"]],
  [9, ["september", "sept", "sep"]],
  [10, ["oktober", "okt", "october", "oct"]],
  [11, ["november", "nov"]],
  [12, ["dezember", "dez", "december", "dec"]],
]);

/** Month words that are also common words ("may I", "march", the name Jan): a month only next to a day. */
export const MONTHS_ONLY_WITH_DAY: ReadonlySet<string> = new Set(["may", "march", "mar", "jan"]);

/** Days from today. "morgen" is also "am Morgen" (in the morning); the scanner decides by position. */
export const RELATIVE_DAY_WORDS = table<number>([
  [-2, ["vorgestern"]],
  [-1, ["gestern", "yesterday"]],
  [0, ["heute", "today"]],
  [1, ["morgen", "tomorrow"]],
  [2, ["uebermorgen", "ubermorgen"]],
]);

export const DAY_PART_WORDS = table<DayPart>([
  ["morning", ["morgens", "frueh", "fruh", "vormittags", "vormittag", "morning", "mornings", "forenoon"]],
  ["noon", ["mittags", "mittag", "noon", "midday", "lunchtime"]],
  ["afternoon", ["nachmittags", "nachmittag", "afternoon", "afternoons", "pm"]],
  ["evening", ["abends", "abend", "evening", "evenings", "tonight"]],
  ["night", ["nachts", "nacht", "night"]],
]);

export const MIDNIGHT_WORDS: ReadonlySet<string> = new Set(["mitternacht", "midnight"]);

/** "nächsten Dienstag", "kommende Woche", "diesen Freitag", "übernächste Woche", "next Tuesday". */
export function weekModifierOf(word: string): WeekRelation | null {
  if (/^(ueber|uber)(naechst|nachst)(e|en|er|es|em)?$/.test(word)) return "afterNext";
  if (/^(naechst|nachst|kommend)(e|en|er|es|em)?$/.test(word) || word === "next" || word === "coming") {
    return "next";
  }
  if (/^dies(e|en|er|es|em)$/.test(word) || word === "this") return "this";
  return null;
}

export const WEEK_WORDS: ReadonlySet<string> = new Set(["woche", "week"]);
export const WEEKEND_WORDS: ReadonlySet<string> = new Set(["wochenende", "weekend"]);

export const UHR_WORDS: ReadonlySet<string> = new Set(["uhr", "h", "oclock"]);

/** Units after "in N …": days and weeks are supported, the rest is understood but asked about. */
export const DAY_UNITS: ReadonlySet<string> = new Set(["tag", "tage", "tagen", "tg", "day", "days"]);
export const WEEK_UNITS: ReadonlySet<string> = new Set(["woche", "wochen", "week", "weeks"]);
export const TIME_UNITS: ReadonlySet<string> = new Set([
  "stunde",
  "stunden",
  "minute",
  "minuten",
  "min",
  "hour",
  "hours",
  "minutes",
]);
export const LONG_UNITS: ReadonlySet<string> = new Set([
  "monat",
  "monate",
  "monaten",
  "month",
  "months",
  "jahr",
  "jahre",
  "jahren",
  "year",
  "years",
]);

/** Words before a number that make it an hour ("um 3", "gegen drei", "at 3"). */
export const TIME_CUES: ReadonlySet<string> = new Set([
  "um",
  "gegen",
  "ab",
  "so",
  "circa",
  "ca",
  "etwa",
  "ungefaehr",
  "ungefahr",
  "punkt",
  "nach",
  "fruehestens",
  "at",
  "around",
  "about",
  "from",
  "after",
  "oder",
  "or",
  "und",
  "and",
  "zwischen",
  "between",
  "bis",
  "until",
  "till",
  "vor",
  "before",
  "by",
  "spaetestens",
  "spatestens",
]);

/** Words before a number that make it a day of the month ("am 5", "den 5."). */
export const DATE_CUES: ReadonlySet<string> = new Set(["am", "den", "dem", "vom", "zum", "on", "the"]);

/** Words that turn what follows into a range ("bis Freitag", "vor 15 Uhr"): not one point in time. */
export const RANGE_WORDS: ReadonlySet<string> = new Set([
  "zwischen",
  "between",
  "bis",
  "until",
  "till",
  "vor",
  "before",
  "by",
  "spaetestens",
  "spatestens",
]);

export const NEGATION_WORDS: ReadonlySet<string> = new Set([
  "nicht",
  "kein",
  "keine",
  "keinen",
  "ausser",
  "auser",
  "sondern",
  "not",
  "dont",
  "doesnt",
  "cant",
  "except",
]);

/** Words that may follow a bare hour without making it something else ("drei bitte", "3 oder 4"). */
export const BARE_HOUR_FOLLOWERS: ReadonlySet<string> = new Set([
  "bitte",
  "please",
  "rum",
  "herum",
  "ungefaehr",
  "ungefahr",
  "etwa",
  "vielleicht",
  "gern",
  "gerne",
  "ok",
  "okay",
  "ja",
  "genau",
  "dann",
  "oder",
  "or",
  "und",
  "and",
  "bis",
  "wenn",
  "falls",
  "if",
  "moeglich",
  "moglich",
  "possible",
  "passt",
  "geht",
  "waere",
  "ware",
  "ist",
  "is",
  "so",
  "am",
  "pm",
]);
