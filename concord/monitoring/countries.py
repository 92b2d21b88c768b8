"""Country names and codes to ISO 3166-1, from the code tables shipped in `data/` (ISO with English and
Russian names; Gleditsch–Ward, which UCDP uses, through its crosswalk)."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Country:
    iso2: str
    iso3: str
    n3: str
    name_en: str
    name_ru: str


@dataclass(frozen=True)
class Codes:
    by_iso3: dict[str, Country]
    by_name: dict[str, str]  # casefolded English or Russian name, or a UCDP spelling -> ISO3
    by_gw: dict[int, str]
    by_n3: dict[str, str]

    def iso3(self, *, gw: int | None = None, name: str = "", n3: str = "") -> str | None:
        """The ISO3 code from the most reliable key given: GW code, ISO numeric, then the name."""
        if gw is not None and gw in self.by_gw:
            return self.by_gw[gw]
        if n3 and n3.zfill(3) in self.by_n3:
            return self.by_n3[n3.zfill(3)]
        return self.by_name.get(_key(name))


def _key(name: str) -> str:
    return " ".join(name.replace("(", " ").replace(")", " ").split()).casefold()


# Spellings used by UCDP and ACLED that are not the ISO short names.
ALIASES = {
    "russia (soviet union)": "RUS",
    "russia": "RUS",
    "syria": "SYR",
    "iran": "IRN",
    "moldova": "MDA",
    "yemen (north yemen)": "YEM",
    "serbia (yugoslavia)": "SRB",
    "kyrgyzstan": "KGZ",
    "turkey": "TUR",
    "palestine": "PSE",
    "bosnia-herzegovina": "BIH",
    "cambodia (kampuchea)": "KHM",
    "myanmar (burma)": "MMR",
    "dr congo (zaire)": "COD",
    "democratic republic of congo": "COD",
    "vietnam (north vietnam)": "VNM",
    "zimbabwe (rhodesia)": "ZWE",
    "madagascar (malagasy)": "MDG",
    "ivory coast": "CIV",
    "south korea": "KOR",
    "north korea": "PRK",
    "laos": "LAO",
    "tanzania": "TZA",
    "bolivia": "BOL",
    "venezuela": "VEN",
    "kosovo": "XKK",
}


# Gleditsch–Ward states that no longer exist have no ISO code: their events and conflict-years are
# shown under the state that now holds the territory.
SUCCESSORS = {
    680: "YEM",
    345: "SRB",
    265: "DEU",
    315: "CZE",
    817: "VNM",
    260: "DEU",
    511: "TZA",
    678: "YEM",
}


@cache
def codes() -> Codes:
    by_iso3: dict[str, Country] = {}
    by_name: dict[str, str] = {}
    by_n3: dict[str, str] = {}
    with (DATA / "iso3166_1_codes.csv").open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            country = Country(
                row["iso_a2"], row["iso_a3"], row["iso_n3"], row["name_en"], row["name_ru"]
            )
            by_iso3[country.iso3] = country
            by_n3[country.n3] = country.iso3
            by_name[_key(country.name_en)] = by_name[_key(country.name_ru)] = country.iso3
    by_gw: dict[int, str] = {}
    with (DATA / "gw_to_iso3166_crosswalk.csv").open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            if row["iso_a3"]:
                by_gw[int(row["gwcode"])] = row["iso_a3"]
                by_name.setdefault(_key(row["gw_statename"]), row["iso_a3"])
    for gw, iso3 in SUCCESSORS.items():
        by_gw.setdefault(gw, iso3)
    by_name.update(ALIASES)
    return Codes(by_iso3, by_name, by_gw, by_n3)


def name(iso3: str, language: str) -> str:
    country = codes().by_iso3.get(iso3)
    if country is None:
        return iso3
    return country.name_ru if language.startswith("ru") else country.name_en


PROVINCE = re.compile(r"[A-Z]{3}/.+")


def unknown_countries(iso3s: Iterable[str]) -> list[str]:
    """Those that are not ISO 3166-1 alpha-3 codes."""
    return [c for c in iso3s if c not in codes().by_iso3]


def bad_provinces(provinces: Iterable[str]) -> list[str]:
    """Those not written as "ISO3/name as the data spells it" with a known country."""
    return [p for p in provinces if not PROVINCE.fullmatch(p) or p[:3] not in codes().by_iso3]
