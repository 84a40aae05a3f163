# Reference values for the study's models, fitted by R on the analysis panel that
# `pkt report` writes (out/panel.csv).
# For each of M1-M4: logit and probit with sandwich::vcovCL(type = "HC1") clustered by
# ccode (glm defaults: epsilon 1e-8, as the engine), Firth logit (brglm2, AS_mean) and
# conditional logit (survival::clogit, exact).
# The sample rule is the study's: every model column present, gdppc > 0, pop > 0.
#
# Run from the project root:
#   Rscript scripts/reference/study_models.R [PANEL_CSV] [OUT_JSON]
# Defaults: out/panel.csv -> test/fixtures/reference/study_models.json. The JSON records the
# panel's SHA-256; test/report/reference.test.ts rebuilds the panel and, if its hash
# differs (the panel code changed), runs this script again on the new panel.
# With OUT_JSON = "-" it writes nothing and prints only the timing line (used by bench/).
suppressPackageStartupMessages({ library(sandwich); library(jsonlite); library(brglm2); library(survival); library(digest) })

args <- commandArgs(trailingOnly = TRUE)
panel_csv <- if (length(args) >= 1) args[1] else "out/panel.csv"
out_json <- if (length(args) >= 2) args[2] else "test/fixtures/reference/study_models.json"

t0 <- proc.time()
panel <- read.csv(panel_csv, stringsAsFactors = FALSE, na.strings = c("", "NA"))

# The democracy control is V-Dem polyarchy, the study's default since Polity2 is missing for Serbia,
# Bosnia and Kosovo (docs/study.md).
controls <- "log(gdppc) + log(pop) + v2x_polyarchy + civil_conflict + trend"
models <- list(
  M1 = list(formula = paste("pdest ~ log1p(un_total) +", controls), cols = c("un_total")),
  M2 = list(formula = paste("pdest ~ log1p(un_total) + un_duration +", controls, "+ log1p(un_total):un_duration"), cols = c("un_total", "un_duration")),
  M3 = list(formula = paste("pdest ~ log1p(un_total) + un_tcc +", controls, "+ log1p(un_total):un_tcc"), cols = c("un_total", "un_tcc")),
  M4 = list(formula = paste("pdest ~ log1p(us_troops_foreign) +", controls), cols = c("us_troops_foreign"))
)
base_cols <- c("pdest", "gdppc", "pop", "v2x_polyarchy", "civil_conflict", "trend", "ccode")

sample_for <- function(m) {
  cols <- c(base_cols, m$cols)
  d <- panel[complete.cases(panel[, cols]), ]
  d[d$gdppc > 0 & d$pop > 0, ]
}

tidy_glm <- function(fit, vc) {
  list(terms = names(coef(fit)), coef = unname(coef(fit)), se = unname(sqrt(diag(vc))),
       loglik = as.numeric(logLik(fit)), nobs = nobs(fit), aic = AIC(fit))
}

out <- list()
for (id in names(models)) {
  m <- models[[id]]
  d <- sample_for(m)
  f <- as.formula(m$formula)
  lg <- glm(f, data = d, family = binomial("logit"))
  pr <- glm(f, data = d, family = binomial("probit"))
  fi <- glm(f, data = d, family = binomial("logit"), method = "brglmFit", type = "AS_mean", epsilon = 1e-12, maxit = 200)
  cf <- update(f, . ~ . + strata(ccode))
  cl <- clogit(cf, data = d, method = "exact")
  out[[id]] <- list(
    formula = m$formula,
    n_clusters = length(unique(d$ccode)),
    logit = tidy_glm(lg, vcovCL(lg, cluster = ~ccode, type = "HC1")),
    probit = tidy_glm(pr, vcovCL(pr, cluster = ~ccode, type = "HC1")),
    firth = list(terms = names(coef(fi)), coef = unname(coef(fi))),
    clogit = list(terms = names(coef(cl)), coef = unname(coef(cl)), se = unname(sqrt(diag(vcov(cl)))), loglik = cl$loglik[2])
  )
}
elapsed <- proc.time() - t0

if (out_json != "-") {
  res <- list(
    source = sprintf("%s; sandwich %s; brglm2 %s; survival %s; jsonlite %s; scripts/reference/study_models.R on %s",
                     R.version.string, packageVersion("sandwich"), packageVersion("brglm2"), packageVersion("survival"),
                     packageVersion("jsonlite"), basename(panel_csv)),
    panel_sha256 = digest(file = panel_csv, algo = "sha256"),
    models = out
  )
  writeLines(toJSON(res, digits = NA, auto_unbox = TRUE, pretty = TRUE), out_json)
}
cat(toJSON(list(wall_seconds = unname(elapsed["elapsed"]), cpu_seconds = unname(elapsed["user.self"] + elapsed["sys.self"]),
                R = R.version.string, models = length(out) * 4), auto_unbox = TRUE), "\n")
