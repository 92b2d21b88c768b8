"""The product's settings with bench/picture_urls.py as the URL configuration (the trivial baseline)."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "picture_urls"
