"""Language identification: conservative, English unless clearly not."""

from __future__ import annotations

import pytest

from factiongraph.language import detect_language


@pytest.mark.parametrize("text", [
    "Chile has agreed to return to Argentina four men accused of smuggling rifles across the Andes in "
    "2002, a state-run Chilean radio station reported on Thursday.",
    "Syrian rebels seize key town",
    "Assad forces retake Palmyra from Daesh",
    "Jaish al-Islam, Ahrar al-Sham and Jabhat Fateh al-Sham fought in Douma, Harasta and Ain Tarma.",
    "Juan de la Cruz, de los Santos and Maria da Silva met Abu Mohammad al-Julani in Idlib on Tuesday.",
    "Rebels of the Movimiento de la Liberación Nacional de los Pueblos de la Sierra clashed with troops.",
])
def test_detect_language_says_english_for_news_and_headlines(text: str) -> None:
    assert detect_language(text)[0] == "en"


@pytest.mark.parametrize(("text", "lang"), [
    ("Le gouvernement a annoncé mardi que les forces de sécurité ont arrêté trois personnes dans la ville.",
     "fr"),
    ("Die Regierung hat am Dienstag mitgeteilt, dass die Sicherheitskräfte drei Personen festgenommen haben.",
     "de"),
    ("El gobierno anunció el martes que las fuerzas de seguridad detuvieron a tres personas en la ciudad.",
     "es"),
    ("Il governo ha annunciato martedì che le forze di sicurezza hanno arrestato tre persone nella città.",
     "it"),
    ("O governo anunciou na terça-feira que as forças de segurança prenderam três pessoas na cidade.", "pt"),
    ("De regering heeft dinsdag bekendgemaakt dat de veiligheidstroepen drie mensen hebben gearresteerd.",
     "nl"),
    ("Hükümet salı günü güvenlik güçlerinin şehirde üç kişiyi gözaltına aldığını açıkladı ve bu konuda "
     "bir açıklama yaptı.", "tr"),
    ("قالت الحكومة يوم الثلاثاء إن قوات الأمن اعتقلت ثلاثة أشخاص في المدينة", "ar"),
    ("Правительство во вторник объявило, что силы безопасности задержали трех человек.", "ru"),
    ("政府周二宣布，安全部队在该市逮捕了三人。", "zh"),
])
def test_detect_language_recognises_other_languages(text: str, lang: str) -> None:
    code, conf = detect_language(text)
    assert code == lang and conf >= 0.6


def test_detect_language_english_with_an_arabic_name_in_script() -> None:
    text = ("The group, known in Arabic as جبهة النصرة, attacked army positions near Aleppo on Sunday, "
            "the monitor said.")
    assert detect_language(text)[0] == "en"


def test_detect_language_no_letters_is_unknown() -> None:
    assert detect_language("12345 !!! 2016-11-20") == (None, 0.0)
    assert detect_language("") == (None, 0.0)


@pytest.mark.parametrize(("text", "lang", "probability"), [
    ("Regeringen meddelade på tisdagen att säkerhetsstyrkorna har gripit tre personer i staden.", "sv", 0.984),
    ("Vláda v úterý oznámila, že bezpečnostní složky ve městě zadržely tři osoby.", "cs", 0.999),
    ("Уряд у вівторок повідомив, що сили безпеки затримали трьох людей у місті.", "uk", 1.0),
    ("دولت روز سه‌شنبه اعلام کرد که نیروهای امنیتی سه نفر را در شهر بازداشت کردند.", "fa", 1.0),
])
def test_detect_language_names_languages_beyond_the_common_european_ones(text: str, lang: str,
                                                                         probability: float) -> None:
    assert detect_language(text) == (lang, probability)


@pytest.mark.parametrize("text", [
    "Commanders of the Frente de Liberación de Moçambique met envoys of the Partido dos Trabalhadores in Maputo.",
    "Fighters loyal to Sheikh Hassan bin Ali al-Tamimi and Abu Bakr al-Masri withdrew from Deir ez-Zor.",
    "Residents of Ciudad de la Paz said the Comando Vermelho and Primeiro Comando da Capital had clashed.",
])
def test_name_particles_and_hyphenated_names_are_no_evidence_against_english(text: str) -> None:
    assert detect_language(text)[0] == "en"


def test_uncased_text_is_classified_whole_and_cased_text_by_its_lower_case_words() -> None:
    from factiongraph.language import _evidence

    assert _evidence("Rebels of the Movimiento Popular took al-Qusayr.") == "of the took"
    assert _evidence("قالت الحكومة") == "قالت الحكومة"


def test_detect_language_with_only_names_stays_english_at_probability_zero() -> None:
    assert detect_language("Mosul") == ("en", 0.0)
    assert detect_language("ISIS: Daesh!") == ("en", 0.0)
