"""The spaCy pipeline as factiongraph loads it: the components it adds to the model."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "form", "lemma"),
    [
        ("Kurdish fighters retook the town on Monday.", "retook", "retake"),
        ("Rebels overran the base and withdrew before dawn.", "withdrew", "withdraw"),
        ("The militia undertook a second offensive in May.", "undertook", "undertake"),
    ],
)
def test_irregular_form_of_a_prefixed_verb_gets_its_lemma(nlp, text, form, lemma):
    tok = next(t for t in nlp(text) if t.lower_ == form)
    assert tok.lemma_ == lemma


def test_a_verb_the_lemmatiser_knows_keeps_its_own_lemma(nlp):
    tok = next(t for t in nlp("Oil prices rebound when supply falls.") if t.lower_ == "rebound")
    assert tok.lemma_ == "rebound"


@pytest.mark.parametrize(
    ("text", "subject", "verb"),
    [
        ("Last week the Popular Mobilization Forces, acting jointly with the Kurds, retook a second village.",
         "Forces", "retook"),
        ("The rebels, moving quickly across the plain, captured two towns before nightfall.", "rebels", "captured"),
        ("The Arakan Army, fighting alongside local militias, overran a border post on Tuesday.", "Army", "overran"),
    ],
)
def test_a_comma_set_participle_leaves_the_subject_to_the_main_verb(nlp, text, subject, verb):
    doc = nlp(text)
    main = next(t for t in doc if t.text == verb)
    assert [c.text for c in main.children if c.dep_ in ("nsubj", "nsubjpass")] == [subject]
    participle = next(t for t in doc if t.tag_ == "VBG")
    assert not [c for c in participle.children if c.dep_ in ("nsubj", "nsubjpass")]


def test_a_participle_with_its_own_subject_keeps_it_when_the_main_verb_has_one(nlp):
    doc = nlp("With the talks collapsing, the army shelled the town.")
    main = next(t for t in doc if t.text == "shelled")
    assert [c.text for c in main.children if c.dep_ == "nsubj"] == ["army"]


@pytest.mark.parametrize(
    ("text", "verb"),
    [
        ("Jaish al-Islam, a rebel group which was at one time backed by Saudi Arabia, fought on.", "backed"),
        ("The Houthis, a group which was at one time allied with Saleh, killed him.", "allied"),
        ("Hayat Tahrir al-Sham, an Islamist bloc which was at one time aligned with al-Qaeda, holds Idlib.", "aligned"),
    ],
)
def test_a_subject_hung_on_an_auxiliary_goes_to_its_verb(nlp, text, verb):
    doc = nlp(text)
    main = next(t for t in doc if t.text == verb)
    assert [(c.text, c.dep_) for c in main.children if c.dep_ in ("nsubj", "nsubjpass")] == [("which", "nsubjpass")]
    assert not [t for t in doc if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ in ("aux", "auxpass")]
    assert main.dep_ == "relcl"  # a clause with a relative pronoun for subject


@pytest.mark.parametrize(
    ("text", "first", "verb", "subject"),
    [
        ("GOMA, Congo (February 2025) - M23 rebels, backed by Rwandan troops, seized the airport.", "M23",
         "seized", "rebels"),
        ("ADEN, Yemen — Separatist fighters took the presidential palace on Sunday.", "Separatist", "took",
         "fighters"),
        ("BAMAKO, Mali (Agency) - Soldiers and Russian instructors left the base at Tessalit.", "Soldiers", "left",
         "Soldiers"),
    ],
)
def test_the_story_after_a_dateline_is_a_sentence_of_its_own(nlp, text, first, verb, subject):
    doc = nlp(text)
    opener = next(t for t in doc if t.text == first)
    assert opener.is_sent_start
    v = next(t for t in doc if t.text == verb)
    assert [c.text for c in v.children if c.dep_ == "nsubj"] == [subject]


@pytest.mark.parametrize(
    ("text", "first_object", "second_subject", "second_verb"),
    [
        ("Iran funds the Houthis and Saudi Arabia arms the government.", "Houthis", "Arabia", "arms"),
        ("Turkey backs the SNA and Russia supports the Syrian army.", "SNA", "Russia", "supports"),
        ("The UAE funded the RSF and Egypt backed the army.", "RSF", "Egypt", "backed"),
    ],
)
def test_two_clauses_of_support_are_coordinated_each_with_its_own_subject(nlp, text, first_object, second_subject,
                                                                          second_verb):
    doc = nlp(text)
    obj = next(t for t in doc if t.text == first_object)
    subj = next(t for t in doc if t.text == second_subject)
    verb = next(t for t in doc if t.text == second_verb)
    assert obj.dep_ == "dobj" and obj.head.i == 1 + (doc[0].lower_ == "the")
    assert subj.dep_ == "nsubj" and subj.head == verb and verb.dep_ == "conj"


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Officials say Hamas and Hezbollah coordinate their attacks.", "coordinate"),
        ("Analysts believe Iran and Russia arm the government.", "arm"),
        ("Reports suggest Turkey and Qatar fund the rebels.", "fund"),
    ],
)
def test_a_clause_with_two_subjects_agreeing_with_its_verb_keeps_both(nlp, text, clause):
    doc = nlp(text)
    verb = next(t for t in doc if t.text == clause)
    subj = next(c for c in verb.children if c.dep_ == "nsubj")
    assert [c.dep_ for c in subj.children if c.dep_ == "conj"] == ["conj"]


@pytest.mark.parametrize(
    "text",
    [
        "New Delhi accuses Pakistan of training and arming fighters from both groups in camps across the border.",
        "Baghdad accused Iran of funding and equipping Kataib Hezbollah, a claim Tehran rejects.",
        "Kabul accuses Pakistan of training and arming the Taliban, a charge Islamabad denies.",
    ],
)
def test_gerunds_coordinated_in_an_of_phrase_stay_in_it(nlp, text):
    doc = nlp(text)
    first = next(t for t in doc if t.i > 3 and t.lower_.endswith("ing"))
    second = next(t for t in doc if t.i > first.i and t.lower_.endswith("ing"))
    assert (first.tag_, first.dep_, first.head.lower_) == ("VBG", "pcomp", "of")
    assert (second.dep_, second.head.i) == ("conj", first.i)


@pytest.mark.parametrize(
    ("text", "subject", "verb"),
    [
        ("Qatar is to stop funding Hamas and Egypt is to open the crossing.", "Egypt", 8),
        ("Iran will keep arming the Houthis and Oman is to mediate.", "Oman", 8),
        ("Turkey stopped arming the Free Syrian Army and Russia is to guard the road.", "Russia", 9),
    ],
)
def test_a_name_before_a_subjectless_coordinated_clause_is_its_subject(nlp, text, subject, verb):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == subject)
    assert (tok.dep_, tok.head.i) == ("nsubj", verb)


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("The U.S.-backed SDF held the dam.", ["U.S.", "-", "backed"]),
        ("A U.N.-brokered truce began on Monday.", ["U.N.", "-", "brokered"]),
        ("Fighters of the U.A.E.-funded brigade withdrew.", ["U.A.E.", "-", "funded"]),
    ],
)
def test_an_abbreviation_joined_to_a_participle_by_a_hyphen_is_split(nlp, text, tokens):
    words = [t.text for t in nlp.make_doc(text)]
    i = words.index(tokens[0])
    assert words[i : i + 3] == tokens


@pytest.mark.parametrize(
    ("text", "description", "described"),
    [
        ("Niger in turn is suspected of helping the Movement for Justice (MJ), a Tuareg rebel group based in the Air "
         "mountains.", "group", "Movement"),
        ("Uganda's troops were folded into AMISOM, the African Union force in Mogadishu.", "force", "AMISOM"),
        ("The Ethiopian contingent was eventually placed under ATMIS, the African Union's transition mission.",
         "mission", "ATMIS"),
    ],
)
def test_a_description_after_a_names_comma_describes_that_name(nlp, text, description, described):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == description)
    assert (tok.dep_, tok.head.text) == ("appos", described)


@pytest.mark.parametrize(
    ("text", "member", "noun"),
    [
        ("The Islamic Front was founded in November by seven factions, among them Ahrar al-Sham and Jaysh al-Islam.",
         "Sham", "factions"),
        ("JNIM was founded in 2017 by four groups, among them Ansar Dine and al-Mourabitoun.", "Dine", "groups"),
        ("The front was announced on Monday by six brigades, among them Liwa al-Tawhid.", "Tawhid", "brigades"),
    ],
)
def test_a_list_after_among_them_names_members_of_the_noun_it_follows(nlp, text, member, noun):
    tok = next(t for t in nlp(text) if t.text == member)
    while tok.dep_ in ("compound", "conj"):
        tok = tok.head
    assert tok.head.text == noun


def test_a_list_after_among_them_stays_off_a_noun_that_names_no_body(nlp):
    doc = nlp("Several bases were shelled by the rebels and their allies, among them the Hpakant garrison.")
    assert next(t for t in doc if t.text == "garrison").head.text == "bases"


@pytest.mark.parametrize(
    ("text", "description", "described"),
    [
        ("The army says it seized weapons from the MNLA, a separatist movement that once held Kidal.", "movement",
         "MNLA"),
        ("The MPC, led by Mahamat Al-Khatim, was among the signatories of the Khartoum accord (KA), the peace deal "
         "that ended the fighting.", "deal", "MPC"),  # no body noun: not moved
        ("The envoy met fighters of seven factions, among them the Sultan Murad Brigade, a Turkmen unit.", "Brigade",
         "fighters"),  # already inside the phrase it follows
    ],
)
def test_an_apposition_already_beside_its_name_or_describing_no_body_is_left_as_parsed(nlp, text, description,
                                                                                     described):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == description)
    assert tok.head.text == described


@pytest.mark.parametrize(
    ("text", "tagged", "name"),
    [
        ("Police moved to arrest Boko Haram suspects in Kano.", "arrest Boko Haram", "Boko Haram"),
        ("The envoy urged the clans to join Hizbul Islam in the talks.", "join Hizbul Islam", "Hizbul Islam"),
        ("Before dawn al-Shabaab attacked a base near Afgoye.", "al-Shabaab attacked", "al-Shabaab"),
    ],
)
def test_a_verb_the_recogniser_ran_into_a_name_is_cut_off_it(nlp, text, tagged, name):
    from spacy.tokens import Span

    from factiongraph.nlp import ENTITY_EDGES

    doc = nlp(text)
    start = text.index(tagged)
    span = doc.char_span(start, start + len(tagged))
    assert span is not None and any(t.tag_.startswith("VB") for t in span)
    doc.ents = [Span(doc, span.start, span.end, label="ORG")]
    doc = nlp.get_pipe(ENTITY_EDGES)(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [(name, "ORG")]


def test_a_name_made_only_of_a_verb_form_is_left_to_the_recogniser(nlp):
    from spacy.tokens import Span

    from factiongraph.nlp import ENTITY_EDGES

    doc = nlp("Hamas said the talks would resume.")
    doc.ents = [Span(doc, 0, 1, label="ORG")]
    assert [e.text for e in nlp.get_pipe(ENTITY_EDGES)(doc).ents] == ["Hamas"]


@pytest.mark.parametrize(
    ("text", "participle", "noun"),
    [
        ("The council created a regional brigade, made up of troops from Kenya and Uganda.", "made", "brigade"),
        ("The UN then formed a special brigade, made up of troops from three countries.", "made", "brigade"),
        ("The ministers then established a border force, made up of police and soldiers.", "made", "force"),
        ("The exiles launched the Patriotic Alliance, comprising four armed movements.", "comprising", "Alliance"),
    ],
)
def test_a_listing_participle_after_an_objects_comma_describes_the_object(nlp, text, participle, noun):
    """"created a brigade, made up of A and B": the parser may make the participle a second clause or an
    adverbial of the verb, whose subject would then seem to be made up of A and B; it lists the object's parts."""
    tok = next(t for t in nlp(text) if t.text == participle)
    assert (tok.dep_, tok.head.text) == ("acl", noun)


