"""The bundled actor registry data and the loader's handling of dated names and bad files."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from factiongraph.actors.registry import KINDS, Registry, RegistryError, parse_registry_text


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load()


def _bundled_files() -> list[tuple[str, str]]:
    data_dir = resources.files("factiongraph.actors") / "data"
    return [
        (p.name, p.read_text(encoding="utf-8"))
        for p in sorted(data_dir.iterdir(), key=lambda p: p.name)
        if p.name.endswith((".yaml", ".yml"))
    ]


def ids_of(actors) -> list[str]:
    return [a.id for a in actors]


# --- the bundled data ---------------------------------------------------------------------


def test_bundled_registry_has_at_least_500_actors_from_12_countries(registry):
    assert len(registry) >= 500
    assert len({a.country for a in registry if a.country}) >= 12


def test_bundled_registry_covers_the_main_conflicts(registry):
    conflicts = Counter(c for a in registry for c in a.conflicts)
    for conflict in (
        "syria",
        "iraq",
        "yemen",
        "libya",
        "sudan",
        "sahel",
        "somalia",
        "afghanistan",
        "myanmar",
        "drcongo",
        "ukraine",
        "israel-palestine",
        "lebanon",
        "colombia",
    ):
        assert conflicts[conflict] >= 5, conflict


def test_every_bundled_actor_has_the_required_fields(registry):
    for a in registry:
        assert a.id and a.name, a
        assert a.kind in KINDS, a.id
        assert a.acled_inter is not None and 1 <= a.acled_inter <= 8, a.id
        assert a.sources, f"{a.id} has no sources"
        assert a.country or a.kind == "international_org" or "global" in a.conflicts or a.conflicts, a.id


def test_bundled_ids_are_unique_across_files():
    seen: dict[str, str] = {}
    for name, text in _bundled_files():
        for actor in parse_registry_text(text, name):
            assert actor.id not in seen, f"{actor.id} in {name} and {seen.get(actor.id)}"
            seen[actor.id] = name


def test_every_country_is_a_state_actor(registry):
    import pycountry

    states = {
        a.country for a in registry if a.kind in ("state", "foreign_state") and a.id == _state_id(registry, a)
    }
    for code in (
        "AFG",
        "IRQ",
        "SYR",
        "YEM",
        "LBY",
        "SDN",
        "SSD",
        "MLI",
        "BFA",
        "NER",
        "SOM",
        "MMR",
        "COD",
        "UKR",
        "ISR",
        "PSE",
        "LBN",
        "COL",
        "FRA",
        "CHN",
        "BRA",
        "NZL",
        "ISL",
        "FJI",
    ):
        assert code in states, code
    assert len(states) >= 190
    assert all(pycountry.countries.get(alpha_3=c) or c == "XKX" for c in states)


def _state_id(registry, actor):
    # the country's own entry, not one of its units (which carry an affiliation to it)
    return actor.id if not actor.affiliations else None


def test_states_carry_their_demonym_and_government_aliases(registry):
    sudan = registry.get("sudan")
    assert sudan.kind == "state" and "Sudanese" in sudan.adjectives
    assert "sudan" in ids_of(registry.lookup("Sudanese Armed Forces"))
    assert ids_of(registry.lookup("Tatmadaw"))[0] == "myanmar"
    assert ids_of(registry.lookup("FARDC"))[0] == "dr-congo"
    assert ids_of(registry.lookup("Israel Defense Forces"))[0] == "israel"


def test_affiliation_targets_all_exist(registry):
    for a in registry:
        for tie in a.affiliations:
            assert registry.get(tie.target), f"{a.id} -> {tie.target}"


def test_predecessors_all_exist(registry):
    for a in registry:
        for s in a.predecessors:
            assert registry.get(s.id), f"{a.id} <- {s.id}"


@pytest.mark.parametrize(
    "alias", ["Army", "Police", "Government", "The Base", "Front", "army", "WHO", "Islamic"]
)
def test_common_words_are_not_aliases(registry, alias):
    assert registry.lookup(alias) == []


# --- renames and mergers resolve by date ---------------------------------------------------


def test_nusra_before_2016_is_jabhat_al_nusra(registry):
    assert ids_of(registry.lookup("Nusra", dt.date(2015, 1, 1)))[0] == "jabhat-al-nusra"


def test_nusra_during_late_2016_is_jabhat_fateh_al_sham(registry):
    assert ids_of(registry.lookup("Nusra", dt.date(2016, 10, 1)))[0] == "jabhat-fateh-al-sham"


def test_jabhat_fateh_al_sham_name_resolves_to_its_own_entry(registry):
    assert ids_of(registry.lookup("Jabhat Fateh al-Sham"))[0] == "jabhat-fateh-al-sham"


def test_hts_lineage_goes_back_to_nusra(registry):
    lineage = ids_of(registry.lineage("hayat-tahrir-al-sham"))
    assert {"jabhat-al-nusra", "jabhat-fateh-al-sham", "hayat-tahrir-al-sham"} <= set(lineage)
    assert lineage.index("jabhat-al-nusra") < lineage.index("hayat-tahrir-al-sham")


def test_islamic_state_lineage_goes_back_to_tawhid_wal_jihad(registry):
    lineage = set(ids_of(registry.lineage("islamic-state")))
    assert {
        "jamaat-al-tawhid-wal-jihad",
        "al-qaeda-in-iraq",
        "islamic-state-of-iraq",
        "islamic-state",
    } <= lineage


def test_jnim_is_a_merger_of_four_sahel_groups(registry):
    jnim = registry.get("jnim")
    merged = {s.id for s in jnim.predecessors if s.how == "merger" and s.date == dt.date(2017, 3, 2)}
    assert merged == {"ansar-dine", "al-mourabitoun", "aqim-sahara-emirate", "katiba-macina"}
    assert "mujao" in ids_of(registry.lineage("jnim"))


def test_farc_name_after_2017_means_the_party(registry):
    assert ids_of(registry.lookup("FARC", dt.date(2010, 1, 1)))[0] == "farc"
    assert ids_of(registry.lookup("FARC", dt.date(2019, 1, 1)))[0] == "comunes"
    assert "farc" in ids_of(registry.lineage("comunes"))


def test_wagner_lineage_continues_as_africa_corps(registry):
    assert "wagner-group" in ids_of(registry.lineage("africa-corps"))


def test_isi_acronym_depends_on_the_date(registry):
    assert ids_of(registry.lookup("ISI", dt.date(2010, 1, 1)))[0] == "islamic-state-of-iraq"
    assert ids_of(registry.lookup("ISI", dt.date(2020, 1, 1)))[0] == "inter-services-intelligence"


def test_myanmar_junta_name_is_dated(registry):
    sac = [a for a in registry.get("myanmar").aliases if a.name == "State Administration Council"][0]
    assert sac.valid_from == dt.date(2021, 2, 2) and sac.valid_to == dt.date(2025, 7, 31)


# --- malformed user files ------------------------------------------------------------------


GOOD = """actors:
  - id: test-group
    name: Test Group
    kind: rebel
    acled_inter: 2
    country: SYR
