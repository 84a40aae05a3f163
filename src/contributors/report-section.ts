import type { Block, Section } from "../doc/blocks.js";
import { escapeHtml } from "../doc/html.js";
import { findingText, lowerFirst } from "./files.js";
import type { ContributorsFigure } from "./figures.js";
import type { ModerationResult } from "./models.js";
import type { ContributorsResults } from "./run.js";

/**
 * Simulated samples per candidate effect in the report's power search. `pkt contributors`
 * uses 100 (DEFAULT_NSIM); the report uses fewer so that it keeps to its ~10 s budget, and
 * says so. Same seed, same code: only the number of samples differs.
 */
export const REPORT_NSIM = 20;

const f = (x: number, d = 3): string => (Number.isFinite(x) ? x.toFixed(d) : "n/a");

/** MDE below / above 0 as the table shows it ("n/r": not reached, "n/t": the test is not trustworthy). */
function mdeCell(r: ModerationResult): string {
  const p = r.power;
  if (p.mdeLower === null && p.mdeHigher === null && p.rejectAtZero > 0.2) return `n/t (rejects a true 0 in ${Math.round(p.rejectAtZero * 100)}%)`;
  return `${p.mdeLower === null ? "n/r" : f(p.mdeLower, 2)} / ${p.mdeHigher === null ? "n/r" : "+" + f(p.mdeHigher, 2)}`;
}

/** One table row per outcome: the interaction with its interval, N, years, MDE and verdict. */
export function moderatorTableRows(res: ContributorsResults, moderatorCol: string): string[][] {
  return res.results
    .filter((r) => r.moderator === moderatorCol)
    .map((r) => {
      const o = res.outcomes.find((x) => x.col === r.outcome)!;
      return [
        `${o.col}${o.kind === "government-effort" ? " (government effort)" : ""}`,
        f(r.interaction.estimate),
        `[${f(r.interaction.conf_low)}, ${f(r.interaction.conf_high)}]`,
        `${r.n} (${r.hosts})`,
        `${r.years[0]}-${r.years[1]}`,
        `+/-${f(r.meaningful)}`,
        mdeCell(r),
        r.verdict,
      ];
    });
}

/**
 * "Who keeps the peace" as a section of the report, from the same runContributors results and
 * the same figures and finding texts as `pkt contributors`: per moderator the effect of size
 * across its range, a table per model and the findings in plain words.
 */
export function contributorsSection(res: ContributorsResults, figures: readonly ContributorsFigure[]): Section {
  const blocks: Block[] = [
    {
      kind: "p",
      text:
        "Does the effect of UN deployment size depend on who sends the peacekeepers? Each host-year's UN personnel are described by the IPI contributor-by-sex file " +
        "(2009-11 to 2014-02, every mission), so these models cover calendar years 2009-2014 only: the HTI outcomes (pdest, destination) overlap it in TIP reports 2010-2011 alone, " +
        "the TIP tier and the 3P index are **government-effort outcomes** (what governments do about trafficking, not trafficking itself). " +
        "Model: `y ~ log1p(un_total) * moderator + log(gdppc) + log(pop) + v2x_polyarchy + civil_conflict + trend`, logit or linear, standard errors clustered by country; " +
        "the interaction is the change in the size effect per unit of the share.",
    },
    {
      kind: "p",
      text:
        `Verdict rule: "the data cannot tell" when the 95% interval includes both a meaningful lowering and a meaningful raising of the size effect (meaningful: an odds ratio of 1.5, a quarter of a tier or one 3P point ` +
        `for a median-sized deployment, between the moderator's 25th and 75th percentiles among hosts); "lowers"/"raises" when it excludes 0; "no meaningful moderation" inside the band; otherwise "cannot rule out" the side it reaches. ` +
        `${res.results.length} interactions are tested at the 5% level, so one or two intervals excluding 0 are expected by chance.`,
    },
    {
      kind: "p",
      text:
        `Minimum detectable effects (MDE, 80% power at p < 0.05) in this report come from ${res.settings.nsim} simulated samples per candidate value (seed ${res.settings.seed}), ` +
        `fewer than the 100 of \`pkt contributors\` so that the report stays within its time budget; they are therefore rougher (about +/-0.09 on each power estimate), ` +
        "and so is the rejection rate at a true zero: some HTI models are flagged n/t here that `pkt contributors` gives an MDE for. " +
        "Run `pkt contributors` for the full simulation, split samples and the comparison of contributor sources.",
    },
  ];
  for (const m of res.moderators) {
    const results = res.results.filter((r) => r.moderator === m.col);
    if (results.length === 0) continue;
    blocks.push({ kind: "h3", text: m.label, id: `contributors-${m.id}` });
    const fig = figures.find((x) => x.moderator === m.col);
    if (fig !== undefined) {
      const title = `Effect of deployment size across: ${m.label}`;
      const caption = "Coefficient of log(1 + UN personnel) at each value of the share among hosts, with its 95% interval (clustered by country); one panel per outcome, scales differ.";
      blocks.push({
        kind: "raw",
        html: `<figure id="fig-contributors-${fig.stem}">${fig.html}<figcaption><strong>${escapeHtml(title)}.</strong> ${escapeHtml(caption)}</figcaption></figure>`,
        markdown: `![${title}](figures/contributors/${fig.stem}.svg)\n\n*${title}.* ${caption}`,
      });
    }
    blocks.push({
      kind: "table",
      caption: `Size x ${lowerFirst(m.label)}: interaction per model`,
      head: ["outcome", "interaction", "95% interval", "N (host-years)", "calendar years", "meaningful", "MDE, below / above 0", "verdict"],
      rows: moderatorTableRows(res, m.col),
      note: "MDE: minimum detectable interaction at 80% power (n/r: not reached within 8 standard errors; n/t: no MDE because the clustered test rejects a true zero too often in simulation).",
    });
    blocks.push({
      kind: "ul",
      items: results.map((r) => findingText(r, res.outcomes.find((x) => x.col === r.outcome)!, m)),
    });
  }
  if (res.failures.length > 0) blocks.push({ kind: "p", text: `Not estimated: ${res.failures.map((x) => `${x.outcome} x ${x.moderator} (${x.message})`).join("; ")}.` });
  return { id: "contributors", title: "Who keeps the peace", nav: "Who keeps the peace", blocks };
}
