import type { SourceDef } from "./source.js";

/** UN peace operations list with start and end dates (UN Peace and Security Data Hub, dataset DPPADPOSS-PKO, updated 2024-02-19); decimal-comma coordinates */
export const unMissionsSource: SourceDef = {
  id: "un_missions",
  file: "pko/un_dppadposs_missions.csv",
  sha256: "234ee1f8ecf3d7974f4bb3818fc5a7c9212c77c2643156bfb8b7f04b6089b471",
  bytes: 10063,
  url: "https://raw.githubusercontent.com/tdballesteros/conflict-relapse/e6130e8619cbaa3da387820be4d46235bcd83051/Data%20files/Raw%20data%20files/DPPADPOSS-PKO.csv",
  what: "UN peace operations list with start and end dates (UN Peace and Security Data Hub, dataset DPPADPOSS-PKO, updated 2024-02-19); decimal-comma coordinates",
  citation: "United Nations DPPA/DPO, Peace and Security Data Hub, DPPADPOSS-PKO.",
  license: "none stated",
};
