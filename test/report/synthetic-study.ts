import { DEFAULT_OPTIONS } from "../../src/study/options.js";
import { runStudy, type StudyResults } from "../../src/study/run.js";
import { syntheticEngine } from "../study/helpers.js";

let cached: StudyResults | null = null;

/** The study run on the synthetic panel with the real estimation engine (computed once per file). */
export function syntheticStudy(): StudyResults {
  cached ??= runStudy(DEFAULT_OPTIONS, syntheticEngine());
  return cached;
}
