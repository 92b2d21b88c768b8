"""The storage `collectstatic` writes production's static files with (settings: "Production server")."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.contrib.staticfiles.storage import ManifestStaticFilesStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage


def _not_source_maps(patterns: Any) -> tuple[Any, ...]:
    return tuple(
        (
            glob,
            tuple(
                p for p in rules if "sourceMappingURL" not in (p if isinstance(p, str) else p[0])
            ),
        )
        for glob, rules in patterns
    )


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    """WhiteNoise's compressed, hash-named files, with two changes.

    Source-map comments are left as they are: vendored libraries (Leaflet) name a map that is not
    shipped, Django's storage would refuse to collect them for it, and a missing map only costs a
    developer's debugger a 404. Only the hash-named copies, the ones pages link to, are compressed:
    the plain copies stay for whatever asks for a file by its name (as Leaflet does for its images)
    and are served as they are; compressing both took twice as long (brotli on the 3 MB of map
    outlines is most of `collectstatic`'s time)."""

    patterns = _not_source_maps(ManifestStaticFilesStorage.patterns)

    def compress_files(self, paths: Iterable[str]) -> Iterator[tuple[str, str]]:
        hashed = set(self.hashed_files.values())
        yield from super().compress_files([p for p in paths if p in hashed])
