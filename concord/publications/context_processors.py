from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url


def alternates(request: HttpRequest) -> dict[str, list[tuple[str, str]]]:
    """The page's address in each language, for hreflang links and the language switch."""
    if not request.path.startswith(tuple(f"/{code}/public/" for code, _name in settings.LANGUAGES)):
        return {"alternates": []}
    return {
        "alternates": [
            (code, request.build_absolute_uri(translate_url(request.get_full_path(), code)))
            for code, _name in settings.LANGUAGES
        ]
    }
