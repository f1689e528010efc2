"""axe-core over every page of the sitemap, in light and dark mode.

Fails on any serious or critical violation; the counts by impact of all
violations are printed (pytest -s) for the record.
"""

from __future__ import annotations

from collections import Counter

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.e2e.conftest import visit_every_page

pytestmark = pytest.mark.e2e
BLOCKING = {"serious", "critical"}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_violations_on_any_page(browser, site_server, scheme):
    context = browser.new_context(color_scheme=scheme, service_workers="block")
    page = context.new_page()
    axe = Axe()
    counts, blocking, kinds = Counter(), [], Counter()
    try:
        for url in visit_every_page(page, site_server):
            for violation in axe.run(page).response["violations"]:
                counts[violation["impact"]] += 1
                kinds[f"{violation['id']} ({violation['impact']})"] += 1
                if violation["impact"] in BLOCKING:
                    targets = [n["target"] for n in violation["nodes"][:3]]
                    blocking.append(f"{url} {violation['id']} ({violation['impact']}): {targets}")
    finally:
        context.close()
    print(f"\naxe {scheme}: violations by impact {dict(counts)}; by rule {dict(kinds)}")
    assert blocking == [], "\n".join(blocking)
