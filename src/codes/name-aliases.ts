/**
 * Hand-written country-name aliases, for the spellings found in the study's files (HTI
 * `country`, TIP `countryname`, IPI `Country of Mission` and `Contributor`, Kathman
 * `missioncountry`, Bara-Hultman `location`, 3P `countryname`/`country_name`) that the
 * code list and the state panel do not already cover, and for the names whose COW code
 * depends on the year. They take precedence over names taken from the data files.
 */

/** A COW code valid for a span of years (inclusive; open ends allowed). */
export interface YearSpan {
  readonly from?: number;
  readonly to?: number;
  readonly ccode: number;
}

/** Names whose COW code depends on the year; without a year the last span applies. */
export const YEAR_DEPENDENT_NAMES: ReadonlyArray<{ readonly names: readonly string[]; readonly spans: readonly YearSpan[]; readonly reason: string }> = [
  {
    names: ["Germany", "Federal Republic of Germany", "Germany, Federal Republic of"],
    spans: [{ to: 1945, ccode: 255 }, { from: 1946, to: 1990, ccode: 260 }, { from: 1991, ccode: 255 }],
    reason: "Germany is COW 255 to 1945 and from 1991; West Germany (260) 1946-1990 (the year of unification goes to 260, member for most of 1990)",
  },
  {
    // 3P's `YemenAR` rows (2000-2013, cow 679, iso YEM) are unified Yemen despite the label.
    names: ["Yemen", "Republic of Yemen", "Yemen, Rep.", "Yemen, Republic of", "YemenAR"],
    spans: [{ to: 1989, ccode: 678 }, { from: 1990, ccode: 679 }],
    reason: "Yemen is North Yemen (678) to 1989 and unified Yemen (679) from 1990 (679 was a member for most of 1990)",
  },
];

/** Name aliases: `[ccode, ...names]` for COW states, `[iso3, ...names]` for territories that are not states. */
export const NAME_ALIASES: ReadonlyArray<readonly [number | string, ...string[]]> = [
  [2, "United States", "United States of America", "USA", "US", "U.S."],
  [58, "Antigua and Barbuda", "Antigua"],
  [31, "Bahamas", "Bahamas, The"],
  [52, "Trinidad and Tobago", "Trin&Tobago"],
  [56, "St. Lucia", "Saint Lucia"],
  [57, "St. Vincent and the Grenadines", "St.Vincent", "Saint Vincent and the Grenadines", "St. Vincent"],
  [60, "St. Kitts and Nevis", "St.Kitts&Nevis", "Saint Kitts and Nevis"],
  [115, "Suriname", "Surinam"],
  [145, "Bolivia", "Bolivia, Plurinational State of"],
  [101, "Venezuela", "Venezuela, Bolivarian Republic of"],
  [200, "United Kingdom", "UK", "Great Britain", "Britain"],
  [210, "Netherlands", "Netherlands, The"],
  [260, "West Germany", "German Federal Republic", "Germany, West"],
  [265, "East Germany", "German Democratic Republic", "Germany, East"],
  [315, "Czechoslovakia"],
  [316, "Czech Republic", "Czechia", "CzechRep"],
  [317, "Slovakia", "Slovak Republic", "SlovakRep"],
  [343, "Macedonia", "North Macedonia", "Macedonia, FYR", "FYR Macedonia", "FYROM",
    "The former Yugoslav Republic of Macedonia", "The former Yugoslav Republic o", "Macedonia, the former Yugoslav Republic of"],
  [345, "Serbia", "Serbia and Montenegro", "Serbia & Montenegro", "Serbia-Montenegro", "Yugoslavia", "Serbia (Yugoslavia)",
    "Yugoslavia (Serbia)", "Kosovo/Yugoslavia", "Federal Republic of Yugoslavia", "Yugoslavia, Federal Republic of", "Republic of Serbia"],
  [346, "Bosnia and Herzegovina", "Bosnia", "Bosnia-Herzegovina", "BosniaandHerz"],
  [347, "Kosovo", "Republic of Kosovo"],
  [359, "Moldova", "Moldova, Republic of"],
  [365, "Russia", "Russian Federation", "USSR", "Soviet Union"],
  [372, "Georgia", "Georigia"],
  [402, "Cape Verde", "Cabo Verde", "CapeVerde"],
  [403, "Sao Tome and Principe", "Sao Tome"],
  [411, "Equatorial Guinea", "Equatorial Quinea", "EqGuinea"],
  [420, "Gambia", "Gambia, The"],
  [437, "Cote d'Ivoire", "Ivory Coast"],
  [484, "Congo", "Republic of the Congo", "Congo, Republic", "Congo, Rep.", "Congo (Brazzaville; Rep)", "Congo-Brazzaville", "Congo (Brazzaville)"],
  [490, "Democratic Republic of the Congo", "Democratic Republic of Congo", "DR Congo", "DR Congo (Zaire)", "DRC", "Congo, Democratic Republic", "Congo, Dem. Rep.",
    "Congo, DemRep (Zaire)", "Congo, the Democratic Republic of the", "Congo (Kinshasa)", "Congo-Kinshasa", "Zaire"],
  [510, "Tanzania", "Tanzania, United Republic of"],
  [572, "Swaziland", "Eswatini"],
  [630, "Iran", "Iran, Islamic Republic of"],
  [652, "Syria", "Syrian Arab Republic"],
  [678, "Yemen Arab Republic", "North Yemen", "Yemen, North"],
  [680, "Yemen People's Republic", "South Yemen", "Yemen, South", "People's Democratic Republic of Yemen", "Yemen, People's Republic of"],
  [703, "Kyrgyzstan", "Kyrgyz Republic", "KyrgyzRep"],
  [713, "Taiwan", "Taiwan, Province of China"],
  [731, "North Korea", "Korea, North", "Korea, Democratic People's Republic of", "Korea, Dem. People's Rep.", "DPRK"],
  [732, "South Korea", "Korea, South", "Republic of Korea", "Korea, Republic of", "Korea, Rep."],
  [775, "Myanmar", "Burma"],
  [811, "Cambodia", "Cambodia (Kampuchea)", "Kampuchea"],
  [812, "Laos", "Lao People's Democratic Republic", "Lao PDR"],
  [816, "Vietnam", "Viet Nam", "North Vietnam", "Vietnam, Democratic Republic of"],
  [817, "South Vietnam", "Republic of Vietnam", "Vietnam, Republic of"],
  [835, "Brunei", "Brunei Darussalam"],
  [860, "Timor-Leste", "East Timor"],
  [910, "Papua New Guinea", "PapuaNG"],
  [940, "Solomon Islands", "Solomon Island"],
  [983, "Marshall Islands", "MarshallIs"],
  [591, "Seychelles", "Seychelles Island"],
  [987, "Micronesia", "Micronesia, Federated States of"],
  ["HKG", "Hong Kong", "Hong Kong SAR China", "Hong Kong, China"],
  ["MAC", "Macao", "Macau", "Macao SAR China"],
  ["SXM", "Sint Maarten", "Sint Maarten (Dutch part)"],
  ["VIR", "U.S. Virgin Islands", "US Virgin Islands", "Virgin Islands, U.S.", "Virgin Islands (U.S.)"],
  ["MNP", "Northern Mariana Islands", "Mariana Islands"],
  ["IOT", "British Indian Ocean Territory", "BR Indian Ocean Territory"],
  ["SJM", "Svalbard & Jan Mayen", "Svalbard"],
  ["PSE", "Palestine", "Palestinian Territories", "West Bank and Gaza", "State of Palestine"],
];