"""


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "user.yaml"
    p.write_text(text, encoding="utf-8")
    return p


def test_a_valid_user_file_is_added_to_the_bundled_registry(tmp_path):
    reg = Registry.load([_write(tmp_path, GOOD)])
    assert reg.get("test-group").origin.endswith("user.yaml")
    assert reg.get("syria") is not None


def test_bad_kind_names_file_line_and_field(tmp_path):
    p = _write(tmp_path, GOOD.replace("kind: rebel", "kind: insurgent"))
    with pytest.raises(RegistryError) as e:
        Registry.load([p], bundled=False)
    assert e.value.path == str(p) and e.value.line == 2 and e.value.field == "kind"
    assert f"{p}:2" in str(e.value)


def test_bad_date_names_file_line_and_field(tmp_path):
    p = _write(tmp_path, GOOD + "    aliases:\n      - {name: TG, from: 2015-13-45}\n")
    with pytest.raises(RegistryError) as e:
        Registry.load([p], bundled=False)
    assert e.value.path == str(p) and e.value.line == 8 and e.value.field == "aliases.from"


def test_bad_active_date_names_the_field(tmp_path):
    p = _write(tmp_path, GOOD + "    active: {from: yesterday}\n")
    with pytest.raises(RegistryError) as e:
        Registry.load([p], bundled=False)
    assert e.value.line == 2 and e.value.field == "active.from"


def test_bad_yaml_names_file_and_line(tmp_path):
    p = _write(tmp_path, GOOD + "    aliases: [unclosed\n  - id: x\n")
    with pytest.raises(RegistryError) as e:
        Registry.load([p], bundled=False)
    assert e.value.path == str(p) and e.value.line is not None and "invalid YAML" in str(e.value)


def test_unknown_affiliation_target_names_file_and_field(tmp_path):
    p = _write(tmp_path, GOOD + "    affiliations:\n      - {target: no-such-actor, type: alliance}\n")
    with pytest.raises(RegistryError) as e:
        Registry.load([p], bundled=False)
    assert e.value.path == str(p) and e.value.field == "test-group.affiliations"
    assert "no-such-actor" in str(e.value)


def test_unknown_field_is_rejected(tmp_path):
    p = _write(tmp_path, GOOD + "    aliasses: [TG]\n")
    with pytest.raises(RegistryError) as e:
        Registry.load([p], bundled=False)
    assert e.value.line == 2 and e.value.field == "aliasses"


def test_alias_list_given_as_a_string_is_rejected(tmp_path):
    p = _write(tmp_path, GOOD + "    aliases: TG\n")
    with pytest.raises(RegistryError) as e:
        Registry.load([p], bundled=False)
    assert e.value.field == "aliases"


def test_date_range_ending_before_it_starts_is_rejected(tmp_path):
    p = _write(tmp_path, GOOD + "    active: {from: 2020-01-01, to: 2019-01-01}\n")
    with pytest.raises(RegistryError) as e:
        Registry.load([p], bundled=False)
    assert e.value.field == "active"


def test_former_yugoslav_republic_of_macedonia_is_north_macedonia(registry):
    assert ids_of(registry.lookup("Former Yugoslav Republic of Macedonia"))[:1] == ["north-macedonia"]


@pytest.mark.parametrize(
    ("name", "current", "past"),
    [
        ("Islamic State West Africa Province", "islamic-state-west-africa", "boko-haram"),
        ("ISWAP", "islamic-state-west-africa", "boko-haram"),
        ("Islamic State's West Africa Province", "islamic-state-west-africa", None),
    ],
)
def test_without_a_date_a_name_still_in_use_comes_before_a_past_owners(registry, name, current, past):
    ids = [a.id for a in registry.lookup(name)]
    assert ids[0] == current
    if past is not None:
        assert past in ids[1:]
