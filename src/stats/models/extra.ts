/**
 * Registration of the extra estimators (firth, relogit, clogit, feols). Owned by the
 * engineer writing them: import each kernel module here and call registerKernel.
 * src/stats/index.ts imports this file once.
 *
 * Note for the variance code (small-sample factors): for feols the dummy-variable lm
 * that sandwich::vcovHC/vcovCL see has K = n - dfResidual coefficients (p plus the
 * degrees of freedom the fixed effects absorb), not scores.cols; for clogit the rows of
 * groups without outcome variation have all-zero scores and should count neither in n
 * (n = dfResidual + p) nor, when a cluster holds only such rows, in G. With
 * k = n - fit.dfResidual and n = rows with a non-zero score row (or fit.dfResidual + p),
 * HC1 and CR1 match R for every kernel; for glm and ols nothing changes.
 */
import { registerKernel } from "../kernel.js";
import { clogitKernel } from "./clogit.js";
import { feolsKernel } from "./feols.js";
import { firthKernel } from "./firth.js";
import { relogitKernel } from "./relogit.js";
import "../vcov/bootstrap.js";

registerKernel(firthKernel);
registerKernel(relogitKernel);
registerKernel(clogitKernel);
registerKernel(feolsKernel);
