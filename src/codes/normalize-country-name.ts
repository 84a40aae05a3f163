/**
 * The key under which a country name is looked up: accents removed, lower case, `&` read
 * as "and", a leading "The " or trailing ", The" dropped, then everything but letters and
 * digits removed. So `Cote d'Ivoire`, `Côte d’Ivoire`, `Cote d Ivoire` and `COTE D'IVOIRE `
 * share one key, as do `Antigua&Barbuda` and `Antigua and Barbuda`, and `Gambia, The` and
 * `Gambia`. A stray trailing quote (`South Sudan'`) disappears with the punctuation.
 */
export function normalizeCountryName(name: string): string {
  let key = KEYS.get(name);
  if (key === undefined) {
    key = computeKey(name);
    // The sources repeat a few hundred names across hundreds of thousands of rows.
    if (KEYS.size >= 100_000) KEYS.clear();
    KEYS.set(name, key);
  }
  return key;
}

const KEYS = new Map<string, string>();

function computeKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .trim()
    .replace(/^the\s+/, "")
    .replace(/,\s*the$/, "")
    .replace(/[^a-z0-9]/g, "");
}
