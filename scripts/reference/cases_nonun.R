# Reference values for the non-UN size models of `pkt cases` (src/cases/nonun.ts):
# logit of HTI pdest on log(1 + personnel) and the study's controls, clustered by country,
# TIP reports 2001-2011 (calendar years 2000-2010 with report t+1 at calendar t).
# Input: the panel written by
#   pkt panel build --out DIR          (default options; report year t on calendar year t-1)
# Run from the project root: Rscript scripts/reference/cases_nonun.R DIR/panel.csv
# Writes test/fixtures/reference/cases_nonun.json (numbers only, no data).
suppressPackageStartupMessages({ library(sandwich); library(jsonlite) })

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1) stop("usage: Rscript scripts/reference/cases_nonun.R PANEL_CSV")
panel <- read.csv(args[1], stringsAsFactors = FALSE)
panel <- panel[order(panel$ccode, panel$year), ]

# Years of continuous non-UN presence (0 in the first year, 0 without, NA where unknown).
panel$nonun_duration <- NA_real_
start <- NA
for (i in seq_len(nrow(panel))) {
  new_run <- i == 1 || panel$ccode[i] != panel$ccode[i - 1] || panel$year[i] != panel$year[i - 1] + 1
  if (new_run) start <- NA
  a <- panel$nonun_any[i]
  if (!is.na(a) && a == 1) {
    if (is.na(start)) start <- panel$year[i]
    panel$nonun_duration[i] <- panel$year[i] - start
  } else {
    start <- NA
    panel$nonun_duration[i] <- if (is.na(a)) NA else 0
  }
}

d <- panel[panel$year >= 2000 & panel$year <= 2010, ]
d$trend <- d$year + 1 - 2001

controls <- function(dem) paste("log(gdppc) + log(pop) +", dem, "+ civil_conflict + trend")
specs <- list(
  list(id = "un", democracy = "polity2", formula = paste("pdest ~ log1p(un_total) +", controls("polity2"))),
  list(id = "nonun", democracy = "polity2", formula = paste("pdest ~ log1p(nonun_total) +", controls("polity2"))),
  list(id = "nato", democracy = "v2x_polyarchy", formula = paste("pdest ~ log1p(nonun_nato) +", controls("v2x_polyarchy"))),
  list(id = "eu", democracy = "v2x_polyarchy", formula = paste("pdest ~ log1p(nonun_eu) +", controls("v2x_polyarchy"))),
  list(id = "nonun-x-duration", democracy = "polity2",
       formula = paste("pdest ~ log1p(nonun_total) + nonun_duration +", controls("polity2"), "+ log1p(nonun_total):nonun_duration"))
)

fit_one <- function(s) {
  f <- as.formula(s$formula)
  vars <- unique(c(all.vars(f), "ccode"))
  used <- d[complete.cases(d[, vars]) & d$gdppc > 0 & d$pop > 0, vars]
  m <- glm(f, data = used, family = binomial("logit"))
  v <- vcovCL(m, cluster = used[, "ccode", drop = FALSE], type = "HC1", cadjust = TRUE, multi0 = FALSE)
  list(id = s$id, democracy = s$democracy, formula = s$formula, nobs = nobs(m),
       n_clusters = length(unique(used$ccode)), terms = I(names(coef(m))), coef = I(unname(coef(m))),
       se = I(unname(sqrt(diag(v)))), loglik = as.numeric(logLik(m)), converged = m$converged)
}

pkgs <- c("sandwich", "jsonlite", "stats")
out <- list(
  source = list(
    script = "scripts/reference/cases_nonun.R",
    R = R.version.string,
    packages = setNames(lapply(pkgs, function(p) as.character(packageVersion(p))), pkgs),
    input = "panel.csv from `pkt panel build --report-alignment t-1` (all options otherwise default)",
    note = "glm(binomial('logit')) with its default convergence (epsilon = 1e-8, as glm_core.R); sandwich::vcovCL(cluster = ccode, type = 'HC1', cadjust = TRUE); calendar years 2000-2010; trend = year + 1 - 2001"
  ),
  fits = lapply(specs, fit_one)
)
dir.create("test/fixtures/reference", recursive = TRUE, showWarnings = FALSE)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "test/fixtures/reference/cases_nonun.json")
cat("wrote test/fixtures/reference/cases_nonun.json with", length(out$fits), "fits\n")
