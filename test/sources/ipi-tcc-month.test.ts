import { describe, expect, it } from "vitest";
import { readIpiMissionMonth } from "../../src/sources/ipi-mission-month.js";
import { ipiTccMonthSource as src, parseIpiTccMonth, readIpiTccMonth } from "../../src/sources/ipi-tcc-month.js";
import { DATA_DIR } from "../util/data.js";
import { dropColumn, findLine, realText, setCell, truncateAt } from "./pko-csv-edit.js";

const rows = readIpiTccMonth(DATA_DIR);
const text = realText(src);
const file = "pko/ipi_tcc_2014-03.csv";

describe("readIpiTccMonth (real file)", () => {
  it("reads every row, one per contributor and mission, all 2014-03", () => {
    expect(rows).toHaveLength(573);
    expect(new Set(rows.map((r) => `${r.contributorIso3}|${r.mission}`)).size).toBe(573);
    expect(new Set(rows.map((r) => r.date))).toEqual(new Set(["2014-03"]));
    expect(new Set(rows.map((r) => r.mission)).size).toBe(17);
  });

  it("strips the stray trailing apostrophe", () => {
    const unmiss = rows.filter((r) => r.mission === "UNMISS");
    expect(unmiss).toHaveLength(67);
    expect(new Set(unmiss.map((r) => r.hostName))).toEqual(new Set(["South Sudan"]));
    expect(rows.some((r) => /'$/.test(r.hostName) || /'$/.test(r.contributor))).toBe(false);
    expect(rows[0]).toMatchObject({
      contributor: "Albania", contributorIso3: "ALB", mission: "UNMISS", hostIso3: "SSD",
      troops: 0, individualPolice: 1, formedPolice: 0, police: 1, observers: 0, total: 1,
    });
  });

  it("adds up, per mission, to the IPI mission-month totals and contributor counts (a second file)", () => {
    const mm = readIpiMissionMonth(DATA_DIR).filter((r) => r.date === "2014-03");
    for (const m of new Set(rows.map((r) => r.mission))) {
      const these = rows.filter((r) => r.mission === m);
      const other = mm.find((r) => r.mission === m)!;
      expect([m, these.reduce((s, r) => s + r.total, 0), these.length]).toEqual([m, other.total, other.contributors]);
    }
  });
});

describe("parseIpiTccMonth (malformed copies)", () => {
  const line = findLine(text, (c) => c.Contributor === "Nepal" && c.Mission === "UNMISS");

  it("parses the unmodified text like the reader", () => {
    expect(parseIpiTccMonth(text)).toEqual(rows);
  });

  it("rejects text in a count and totals that do not add up", () => {
    expect(() => parseIpiTccMonth(setCell(text, line, "Troops", "eight"))).toThrow(
      `${file} line ${line}, column Troops: expected a number, got "eight"`,
    );
    expect(() => parseIpiTccMonth(setCell(text, line, "Observers", "99"))).toThrow(
      `${file} line ${line}, column Observers: expected the same as Experts_on_Mission`,
    );
    expect(() => parseIpiTccMonth(setCell(text, line, "Total", "1"))).toThrow(
      new RegExp(`^${file} line ${line}, column Total: expected Troops \\+ Civilian_Police \\+ Observers = \\d+, got "1"$`),
    );
  });

  it("rejects a bad ISO-3, a repeated key, a missing column and a cut line", () => {
    expect(() => parseIpiTccMonth(setCell(text, line, "Mission_Country_ISO-3", "S.S"))).toThrow(
      `${file} line ${line}, column Mission_Country_ISO-3: expected an ISO-3 code, got "S.S"`,
    );
    expect(() => parseIpiTccMonth(setCell(text, line + 1, "Mission", "UNMISS"))).toThrow(
      `${file} line ${line + 1}, column Mission: expected one row per contributor and mission (already on line ${line}), got "UNMISS"`,
    );
    expect(() => parseIpiTccMonth(dropColumn(text, "Inidividual_Police"))).toThrow(
      `${file} line 1, column Inidividual_Police: expected a column named "Inidividual_Police" in the header`,
    );
    expect(() => parseIpiTccMonth(truncateAt(text, line, 11))).toThrow(
      `${file} line ${line}: expected 73 fields as in the header, got 2`,
    );
  });
});
