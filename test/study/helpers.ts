import { studyFit } from "../../src/study/engine.js";
import type { StudyEngine } from "../../src/study/run.js";
import { syntheticPanel } from "../fixtures/study/synthetic-panel.js";

/** A study engine over the synthetic panel and the real estimation engine. */
export function syntheticEngine(countries = 60): StudyEngine & { panelCalls: number } {
  const rows = syntheticPanel(countries);
  const e = {
    panelCalls: 0,
    fit: studyFit,
    panel() {
      e.panelCalls++;
      return { rows, sources: ["synthetic"] };
    },
  };
  return e;
}
