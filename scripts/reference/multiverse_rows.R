# Reference values for five rows of the multiverse (specs.csv), fitted by R on the panel
# variants that `pkt panel build` writes (the raw country-year panel.csv, calendar years).
# Written from the documented rules (docs/multiverse.md, docs/study.md), not from the code:
# - TIP report year t sits on calendar year t-1 under the t-1 alignment, on t under t;
#   the rows are those whose report year is in the row's years;
# - trend = report year - first report year of the sample;
# - un_duration = un_duration_years, 0 where the country-year has no UN personnel;
# - us_troops_foreign = us_troops, 0 for the United States itself (COW 2);
# - samples: no-balkans drops COW 343-347; no-observer-only drops the hosts with some UN
#   personnel but no troops or police in any year of the sample; 2003-2011 is the years;
# - listwise deletion over the formula's variables; log() of a non-positive value drops the row;
# - logit: glm(binomial) with sandwich::vcovCL(cluster = ~ccode, type = "HC1");
#   lpm-fe: lm with factor(ccode) dummies, the same vcovCL.
#
# Run from the project root, after `node scripts/reference/multiverse_rows_input.mjs`:
#   Rscript scripts/reference/multiverse_rows.R [ROWS_CSV] [OUT_JSON]
# Defaults: out/reference/multiverse-rows.csv -> test/fixtures/reference/multiverse_rows.json
suppressPackageStartupMessages({ library(sandwich); library(jsonlite) })

args <- commandArgs(trailingOnly = TRUE)
rows_csv <- if (length(args) >= 1) args[1] else "out/reference/multiverse-rows.csv"
out_json <- if (length(args) >= 2) args[2] else "test/fixtures/reference/multiverse_rows.json"
specs <- read.csv(rows_csv, stringsAsFactors = FALSE, na.strings = character(0))

balkans <- c(343, 344, 345, 346, 347)
out <- list()
for (i in seq_len(nrow(specs))) {
  s <- specs[i, ]
  panel <- read.csv(s$panel_csv, stringsAsFactors = FALSE, na.strings = c("", "NA"))
  panel$report_year <- if (s$alignment == "t-1") panel$year + 1 else panel$year
  d <- panel[panel$report_year >= s$year_from & panel$report_year <= s$year_to, ]
  d$trend <- d$report_year - s$year_from
  d$un_duration <- ifelse(is.na(d$un_duration_years) & !is.na(d$un_total) & d$un_total == 0, 0, d$un_duration_years)
  d$us_troops_foreign <- ifelse(d$ccode == 2 & !is.na(d$us_troops), 0, d$us_troops)
  if (s$sample == "no-balkans") d <- d[!(d$ccode %in% balkans), ]
  if (s$sample == "no-observer-only") {
    tot <- tapply(ifelse(is.na(d$un_total), 0, d$un_total), d$ccode, sum)
    armed <- tapply(ifelse(is.na(d$un_troops), 0, d$un_troops) + ifelse(is.na(d$un_police), 0, d$un_police), d$ccode, sum)
    observers_only <- as.numeric(names(tot)[tot > 0 & armed == 0])
    d <- d[!(d$ccode %in% observers_only), ]
  }
  parts <- strsplit(s$formula, "|", fixed = TRUE)[[1]]
  f <- as.formula(if (length(parts) == 2) paste(trimws(parts[1]), "+ factor(", trimws(parts[2]), ")") else s$formula)
  vars <- all.vars(f)
  d <- d[complete.cases(d[, unique(c(vars, "ccode"))]), ]
  # log() of a non-positive value is undefined: drop those rows, as listwise deletion of the term.
  for (v in vars) {
    if (grepl(paste0("log\\(", v, "\\)"), s$formula)) d <- d[d[[v]] > 0, ]
  }
  m <- if (s$estimator == "logit") glm(f, data = d, family = binomial("logit")) else lm(f, data = d)
  V <- vcovCL(m, cluster = ~ccode, type = "HC1")
  out[[i]] <- list(index = s$index, claim = s$claim, estimator = s$estimator, sample = s$sample,
                   formula = s$formula, term = s$term, estimate = unname(coef(m)[s$term]),
                   std_error = unname(sqrt(diag(V))[s$term]), nobs = nobs(m), n_clusters = length(unique(d$ccode)))
}
res <- list(
  source = "scripts/reference/multiverse_rows.R",
  r_version = R.version.string, sandwich = as.character(packageVersion("sandwich")),
  rows = out
)
dir.create(dirname(out_json), showWarnings = FALSE, recursive = TRUE)
writeLines(toJSON(res, auto_unbox = TRUE, digits = NA, pretty = TRUE), out_json)
cat(sprintf("%d rows -> %s\n", length(out), out_json))
