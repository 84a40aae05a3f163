# Reference values for two moderation models of `pkt contributors` (src/contributors/):
#   pdest ~ log1p(un_total) * un_female_share (logit), calendar years 2009-2010
#   tip_tier ~ log1p(un_total) * un_contrib_democracy_share (linear), calendar years 2009-2014
# each with the study's controls, moderator 0 where a country has no UN personnel, standard
# errors clustered by country (as src/contributors/run.ts moderationRows and models.ts).
# Input: the panel written by
#   pkt panel build --out DIR          (default options; report year t on calendar year t-1)
# Run from the project root: Rscript scripts/reference/contributors_moderation.R DIR/panel.csv
# Writes test/fixtures/reference/contributors_moderation.json (numbers only, no data).
suppressPackageStartupMessages({ library(sandwich); library(jsonlite) })

args <- commandArgs(trailingOnly = TRUE)
if (length(args) < 1) stop("usage: Rscript scripts/reference/contributors_moderation.R PANEL_CSV")
panel <- read.csv(args[1], stringsAsFactors = FALSE)

specs <- list(
  list(id = "pdest-female", outcome = "pdest", moderator = "un_female_share", model = "logit", years = c(2009, 2010)),
  list(id = "tip_tier-democracy", outcome = "tip_tier", moderator = "un_contrib_democracy_share", model = "ols", years = c(2009, 2014))
)

rows_of <- function(s) {
  has_mod <- unique(panel$year[!is.na(panel[[s$moderator]])])
  d <- panel[panel$year >= s$years[1] & panel$year <= s$years[2] & panel$year %in% has_mod, ]
  d$y <- d[[s$outcome]]
  d$moderator <- ifelse(is.na(d$un_total), NA, ifelse(d$un_total > 0, d[[s$moderator]], 0))
  d$trend <- d$year - s$years[1]
  vars <- c("y", "moderator", "un_total", "gdppc", "pop", "v2x_polyarchy", "civil_conflict", "trend", "ccode")
  d <- d[complete.cases(d[, vars]), vars]
  d[d$gdppc > 0 & d$pop > 0, ]
}

f <- y ~ log1p(un_total) + moderator + log(gdppc) + log(pop) + v2x_polyarchy + civil_conflict + trend + log1p(un_total):moderator

fit_one <- function(s) {
  d <- rows_of(s)
  m <- if (s$model == "logit") glm(f, data = d, family = binomial("logit")) else lm(f, data = d)
  v <- vcovCL(m, cluster = d[, "ccode", drop = FALSE], type = "HC1", cadjust = TRUE, multi0 = FALSE)
  list(id = s$id, outcome = s$outcome, moderator = s$moderator, model = s$model, nobs = nobs(m),
       hosts = sum(d$un_total > 0), n_clusters = length(unique(d$ccode)),
       terms = I(names(coef(m))), coef = I(unname(coef(m))), se = I(unname(sqrt(diag(v)))))
}

pkgs <- c("sandwich", "jsonlite", "stats")
out <- list(
  source = list(
    script = "scripts/reference/contributors_moderation.R",
    R = R.version.string,
    packages = setNames(lapply(pkgs, function(p) as.character(packageVersion(p))), pkgs),
    input = "panel.csv from `pkt panel build` (default options)",
    note = "glm(binomial('logit')) with its default convergence, lm; sandwich::vcovCL(cluster = ccode, type = 'HC1', cadjust = TRUE, multi0 = FALSE); years where the moderator exists within the outcome's years; moderator 0 where un_total = 0; trend = year - first year"
  ),
  fits = lapply(specs, fit_one)
)
dir.create("test/fixtures/reference", recursive = TRUE, showWarnings = FALSE)
writeLines(toJSON(out, digits = NA, auto_unbox = TRUE, pretty = TRUE), "test/fixtures/reference/contributors_moderation.json")
cat("wrote test/fixtures/reference/contributors_moderation.json with", length(out$fits), "fits\n")
