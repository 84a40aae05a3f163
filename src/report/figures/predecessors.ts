/**
 * States that split off during the panel's years, drawn on today's map: before the
 * split the new state's territory was part of its predecessor, whose row then speaks
 * for it (South Sudan was part of Sudan until July 2011).
 */
export const PREDECESSORS: Readonly<Record<string, { readonly iso3: string; readonly name: string; readonly until: number }>> = Object.freeze({
  SSD: { iso3: "SDN", name: "Sudan", until: 2011 },
});

/**
 * For each successor without a row of its own in `rows` whose predecessor has one,
 * the predecessor's row to draw it with. Returns the rows by ISO-3 (successors added)
 * and the names of the successors filled in this way (for the caption).
 */
export function withPredecessors<R>(byIso: ReadonlyMap<string, R>): { rows: Map<string, R>; filled: string[] } {
  const rows = new Map(byIso);
  const filled: string[] = [];
  for (const [iso3, p] of Object.entries(PREDECESSORS)) {
    const own = rows.get(iso3);
    const pre = rows.get(p.iso3);
    if (own === undefined && pre !== undefined) {
      rows.set(iso3, pre);
      filled.push(iso3);
    }
  }
  return { rows, filled };
}

/** A sentence naming the successors drawn with their predecessor's data, or "". */
export function predecessorNote(filled: readonly string[]): string {
  const names: Record<string, string> = { SSD: "South Sudan" };
  return filled
    .map((iso3) => `${names[iso3] ?? iso3} is shown with ${PREDECESSORS[iso3].name}'s data (part of ${PREDECESSORS[iso3].name} until ${PREDECESSORS[iso3].until}).`)
    .join(" ");
}
