/**
 * The one palette of the report, the cases page and the dashboard, from Okabe & Ito's
 * colour-universal design (distinct for the common colour-vision deficiencies and in
 * grey). The same thing has the same colour everywhere.
 */
export const PALETTE = Object.freeze({
  /** UN peacekeepers. */
  un: "#0072B2",
  /** Non-UN operations (NATO, EU, regional, single states). */
  nonun: "#009E73",
  /** US troops. */
  us: "#000000",
  /** Listed as a destination. */
  destination: "#D55E00",
  /** In the report and not listed. */
  notDestination: "#B9C6D2",
  /** No report / no data: white, drawn with an outline so the swatch stays visible. */
  noData: "#FFFFFF",
  /** Outline of shapes and legend swatches, so white reads as "nothing here". */
  outline: "#8C8C8C",
  /** A scenario or highlighted series beside a neutral one. */
  scenario: "#D55E00",
  neutral: "#4D4D4D",
  /** A third series (counts of countries, indices). */
  other: "#CC79A7",
  /** Reference rules (onsets, zero lines). */
  rule: "#555555",
});

/**
 * Sign and significance of an estimate on a specification curve, in the order positive with
 * p < 0.05, not significant, negative with p < 0.05 (the report's curves and the dashboard's).
 */
export const SIGNIFICANCE_RANGE = Object.freeze([PALETTE.un, PALETTE.outline, PALETTE.destination] as const);

/** The status categories of the maps and strips, in legend order, with their colours. */
export const STATUS_COLORS = Object.freeze({
  domain: ["Destination", "Not a destination", "No data"] as const,
  range: [PALETTE.destination, PALETTE.notDestination, PALETTE.noData],
});
