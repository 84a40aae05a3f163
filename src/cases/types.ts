import type { NonUnType } from "../panel/steps/add-non-un-operations.js";

/** The non-UN organisation types, in display order. */
export const NON_UN_TYPE_LIST: readonly NonUnType[] = ["nato", "eu", "regional", "single_state"];

/** Words for each organisation type. */
export const ORG_LABELS: Readonly<Record<NonUnType | "un", string>> = {
  un: "UN",
  nato: "NATO",
  eu: "EU",
  regional: "Regional (AU, ECOWAS, CIS, ...)",
  single_state: "Single state / coalition",
};
