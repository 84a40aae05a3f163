import { describe, expect, it } from "vitest";
import {
  kathmanMissionMonthCsvSource as src,
  parseKathmanMissionMonth,
  readKathmanMissionMonth,
} from "../../src/sources/kathman-mission-month-csv.js";
import { readUnMissions } from "../../src/sources/un-missions.js";
import { DATA_DIR } from "../util/data.js";
import { dropColumn, findLine, realText, setCell, truncateAt } from "./pko-csv-edit.js";

const rows = readKathmanMissionMonth(DATA_DIR);
const text = realText(src);
const at = (mission: string, date: string) => rows.find((r) => r.mission === mission && r.date === date);

describe("readKathmanMissionMonth (real file)", () => {
  it("reads every row, one per mission and month", () => {
    expect(rows).toHaveLength(6175);
    expect(new Set(rows.map((r) => `${r.mission}|${r.date}`)).size).toBe(6175);
    expect(new Set(rows.map((r) => r.mission)).size).toBe(82);
    const years = rows.map((r) => r.year);
    expect([Math.min(...years), Math.max(...years)]).toEqual([1990, 2019]);
  });

  it("has UNAMSIL in 2001-12 and 2002-06 as in the data README", () => {
    expect(at("UNAMSIL", "2001-12")).toMatchObject({
      ccode: 451, ccode2: null, hostName: "Sierra Leone", troops: 17105, police: 54, observers: 261, total: 17420,
    });
    expect(at("UNAMSIL", "2002-06")?.troops).toBe(17126);
    expect(at("MINUSTAH", "2004-12")).toMatchObject({ troops: 6008, police: 1398 });
    expect(at("UNMIK", "1999-06")?.ccode).toBe(345);
  });

  it("reads -999 as null and keeps second hosts", () => {
    const minurso = at("MINURSO", "1991-09")!;
    expect(minurso).toMatchObject({ troops: null, police: null, observers: null, total: 314 });
    expect(at("UNTSO", "2000-01")).toMatchObject({ ccode: null, hostName: "Various" });
    expect(at("UNMEE", "2001-01")).toMatchObject({ ccode: 530, ccode2: 531 });
    expect(rows.filter((r) => r.ccode === null)).toHaveLength(453);
    expect(rows.filter((r) => r.ccode2 !== null).map((r) => r.mission).filter((m, i, a) => a.indexOf(m) === i).sort()).toEqual([
      "MINURCAT", "UNIIMOG", "UNIKOM", "UNMEE", "UNMOGIP", "UNPROFOR",
    ]);
    expect(rows.filter((r) => r.troops === null)).toHaveLength(319);
  });

  it("calls peacekeeping only missions in the UN peacekeeping list (or UNTMIH, which it omits)", () => {
    const listed = new Set(readUnMissions(DATA_DIR).map((r) => r.mission));
    const pko = new Set(rows.filter((r) => r.kind === "peacekeeping").map((r) => r.mission));
    expect([...pko].filter((m) => !listed.has(m))).toEqual(["UNTMIH"]);
    const other = new Set(rows.filter((r) => r.kind !== "peacekeeping").map((r) => r.mission));
    expect([...other].filter((m) => listed.has(m))).toEqual([]);
    expect(other.size).toBe(21);
  });

  it("takes the month from year/month, not the mistyped yearmon", () => {
    expect(at("UNAMI", "2019-02")?.total).toBe(245);
    expect(at("UNAMI", "2019-03")?.total).toBe(244);
  });
});

describe("parseKathmanMissionMonth (malformed copies)", () => {
  const line = findLine(text, (c) => c.mission === "UNAMSIL" && c.yearmon === "2001.12");

  it("parses the unmodified text like the reader", () => {
    expect(parseKathmanMissionMonth(text)).toEqual(rows);
  });

  it("rejects text, fractions and negative counts other than -999", () => {
    expect(() => parseKathmanMissionMonth(setCell(text, line, "troop", "n/a"))).toThrow(
      `pko/kathman_mission_month_12-2019.csv line ${line}, column troop: expected a number, got "n/a"`,
    );
    expect(() => parseKathmanMissionMonth(setCell(text, line, "police", "54.5"))).toThrow(
      `pko/kathman_mission_month_12-2019.csv line ${line}, column police: expected an integer, got "54.5"`,
    );
    expect(() => parseKathmanMissionMonth(setCell(text, line, "total", "-99"))).toThrow(
      `pko/kathman_mission_month_12-2019.csv line ${line}, column total: expected a count >= 0 or -999, got "-99"`,
    );
  });

  it("rejects a bad COW code and month", () => {
    expect(() => parseKathmanMissionMonth(setCell(text, line, "missionccode2", "0"))).toThrow(
      `pko/kathman_mission_month_12-2019.csv line ${line}, column missionccode2: expected a COW code 2-999 or -999, got "0"`,
    );
    expect(() => parseKathmanMissionMonth(setCell(text, line, "month", "13"))).toThrow(
      `pko/kathman_mission_month_12-2019.csv line ${line}, column month: expected a month 1-12, got "13"`,
    );
  });

  it("rejects a repeated mission-month", () => {
    expect(() => parseKathmanMissionMonth(setCell(setCell(text, line + 1, "year", "2001"), line + 1, "month", "12"))).toThrow(
      `pko/kathman_mission_month_12-2019.csv line ${line + 1}, column mission: expected one row per mission and month (2001-12 already on line ${line}), got "UNAMSIL"`,
    );
  });

  it("names a missing column and rejects a cut line", () => {
    expect(() => parseKathmanMissionMonth(dropColumn(text, "missionccode2"))).toThrow(
      'pko/kathman_mission_month_12-2019.csv line 1, column missionccode2: expected a column named "missionccode2" in the header, got columns "mission", "missioncountry", "missionccode", "year", "month", "yearmon", "troop", "police", "militaryobservers", "total", "total2"',
    );
    expect(() => parseKathmanMissionMonth(truncateAt(text, line, 20))).toThrow(
      `pko/kathman_mission_month_12-2019.csv line ${line}: expected 12 fields as in the header, got 2`,
    );
  });
});
