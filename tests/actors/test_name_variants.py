"""Name variants of one actor in one report resolve to one entity (surnames, respellings, acronyms)."""

from __future__ import annotations

import pytest

from factiongraph.actors.variants import is_acronym, is_variant, name_words, same_word
from factiongraph.document import Document


def groups(doc: Document) -> list[list[str]]:
    return [[m.text for m in a.mentions if m.how != "coref"] for a in doc.actors]


def test_name_words_drop_articles_titles_and_glued_articles():
    assert name_words("Sheikh Faris al-Sabaawi") == ("faris", "sabaawi")
    assert name_words("AlNusra Front") == ("nusra", "front")
    assert name_words("Colonel Idris Bakri") == ("idris", "bakri")


@pytest.mark.parametrize(("a", "b"), [("jaish", "jaysh"), ("zinki", "zenki"), ("failaq", "faylaq")])
def test_transliterations_are_one_word(a, b):
    assert same_word(a, b)


@pytest.mark.parametrize(("a", "b"), [("farouk", "farouq"), ("sanghati", "samhati"), ("kataib", "kataeb")])
def test_transliterations_end_in_the_same_consonant(a, b):
    assert same_word(a, b)


@pytest.mark.parametrize(("a", "b"), [("saleh", "salem"), ("khalid", "khalil"), ("rahman", "rahmat")])
def test_names_a_last_consonant_apart_are_two_names(a, b):
    """ "Ali Salem al-Beidh" and "Saleh": as close as two spellings by letters, but another consonant."""
    assert not same_word(a, b)


@pytest.mark.parametrize(("a", "b"), [("army", "arms"), ("russians", "russia"), ("iraq", "iran")])
def test_other_words_and_derived_forms_are_not_respellings(a, b):
    assert not same_word(a, b)


def test_a_shorter_name_is_a_variant_only_when_its_distinctive_words_match_in_order():
    assert is_variant("Jaysh al-Islam", "Jaish al-Islam")
    assert is_variant("Zenki", "Nour al-Din al-Zinki Movement")
    assert not is_variant("Ansar al-Islam", "Jaish al-Islam")
    assert not is_variant("Brigades", "Hamza Brigades")  # a head noun alone tells no group apart
    assert not is_variant("Tahrir al-Sham", "Ahrar al-Sham")


def test_acronym_spells_initials_of_the_name():
    assert is_acronym("AA", "Arakan Army")
    assert is_acronym("KLF", "Kuru Liberation Front")
    assert not is_acronym("KLF", "Kuru Liberation Army")
    assert not is_acronym("Ka", "Kuru Army")


def test_surname_after_full_name_is_the_same_person(resolve):
    doc = resolve("General Amadou Sangare Keita met the envoy. Keita rejected the offer on Sunday.")
    assert ["General Amadou Sangare Keita", "Keita"] in groups(doc)


def test_title_and_surname_join_the_full_name(resolve):
    doc = resolve(
        "Sheikh Idris Malang Kabou spoke in the mosque on Friday. Supporters of Sheikh Kabou cheered, "
        "and Kabou then left for the border."
    )
    persons = [g for g in groups(doc) if any("Kabou" in t for t in g)]
    assert len(persons) == 1 and len(persons[0]) == 3


def test_surname_with_or_without_article_is_the_same_person(resolve):
    doc = resolve("Hassan al-Matrouk commands the unit. Al-Matrouk denied the charge on Tuesday.")
    assert ["Hassan al-Matrouk", "Al-Matrouk"] in groups(doc)


def test_respelled_group_name_is_one_actor(resolve):
    doc = resolve("Faylaq al-Watan seized two villages on Monday. Failaq al-Watan later withdrew from one of them.")
    assert ["Faylaq al-Watan", "Failaq al-Watan"] in groups(doc)


def test_respelled_word_inside_a_longer_name_is_one_actor(resolve):
    doc = resolve("Commanders of Liwa Suqur al-Badiya met on Monday, and Liwa Suqour al-Badiya said the talks failed.")
    assert len(doc.actors) == 1


