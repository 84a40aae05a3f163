#!/usr/bin/env node
// Input of scripts/reference/multiverse_rows.R: five rows of the default multiverse grid
// (chosen by their choices below, spanning claims, sources, placements, alignments,
// estimators, time and samples), each row's panel variant built by `pkt panel build`
// (the raw calendar-year panel.csv), and a CSV naming them. Needs `npm run build`.
//   node scripts/reference/multiverse_rows_input.mjs [DATA_DIR]
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { planSpecs } from "../../dist/multiverse/multiverse.js";
import { concreteSpec } from "../../dist/multiverse/spec-model.js";

const dataDir = resolve(process.argv[2] ?? "../shared/data");
const out = resolve("out/reference");
const WANT = [
  { claim: "size", unSource: "ipi", multiHost: "located", reportAlignment: "t-1", controls: "paper", time: "trend", estimator: "logit", sample: "all", outcome: "pdest", size: "un_total" },
  { claim: "duration", unSource: "kathman", multiHost: "hq", reportAlignment: "t", controls: "paper", time: "year", estimator: "logit", sample: "no-balkans", outcome: "pdest" },
  { claim: "contributors", unSource: "ipi", multiHost: "split", reportAlignment: "t-1", controls: "paper", time: "trend", estimator: "lpm-fe", sample: "no-observer-only", outcome: "destination" },
  { claim: "placebo", unSource: "ipi", multiHost: "located", reportAlignment: "t-1", controls: "minimal", time: "trend", estimator: "logit", sample: "2003-2011", outcome: "pdest" },
  { claim: "size", unSource: "kathman", multiHost: "hq", reportAlignment: "t", controls: "minimal", time: "year", estimator: "lpm-fe", sample: "2003-2011", outcome: "pdest" },
];
const { planned } = planSpecs({ grid: "default" });
const lines = ["index,claim,panel_csv,alignment,year_from,year_to,sample,formula,estimator,term"];
const q = (s) => `"${String(s).replace(/"/g, '""')}"`;
for (const w of WANT) {
  const { claim, ...choices } = w;
  const hit = planned.find((p) => p.spec.claim === claim && Object.entries(choices).every(([k, v]) => p.spec.choices[k] === v));
  if (hit === undefined) throw new Error(`no specification with ${JSON.stringify(w)}`);
  const cs = concreteSpec(hit.spec);
  const c = hit.spec.choices;
  const variant = [c.unSource, c.multiHost, c.reportAlignment].join("-");
  const dir = join(out, "mv-panels", variant);
  mkdirSync(join(out, "mv-panels"), { recursive: true });
  execFileSync("node", ["bin/pkt.js", "panel", "build", "--out", dir, "--data-dir", dataDir, "--years", "1999-2011", "--un-source", c.unSource, "--multi-host", c.multiHost, "--report-alignment", c.reportAlignment], { stdio: "inherit" });
  lines.push([hit.index, claim, q(join(dir, "panel.csv")), c.reportAlignment, cs.options.yearFrom, cs.options.yearTo, c.sample, q(cs.formula), c.estimator, q(cs.term)].join(","));
}
writeFileSync(join(out, "multiverse-rows.csv"), lines.join("\n") + "\n");
console.log(`${WANT.length} rows -> ${join(out, "multiverse-rows.csv")}`);
