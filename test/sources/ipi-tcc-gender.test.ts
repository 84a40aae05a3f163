import { describe, expect, it } from "vitest";
import { readIpiMissionMonth } from "../../src/sources/ipi-mission-month.js";
import { ipiTccGenderSource as src, parseIpiTccGender, readIpiTccGender } from "../../src/sources/ipi-tcc-gender.js";
import { DATA_DIR } from "../util/data.js";
import { dropColumn, findLine, realText, setCell, truncateAt } from "./pko-csv-edit.js";

const rows = readIpiTccGender(DATA_DIR);
const text = realText(src);

describe("readIpiTccGender (real file)", () => {
  it("reads every row, one per contributor, mission and month", () => {
    expect(rows).toHaveLength(29115);
    expect(new Set(rows.map((r) => `${r.contributorIso3}|${r.mission}|${r.date}`)).size).toBe(29115);
    const months = [...new Set(rows.map((r) => r.date))].sort();
    expect(months).toHaveLength(52);
    expect([months[0], months.at(-1)]).toEqual(["2009-11", "2014-02"]);
    expect(new Set(rows.map((r) => r.contributorIso3)).size).toBe(130);
    expect(new Set(rows.map((r) => r.mission)).size).toBe(25);
  });

  it("reads the first row by sex and type, ignoring the index column", () => {
    expect(rows[0]).toMatchObject({
      contributor: "Albania", contributorIso3: "ALB", mission: "UNMISS", date: "2013-12", year: 2013, month: 12,
      individualPolice: { male: 1, female: 0, total: 1 }, troops: { male: 0, female: 0, total: 0 },
      total: { male: 1, female: 0, total: 1 }, line: 2,
    });
    expect(Object.keys(rows[0])).not.toContain("");
  });

  it("adds up to the IPI mission-month totals (a second file)", () => {
    const mm = new Map(readIpiMissionMonth(DATA_DIR).map((r) => [`${r.mission}|${r.date}`, r]));
    const sums = new Map<string, { troops: number; total: number; n: number }>();
    for (const r of rows) {
      const k = `${r.mission}|${r.date}`;
      const s = sums.get(k) ?? { troops: 0, total: 0, n: 0 };
      sums.set(k, { troops: s.troops + r.troops.total, total: s.total + r.total.total, n: s.n + 1 });
    }
    const minustah = mm.get("MINUSTAH|2010-06")!;
    expect(sums.get("MINUSTAH|2010-06")).toEqual({ troops: minustah.troops, total: minustah.total, n: minustah.contributors });
    let agree = 0;
    for (const [k, s] of sums) if (mm.get(k)?.total === s.total) agree++;
    expect(agree / sums.size).toBeGreaterThan(0.95);
  });
});

describe("parseIpiTccGender (malformed copies)", () => {
  const line = findLine(text, (c) => c.Contributor === "Nepal" && c.Mission === "MINUSTAH" && c.Date === "2010-06-30");
  const file = "pko/ipi_tcc_gender_2009-11_2014-02.csv";

  it("parses the unmodified text like the reader", () => {
    expect(parseIpiTccGender(text)).toEqual(rows);
  });

  it("rejects text, NA and male + female != total", () => {
    expect(() => parseIpiTccGender(setCell(text, line, "Troops Female", "x"))).toThrow(
      `${file} line ${line}, column Troops Female: expected a number, got "x"`,
    );
    expect(() => parseIpiTccGender(setCell(text, line, "Experts on Mission Male", "NA"))).toThrow(
      `${file} line ${line}, column Experts on Mission Male: expected an integer, got a missing value`,
    );
    const troopsTotal = Number(text.split("\n")[line - 1].split(",")[16]);
    expect(() => parseIpiTccGender(setCell(text, line, "Troops Total", String(troopsTotal + 1)))).toThrow(
      `${file} line ${line}, column Troops Total: expected male + female = ${troopsTotal}, got "${troopsTotal + 1}"`,
    );
  });

  it("rejects a bad ISO-3 and a repeated key", () => {
    expect(() => parseIpiTccGender(setCell(text, line, "Contributor ISO-3", "Nep"))).toThrow(
      `${file} line ${line}, column Contributor ISO-3: expected an ISO-3 code, got "Nep"`,
    );
    const other = findLine(text, (c) => c.Contributor === "Nepal" && c.Mission === "MINUSTAH" && c.Date === "2010-07-31");
    expect(() => parseIpiTccGender(setCell(text, other, "Date", "2010-06-30"))).toThrow(
      `${file} line ${Math.max(line, other)}, column Contributor ISO-3: expected one row per contributor, mission and month (MINUSTAH 2010-06 already on line ${Math.min(line, other)}), got "NPL"`,
    );
  });

  it("names a missing column and rejects a cut line", () => {
    expect(() => parseIpiTccGender(dropColumn(text, "Mission"))).toThrow(
      `${file} line 1, column Mission: expected a column named "Mission" in the header, got columns "", "Date", "Contributor", "Contributor ISO-3", "Individual Police Male"`,
    );
    const cut = text.split("\n")[line - 1].indexOf('"MINUSTAH",') + 11;
    expect(() => parseIpiTccGender(truncateAt(text, line, cut))).toThrow(
      `${file} line ${line}: expected 20 fields as in the header, got 6`,
    );
  });
});
