/**
 * The multiverse in the report: one line per claim card (the share of defensible
 * specifications that support the claim, beside the default specification's estimate)
 * and a section with the shares, the choices that move them and the specification curves.
 */
import type { Section } from "../doc/blocks.js";
import { prefixSvgIds } from "../doc/figure.js";
import { FORKS, type ClaimId } from "../multiverse/forks.js";
import type { MultiverseDigest } from "../multiverse/for-report.js";
import { shareInterval, type ClaimSummary } from "../multiverse/summary.js";

/** The multiverse claim a study finding tests (the report calls the contributors claim `tcc`). */
export function claimOfFinding(id: string): ClaimId {
  return id === "tcc" ? "contributors" : (id as ClaimId);
}

const pct = (x: number | null): string => (x === null ? "n/a" : `${Math.round(100 * x)}%`);
const num = (n: number): string => n.toLocaleString("en-US");

/** Supporting specifications of a claim, as a count (shares are of the estimated ones). */
function supporting(c: ClaimSummary): number {
  return Math.round((c.share_supporting ?? 0) * c.estimated);
}

/** The share supporting, with its 95% interval when the specifications are a random sample. */
export function supportPhrase(d: MultiverseDigest, c: ClaimSummary): string {
  const k = supporting(c);
  if (d.mode === "reused") return `${pct(c.share_supporting)} of ${num(c.estimated)} estimated specifications`;
  const ci = shareInterval(k, c.estimated);
  const grid = d.grid.by_claim[c.claim];
  return `${k} of ${num(c.estimated)} specifications drawn at random from ${num(grid)} (${pct(c.share_supporting)}; 95% interval ${ci === null ? "n/a" : `${pct(ci[0])}-${pct(ci[1])}`})`;
}

/** What "supports" means for a claim. */
function supportMeaning(claim: ClaimId): string {
  return claim === "placebo" ? "no positive US-troop effect with p < 0.05" : "a positive estimate with p < 0.05";
}

/** The line under a claim card. */
export function multiverseCardLine(d: MultiverseDigest, findingId: string): string | null {
  const c = d.claims.find((x) => x.claim === claimOfFinding(findingId));
  if (c === undefined) return null;
  return `Across the multiverse: ${supportMeaning(c.claim)} in ${supportPhrase(d, c)}.`;
}

/** The sentence under the headline: how each claim fares across the defensible specifications, not only the default one. */
export function multiverseLead(d: MultiverseDigest): string {
  const short: Record<ClaimId, string> = { size: "claim 1 (size)", duration: "claim 2 (size x duration)", contributors: "claim 3 (size x contributors)", placebo: "the placebo (no US-troop effect)" };
  const parts = d.claims.map((c) => `${short[c.claim]} ${pct(c.share_supporting)}`);
  const of = d.mode === "reused" ? `all ${num(d.fitted)} defensible specifications of the default grid` : `a random sample of ${num(d.fitted)} of the ${num(d.grid.total)} defensible specifications`;
  return `The verdicts above are for one default specification. Across ${of}, the share supporting each claim is: ${parts.join("; ")}.`;
}

/** A sentence on how the numbers were obtained, and how to get the full grid. */
export function provenanceSentence(d: MultiverseDigest): string {
  if (d.mode === "reused") {
    return `These are all ${num(d.fitted)} specifications of the default grid, fitted by \`pkt multiverse\` and reused from ${d.reusedFrom} because its program version, request and data hashes match this run.`;
  }
  const why = d.notReused === null ? "No earlier full run was found" : `The earlier run found was not reused: ${d.notReused}`;
  if (d.reusedFrom !== null) {
    return `${why}, so the report shows a random sample of ${num(d.request.max ?? 0)} specifications per claim (seed ${d.request.seed ?? 1}) from the ${num(d.grid.total)} of the default grid, fitted by an earlier report and reused from ${d.reusedFrom} because its program version, request and data hashes match this run. Shares from a sample carry the 95% interval shown. For every specification, run \`pkt multiverse --out out/multiverse\` (minutes); the next \`pkt report --out out\` reuses it.`;
  }
  return `${why}, so the report fitted a random sample of ${num(d.request.max ?? 0)} specifications per claim (seed ${d.request.seed ?? 1}) from the ${num(d.grid.total)} of the default grid, on a worker thread while it built the rest. Shares from a sample carry the 95% interval shown. For every specification, run \`pkt multiverse --out out/multiverse\` (minutes); the next \`pkt report --out out\` reuses it.`;
}

