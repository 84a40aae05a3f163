import { describe, expect, it } from "vitest";
import {
  ipiMissionMonthSource as src,
  parseIpiMissionMonth,
  readIpiMissionMonth,
  type IpiMissionMonthRow,
} from "../../src/sources/ipi-mission-month.js";
import { readUnMissions } from "../../src/sources/un-missions.js";
import { DATA_DIR } from "../util/data.js";
import { dropColumn, findLine, realText, renameColumn, setCell, truncateAt } from "./pko-csv-edit.js";

const rows = readIpiMissionMonth(DATA_DIR);
const monthAfter = (d: string): string => {
  const [y, m] = d.split("-").map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, "0")}`;
};
const text = realText(src);
const at = (mission: string, date: string): IpiMissionMonthRow | undefined =>
  rows.find((r) => r.mission === mission && r.date === date);

describe("readIpiMissionMonth (real file)", () => {
  it("reads every row, one per mission and month", () => {
    expect(rows).toHaveLength(5330);
    expect(new Set(rows.map((r) => `${r.mission}|${r.date}`)).size).toBe(5330);
    expect(rows[0]).toMatchObject({ mission: "ONUCA", date: "1990-11", year: 1990, month: 11, hostIso3: "HND" });
  });

  it("covers 1990-11 to 2017-03 with 2016-11 absent", () => {
    const months = [...new Set(rows.map((r) => r.date))].sort();
    expect(months[0]).toBe("1990-11");
    expect(months.at(-1)).toBe("2017-03");
    expect(months).toHaveLength(316);
    expect(months).not.toContain("2016-11");
    expect(months).toContain("2016-10");
    expect(months).toContain("2016-12");
  });

  it("matches the data README's facts", () => {
    expect(at("UNAMSIL", "2001-12")).toMatchObject({ troops: 17105, contributors: 37, hostIso3: "SLE" });
    expect(at("UNAMSIL", "2002-06")?.troops).toBe(17126);
    const minustah = rows.filter((r) => r.mission === "MINUSTAH").map((r) => r.date).sort();
    expect(minustah[0]).toBe("2004-05");
    expect(at("MINUSTAH", "2004-12")).toMatchObject({ troops: 6008, police: 1398, contributors: 41, hostIso3: "HTI" });
    const unmik = rows.filter((r) => r.mission === "UNMIK").map((r) => r.date).sort();
    expect(unmik[0]).toBe("1999-06");
    const dec = at("UNMIK", "1999-12")!;
    expect(dec.hostIso3).toBe("SRB");
    expect(dec.total).toBe(1927);
    expect(dec.police / dec.total).toBeGreaterThan(0.95);
    expect(dec).toMatchObject({ troops: 0, troopsReported: false, policeReported: true });
  });

  it("gives one host per mission (HQ country)", () => {
    const hosts = new Map<string, Set<string>>();
    for (const r of rows) hosts.set(r.mission, (hosts.get(r.mission) ?? new Set()).add(r.hostIso3));
    for (const [, h] of hosts) expect(h.size).toBe(1);
    expect([...hosts.get("UNMEE")!]).toEqual(["ERI"]);
    expect([...hosts.get("MINURCAT")!]).toEqual(["TCD"]);
    expect([...hosts.get("UNPROFOR")!]).toEqual(["HRV"]);
  });

  it("reads NA personnel as 0 with a flag, and totals add up", () => {
    const onuca = rows[0];
    expect(onuca).toMatchObject({ troops: 423, police: 0, observers: 0, total: 423, policeReported: false, observersReported: false });
    for (const r of rows) expect(r.troops + r.police + r.observers).toBe(r.total);
    expect(rows.filter((r) => !r.troopsReported)).toHaveLength(1740);
    expect(rows.every((r) => r.contributors !== null)).toBe(true);
  });

  it("relabels the stray UNAMSIL 1999-01 row as UNOMSIL", () => {
    expect(at("UNAMSIL", "1999-01")).toBeUndefined();
    const unamsil = rows.filter((r) => r.mission === "UNAMSIL").map((r) => r.date).sort();
    expect(unamsil[0]).toBe("1999-10");
    expect(unamsil).toHaveLength(74);
    expect(at("UNOMSIL", "1999-01")).toMatchObject({ missionAsGiven: "UNAMSIL", total: 8, contributors: 6, line: 1439 });
    expect(rows.filter((r) => r.mission === "UNOMSIL")).toHaveLength(15);
  });

  it("relabels ONUCI as UNOCI and UNAVEM II as UNAVEM, filling their gaps", () => {
    const months = (m: string) => rows.filter((r) => r.mission === m).map((r) => r.date).sort();
    const contiguous = (ds: string[]) => ds.every((d, i) => i === 0 || monthAfter(ds[i - 1]) === d || (ds[i - 1] === "2016-10" && d === "2016-12"));
    expect(months("ONUCI")).toEqual([]);
    expect(months("UNAVEM II")).toEqual([]);
    expect(months("UNOCI")).toHaveLength(156);
    expect(contiguous(months("UNOCI"))).toBe(true);
    expect(months("UNAVEM")).toHaveLength(80);
    expect(contiguous(months("UNAVEM"))).toBe(true);
    expect(contiguous(months("UNOMSIL"))).toBe(true);
    expect(at("UNOCI", "2005-05")).toMatchObject({ missionAsGiven: "ONUCI", total: 6256 });
    const relabelled = rows.filter((r) => r.mission !== r.missionAsGiven);
    expect(relabelled).toHaveLength(1 + 14 + 11);
  });
});

describe("IPI mission kinds", () => {
  it("flags the political missions the data README names, and support offices", () => {
    const kind = (m: string) => rows.find((r) => r.mission === m)?.kind;
    for (const m of ["UNAMA", "UNAMI", "BINUB", "UNIOSIL", "UNSOM"]) expect([m, kind(m)]).toEqual([m, "political"]);
    expect(kind("LBB")).toBe("support");
    expect(kind("UNAMSIL")).toBe("peacekeeping");
    expect(kind("UNMIK")).toBe("peacekeeping");
  });

  it("calls peacekeeping only missions in the UN peacekeeping list (or UNTMIH, which it omits)", () => {
    const listed = new Set(readUnMissions(DATA_DIR).map((r) => r.mission));
    const pko = new Set(rows.filter((r) => r.kind === "peacekeeping").map((r) => r.mission));
    expect([...pko].filter((m) => !listed.has(m))).toEqual(["UNTMIH"]);
    const other = new Set(rows.filter((r) => r.kind !== "peacekeeping").map((r) => r.mission));
    expect([...other].filter((m) => listed.has(m))).toEqual([]);
  });
});

describe("parseIpiMissionMonth (malformed copies)", () => {
  const line = findLine(text, (c) => c.Mission === "UNAMSIL" && c.Date === "2001-12-31");

  it("parses the unmodified text like the reader", () => {
    expect(parseIpiMissionMonth(text)).toEqual(rows);
  });

  it("rejects text in a count", () => {
    expect(() => parseIpiMissionMonth(setCell(text, line, "Troops", "17,105"))).toThrow(
      `pko/ipi_data_mission.csv line ${line}, column Troops: expected a number, got "17,105"`,
    );
  });

  it("rejects a total that is not the sum of its parts", () => {
    expect(() => parseIpiMissionMonth(setCell(text, line, "Total", "17421"))).toThrow(
      `pko/ipi_data_mission.csv line ${line}, column Total: expected troops + police + observers = 17420, got "17421"`,
    );
  });

  it("rejects a bad date and a non-integer contributor count", () => {
    expect(() => parseIpiMissionMonth(setCell(text, line, "Date", "2001-13-31"))).toThrow(
      `pko/ipi_data_mission.csv line ${line}, column Date: expected a date YYYY-MM-DD, got "2001-13-31"`,
    );
    expect(() => parseIpiMissionMonth(setCell(text, line, "Number of Contributors", "37.5"))).toThrow(
      `pko/ipi_data_mission.csv line ${line}, column Number of Contributors: expected an integer, got "37.5"`,
    );
  });

  it("rejects a repeated mission-month", () => {
    const next = findLine(text, (c) => c.Mission === "UNMIK" && c.Date === "2001-12-31");
    const dup = setCell(text, next, "Mission", "UNAMSIL");
    expect(() => parseIpiMissionMonth(dup)).toThrow(
      `pko/ipi_data_mission.csv line ${Math.max(line, next)}, column Mission: expected one row per mission and month (2001-12 already on line ${Math.min(line, next)}), got "UNAMSIL"`,
    );
  });

  it("names a missing or renamed column", () => {
    expect(() => parseIpiMissionMonth(dropColumn(text, "Police"))).toThrow(
      /^pko\/ipi_data_mission\.csv line 1, column Police: expected a column named "Police" in the header, got columns "Date", /,
    );
    expect(() => parseIpiMissionMonth(renameColumn(text, "Troops", "troops"))).toThrow(
      'pko/ipi_data_mission.csv line 1, column Troops: expected a column named "Troops" in the header',
    );
  });

  it("rejects a file cut mid-line", () => {
    expect(() => parseIpiMissionMonth(truncateAt(text, 100, 11))).toThrow(
      "pko/ipi_data_mission.csv line 100: expected 22 fields as in the header, got 2",
    );
    expect(() => parseIpiMissionMonth(truncateAt(text, 100, 40))).toThrow(
      "pko/ipi_data_mission.csv line 100: expected well-formed CSV (balanced quotes), got a quote that is never closed",
    );
  });
});
