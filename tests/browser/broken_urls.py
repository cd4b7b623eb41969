"""The real URLs plus a deliberately inaccessible page and a view that fails.

The broken page is for the test of the harness (``test_harness_detects_violations.py``);
the failing view lets the page tests check the real 500 page. Tests that need either
switch ROOT_URLCONF to this module.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from yhdessa.urls import urlpatterns as real_urlpatterns

# Every fault here is one that a page test must catch. No inline style: the site's CSP
# would refuse it, so the faults come from a same-origin stylesheet as real styles do.
BROKEN_PAGE = """<!doctype html>
<html>
<head>
  <meta charset="utf-8">
  <title>Rikkinäinen sivu</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="/broken/broken.css">
</head>
<body>
  <main>
    <h1>Rikkinäinen sivu</h1>
    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==">
    <form><input type="text" name="nimeton"></form>
    <p class="faint">Lähes näkymätöntä tekstiä</p>
    <div class="wide">Puhelimen näyttöä leveämpi laatikko</div>
    <button type="button" class="no-focus-ring">Ei näkyvää kohdistusta</button>
  </main>
</body>
</html>
"""
BROKEN_CSS = """
.faint { color: #d0d0d0; background: #ffffff; }
.wide { width: 800px; }
.no-focus-ring:focus, .no-focus-ring:focus-visible { outline: none; box-shadow: none; }
"""


def broken_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse(BROKEN_PAGE)


def broken_css(request: HttpRequest) -> HttpResponse:
    return HttpResponse(BROKEN_CSS, content_type="text/css")


def server_error(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("A deliberate error, to show the 500 page")


urlpatterns = [
    path("broken/", broken_page),
    path("broken/broken.css", broken_css),
    path("broken/error/", server_error),
    *real_urlpatterns,
]