/** Per claim: fork options under which the claim's verdict (a majority of specifications supporting it or not) differs from the whole grid's. */
export function verdictFlips(c: ClaimSummary): string[] {
  const overall = (c.share_supporting ?? 0) >= 0.5;
  const out: string[] = [];
  for (const f of FORKS) {
    const by = c.by_fork[f.id];
    if (by === undefined || Object.keys(by).length < 2) continue;
    for (const [opt, t] of Object.entries(by)) {
      if (t.estimated < 5 || t.share_positive_significant === null) continue;
      const share = c.claim === "placebo" ? 1 - t.share_positive_significant : t.share_positive_significant;
      if (share >= 0.5 !== overall) out.push(`${f.label} = ${opt}: ${pct(share)} of ${num(t.estimated)}`);
    }
  }
  return out;
}

/** The forks that move the estimate most: share of the variance of estimate / SE between their options. */
function topForks(c: ClaimSummary, n = 3): string {
  const label = (id: string) => FORKS.find((f) => f.id === id)?.label ?? id;
  const rows = [...c.variance].filter((v) => v.z !== null).sort((a, b) => b.z! - a.z!).slice(0, n);
  return rows.map((v) => `${label(v.fork).toLowerCase()} (${pct(v.z)})`).join(", ");
}

/** The multiverse section (placed by the report right after the findings). */
export function multiverseSection(d: MultiverseDigest): Section {
  const head = ["Claim", d.mode === "sample" ? "Specifications (sampled / grid)" : "Specifications (estimated / grid)", "Supporting", "Positive, p < 0.05", "Negative, p < 0.05", "Median z"];
  const rows = d.claims.map((c) => {
    const ci = d.mode === "sample" ? shareInterval(supporting(c), c.estimated) : null;
    return [
      c.title,
      `${num(c.estimated)} / ${num(d.grid.by_claim[c.claim])}`,
      `${pct(c.share_supporting)}${ci === null ? "" : ` (${pct(ci[0])}-${pct(ci[1])})`}`,
      pct(c.share_positive_significant),
      pct(c.share_negative_significant),
      c.median_z === null ? "n/a" : c.median_z.toFixed(2),
    ];
  });
  const flips = d.claims.map((c) => {
    const f = verdictFlips(c);
    const moved = topForks(c);
    const verdict = (c.share_supporting ?? 0) >= 0.5 ? "most specifications support it" : "most specifications do not support it";
    return `**${c.title}**: ${verdict}${f.length === 0 ? "; no single choice turns that around" : `; the majority turns under ${f.join("; ")}`}${moved === "" ? "" : `. The choices that move estimate / SE most: ${moved} of its variance`}.`;
  });
  const figures = d.curves.map((c) => {
    const title = d.claims.find((x) => x.claim === c.claim)?.title ?? c.claim;
    const inline = (svg: string, prefix: string) => prefixSvgIds(svg, prefix).replace(/^<\?xml[^>]*>\s*/, "");
    // Wide and phone-width versions, one shown by the page's CSS (as the report's other figures).
    const svg = c.narrow === null
      ? inline(c.svg, `mv-${c.claim}`)
      : `<div class="fig-wide">${inline(c.svg, `mv-${c.claim}`)}</div><div class="fig-narrow">${inline(c.narrow, `mv-${c.claim}-n`)}</div>`;
    return {
      kind: "raw" as const,
      html: `<figure id="fig-curve-${c.claim}" class="curve">${svg}<figcaption><strong>Specification curve: ${title}.</strong> Log-odds estimates ranked, with 95% intervals; below, the choice each specification made in each fork.</figcaption></figure>`,
      markdown: `![Specification curve: ${title}](${d.link.replace(/specs\.csv$/, "")}figures/curve-${c.claim}.svg)`,
    };
  });
  return {
    id: "multiverse",
    title: "The multiverse: every defensible specification",
    nav: "Multiverse",
    blocks: [
      { kind: "p", text: "The paper's code is not public, so no single specification is the paper's. Each claim is therefore fitted under every compatible combination of defensible choices: the UN source, where multi-host missions are counted, the report-year alignment, the measures, the controls, time, the estimator and the sample (docs/multiverse.md lists every option with its reason). The share of specifications that support a claim is the honest answer to \"does the finding hold?\"." },
      { kind: "p", text: provenanceSentence(d) },
      { kind: "table", caption: "Share of specifications supporting each claim", head, rows, note: "Supporting: positive with p < 0.05 (the placebo: no positive US-troop effect with p < 0.05). Median z: median of estimate / SE, comparable across estimators." },
      { kind: "h3", text: "Choices that flip the verdict" },
      { kind: "ul", items: flips },
      ...figures,
      { kind: "link", text: `Every specification with its choices, estimate and the commands that reproduce it: ${d.link} (and specs.parquet beside it)`, href: d.link },
    ],
  };
}
