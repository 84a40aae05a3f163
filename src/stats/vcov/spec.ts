/** Variance requests as users write them (`hc1`, `cluster:ccode+year`, `bootstrap:ccode:999`) and as objects. */
import { OptionError } from "../../core/errors.js";

/** A variance request. */
export type VcovSpec =
  | "classical"
  | "hc0"
  | "hc1"
  | "hc2"
  | "hc3"
  | { readonly type: "cluster"; readonly by: readonly string[] }
  | { readonly type: "bootstrap"; readonly by?: string; readonly reps: number }
  | string;

/** A resolved variance request. */
export interface ResolvedVcov {
  readonly code: string;
  /** Cluster columns (empty when none). */
  readonly by: readonly string[];
  readonly reps?: number;
  /** Canonical text, e.g. `cluster:ccode+year`, the result's `vcov_type`. */
  readonly label: string;
}

/** Parse a variance request; errors name the accepted forms. */
export function resolveVcovSpec(spec: VcovSpec | undefined): ResolvedVcov {
  if (spec === undefined) return { code: "classical", by: [], label: "classical" };
  if (typeof spec !== "string") {
    if (spec.type === "cluster") {
      if (spec.by.length < 1 || spec.by.length > 2) throw new OptionError(`vcov cluster: expected one or two cluster columns, got ${spec.by.length}`);
      return { code: "cluster", by: [...spec.by], label: `cluster:${spec.by.join("+")}` };
    }
    const by = spec.by === undefined ? [] : [spec.by];
    return { code: "bootstrap", by, reps: spec.reps, label: `bootstrap:${spec.by ?? "obs"}:${spec.reps}` };
  }
  const s = spec.trim();
  const lower = s.toLowerCase();
  if (["classical", "hc0", "hc1", "hc2", "hc3"].includes(lower)) return { code: lower, by: [], label: lower };
  if (lower.startsWith("cluster:")) {
    const by = s.slice(8).split("+").map((c) => c.trim());
    if (by.length > 2 || by.some((c) => c === "")) throw new OptionError(`vcov ${JSON.stringify(s)}: expected cluster:COL or cluster:COL1+COL2`);
    return { code: "cluster", by, label: `cluster:${by.join("+")}` };
  }
  if (lower.startsWith("bootstrap:")) {
    const parts = s.split(":");
    const reps = Number(parts[2]);
    if (parts.length !== 3 || parts[1] === "" || !Number.isInteger(reps) || reps < 2) {
      throw new OptionError(`vcov ${JSON.stringify(s)}: expected bootstrap:COL:REPS with REPS a whole number >= 2`);
    }
    return { code: "bootstrap", by: [parts[1]], reps, label: `bootstrap:${parts[1]}:${reps}` };
  }
  throw new OptionError(`vcov ${JSON.stringify(s)}: expected classical, hc0, hc1, hc2, hc3, cluster:COL[+COL2] or bootstrap:COL:REPS`);
}
