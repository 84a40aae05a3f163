/** The phone-width specification curve (Node only: it uses the report's figure helpers, which the browser bundle must not pull in). */
import { narrowSpec } from "../doc/figure.js";
import type { VegaLiteSpec } from "../report/figures/specs.js";

/**
 * The curve for a phone-width page: plots NARROW_WIDTH wide (narrowSpec) and the choice
 * matrix's labels cut at 130 px, so the figure fits 420 px with readable text.
 */
export function narrowCurveSpec(spec: VegaLiteSpec): VegaLiteSpec {
  const n = narrowSpec(spec) as Record<string, unknown>;
  const views = (n.vconcat as Record<string, unknown>[] | undefined) ?? [];
  n.vconcat = views.map((v, i) => {
    if (i !== views.length - 1) return v;
    const enc = v.encoding as Record<string, Record<string, unknown>>;
    return { ...v, encoding: { ...enc, y: { ...enc.y, axis: { ...(enc.y.axis as Record<string, unknown>), labelLimit: 130 } } } };
  });
  return n as VegaLiteSpec;
}
