import { missionKey } from "./un-hosts.js";

/** A line of UN missions where each took over its predecessor's mandate in the same place. */
export interface MissionLineage {
  /** The line's name: its first mission. */
  readonly name: string;
  /** Its missions in order (acronyms as in the UN mission-month sources). */
  readonly missions: readonly string[];
  /** Why these count as one UN presence (from the UN's own mission histories). */
  readonly reason: string;
}

/**
 * Successor and renamed missions, so that a duration measure follows a UN presence
 * through its renamings. Missions not listed are their own line. A line is not a
 * continuity claim by itself: the duration rules still end a deployment after an
 * absence longer than the gap (so MINUSTAH, 2004, is a new line, four years after
 * MIPONUH left Haiti, and UNMIL, 2003, is not UNOMIL's, which left Liberia in 1997).
 */
export const MISSION_LINEAGES: readonly MissionLineage[] = Object.freeze([
  { name: "UNAVEM", missions: ["UNAVEM", "UNAVEM II", "UNAVEM III", "MONUA"], reason: "Angola: UNAVEM I-III, then MONUA took over UNAVEM III's tasks in July 1997" },
  { name: "UNTAC", missions: ["UNAMIC", "UNTAC"], reason: "Cambodia: UNAMIC was absorbed into UNTAC in March 1992" },
  { name: "UNOSOM", missions: ["UNOSOM", "UNOSOM II"], reason: "Somalia: UNOSOM II took over from UNOSOM I (and UNITAF) in May 1993" },
  {
    name: "UNPROFOR",
    missions: ["UNPROFOR", "UNCRO", "UNPREDEP", "UNPF", "UNFOR", "IPTF", "UNMIBH", "UNTAES", "UNPSG", "UNMOP"],
    reason: "former Yugoslavia: UNPROFOR was restructured in 1995 into UNCRO (Croatia), UNPREDEP (Macedonia) and its Bosnian command (later IPTF/UNMIBH) under the UNPF umbrella; UNTAES, UNPSG and UNMOP followed in Croatia",
  },
  { name: "UNOMUR", missions: ["UNOMUR", "UNAMIR"], reason: "Rwanda: UNOMUR was integrated into UNAMIR in 1993" },
  { name: "UNMIH", missions: ["UNMIH", "UNSMIH", "UNTMIH", "MIPONUH", "MICAH"], reason: "Haiti 1993-2000: each mission replaced the last; MINUSTAH (2004) is a new line after a four-year absence" },
  { name: "MINUSTAH", missions: ["MINUSTAH", "MINUJUSTH"], reason: "Haiti: MINUJUSTH succeeded MINUSTAH in October 2017" },
  { name: "MINURCA", missions: ["MINURCA", "BONUCA"], reason: "Central African Republic: BONUCA followed MINURCA in February 2000" },
  { name: "UNOMSIL", missions: ["UNOMSIL", "UNAMSIL", "UNIOSIL"], reason: "Sierra Leone: UNAMSIL replaced UNOMSIL in October 1999; UNIOSIL followed UNAMSIL in January 2006" },
  { name: "MONUC", missions: ["MONUC", "MONUSCO"], reason: "DR Congo: MONUC was renamed MONUSCO on 1 July 2010" },
  { name: "UNAMET", missions: ["UNAMET", "UNTAET", "UNMISET", "UNOTIL", "UNMIT"], reason: "East Timor: each mission succeeded the last, 1999-2012" },
  { name: "MINUCI", missions: ["MINUCI", "UNOCI", "ONUCI"], reason: "Cote d'Ivoire: UNOCI took over from MINUCI in April 2004 (ONUCI is its French acronym)" },
  { name: "ONUB", missions: ["ONUB", "BINUB", "BNUB"], reason: "Burundi: BINUB followed ONUB in January 2007, BNUB followed BINUB in 2011" },
  { name: "UNMIS", missions: ["UNMIS", "UNMISS"], reason: "UNMISS took over UNMIS's presence in South Sudan in July 2011" },
]);

/** Mission key -> its line's name (the mission itself when it is in no line). */
export function lineageOf(mission: string): string {
  return LINEAGE_BY_MISSION.get(missionKey(mission)) ?? missionKey(mission);
}

const LINEAGE_BY_MISSION: ReadonlyMap<string, string> = new Map(
  MISSION_LINEAGES.flatMap((l) => l.missions.map((m) => [missionKey(m), l.name] as const)),
);
