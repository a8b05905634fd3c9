"""countries: ISO 3166-1 codes and names from the bundled table, without pycountry at run time."""

from __future__ import annotations

import pytest

from factiongraph.countries import all_countries, lookup


def test_alpha_2_and_alpha_3_codes_find_the_same_country_in_any_case() -> None:
    assert lookup("SY") == lookup("syr") == lookup(" Syr ")
    c = lookup("SY")
    assert c is not None and (c.alpha_2, c.alpha_3, c.numeric, c.name) == ("SY", "SYR", "760", "Syria")


def test_the_common_name_is_used_where_iso_gives_one() -> None:
    assert [lookup(code).name for code in ("BO", "IR", "TW")] == ["Bolivia", "Iran", "Taiwan"]  # type: ignore[union-attr]


def test_unknown_or_empty_codes_find_nothing() -> None:
    assert [lookup(code) for code in ("XX", "ZZZ", "", None, "SYRIA")] == [None] * 5


def test_the_table_is_iso_3166_1_as_pycountry_has_it() -> None:
    pycountry = pytest.importorskip("pycountry")  # a build dependency (the dev extra has it too)
    want = {(c.alpha_2, c.alpha_3, c.numeric) for c in pycountry.countries}
    assert {(c.alpha_2, c.alpha_3, c.numeric) for c in all_countries()} == want
    assert len(all_countries()) == 249
