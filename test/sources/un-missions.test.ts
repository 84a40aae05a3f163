import { describe, expect, it } from "vitest";
import { parseUnMissions, readUnMissions, unMissionsSource as src } from "../../src/sources/un-missions.js";
import { DATA_DIR } from "../util/data.js";
import { dropColumn, findLine, realText, setCell, truncateAt } from "./pko-csv-edit.js";

const rows = readUnMissions(DATA_DIR);
const text = realText(src);
const file = "pko/un_dppadposs_missions.csv";
const get = (m: string) => rows.find((r) => r.mission === m)!;

describe("readUnMissions (real file)", () => {
  it("reads every row, one per acronym", () => {
    expect(rows).toHaveLength(81);
    expect(new Set(rows.map((r) => r.mission)).size).toBe(81);
    expect(rows.filter((r) => r.active).map((r) => r.mission).sort()).toEqual([
      "MINURSO", "MINUSCA", "MINUSMA", "MONUSCO", "UNDOF", "UNFICYP", "UNIFIL", "UNISFA", "UNMIK", "UNMISS", "UNMOGIP", "UNTSO",
    ]);
  });

  it("reads dates as ISO strings and decimal-comma coordinates", () => {
    expect(get("UNMIK")).toMatchObject({ start: "1999-06-10", end: null, active: true, location: "Pristina", longitude: 21.1667, latitude: 42.6667, coordsSwapped: false });
    expect(get("MINUSTAH")).toMatchObject({ start: "2004-06-01", end: "2017-10-01", active: false });
    expect(get("UNAMSIL")).toMatchObject({ start: "1999-10-22", end: "2005-12-31", longitude: -13.2344, latitude: 8.4844 });
    expect(get("UNTSO")).toMatchObject({ location: "Jerusalem", longitude: null, latitude: null });
    expect(get("UNSCOB")).toMatchObject({ start: null, end: "1951-07-12" });
    expect(get("UNMOGIP").location).toBe("Islamabad (Nov-Apr) and Srinagar (May-Oct)");
  });

  it("fixes swapped coordinates and flags them", () => {
    expect(get("MINUSMA")).toMatchObject({ longitude: -8, latitude: 12.65, coordsSwapped: true });
    expect(get("UNOSOM II")).toMatchObject({ longitude: 45.35, latitude: 2.0333, coordsSwapped: true });
    expect(get("UNOSOM")).toMatchObject({ longitude: 45.35, latitude: 2.0333, coordsSwapped: false });
    expect(rows.filter((r) => r.coordsSwapped)).toHaveLength(7);
    // Rows sharing an HQ city now agree on its coordinates.
    const byCity = new Map<string, string>();
    for (const r of rows) {
      if (r.location === null || r.latitude === null) continue;
      const c = `${r.longitude},${r.latitude}`;
      expect([r.mission, byCity.get(r.location) ?? c]).toEqual([r.mission, c]);
      byCity.set(r.location, c);
    }
  });

  it("flags umbrella and office rows", () => {
    expect(rows.filter((r) => r.kind === "umbrella").map((r) => r.mission).sort()).toEqual(["UNAVEM", "UNEF", "UNOSOM"]);
    expect(rows.filter((r) => r.kind === "office").map((r) => r.mission)).toEqual(["UNOHCI"]);
    expect(get("DOMREP").name).toBe("Mission of the Representative of the Secretary-General in the");
  });
});

describe("parseUnMissions (malformed copies)", () => {
  const line = findLine(text, (c) => c.mission_acronym === "UNMIK");

  it("parses the unmodified text like the reader", () => {
    expect(parseUnMissions(text)).toEqual(rows);
  });

  it("swaps coordinates when |latitude| > 90 and |longitude| <= 90", () => {
    const swapped = setCell(setCell(text, line, "mission_longitude", "42,6667"), line, "mission_latitude", "121,1667");
    expect(parseUnMissions(swapped).find((r) => r.mission === "UNMIK")).toMatchObject({ longitude: 121.1667, latitude: 42.6667, coordsSwapped: true });
    const bad = setCell(setCell(text, line, "mission_longitude", "100,0"), line, "mission_latitude", "142,6667");
    expect(() => parseUnMissions(bad)).toThrow(
      `${file} line ${line}, column mission_latitude: expected a latitude within +-90, got "142,6667"`,
    );
  });

  it("rejects bad values", () => {
    expect(() => parseUnMissions(setCell(text, line, "mission_longitude", "21.16.67"))).toThrow(
      `${file} line ${line}, column mission_longitude: expected a number, got "21.16.67"`,
    );
    expect(() => parseUnMissions(setCell(text, line, "mission_latitude", ""))).toThrow(
      `${file} line ${line}, column mission_latitude: expected both coordinates or neither, got a missing value`,
    );
    expect(() => parseUnMissions(setCell(text, line, "start_date", "10/06/1999"))).toThrow(
      `${file} line ${line}, column start_date: expected a date YYYY-MM-DD, got "10/06/1999"`,
    );
    expect(() => parseUnMissions(setCell(text, line, "end_date", "1999-01-01"))).toThrow(
      `${file} line ${line}, column end_date: expected a date on or after start_date 1999-06-10, got "1999-01-01"`,
    );
    expect(() => parseUnMissions(setCell(text, line, "mission_isactive", "Y"))).toThrow(
      `${file} line ${line}, column mission_isactive: expected Yes/No, got "Y"`,
    );
    expect(() => parseUnMissions(setCell(text, line, "mission_acronym", "UNMIL"))).toThrow(
      /^pko\/un_dppadposs_missions\.csv line \d+, column mission_acronym: expected one row per mission \(already on line \d+\), got "UNMIL"$/,
    );
  });

  it("names a missing column and rejects a cut line", () => {
    expect(() => parseUnMissions(dropColumn(text, "end_date"))).toThrow(
      `${file} line 1, column end_date: expected a column named "end_date" in the header, got columns "id", "mission_acronym", "mission_name", "lead_department", "mission_isactive", "start_date", "mission_location", "mission_longitude", "mission_latitude", "last_update"`,
    );
    expect(() => parseUnMissions(truncateAt(text, line, 9))).toThrow(
      `${file} line ${line}: expected 11 fields as in the header, got 3`,
    );
  });
});