def test_a_participle_that_lists_nothing_keeps_its_clause(nlp):
    tok = next(t for t in nlp("Fighting raged all week, made worse by heavy rain.") if t.text == "made")
    assert tok.dep_ != "acl"


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("Ahrar al-Sham, Jaysh al-Islam, the Aleppo wing of Liwa al-Tawhid and Suqour al-Sham merged in 2013.",
         ["Islam", "wing"]),
        ("Hamas, Islamic Jihad, the armed wing of Fatah and the PFLP fired rockets at the town.", ["Jihad", "wing"]),
        ("Ansar Dine, al-Mourabitoun, the Saharan branch of AQIM and the Macina Liberation Front merged last year.",
         ["Mourabitoun", "branch"]),
    ],
)
def test_items_of_a_list_read_as_appositions_are_conjuncts(nlp, text, items):
    """"A, B, the armed wing of C and D": a list whose "and" is still to come, not A described as C's wing."""
    doc = nlp(text)
    assert [t.dep_ for t in doc if t.text in items] == ["conj"] * len(items)


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("Hamas, Fatah and Islamic Jihad, the three main factions, met in Cairo.", "factions"),
        ("Abubakar Shekau, the leader of Boko Haram and its founder's heir, died in May.", "leader"),
    ],
)
def test_an_apposition_that_describes_a_name_or_a_finished_list_stays_one(nlp, text, description):
    assert next(t for t in nlp(text) if t.text == description).dep_ == "appos"


@pytest.mark.parametrize(
    ("text", "verbs", "lemma", "subject"),
    [
        ("All the factions belong to the National Army, an umbrella force that Ankara funds and arms.",
         ["funds", "arms"], "fund", "Ankara"),
        ("The rebels joined the Southern Front, a coalition that Jordan arms.", ["arms"], "arm", "Jordan"),
        ("They fought beside the Popular Committees, a militia that Riyadh finances.", ["finances"], "finance",
         "Riyadh"),
    ],
)
def test_a_verb_of_support_read_as_a_noun_heads_its_relative_clause(nlp, text, verbs, lemma, subject):
    """"a force that Ankara funds": the tagger may read "funds" as a plural noun with "Ankara" for modifier."""
    doc = nlp(text)
    for word in verbs:
        verb = next(t for t in doc if t.text == word)
        assert (verb.tag_, verb.pos_) == ("VBZ", "VERB")
    head = next(t for t in doc if t.text == verbs[0])
    assert head.lemma_ == lemma
    assert [c.text for c in head.children if c.dep_ == "nsubj"] == [subject]
    assert [c.lower_ for c in head.children if c.dep_ == "dobj"] == ["that"]
