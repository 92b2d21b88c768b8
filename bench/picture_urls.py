"""The product's URLs plus a trivial signed-in view, the baseline of bench/picture_at_scale.py (it goes
through the same middleware, loads the session and the user, and does nothing else)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import urlpatterns as product


@login_required
def trivial(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("bench/trivial/", trivial), *product]
