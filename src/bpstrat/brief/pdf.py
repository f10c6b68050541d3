"""The HTML brief printed to PDF by WeasyPrint, an optional extra (`bpstrat[pdf]`).

WeasyPrint lays the page out with the print stylesheet (A4, page breaks between
sections, no chart split) and fetches nothing: the page is self-contained, and the
fetcher refuses every address anyway. The same page gives the same bytes.
"""

from __future__ import annotations

import logging
from typing import Any

from bpstrat.errors import UsageError

INSTALL = 'PDF needs WeasyPrint: pip install "bpstrat[pdf]"'


def html_to_pdf(page: str) -> bytes:
    """The PDF of an HTML page; UsageError (exit 2) when WeasyPrint is missing."""
    try:
        import weasyprint
        from weasyprint.urls import URLFetcher
    except ImportError:
        raise UsageError(INSTALL) from None
    except OSError as error:  # WeasyPrint is there, but Pango (a system library) is not
        raise UsageError(
            f"WeasyPrint cannot load Pango, the system library it needs ({error}); "
            "see https://doc.courtbouillon.org/weasyprint/stable/first_steps.html"
        ) from None

    class NoFetching(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            raise ValueError(f"the brief fetches nothing: {url}")

    logging.getLogger("weasyprint").setLevel(logging.ERROR)  # CSS it skips is not news
    document = weasyprint.HTML(string=page, url_fetcher=NoFetching())
    return bytes(document.write_pdf())
