"""Quality checks on the bundled actor registry's aliases: no common English word, nothing that
short, so that ordinary running text ("the country", "Republic") resolves to no actor."""

from __future__ import annotations

import pytest

from factiongraph.actors.registry import Registry, normalize_name

# Common English words, mostly ones that news text uses for actors and places without naming one.
COMMON_WORDS = frozenset("""
a about above across after against all alliance also among an and any area army around as at
authorities authority away back base battalion be because been before being below between big
bloc board body border brigade brigades but by camp capital cell center central centre chief city
civil civilians coalition coast command commander committee community company congress continent
corps council country county court crowd day defence defense delegation department deputy
district division do down during each east eastern elite embassy empire enemy executive faction
federal federation fighters first fleet for force forces foreign free from front general
government governor group groups guard guards gulf he head headquarters her here high his home
house how i in inner interior international is island islands it its junta justice kingdom land
law leader leaders league left legion liberation local lower main major majority man many marines
media men middle military militia militias minister ministry minority mission more most mountain
movement nation national nations navy new no north northern not now of office officer officials
on one opposition or order organization organisation other our out over pact palace parliament
part party patriots peace people peoples people's person place police popular power presidency
president prime private protesters province public rebel rebels red regime region regional
republic resistance revolution revolutionary right rule ruler rulers sea second secretary
security senate service services she side soldiers some south southern special staff state
states station street strike supreme that the their them there these they third this those
through to top town tribe tribes troops under union unit united units up upper us valley village
violence war was we west western what when where which white who will with world you young zone
administration agency assembly association bureau cabinet chamber club colony commission
commonwealth confederation constitution crown democracy dynasty emirate guerrillas insurgents
jihadists junta kingdom leadership loyalists mayor militants monarchy municipality nationalists
oblast occupation occupiers parish principality realm regiment sect separatists settlers
sheikhdom squad sultanate territory tribesmen volunteers ward
""".split())

# Two- and three-letter acronyms in capitals (US, UN, IS, EU): the matcher takes them case-sensitively,
# so "US" never matches "us" in running text.
def _short_acronym(name: str) -> bool:
    bare = name.replace(".", "")
    return bare.isalpha() and bare.isupper() and len(bare) <= 3


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load()


def test_word_list_is_big_enough() -> None:
    assert len(COMMON_WORDS) >= 280


def test_no_alias_is_a_common_word(registry: Registry) -> None:
    bad = []
    for actor in registry:
        canonical = normalize_name(actor.name)
        for alias in actor.aliases:
            key = normalize_name(alias.name)
            if key != canonical and key in COMMON_WORDS and not _short_acronym(alias.name):
                bad.append(f"{actor.id}: {alias.name!r} ({actor.origin})")
    assert not bad, "aliases that are common English words:\n" + "\n".join(bad)


def test_no_alias_is_shorter_than_two_characters(registry: Registry) -> None:
    bad = [f"{actor.id}: {alias.name!r}" for actor in registry for alias in actor.aliases
           if len(normalize_name(alias.name).replace(" ", "")) < 2]
    assert not bad, bad


def test_no_alias_is_a_case_twin_of_the_name(registry: Registry) -> None:
    # an all-lowercase twin is deliberate: it licenses the name written in lowercase in running
    # text ("the peshmerga"), which a capitalised alias alone does not match
    bad = [f"{actor.id}: {alias.name!r}" for actor in registry for alias in actor.aliases
           if alias.name != actor.name and alias.name.casefold() == actor.name.casefold()
           and not _short_acronym(actor.name) and not actor.name.isupper() and not alias.name.islower()]
    assert not bad, bad


@pytest.mark.parametrize("text", ["country", "Republic", "the nation", "COUNTRY", "Nation", "the government",
                                  "the army", "Caucasus", "Western Georgia", "Georgia Proper"])
def test_ordinary_words_resolve_to_nothing(registry: Registry, text: str) -> None:
    assert registry.lookup(text) == []


@pytest.mark.parametrize(("text", "actor_id"), [
    ("Georgia", "georgia"), ("Republic of Georgia", "georgia"), ("Georgian government", "georgia"),
    ("Georgian army", "georgia"), ("Tbilisi", "georgia"), ("Chad", "chad"), ("Jordan", "jordan"),
    ("Niger", "niger"), ("Turkey", "turkey"), ("Burma", "myanmar"), ("Seoul", "south-korea"),
    ("Kinshasa", "dr-congo"),
])
def test_real_names_still_resolve(registry: Registry, text: str, actor_id: str) -> None:
    assert actor_id in [a.id for a in registry.lookup(text)]
