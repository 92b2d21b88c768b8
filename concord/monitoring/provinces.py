"""One name per province. Sources spell a province in several ways ("Kharkiv Oblast" and "Kharkiv
oblast", "Donetsk oblast" where the map's boundaries say "Donets'k"): names are folded (case, accents,
apostrophes, the administrative word such as "oblast" or "governorate") and matched to the admin-1
boundaries shipped with the map, whose spelling wins. A name with no boundary keeps the source's
spelling with whitespace collapsed and its administrative word capitalised, so that case variants are
still one province."""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from pathlib import Path

BOUNDARIES = Path(__file__).parent / "static" / "monitoring" / "geo" / "admin1.geojson"
KINDS = r"oblast|oblys|oblysy|governorate|province|region|raion|rayon|kray|krai|viloyati|viloyat"
_KIND_WORD = re.compile(rf"\b({KINDS})\b", re.IGNORECASE)
# transliterations of the same place that folding does not join (folded source name: folded boundary)
ALIASES = {
    ("UKR", "kiev special republican city"): "kiev city",
    ("UKR", "kyiv city"): "kiev city",
    ("UKR", "kyiv"): "kiev",
    ("UKR", "khmelnytskyi"): "khmelnytskyy",
    ("UKR", "zaporizhzhia"): "zaporizhzhya",
    ("UKR", "mykolaiv"): "mykolayiv",
    ("UKR", "odesa"): "odessa",
    ("UKR", "vinnytsia"): "vinnytsya",
    ("UKR", "zakarpattia"): "transcarpathia",
    ("UKR", "sevastopol city"): "sevastopol",
    ("UKR", "autonomous republic of crimea"): "crimea",
}


def fold(name: str) -> str:
    """Lower case without accents, apostrophes, punctuation or the administrative word."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = re.sub(r"['’ʼ`]", "", text.lower())
    text = _KIND_WORD.sub(" ", text)
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


@functools.cache
def _boundaries() -> dict[tuple[str, str], str]:
    with BOUNDARIES.open(encoding="utf-8") as f:
        features = json.load(f)["features"]
    names: dict[tuple[str, str], str] = {}
    for feature in features:
        props = feature["properties"]
        if props.get("name"):
            names.setdefault((props["iso3"], fold(props["name"])), props["name"])
    return names


@functools.lru_cache(maxsize=4096)
def province(country: str, name: str) -> str:
    """The one spelling of province `name` of `country` (ISO3); '' stays ''."""
    name = " ".join(name.split())
    if not name:
        return ""
    key = fold(name)
    key = ALIASES.get((country, key), key)
    matched = _boundaries().get((country, key))
    if matched:
        return matched
    return _KIND_WORD.sub(lambda m: m.group(0).capitalize(), name)
