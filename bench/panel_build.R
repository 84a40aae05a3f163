# R side of bench/panel-build.bench.ts: the default country-year panel (1990-2019) built with
# readr + dplyr from the same raw files, following the same rules in simplified form
# (COW state-years; IPI UN mission-months placed through the crosswalk, UNMIK 345 -> 347 in
# 2008; Bara-Hultman non-UN by type; IPI gender share; HTI pdest/destination; TIP tiers;
# 3P; US troops legacy; Fariss GDP/pop; democracy; UCDP civil conflict). Prints one JSON
# line: wall and CPU seconds of the build (package loading excluded), rows and columns.
# Usage: Rscript bench/panel_build.R DATA_DIR [OUT_CSV]  (OUT_CSV, written after timing, lets the bench compare values)
suppressPackageStartupMessages({ library(dplyr); library(readr); library(tidyr); library(jsonlite) })
args <- commandArgs(trailingOnly = TRUE)
D <- if (exists("DATA_DIR")) DATA_DIR else if (length(args) > 0) args[1] else "../shared/data"
f <- function(p) file.path(D, p)
q <- function(...) suppressWarnings(suppressMessages(read_csv(..., show_col_types = FALSE, progress = FALSE)))
Y0 <- 1990; Y1 <- 2019

build <- function() {
  st <- q(f("states/isard_cw_gw_panel.csv"), na = "")
  cl <- q(f("states/countrycode_codelist.csv"), na = "")
  cy <- st %>% filter(!is.na(ccode), year >= Y0, year <= Y1) %>% distinct(ccode, year, .keep_all = TRUE) %>%
    select(ccode, year, country = cw_name) %>%
    left_join(cl %>% filter(!is.na(cown), !is.na(iso3c)) %>% distinct(cown, .keep_all = TRUE) %>% select(cown, iso3 = iso3c),
              by = c("ccode" = "cown")) %>%
    mutate(iso3 = case_when(ccode == 345 ~ "SRB", ccode == 347 ~ "XKX", ccode == 260 ~ "DEU", TRUE ~ iso3)) %>%
    arrange(ccode, year)
  iso_cow <- cy %>% filter(!is.na(iso3)) %>% distinct(iso3, year, .keep_all = TRUE) %>% select(iso3, year, hcc = ccode)
  gw_cow <- st %>% filter(!is.na(ccode), !is.na(gwcode)) %>% distinct(gwcode, year, .keep_all = TRUE) %>% select(gwcode, year, ccode)

  # UN peacekeeping (IPI)
  ipi <- q(f("pko/ipi_data_mission.csv")) %>%
    transmute(mission = Mission, year = as.integer(substr(Date, 1, 4)), month = as.integer(substr(Date, 6, 7)),
              hq = `Country of Mission ISO-3`, tcc = `Number of Contributors`,
              troops = coalesce(Troops, 0), police = coalesce(Police, 0), observers = coalesce(Observers, 0)) %>%
    mutate(total = troops + police + observers,
           # the reader's relabels (src/sources/ipi-mission-month.ts): one mission under two labels
           ym = year * 100 + month,
           mission = case_when(mission == "ONUCI" & ym >= 200505 & ym <= 200606 ~ "UNOCI",
                               mission == "UNAVEM II" & ym >= 199406 & ym <= 199504 ~ "UNAVEM",
                               mission == "UNAMSIL" & ym == 199901 ~ "UNOMSIL", TRUE ~ mission)) %>% select(-ym)
  covered <- ipi %>% distinct(year, month) %>% count(year, name = "ncov")
  xw <- suppressWarnings(read_csv(f("pko/unpko_country_crosswalk.csv"), col_names = c("mission", "name", "iso"), skip = 1,
                 col_types = "ccc", show_col_types = FALSE)) %>%
    filter(!is.na(iso)) %>% mutate(iso = if_else(iso == "KSV", "XKX", iso)) %>% distinct(mission, iso)
  placed <- ipi %>% left_join(xw, by = "mission") %>%
    mutate(iso3 = coalesce(iso, hq), iso3 = if_else(mission == "UNMIK", if_else(year < 2008, "SRB", "XKX"), iso3)) %>%
    distinct(mission, year, month, iso3, .keep_all = TRUE) %>%
    inner_join(iso_cow, by = c("iso3", "year"))
  hm <- placed %>% filter(total > 0) %>% group_by(hcc, year, month) %>%
    summarise(troops = sum(troops), police = sum(police), observers = sum(observers), total = sum(total),
              tcc = sum(tcc), nm = n(), .groups = "drop")
  # A month the source does not cover (2016-11) does not break a deployment: runs are over covered-month ranks.
  ranks <- ipi %>% distinct(year, month) %>% mutate(m = year * 12 + month - 1) %>% arrange(m) %>% mutate(rank = row_number())
  spells <- hm %>% inner_join(ranks, by = c("year", "month")) %>% arrange(hcc, m) %>% group_by(hcc) %>%
    mutate(spell = cumsum(c(1, diff(rank) > 1))) %>% group_by(hcc, spell) %>% mutate(start = min(m)) %>% ungroup()
  un <- spells %>% group_by(hcc, year) %>%
    summarise(un_troops = sum(troops), un_police = sum(police), un_observers = sum(observers), un_total = sum(total),
              un_peak = max(total), un_months = n(), un_tcc = max(tcc), un_tcc_double_count = as.integer(nm[which.max(tcc)] > 1),
              un_missions = 0L, last = max(m), start = start[which.max(m)], .groups = "drop") %>%
    left_join(covered, by = "year") %>%
    mutate(across(c(un_troops, un_police, un_observers, un_total), ~ .x / ncov),
           un_duration_months = last - start + 1, un_duration_years = year - start %/% 12) %>%
    left_join(placed %>% filter(total > 0) %>% group_by(hcc, year) %>% summarise(nmis = n_distinct(mission), .groups = "drop"),
              by = c("hcc", "year")) %>%
    mutate(un_missions = nmis) %>% select(-nmis, -last, -start, -ncov)
  panel <- cy %>% left_join(un, by = c("ccode" = "hcc", "year")) %>%
    mutate(covered = year %in% covered$year,
           across(c(un_troops, un_police, un_observers, un_total, un_peak, un_months, un_tcc, un_tcc_double_count, un_missions),
                  ~ if_else(covered, coalesce(as.numeric(.x), 0), NA_real_))) %>% select(-covered)

  # Non-UN operations (Bara-Hultman)
  bh <- q(f("pko/bara_hultman_un_nonun_pko.csv")) %>% filter(org != 1) %>%
    group_by(ccode, missionid, mission, org, date, year) %>% summarise(total = max(totals_backward), .groups = "drop") %>%
    mutate(mission = trimws(mission),
           type = case_when(mission %in% c("IFOR", "SFOR", "KFOR", "ISAF", "RSM") | grepl("^NATO", mission) ~ "nato",
                            grepl("^EU|^WEU", mission) ~ "eu",
                            mission %in% c("Op. Licorne", "Op. Sangaris", "Op. Serval", "Turquoise", "UNITAF", "Uphold Dem.",
                                           "INTERFET", "ISF", "MIFH", "SAPD", "PMG", "TMG", "SPPKF Lagoon", "IMT I", "IMT II",
                                           "JCC", "CPDTF") ~ "single_state",
                            org == 2 ~ "regional", TRUE ~ "single_state"),
           ccode = if_else(mission %in% c("KFOR", "EULEX") & year >= 2008, 347, ccode)) %>%
    group_by(ccode, year, type) %>% summarise(total = sum(total) / 12, .groups = "drop") %>%
    pivot_wider(names_from = type, values_from = total, values_fill = 0, names_prefix = "nonun_") %>%
    mutate(nonun_total = rowSums(across(starts_with("nonun_"))))
  panel <- panel %>% left_join(bh, by = c("ccode", "year")) %>%
    mutate(across(starts_with("nonun_"), ~ if_else(year >= 1993 & year <= 2016, coalesce(.x, 0), NA_real_)))

  # Women in missions (IPI gender)
  g <- q(f("pko/ipi_tcc_gender_2009-11_2014-02.csv")) %>%
    transmute(mission = Mission, year = as.integer(substr(Date, 1, 4)), fem = `Total Female`, tot = `Total Total`)
  hq <- ipi %>% distinct(mission, hq)
  gw <- g %>% left_join(hq %>% distinct(mission, .keep_all = TRUE), by = "mission") %>%
    left_join(xw, by = "mission") %>%
    mutate(iso3 = coalesce(iso, hq), iso3 = if_else(mission == "UNMIK", "XKX", iso3)) %>%
    inner_join(iso_cow, by = c("iso3", "year")) %>% group_by(hcc, year) %>%
    summarise(un_female_share = if_else(sum(tot) > 0, sum(fem) / sum(tot), NA_real_), .groups = "drop")
  panel <- panel %>% left_join(gw, by = c("ccode" = "hcc", "year"))

  # Trafficking outcomes
  hti <- read_csv(f("trafficking/HTI.csv"), locale = locale(encoding = "latin1"), col_types = cols(.default = "c"),
                  show_col_types = FALSE) %>%
    transmute(ccode = as.integer(ccode), ccode = if_else(ccode == 730L, 732L, ccode),  # HTI's South Korea is 730; COW 732
              year = as.integer(year), pdest = as.integer(pdest == "Yes"),
              destination = as.integer(destination == "Yes"))
  tiers <- q(f("trafficking/tip_tiers_orig.csv")) %>%
    mutate(ccode = case_when(ccode == 1001 ~ 347, ccode == 1003 ~ 345, is.na(ccode) & iso == "SRB" ~ 345, TRUE ~ ccode),
           tier = trimws(tier), tip_watch_list = as.integer(tier == "Watchlist"),
           tip_tier = case_when(tier == "Tier 1" ~ 1, tier %in% c("Tier 2", "Watchlist") ~ 2, tier == "Tier 3" ~ 3)) %>%
    filter(!is.na(ccode), !is.na(tip_tier)) %>% select(ccode, year, tip_tier, tip_watch_list)
  p3 <- q(f("trafficking/policy_index_3p.csv")) %>% mutate(ccode = if_else(cow == 1003, 345, cow)) %>%
    filter(!ccode %in% c(1000, 1002)) %>%
    select(ccode, year, p3_total = p, p3_prosecution = prosecution, p3_protection = protection, p3_prevention = prevention)
  panel <- panel %>% left_join(hti, by = c("ccode", "year")) %>% left_join(tiers, by = c("ccode", "year")) %>%
    left_join(p3, by = c("ccode", "year"))

  # US troops, controls
  us <- q(f("us_troops/troopdata_legacy_country_year.csv")) %>% select(ccode, year, us_troops = troops)
  fa <- q(f("controls/isard_cw_gdppop_fariss.csv")) %>% select(ccode, year, gdppc = mrgdppc, pop = pwtpop)
  dem <- q(f("controls/isard_cw_democracy.csv")) %>% select(ccode, year, polity2, v2x_polyarchy, euds)
  panel <- panel %>% left_join(us, by = c("ccode", "year")) %>% left_join(fa, by = c("ccode", "year")) %>%
    left_join(dem, by = c("ccode", "year"))

  # Civil conflict (UCDP/PRIO, government side)
  uc <- q(f("controls/ucdp_acd_v25_1.csv"), col_types = cols(gwno_a = "c")) %>%
    filter(type_of_conflict %in% c("intrastate", "internationalized intrastate", "II")) %>%  # "II" = internationalized intrastate
    separate_rows(gwno_a, sep = ",\\s*") %>% mutate(gwcode = as.integer(gwno_a)) %>%
    inner_join(gw_cow, by = c("gwcode", "year")) %>% group_by(ccode, year) %>%
    summarise(civil_conflict_intensity = max(intensity_level), .groups = "drop")
  panel <- panel %>% left_join(uc, by = c("ccode", "year")) %>%
    mutate(civil_conflict_intensity = coalesce(civil_conflict_intensity, 0L),
           civil_conflict = as.integer(civil_conflict_intensity > 0), civil_war = as.integer(civil_conflict_intensity == 2))
  last <- uc %>% select(ccode, cyear = year)
  ys <- panel %>% select(ccode, year) %>% left_join(last, by = "ccode") %>%
    filter(is.na(cyear) | cyear <= year) %>% group_by(ccode, year) %>%
    summarise(years_since_civil_conflict = year[1] - suppressWarnings(max(cyear, na.rm = TRUE)), .groups = "drop") %>%
    mutate(years_since_civil_conflict = if_else(is.finite(years_since_civil_conflict), years_since_civil_conflict, NA_real_))
  panel %>% left_join(ys, by = c("ccode", "year")) %>% arrange(ccode, year)
}

if (sys.nframe() == 0L) {  # run as a script (scripts/reference/panel_reference.R sources build() only)
  st <- system.time(p <- build())
  if (length(args) > 1) write_csv(p, args[2], na = "")
  cat(toJSON(list(wall_seconds = st[["elapsed"]], cpu_seconds = st[["user.self"]] + st[["sys.self"]],
                  rows = nrow(p), columns = ncol(p), R = R.version.string,
                  dplyr = as.character(packageVersion("dplyr")), readr = as.character(packageVersion("readr"))),
             digits = NA, auto_unbox = TRUE), "\n")
}