def test_acronym_used_later_without_brackets_is_the_named_group(resolve):
    doc = resolve("The Kuru Liberation Front attacked a convoy near the river. On Friday the KLF said it seized guns.")
    assert groups(doc) == [["Kuru Liberation Front", "KLF"]]


@pytest.mark.parametrize(
    "text",
    [
        "The Nusra Front announced on Thursday that it now calls itself Jabhat Fateh al-Sham.",
        "Jabhat Fateh al-Sham, formerly the Nusra Front, fought the army near Aleppo.",
        "After Jabhat al-Nusra renamed itself Jabhat Fatah al-Sham, it kept its commanders.",
    ],
)
def test_old_and_new_name_of_a_renamed_group_are_one_actor(resolve, text):
    ids = [a.id for a in resolve(text).actors if a.registry_id in ("jabhat-al-nusra", "jabhat-fateh-al-sham")]
    assert ids == ["jabhat-fateh-al-sham"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Hamza Brigades took the hill on Monday. By Friday the Brigades had lost it again.",
            ["Hamza Brigades", "Brigades"],
        ),
        (
            "The Tawhid Battalion seized a depot, and the Battalion later handed it over.",
            ["Tawhid Battalion", "Battalion"],
        ),
        (
            "The Hamza Brigades and the Sultan Murad Division fought. The Brigades said they won.",
            ["Hamza Brigades", "Brigades"],
        ),
    ],
)
def test_a_bare_head_noun_is_the_one_named_group_with_that_head(resolve, text, expected):
    assert expected in groups(resolve(text))


@pytest.mark.parametrize(
    ("text", "person", "group"),
    [
        ("Aslam Baloch broke with Hyrbyair Marri this year. Aslam's faction later sided with the Baloch Republican "
         "Guards. Who pays the army to kill Baloch youth?", "Aslam Baloch", "Baloch Republican Guards"),
        ("Hassan Kuru quit the movement in May. Hassan then joined the Kuru Liberation Front.", "Hassan Kuru",
         "Kuru Liberation Front"),
        ("Ali Tana left the rebels. Ali's men now fight for the Tana Patriotic Front.", "Ali Tana",
         "Tana Patriotic Front"),
    ],
)
def test_a_person_and_a_group_sharing_a_word_stay_two_actors(resolve, text, person, group):
    owners = {m.text: a.id for a in resolve(text).actors for m in a.mentions}
    assert owners[person] != owners[group]


@pytest.mark.parametrize(
    ("text", "full", "other"),
    [
        ("The southern leader Ali Salem al-Beidh declared secession in May. Saleh's troops took Aden in July.",
         "Ali Salem al-Beidh", "Saleh"),
        ("The envoy Khalid Omar met rebels on Monday. Khalil, a commander, refused to attend.", "Khalid Omar",
         "Khalil"),
        ("Ahmed Rahman leads the council. Rahmat, his rival, fled to the hills.", "Ahmed Rahman", "Rahmat"),
    ],
)
def test_a_name_a_last_consonant_away_is_another_person(resolve, text, full, other):
    owner = next(a for a in resolve(text).actors if any(m.text.endswith(full) for m in a.mentions))
    assert other not in {m.text for m in owner.mentions}


@pytest.mark.parametrize(
    ("text", "group", "people"),
    [
        ("Gunmen of the Somali National Alliance killed 24 peacekeepers. Doctors said several hundred Somalis, many "
         "of them civilians, were killed or wounded.", "Somali National Alliance", "Somalis"),
        ("The Liberian Peace Council raided the camp on Monday. Aid workers said dozens of Liberians, most of them "
         "civilians, had died.", "Liberian Peace Council", "Liberians"),
        ("Gunmen of the Afghan Liberation Front attacked the post on Sunday. Officials said dozens of Afghans, many "
         "of them civilians, had died.", "Afghan Liberation Front", "Afghans"),
    ],
)
def test_a_nations_people_is_no_short_name_of_a_group_named_after_the_nation(resolve, text, group, people):
    owner = next(a for a in resolve(text).actors if a.name == group)
    assert people not in {m.text for m in owner.mentions}
