/** Registers the core kernels: logit, probit, ols. */
import { registerKernel } from "../kernel.js";
import { LOGIT, PROBIT } from "../families.js";
import { fitBinomialGlm } from "./glm.js";
import { fitOls } from "./ols.js";

registerKernel({
  name: "logit",
  description: "Logistic regression (maximum likelihood, IRLS as R's glm)",
  fit: (input) => fitBinomialGlm(input, LOGIT),
  statistic: "z",
  binary: true,
  fixedEffects: "none",
  linkinv: LOGIT.linkinv,
  mueta: LOGIT.mueta,
});

registerKernel({
  name: "probit",
  description: "Probit regression (maximum likelihood, IRLS as R's glm)",
  fit: (input) => fitBinomialGlm(input, PROBIT),
  statistic: "z",
  binary: true,
  fixedEffects: "none",
  linkinv: PROBIT.linkinv,
  mueta: PROBIT.mueta,
});

registerKernel({
  name: "ols",
  description: "Ordinary least squares (linear probability model for a 0/1 outcome)",
  fit: fitOls,
  statistic: "t",
  binary: false,
  fixedEffects: "none",
  linkinv: (eta) => eta,
  mueta: () => 1,
});
