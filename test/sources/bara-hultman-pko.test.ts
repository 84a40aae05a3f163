import { describe, expect, it } from "vitest";
import { baraHultmanPkoSource as src, parseBaraHultman, readBaraHultman } from "../../src/sources/bara-hultman-pko.js";
import { DATA_DIR } from "../util/data.js";
import { dropColumn, findLine, realText, setCell, truncateAt } from "./pko-csv-edit.js";

const rows = readBaraHultman(DATA_DIR);
const text = realText(src);
const file = "pko/bara_hultman_un_nonun_pko.csv";
const at = (mission: string, date: string) => rows.filter((r) => r.mission === mission && r.date === date);

describe("readBaraHultman (real file)", () => {
  it("reads every row, one per mission id, conflict and month", () => {
    expect(rows).toHaveLength(8100);
    expect(new Set(rows.map((r) => `${r.missionId}|${r.conflictId}|${r.date}`)).size).toBe(8100);
    const years = rows.map((r) => r.year);
    expect([Math.min(...years), Math.max(...years)]).toEqual([1993, 2016]);
    expect(rows[0]).toMatchObject({ ccode: 90, location: "Guatemala", date: "1997-01", year: 1997, month: 1, mission: "MINUGUA", org: 1, missionId: 90050 });
  });

  it("has KFOR under Serbia (Yugoslavia), COW 345, from 1999-06", () => {
    const kfor = rows.filter((r) => r.mission === "KFOR");
    expect(new Set(kfor.map((r) => `${r.ccode} ${r.location} ${r.org}`))).toEqual(new Set(["345 Serbia (Yugoslavia) 2"]));
    expect(kfor.map((r) => r.date).sort()[0]).toBe("1999-06");
    expect(kfor.find((r) => r.date === "1999-06")?.best).toEqual({ troops: 42500, police: 0, observers: 0, total: 42500, source: "iepo" });
    expect(rows.filter((r) => r.mission === "UNMIK").every((r) => r.ccode === 345)).toBe(true);
  });

  it("matches the data README's UN figures", () => {
    const [unamsil] = at("UNAMSIL", "2001-12");
    expect(unamsil.best).toEqual({ troops: 17105, police: 54, observers: 261, total: 17420, source: "IPI" });
    expect(unamsil.ccode).toBe(451);
    const [minustah] = at("MINUSTAH", "2004-12");
    expect(minustah.best).toMatchObject({ troops: 6008, police: 1398, source: "IPI" });
  });

  it("reads the org codes and trims mission names", () => {
    const orgs = (o: number) => new Set(rows.filter((r) => r.org === o).map((r) => r.mission));
    expect(rows.filter((r) => r.org === 1)).toHaveLength(3483);
    for (const m of ["SFOR", "KFOR", "IFOR", "ECOMOG", "EUFOR Althea", "AMISOM", "CIS PKO"]) expect(orgs(2).has(m)).toBe(true);
    for (const m of ["ISAF", "Op. Licorne", "UNITAF", "INTERFET"]) expect(orgs(3).has(m)).toBe(true);
    expect(orgs(1).has("UNMIBH")).toBe(true);
    expect(rows.some((r) => r.mission !== r.mission.trim())).toBe(false);
  });

  it("keeps every source and picks best by the stated precedence", () => {
    const count = (s: string) => rows.filter((r) => r.best.source === s).length;
    expect(rows.filter((r) => r.ipi !== null)).toHaveLength(3397);
    expect(rows.filter((r) => r.sipri !== null)).toHaveLength(779);
    expect(rows.filter((r) => r.ipo !== null)).toHaveLength(7218);
    expect(rows.every((r) => r.iepo !== null && r.backward !== null)).toBe(true);
    expect(count("IPI")).toBe(3397);
    expect(count("backward")).toBe(0);
    expect(count("IPI") + count("SIPRI") + count("ipo") + count("iepo")).toBe(8100);
    for (const r of rows) if (r.ipi === null && r.sipri !== null) expect(r.best.source).toBe("SIPRI");
  });
});

describe("parseBaraHultman (malformed copies)", () => {
  const line = findLine(text, (c) => c.mission === "KFOR" && c.date === "1999m6");

  it("parses the unmodified text like the reader", () => {
    expect(parseBaraHultman(text)).toEqual(rows);
  });

  it("rejects bad dates, codes and counts", () => {
    expect(() => parseBaraHultman(setCell(text, line, "date", "1999-06"))).toThrow(
      `${file} line ${line}, column date: expected a month like 1997m1, got "1999-06"`,
    );
    expect(() => parseBaraHultman(setCell(text, line, "year", "2000"))).toThrow(
      `${file} line ${line}, column year: expected 1999 (the year of date 1999m6), got "2000"`,
    );
    expect(() => parseBaraHultman(setCell(text, line, "org", "4"))).toThrow(`${file} line ${line}, column org: expected 1/2/3, got "4"`);
    expect(() => parseBaraHultman(setCell(text, line, "troops_iepo", "42,500"))).toThrow(
      `${file} line ${line}, column troops_iepo: expected a number, got "42,500"`,
    );
    expect(() => parseBaraHultman(setCell(text, line, "police_backward", ""))).toThrow(
      `${file} line ${line}, column police_backward: expected all of troops_backward, police_backward, observers_backward, totals_backward or none, got a missing value`,
    );
    expect(() => parseBaraHultman(setCell(text, line, "ccode", "3450"))).toThrow(`${file} line ${line}, column ccode: expected a COW code 2-999, got "3450"`);
  });

  it("names a missing column and rejects a cut line", () => {
    expect(() => parseBaraHultman(dropColumn(text, "IPI_totals"))).toThrow(
      `${file} line 1, column IPI_totals: expected a column named "IPI_totals" in the header`,
    );
    expect(() => parseBaraHultman(truncateAt(text, line, 30))).toThrow(
      `${file} line ${line}: expected 32 fields as in the header, got 4`,
    );
  });
});
