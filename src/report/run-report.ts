import { join, resolve } from "node:path";
import { writeFilesAtomic } from "../core/atomic-write.js";
import { SourceLoader } from "../panel/index.js";
import { countrycodeCodelistSource, readCountrycodeCodelist } from "../sources/countrycode-codelist.js";
import { studyFit } from "../study/engine.js";
import type { StudyOptions } from "../study/options.js";
import { studyPanel } from "../study/real-panel.js";
import { runStudy, type StudyResults } from "../study/run.js";
import { buildCasesFiles } from "../cases/files.js";
import { casesSection } from "../cases/report-section.js";
import { runCases } from "../cases/run.js";
import { contributorsSection, REPORT_NSIM } from "../contributors/report-section.js";
import { runContributorsInBackground } from "../contributors/background.js";
import { buildReportFiles, type ReportFile } from "./build.js";
import { worldAtlasPath, worldFeatures } from "./figures/world.js";
import { provenanceEntries } from "./provenance.js";
import { readRunFiles, reuseMultiverse, reuseSample, sampleMultiverse, type MultiverseDigest } from "../multiverse/for-report.js";

/** Where, in the report's output, an earlier `pkt multiverse` run is kept, and where the report's own sample goes. */
export const CARRY = "multiverse";
export const SAMPLE = "multiverse-sample";
import { multiverseSection } from "./multiverse-section.js";

/** What `runReport` needs. */
export interface RunReportOptions {
  readonly dataDir: string;
  /** Output directory; files are written atomically (all or none). Null: build in memory only. */
  readonly outDir: string | null;
  readonly options: StudyOptions;
  readonly version: string;
  readonly png?: boolean;
  readonly progress?: (step: string) => void;
  /**
   * The multiverse the claim cards and the multiverse section show: an earlier full run in
   * `reuseDir` when its inputs match, else a seeded sample of `perClaim` specifications per
   * claim (0: none), reused from `sampleDir` when an earlier report fitted the same one. Absent or null: the report leaves the multiverse out.
   */
  readonly multiverse?: {
    readonly reuseDir: string | null;
    readonly perClaim: number;
    readonly seed: number;
    /** An earlier `pkt multiverse` run inside the output directory (`<out>/multiverse`), carried into the new output unchanged. */
    readonly carryDir?: string | null;
    /** The sample an earlier report wrote (`<out>/multiverse-sample`): reused when it is the same request from this version and data. */
    readonly sampleDir?: string | null;
  } | null;
}

/** Wall-clock milliseconds per stage. */
export interface ReportTimings {
  readonly study: number;
  readonly render: number;
  readonly write: number;
  readonly total: number;
}

/**
 * The whole job: build the panel from the raw files, fit the study's models and the
 * robustness checks, derive the findings, render tables and figures, and write the report.
 */
export async function runReport(o: RunReportOptions): Promise<{ study: StudyResults; multiverse: MultiverseDigest | null; files: ReportFile[]; written: string[]; timings: ReportTimings }> {
  const t0 = performance.now();
  const loader = new SourceLoader(o.dataDir);
  // The multiverse first: reused from an earlier run, or a sample fitted on a worker thread
  // that overlaps the study below (awaited after it).
  let multiverse: Promise<MultiverseDigest | null> = Promise.resolve(null);
  if (o.multiverse) {
    const mv = o.multiverse;
    const carried = mv.carryDir !== undefined && mv.carryDir !== null && mv.reuseDir === mv.carryDir;
    const reused = mv.reuseDir === null ? { why: null } : reuseMultiverse(mv.reuseDir, o.version, carried ? `${CARRY}/specs.csv` : undefined);
    const full = "digest" in reused ? reused.digest : null;
    const why = "why" in reused ? reused.why : null;
    const earlier =
      full === null && mv.perClaim > 0 && mv.sampleDir ? reuseSample(mv.sampleDir, o.version, { perClaim: mv.perClaim, seed: mv.seed, notReused: why, link: `${SAMPLE}/specs.csv` }) : null;
    if (full !== null) {
      o.progress?.(`multiverse: reusing the full run in ${mv.reuseDir}`);
      multiverse = Promise.resolve(full);
    } else if (earlier !== null) {
      o.progress?.(`multiverse: reusing the sample an earlier report fitted in ${mv.sampleDir}`);
      multiverse = Promise.resolve(earlier);
    } else if (mv.perClaim > 0) {
      o.progress?.(`multiverse: fitting ${mv.perClaim} sampled specifications per claim on a worker thread${why === null ? "" : ` (${mv.reuseDir} not reused: ${why})`}`);
      multiverse = sampleMultiverse({ panel: (po) => studyPanel(o.dataDir, po, loader) }, { dataDir: o.dataDir, perClaim: mv.perClaim, seed: mv.seed, version: o.version, png: false, notReused: why, link: `${SAMPLE}/specs.csv` });
      // The report inlines the curves' SVG; PNG copies of the sample's curves would only cost time.
      // Handled when awaited below; this keeps a failure meanwhile from counting as unhandled.
      multiverse.catch(() => undefined);
    }
  }
  // Who keeps the peace: its panel (read from the files by the worker itself), then ~10^4 model
  // fits and six figures on a second core while the study runs.
  o.progress?.("who keeps the peace: the contributor panel and models on a worker thread");
  const contributorsJob = runContributorsInBackground({ panel: { dataDir: o.dataDir }, nsim: REPORT_NSIM, png: o.png });
  contributorsJob.catch(() => undefined); // awaited below; this only keeps an early failure of the study from leaving it unhandled
  const study = runStudy(o.options, { fit: studyFit, panel: (po) => studyPanel(o.dataDir, po, loader), progress: o.progress });
  const t1 = performance.now();
  o.progress?.("reading map outlines");
  const world = worldFeatures(readCountrycodeCodelist(o.dataDir));
  o.progress?.("case studies");
  const cases = runCases({ dataDir: o.dataDir, loader, synth: false, progress: o.progress });
  // The cases page does not wait for the background work: render it first.
  const casesFiles = await buildCasesFiles(cases, { png: o.png });
  o.progress?.("multiverse");
  const mv = await multiverse;
  o.progress?.(`who keeps the peace: waiting for the models (power with ${REPORT_NSIM} samples per value)`);
  const { results: contributors, figures: contributorFigures, sources: contributorSources } = await contributorsJob;
  const provenance = provenanceEntries(study, { codelistId: countrycodeCodelistSource.id, atlasPath: worldAtlasPath() }, [
    ...contributorSources.map((id) => ({ id, usedFor: "who keeps the peace" })),
  ]);
  const extraSections = [
    { before: "method", section: casesSection(cases) },
    { before: "method", section: contributorsSection(contributors, contributorFigures) },
    ...(mv === null ? [] : [{ before: "results", section: multiverseSection(mv) }]),
  ];
  const built = await buildReportFiles(study, { world, provenance, version: o.version, png: o.png, progress: o.progress, extraSections, multiverse: mv });
  // An earlier multiverse run inside the output directory is kept (the output is replaced as a
  // whole); the report's own sample goes beside it.
  const carryDir = o.multiverse?.carryDir ?? null;
  // A reused run from that directory has been read already: its files are the digest's.
  const carried = carryDir === null ? [] : mv !== null && mv.mode === "reused" && mv.reusedFrom === carryDir ? mv.files : readRunFiles(carryDir);
  const carry = carried.map((f) => ({ path: `${CARRY}/${f.path}`, data: f.data }));
  const sample = mv !== null && mv.mode === "sample" ? mv.files.map((f) => ({ path: `${SAMPLE}/${f.path}`, data: f.data })) : [];
  const files = [...built.files, ...casesFiles, ...contributorFigures.flatMap((f) => f.files), ...carry, ...sample];
  const t2 = performance.now();
  const written: string[] = [];
  if (o.outDir !== null) {
    o.progress?.(`writing ${files.length} files to ${o.outDir}`);
    const dir = resolve(o.outDir);
    writeFilesAtomic(files.map((f) => ({ path: join(dir, f.path), data: f.data })));
    written.push(...files.map((f) => join(dir, f.path)));
  }
  const t3 = performance.now();
  return { study, multiverse: mv, files, written, timings: { study: t1 - t0, render: t2 - t1, write: t3 - t2, total: t3 - t0 } };
}
