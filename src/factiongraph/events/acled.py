"""PLOVER event (type, mode, trigger, actor kinds, evidence text) -> ACLED event type and sub-type.

The rules follow the ACLED codebook's definitions as summarised in
``shared/spec/acled-taxonomy.md`` (in our own words):

* Battles -- two organised armed groups fight; a territorial change makes it "Government
  regains territory" (state side) or "Non-state actor overtakes territory" (non-state side).
* Explosions/Remote violence -- one-sided attacks with weapons that keep the target from
  responding (air/drone strikes, shelling, IEDs, suicide bombs, grenades, chemical weapons);
  these stay Explosions/Remote violence when civilians are hit.
* Violence against civilians -- an armed group harms unarmed people (attack, sexual violence,
  abduction).
* Protests / Riots -- demonstrations by unarmed people; violent ones and mob action are Riots;
  state intervention or lethal force against peaceful protesters are Protests sub-types.
* Strategic developments -- agreements, arrests, group changes and troop movements, bases,
  looting/destruction, disrupted weapons use, non-violent territorial transfers.

Verbal events (CONSULT, ACCUSE, REQUEST, REJECT, THREATEN, ...) give ``(None, None)``.

``text`` (the evidence sentence) refines the sub-type through keyword cues defined generically
from the codebook's categories (weapons, tactics, protest policing).
"""

from __future__ import annotations

import re
from functools import lru_cache

from factiongraph.events.codebook import codebook
from factiongraph.patterns import lead

__all__ = ["ACLED_SUB_EVENT_TYPES", "ACLED_EVENT_TYPES", "acled_type"]

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

#: ACLED's event types and sub-event types, spelled as ACLED spells them (from the codebook data)
ACLED_SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    etype: tuple(sub.name for sub in subs) for etype, subs in codebook().event_types.items()
}
ACLED_EVENT_TYPES: tuple[str, ...] = tuple(ACLED_SUB_EVENT_TYPES)

STATE_KINDS = frozenset({"state", "foreign_state", "foreign_agency"})
NONSTATE_ARMED_KINDS = frozenset({"rebel", "militia"})
ARMED_KINDS = STATE_KINDS | NONSTATE_ARMED_KINDS
UNARMED_KINDS = frozenset({"civilians", "other"})
CROWD_KINDS = frozenset({"protesters"})


def _rx(*patterns: str) -> re.Pattern[str]:
    """One case-blind pattern of the alternatives. A word boundary an alternative needs comes before
    its look-behinds: the same matches, but the look-behinds are tried at word starts only. Compiled
    behind a look-ahead for the letters the alternatives start with (`patterns.lead`): the same matches,
    but most positions of a sentence are given up before the alternatives are tried."""
    return lead("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


# ---- weapon and tactic cues (ACLED Explosions/Remote violence sub-types)
CUE_CHEMICAL = _rx(
    r"\bchemical (?:weapon|attack|agent|munition)s?",
    r"\bchlorine\b",
    r"\bsarin\b",
    r"\bmustard gas\b",
    r"\bnerve (?:agent|gas)\b",
    r"\bpoison(?:ous)? gas\b",
    r"\btoxic gas\b",
    r"\bvx\b",
    r"\birritant (?:gas|agent|chemical)s?\b",
    r"\bcs[- ](?:type |gas)",
    r"\bchloropicrin\b",
    r"\b(?:choking|blister|blood) agents?\b",
)
CUE_SUICIDE = _rx(
    r"\bsuicide[- ](?:bomb|attack|car|truck|vest|belt|blast|explosion)",
    r"\bblew (?:him|her|them)sel(?:f|ves) up\b",
    r"\bself-detonat",
    r"\bsvbied\b",
    r"\bsuicide bomber",
)
CUE_DRONE = _rx(r"\bdrones?\b", r"\buavs?\b", r"\bunmanned aerial\b")
CUE_AIR = _rx(
    r"\bair ?strikes?\b",
    r"\bair[- ]raids?\b",
    r"\bairstrikes?\b",
    r"\bwar ?planes?\b",
    r"\bfighter (?:jet|plane|aircraft)s?\b",
    r"\bjets?\b",
    r"\bhelicopters?\b",
    r"\bgunships?\b",
    r"\bbombers?\b",
    r"\baircraft\b",
    r"\bair force\b",
    r"\baerial (?:bombardment|attack|bombing)",
    r"\bbarrel bombs?\b",
    r"\bair attacks?\b",
    r"\bbombing raids?\b",
    r"\bdrones?\b",
    r"\buavs?\b",
    r"\bunmanned aerial\b",
)
CUE_SHELLING = _rx(
    r"\bshell(?:s|ed|ing)?\b",
    r"\bartillery\b",
    r"\bmortars?\b",
    r"\brockets?\b",
    r"\bmissiles?\b",
    r"\bhowitzers?\b",
    r"\bkatyushas?\b",
    r"\bgrad\b",
    r"\bbombard(?:ed|ment|ing)?\b",
    r"\bheavy weapons\b",
    r"\btank fire\b",
    r"\bmultiple rocket launchers?\b",
    r"\b(?<!water )cannons?\b",
)
CUE_GRENADE = _rx(r"\bgrenades?\b")
CUE_REMOTE_EXPLOSIVE = _rx(
    r"\bieds?\b",
    r"\bimprovised explosive",
    r"\broadside bombs?\b",
    r"\bland ?mines?\b",
    r"\b(?:anti-personnel|anti-tank) mines?\b",
    r"\bcar bomb",
    r"\bbooby[- ]trap",
    r"\bexplosive device",
    r"\bsticky bombs?\b",
    r"\bvbied\b",
    r"\bbomb (?:exploded|went off|blast)",
    r"\bplanted (?:a |the )?(?:bomb|explosive)",
    r"\bremote(?:ly)?[- ]detonat",
    r"\bstepped on a mine\b",
    r"\bmine explo",
)
CUE_EXPLOSION_GENERIC = _rx(r"\bexplosions?\b", r"\bblasts?\b", r"\bbombs?\b", r"\bbombings?\b", r"\bdetonat")
# ---- violence against civilians
CUE_SEXUAL = _rx(
    r"\brap(?:e|ed|es|ing)\b",
    r"\bsexual(?:ly)? (?:violence|assault|abuse|slavery)",
    r"\bsexually assaulted\b",
    r"\bgang-rap",
    r"\bsexual(?:ly)? enslav",
)
CUE_ABDUCT = _rx(
    r"\babduct",
    r"\bkidnap",
    r"\bhostages?\b",
    r"\bforced(?:ly)? disappear",
    r"\bdisappeared\b",
    r"\btaken captive\b",
)
CUE_CIVILIAN_VICTIMS = _rx(
    r"\bcivilians?\b",
    r"\bvillagers?\b",
    r"\bresidents?\b",
    r"\bfarmers?\b",
    r"\bworshippers?\b",
    r"\bwomen and children\b",
    r"\bchildren\b",
    r"\bjournalists?\b",
    r"\baid workers?\b",
    r"\bdisplaced\b",
    r"\brefugees?\b",
    r"\bpassengers?\b",
    r"\bshoppers\b",
)
# ---- protests and riots
CUE_RIOT = _rx(
    r"\b(?<!anti-)riot(?:s|ers|ing|ed)?\b(?! (?:police|gear|squads?|control|units?|officers|shields?))",
    r"\bthrew (?:stones|rocks|petrol bombs|molotov)",
    r"\bstone[- ]throwing\b",
    r"\bmolotov",
    r"\bpetrol bombs?\b",
    r"\bviolent (?:protest|demonstration)s?",
    r"\btorched\b",
    r"\bset (?:fire|ablaze)\b",
    r"\bvandali[sz]",
    r"\bclash(?:ed|es)? with (?:police|security forces)",
    r"\bpelt(?:ed|ing)?\b",
    r"\b(?:threw|throwing|hurled|hurling) (?:\w+ )?(?:stones|rocks|bricks|bottles)\b",
)
CUE_MOB = _rx(r"\bmobs?\b", r"\blynch", r"\bvigilantes?\b", r"\bangry crowd", r"\bmob justice\b")
CUE_INTERVENTION = _rx(
    r"\btear ?gas\b",
    r"\bwater cannons?\b",
    r"\brubber bullets?\b",
    r"\bbatons?\b",
    r"\bdispers(?:e|ed|ing|al)\b",
    r"\bbroke up\b",
    r"\bbreak up\b",
    r"\barrest(?:ed|s)? (?:\w+ )?(?:protesters|demonstrators|activists)",
    r"\bdetain(?:ed)? (?:\w+ )?(?:protesters|demonstrators|activists)",
    r"\bfired (?:warning )?shots in the air\b",
    r"\blathi",
    r"\bstun grenades?\b",
    r"\bpepper spray\b",
    r"\bcharged (?:at )?(?:the )?(?:crowd|protesters)",
)
CUE_EXCESSIVE = _rx(
    r"\blive (?:ammunition|fire|rounds|bullets)\b",
    r"\blethal force\b",
    r"\b(?:killed|killing|shot dead|gunned down|shot and killed|beat|beaten)\b[^.]{0,40}"
    r"\b(?:protesters?|demonstrators?|marchers?)\b",
    r"\b(?:protesters?|demonstrators?|marchers?)\b[^.]{0,40}\b(?:killed|shot dead|gunned down|to death)",
    r"\bopened fire on (?:the )?(?:protesters|demonstrators|crowd|marchers)",
)
#: buildings and goods, whose destruction harms no one by itself
CUE_PROPERTY = _rx(
    r"\b(?:homes?|houses?|huts?|shops?|stores?|buildings?|property|properties|crops|granar(?:y|ies)|markets?|"
    r"offices?|schools?|clinics?|hospitals?|churche?s?|mosques?|temples?|vehicles?|cars?|trucks?|masts?|towers?|"
    r"museums?|warehouses?|fields?|livestock|cattle)\b"
)
#: a killing or injury, which a destruction of property does not involve
CUE_HARM = _rx(r"\bkill", r"\bdead\b", r"\bdied\b", r"\binjur", r"\bwound", r"\balive\b", r"\bto death\b")
#: a person held whose fate is unknown (ACLED: forced disappearance, not an arrest)
CUE_DISAPPEARED = _rx(
    r"\bwhereabouts (?:remain|are|is|were) unknown\b",
    r"\bnot (?:been )?seen (?:again|since)\b",
    r"\bheard nothing\b",
    r"\bincommunicado\b",
    r"\bwent missing\b",
    r"\bforced(?:ly)? disappear",
)
#: people, not places or goods, as what was seized (ACLED: abduction)
CUE_PEOPLE_SEIZED = _rx(
    r"\b(?:seiz|captur|grabb|snatch)\w*\s+(?:\w+\s+){0,3}(?:civilians?|people|persons|soldiers?|men|women|girls|"
    r"boys|children|drivers?|passengers|travell?ers|workers|teachers|students|farmers|hostages|villagers|residents|"
    r"officials?|journalists?|nuns|priests?)\b"
)
#: fighting named around a change of control (a place taken by force, not handed over)
CUE_FIGHT = _rx(
    r"\bfight", r"\bclash", r"\bgunfight", r"\bbattle", r"\battack", r"\bassault", r"\boffensive\b",
    r"\bambush", r"\bfirefight", r"\bunder fire\b", r"\bshelling\b",
)
# ---- strategic developments
CUE_AGREEMENT = _rx(
    r"\bcease-?fire\b",
    r"\bcease fire\b",
    r"\btruce\b",
    r"\barmistice\b",
    r"\bpeace (?:deal|agreement|accord|treaty|plan)\b",
    r"\bagreements?\b",
    r"\baccords?\b",
    r"\bdeals?\b",
    r"\bprisoner (?:exchange|swap|release)s?\b",
    r"\bexchange of prisoners\b",
    r"\b(?:exchang|swap)\w*\b[^.]{0,40}\b(?:prisoners|detainees|captives|hostages|bodies|pows)\b",
    r"\bevacuation (?:deal|agreement)\b",
    r"\bnegotiated\b",
    r"\breconciliation\b",
    r"\bde-?escalation\b",
    r"\bpacts?\b",
    r"\bnon-aggression\b",
    r"\bmemorandum of understanding\b",
)
CUE_EXCHANGE = _rx(r"\bexchange", r"\bswap", r"\bdeal\b", r"\bagreement\b", r"\bnegotiat", r"\bmediat")
CUE_HANDOVER = _rx(
    r"\bhand(?:ed|s|ing)? (?:\w+ )?over\b",
    r"\bhandover\b",
    r"\bhand-over\b",
    r"\bceded?\b",
    r"\btransfer(?:red|s)? (?:of )?control\b",
    r"\bhanded control\b",
    r"\bwithout (?:a )?(?:fight|resistance|clashes|fighting)\b",
    r"\bunopposed\b",
    r"\bentered .{0,40}after .{0,40}withdr[ae]w",
    r"\btook over .{0,40}after .{0,40}withdr[ae]w",
    r"\bhand(?:ed|s|ing)?\b[^.]{0,60}\bover to\b",
    r"\bpeacefully\b",
    r"\b(?:withdr[ae]w|pulled (?:out|back)|left|vacated|abandoned)\b[^.]{0,80}"
    r"\b(?:entered|took over|moved in|took control)",
)
_DET = r"(?:a |an |its |their )?(?:new )?(?:military )?"
_BASE_NOUN = r"(?:training )?(?:base|headquarters|camp|outpost|command post|office|garrison)s?\b"
CUE_BASE = _rx(
    r"\b(?:set|setting|sets) up " + _DET + r"(?:\w+ )?" + _BASE_NOUN,
    r"\b(?:establish|build|buil|construct|erect)(?:ed|es|ing|t|s)? " + _DET + r"(?:\w+ )?" + _BASE_NOUN,
    r"\b(?:relocat|mov)(?:ed|es|ing|e)? (?:its |their |his )?(?:headquarters|base|command post)\b",
    r"\b(?:base|headquarters) (?:was |were )?(?:established|set up)\b",
    r"\bopen(?:ed|s)? (?:a |an |its |their )?(?:new )?(?:\w+ )?(?:base|headquarters|office)\b",
)
CUE_DISRUPTED = _rx(
    r"\bdefus(?:e|ed|ing)\b",
    r"\bdismantl(?:e|ed|ing) (?:a |an |the )?(?:bomb|explosive|ied)",
    r"\bfoil(?:ed|s)?\b",
    r"\bthwart(?:ed|s)?\b",
    r"\bintercept(?:ed|s)?\b",
    r"\bshot down (?:a |an |the |two |three |several )?(?:\w+ )?(?:drones?|missiles?|rockets?|uavs?)",
    r"\bweapons? (?:cache|depot|stockpile)s?\b",
    r"\barms (?:cache|depot|stockpile)s?\b",
    r"\bseized (?:\w+ )?(?:weapons|arms|ammunition|explosives)\b",
    r"\bbomb disposal\b",
    r"\bunexploded\b",
    r"\bcontrolled (?:explosion|detonation)\b",
    r"\bsafely detonat",
    r"\bbomb ?- ?making\b",
    r"\b(?:weapons?|arms|ammunition|explosives?) (?:cache|depot|stockpile)s?\b",
    r"\b(?:cache|stockpile|depot)s? of (?:\w+ )?(?:weapons|arms|ammunition|explosives|grenades)\b",
)
#: cues that by themselves make an act a disrupted weapons use (a bomb made safe, a plot stopped)
CUE_DISRUPTED_STRONG = _rx(
    r"\bdefus(?:e|ed|ing)\b", r"\bunexploded\b", r"\bbomb disposal\b", r"\bcontrolled (?:explosion|detonation)\b",
    r"\bsafely detonat", r"\bfoil(?:ed|s)?\b", r"\bthwart(?:ed|s)?\b",
)
# projectiles stopped in flight (not aircraft with crews, whose downing is an attack)
CUE_INTERCEPT = _rx(
    r"\b(?:shot|shoot|shooting|shoots) down\b[^.]{0,30}\b(?:drones?|missiles?|rockets?|uavs?|projectiles?)\b",
    r"\b(?:downed|intercept(?:ed|s|ing)?|destroyed)\b[^.]{0,30}\b(?:drones?|missiles?|rockets?|uavs?|projectiles?)\b"
    r"[^.]{0,20}\b(?:over|above|in flight|before)",
    r"\bintercept(?:ed|s|ing)?\b[^.]{0,30}\b(?:drones?|missiles?|rockets?|uavs?|projectiles?)\b",
)
CUE_LOOT = _rx(
    r"\bloot(?:ed|ing|ers)?\b",
    r"\bplunder(?:ed|ing)?\b",
    r"\bpillag(?:ed|ing)\b",
    r"\bransack(?:ed|ing)?\b",
    r"\btorch(?:ed|ing)?\b",
    r"\bset (?:fire|ablaze|on fire)\b",
    r"\bburn(?:ed|t)? down\b",
    r"\barson\b",
    r"\bdemolish(?:ed|ing)?\b",
    r"\bbulldoz(?:ed|ing)\b",
    r"\bdestroy(?:ed|ing)? (?:\w+ )?"
    r"(?:homes?|houses?|property|properties|shops?|crops|buildings?|churche?s?|mosques?)",
    r"\bvandali[sz]",
    r"\bconfiscat",
    r"\bstole\b",
    r"\bstolen\b",
    r"\bexpropriat",
)
CUE_GROUP_CHANGE = _rx(
    r"\bdefect(?:ed|ion|ions|s)?\b",
    r"\bmerg(?:e|ed|er|ing)\b",
    r"\bjoin(?:ed|s)? forces\b",
    r"\bsplit\b",
    r"\brenam(?:e|ed)\b",
    r"\bformed\b",
    r"\bnew (?:group|coalition|alliance)\b",
    r"\bpledged allegiance\b",
    r"\bredeploy",
    r"\bdeploy",
    r"\breinforcements?\b",
    r"\btroop (?:movements?|build-?up)\b",
    r"\bmobili[sz]",
)
CUE_TERRITORY = _rx(
    r"\b(?:took|take|taken|taking|seized?|seizing|gain(?:ed)?|regain(?:ed)?|wrest(?:ed)?|"
    r"captur(?:e|ed|ing)|assum(?:e|ed))\b[^.]{0,25}\bcontrol\b",
    r"\b(?:retook|retaken|retake|recaptur(?:e|ed|ing)|overr[au]n|liberat(?:e|ed|ing)|reclaim(?:ed|s|ing)?)\b",
    r"\b(?:took|take|taken|taking|takes) back\b",
    r"\b(?:recover(?:ed)?|re-?establish(?:ed)?|restor(?:e|ed)|reassert(?:ed)?)\b[^.]{0,25}\bcontrol\b",
)
CUE_CURFEW = _rx(
    r"\bcurfews?\b", r"\bstate of (?:emergency|siege)\b", r"\bmartial law\b", r"\bblockades?\b", r"\bsieges?\b",
    r"\bbesieg", r"\blockdowns?\b", r"\bclosures?\b", r"\binternet (?:shutdown|blackout)s?\b",
    r"\bshut (?:down|off) (?:the )?(?:internet|mobile|telecom)",
)
# a target that is a military position or force rather than people going about their lives
CUE_MILITARY_TARGET = _rx(
    r"\b(?:troops|soldiers|forces|army|military|convoy|patrol|positions?|checkpoints?|bases?|outposts?|barracks|"
    r"police|officers|militants|fighters|rebels|insurgents|combatants|personnel)\b"
)
CUE_PROTEST = _rx(
    r"\bprotest",
    r"\bdemonstrat",
    r"\brall(?:y|ies|ied)\b",
    # the verb or noun, not the month ("on 3 March 2021", "in March", "March 3")
    r"\b(?<!\d )(?<!\bin )(?<!\bof )(?<!\bearly )(?<!\blate )(?<!\bmid-)(?<!\blast )(?<!\bsince )(?<!\buntil )"
    r"march(?:ed|es|ing)?\b(?!,? \d)",
    r"\bsit-in",
    r"\bblock(?:ed|ing)? (?:a |the )?(?:main )?(?:road|street|highway|motorway)s?\b",
)

TWO_SIDED_TRIGGERS = frozenset(
    {
        "clash",
        "fight",
        "fighting",
        "battle",
        "skirmish",
        "firefight",
        "gunfight",
        "gunbattle",
        "gun battle",
        "shootout",
        "combat",
        "hostility",
        "hostilities",
        "engage",
        "exchange",
        "infighting",
        "repel",
        "repulse",
        "counterattack",
        "counter-attack",
        "counteroffensive",
        "trade",
    }
)
TERRITORY_TRIGGERS = frozenset({"retake", "recapture", "overrun", "liberate", "regain", "takeover", "reclaim"})
#: verbs that change control of a place when "control" (or "back") goes with them
CONTROL_VERBS = frozenset(
    "capture seize take storm control takeover wrest gain assume recover reestablish re-establish restore "
    "reassert".split()
)
DISRUPT_TRIGGERS = frozenset({"defuse", "foil", "thwart", "intercept", "dismantle"})
#: triggers that name a change to a group whatever their PLOVER reading (CAMEO codes defection as REJECT)
GROUP_CHANGE_ONLY = frozenset({"defect", "defection", "merge", "merger", "rename", "split"})
HANDOVER_TRIGGERS = frozenset({"hand", "handover", "cede"})
WITHDRAW_TRIGGERS = frozenset({"withdraw", "withdrawal", "retreat", "pull", "vacate", "abandon"}) | HANDOVER_TRIGGERS
BASE_TRIGGERS = frozenset({"establish", "set", "open", "build", "construct", "relocate", "move"})
GROUP_CHANGE_TRIGGERS = frozenset(
    {
        "join",
        "merge",
        "ally",
        "unite",
        "defect",
        "split",
        "form",
        "rename",
        "pledge",
        "alliance",
        "merger",
        "coalition",
    }
)


def _kind(k: str | None, text: str) -> str | None:
    """Normalise an actor kind; international organisations count as armed when the text
    speaks of peacekeepers or troops, as unarmed otherwise."""
    if k is None:
        return None
    k = k.strip().lower()
    if k == "international_org":
        return (
            "state"
            if re.search(r"\bpeace-?keep|\btroops\b|\bsoldiers\b|\bforces\b|\bbase\b|\bconvoy|\bpatrol", text, re.I)
            else "other"
        )
    return k


#: nouns that name the members of the perpetrator ("JNIM militants"), not a target
_AGENT_NOUNS = (
    r"(?:\s+(?:militants|fighters|soldiers|troops|forces|militiamen|members|rebels|insurgents|gunmen|police|"
    r"officers|personnel|units?|operatives|agents|guerrillas|jihadists|cadres))?"
)


_AGENT_AFTER = re.compile(_AGENT_NOUNS, re.IGNORECASE)


@lru_cache(maxsize=4096)
def _literal(words: str) -> re.Pattern[str]:
    return re.compile(re.escape(words), re.IGNORECASE)


def _without_actor(text: str, actor_text: str | None) -> str:
    """`text` without the words naming the perpetrator (and the member noun after them: "JNIM
    militants"), so that target cues see only the rest.

    What `re.sub(escape(actor_text) + _AGENT_NOUNS, " ", text, flags=re.I)` does, without compiling
    the member-noun alternation again for every actor name (that compile was most of this stage)."""
    if not actor_text:
        return text
    literal = _literal(actor_text)
    out: list[str] = []
    pos = 0
    while (m := literal.search(text, pos)) is not None:
        after = _AGENT_AFTER.match(text, m.end())
        out += [text[pos:m.start()], " "]
        pos = after.end() if after else m.end()
    return "".join(out) + text[pos:] if out else text


def acled_type(
    plover: str,
    mode: str | None,
    *,
    trigger_lemma: str | None,
    actor1_kind: str | None,
    actor2_kind: str | None,
    territory: bool = False,
    text: str = "",
    context: str = "",
    actor1_text: str | None = None,
) -> tuple[str | None, str | None]:
    """ACLED (event_type, sub_event_type) for a PLOVER event, or (None, None) where ACLED
    would not record it (most verbal events).

    ``actor1_kind`` / ``actor2_kind`` use the output contract's actor kinds (state,
    foreign_state, foreign_agency, rebel, militia, civilians, protesters, international_org,
    other) or None when unknown. ``territory`` is True when the event changes who controls a
    place. ``text`` is the trigger's own clause, used for keyword cues about this event (weapon,
    victims); ``context`` the whole sentence, for cues about the incident as a whole (riot
    conduct, protest policing, handovers, chemical agents). It defaults to ``text``.
    ``actor1_text``, the words naming the perpetrator, is left out when the clause is searched
    for its target ("soldiers beat two farmers" targets farmers, not soldiers).
    """
    p = (plover or "").strip().upper()
    m = (mode or "").strip().lower() or None
    trig = (trigger_lemma or "").strip().lower() or None
    t = text or ""
    ctx = context or t
    a1 = _kind(actor1_kind, t)
    a2 = _kind(actor2_kind, t)
    target = _without_actor(t, actor1_text)
    territory = territory or bool(trig in CONTROL_VERBS and CUE_TERRITORY.search(t))

    if trig in DISRUPT_TRIGGERS or (p in ("ASSAULT", "COERCE") and CUE_INTERCEPT.search(t)):
        return STRATEGIC, "Disrupted weapons use"
    if p in ("ASSAULT", "COERCE", "MOBILIZE") and CUE_DISRUPTED_STRONG.search(t):
        return STRATEGIC, "Disrupted weapons use"  # a bomb defused, a plot foiled: no attack took place
    if trig in GROUP_CHANGE_ONLY:
        return STRATEGIC, "Change to group/activity"
    if trig in BASE_TRIGGERS and CUE_BASE.search(t):
        return STRATEGIC, "Headquarters or base established"

    if p == "ASSAULT":
        return _assault(m, trig, a1, a2, territory, t, ctx, target)
    if p == "COERCE":
        return _coerce(m, trig, a1, a2, territory, t, ctx)
    if p == "PROTEST":
        return _protest(m, a1, ctx)
    if p == "MOBILIZE":
        if CUE_SUICIDE.search(t):
            return EXPLOSIONS, "Suicide bomb"  # "sent a suicide bomber into the market"
        if CUE_BASE.search(t):
            return STRATEGIC, "Headquarters or base established"
        return STRATEGIC, "Change to group/activity"
    if p == "RETREAT":
        return _retreat(m, trig, territory, ctx)
    if p in ("AGREE", "SUPPORT", "CONCEDE"):
        if trig in {
            "ceasefire",
            "cease-fire",
            "truce",
            "armistice",
            "agreement",
            "deal",
            "accord",
            "treaty",
            "pact",
        } or CUE_AGREEMENT.search(t):
            return STRATEGIC, "Agreement"
        return None, None
    if p == "COOPERATE":
        if trig in {"exchange", "swap"} and CUE_AGREEMENT.search(t):
            return STRATEGIC, "Agreement"
        if trig in GROUP_CHANGE_TRIGGERS or CUE_GROUP_CHANGE.search(t):
            return STRATEGIC, "Change to group/activity"
        return None, None
    if p == "REJECT" and trig in GROUP_CHANGE_ONLY:
        return STRATEGIC, "Change to group/activity"
    # CONSULT, AID, REQUEST, ACCUSE, REJECT, THREATEN, SANCTION: not ACLED events
    return None, None


def _remote_subtype(m: str | None, trig: str | None, t: str, ctx: str = "") -> str | None:
    """Explosions/Remote violence sub-type from the PLOVER mode and text cues, or None."""
    if m == "unconventional" or CUE_CHEMICAL.search(t) or CUE_CHEMICAL.search(ctx):
        return "Chemical weapon"
    if m == "suicide-attack" or CUE_SUICIDE.search(t):
        return "Suicide bomb"
    if (
        m in ("aerial", "drone")
        or trig in {"airstrike", "air strike", "air raid", "strafe"}
        or CUE_AIR.search(t)
    ):
        return "Air/drone strike"
    if (
        m == "heavy-weapons"
        or trig in {"shell", "shelling", "bombard", "bombardment"}
        or CUE_SHELLING.search(t)
    ):
        return "Shelling/artillery/missile attack"
    if CUE_GRENADE.search(t):
        return "Grenade"
    if m == "explosives" or CUE_REMOTE_EXPLOSIVE.search(t):
        return "Remote explosive/landmine/IED"
    if trig in {
        "bomb",
        "bombing",
        "explosion",
        "blast",
        "explode",
        "detonate",
    } and CUE_EXPLOSION_GENERIC.search(t):
        return "Remote explosive/landmine/IED"
    return None


#: verbs that tell an outcome (a death, an injury): the weapon is named elsewhere in the sentence
CASUALTY_TRIGGERS = frozenset({"kill", "die", "wound", "injure", "hurt"})


def _assault(m, trig, a1, a2, territory, t, ctx="", target="") -> tuple[str | None, str | None]:
    ctx = ctx or t
    target = target or t
    # rioters and mobs: violence by protesters, by civilians (a mob), or by unorganised people
    # whose conduct reads as rioting (torching, looting, stone-throwing)
    crowd1 = (
        a1 in CROWD_KINDS
        or a1 == "civilians"
        or (a1 in ("other", None) and (a1 != a2 or a1 is None) and bool(CUE_MOB.search(ctx) or CUE_RIOT.search(ctx)))
    )
    if crowd1 and m != "abduct" and not (a1 is None and not CUE_PROTEST.search(ctx) and not CUE_MOB.search(ctx)):
        if CUE_MOB.search(ctx) or (a1 == "civilians" and not CUE_PROTEST.search(ctx)):
            return RIOTS, "Mob violence"
        return RIOTS, "Violent demonstration"
    # force used against protesters: named as such, or unnamed people at a protest
    at_protest = a2 in CROWD_KINDS or (
        (a1 in STATE_KINDS or (a1 in (None, "other") and bool(m == "crowd-control" or CUE_INTERVENTION.search(t))))
        and a2 in (None, "civilians", "other")
        and bool(CUE_PROTEST.search(ctx))
        and not CUE_RIOT.search(ctx)
    )
    if at_protest:
        lethal = CUE_EXCESSIVE.search(ctx) or (
            a2 not in CROWD_KINDS and (trig in {"kill", "shoot"} or CUE_HARM.search(t))
        )
        if (m == "crowd-control" or CUE_INTERVENTION.search(t)) and not lethal:
            return PROTESTS, "Protest with intervention"  # tear gas, stun grenades, batons: not lethal
        if lethal or m in ("firearms", "targeted") or trig in {"kill", "shoot"}:
            return PROTESTS, "Excessive force against protesters"
        return PROTESTS, "Protest with intervention"
    if m == "crowd-control":
        return PROTESTS, "Protest with intervention"

    a1_armed = a1 in ARMED_KINDS
    a2_armed = a2 in ARMED_KINDS
    two_sided = trig in TWO_SIDED_TRIGGERS
    # people taken ("took three aid workers hostage"), not places: abduction, or sexual violence
    # when the same sentence tells of rape ("abducted and raped two women")
    abduct = m == "abduct" or trig in {"abduct", "kidnap", "abduction", "kidnapping", "hijack"} or (
        trig in {"take", "hold", "seize", "capture", "grab"} and bool(CUE_ABDUCT.search(t))
    )
    if abduct:
        if CUE_SEXUAL.search(ctx) and not a2_armed:
            return VAC, "Sexual violence"
        if a2_armed and CUE_MILITARY_TARGET.search(target) and not CUE_CIVILIAN_VICTIMS.search(target):
            return BATTLES, "Armed clash"
        return VAC, "Abduction/forced disappearance"
    territory = (
        territory
        or trig in TERRITORY_TRIGGERS
        or bool(CUE_TERRITORY.search(t) and trig in CONTROL_VERBS)
        # "took control of X after fighting with Y": the fighting changed who holds X
        or bool(two_sided and CUE_TERRITORY.search(ctx))
    )

    # battles: two armed sides, or an explicitly two-sided trigger, or a territorial change
    # (the place taken may itself be named as the target); taken unopposed, it is a transfer
    if territory and a2 not in UNARMED_KINDS - {"other"} | CROWD_KINDS and (a1 is None or a1_armed):
        if CUE_HANDOVER.search(ctx) and not CUE_FIGHT.search(ctx):
            return STRATEGIC, "Non-violent transfer of territory"
        if a1 in STATE_KINDS:
            return BATTLES, "Government regains territory"
        return BATTLES, "Non-state actor overtakes territory"
    if two_sided and (a2 is None or a2_armed or a1_armed):
        return BATTLES, "Armed clash"

    # civilians as targets: abduction and sexual violence first (they are not remote)
    civ_target = a2 == "civilians" or (
        a2 in (None, "other") and CUE_CIVILIAN_VICTIMS.search(target) and not two_sided
    )
    if m == "sexual" or (
        CUE_SEXUAL.search(t) and not a2_armed and (civ_target or trig in {"rape", "assault", "abuse", "enslave"})
    ):
        return VAC, "Sexual violence"

    # remote violence, whoever the target (ACLED keeps it under Explosions/Remote violence); a
    # bare outcome ("stepped on a landmine and was killed") takes its weapon from the sentence
    # unless its own clause names who killed ("gunmen killed 2 farmers" beside a shelling)
    remote = _remote_subtype(m, trig, t, ctx)
    if remote is None and trig in CASUALTY_TRIGGERS and (a1 is None or target == t):
        # the perpetrator is not named in the killing's own clause ("3 died when a mine exploded")
        remote = _remote_subtype(None, None, ctx, ctx)
    if remote is not None:
        return EXPLOSIONS, remote

    if (m == "destroy" or CUE_LOOT.search(t)) and not CUE_HARM.search(t) and (
        a2 != "civilians" or CUE_PROPERTY.search(t)
    ):
        return STRATEGIC, "Looting/property destruction"  # homes burned or demolished, nobody hurt
    if civ_target:
        return VAC, "Attack"
    if a2_armed and (CUE_MILITARY_TARGET.search(target) or not CUE_CIVILIAN_VICTIMS.search(target)):
        return BATTLES, "Armed clash"
    if a2 in (None, "other") and (a1 is None or a1_armed) and CUE_MILITARY_TARGET.search(target):
        return BATTLES, "Armed clash"
    if a2 is None and a1 is not None and not a1_armed:
        return BATTLES, "Armed clash"
    return VAC, "Attack"


def _coerce(m, trig, a1, a2, territory, t, ctx="") -> tuple[str | None, str | None]:
    ctx = ctx or t
    if a1 in CROWD_KINDS and (m == "seize" or CUE_LOOT.search(t)):
        return RIOTS, "Violent demonstration"  # looting and burning by rioters is the riot itself
    if a2 in CROWD_KINDS:
        if CUE_EXCESSIVE.search(ctx):
            return PROTESTS, "Excessive force against protesters"
        return PROTESTS, "Protest with intervention"
    if trig in {"disperse", "break"} and CUE_PROTEST.search(ctx):
        return PROTESTS, "Protest with intervention"
    if m == "arrest" or trig in {"arrest", "detain", "jail", "imprison", "apprehend", "detention"}:
        if CUE_DISAPPEARED.search(ctx):
            return VAC, "Abduction/forced disappearance"  # held with no word of their fate
        if CUE_PROTEST.search(ctx) and (
            CUE_INTERVENTION.search(ctx) or a2 not in ARMED_KINDS
        ):
            return PROTESTS, "Protest with intervention"  # arrests at a protest are its policing
        return STRATEGIC, "Arrests"
    if m == "seize" or trig in {
        "seize",
        "confiscate",
        "loot",
        "plunder",
        "ransack",
        "pillage",
        "occupy",
        "capture",
        "wrest",
    }:
        if CUE_DISRUPTED.search(t) and not CUE_LOOT.search(t):
            return STRATEGIC, "Disrupted weapons use"
        if CUE_PEOPLE_SEIZED.search(t):
            return VAC, "Abduction/forced disappearance"
        if territory:
            if CUE_HANDOVER.search(ctx) or not (a2 in ARMED_KINDS or CUE_FIGHT.search(ctx)):
                return STRATEGIC, "Non-violent transfer of territory"
            if a1 in STATE_KINDS:
                return BATTLES, "Government regains territory"
            return BATTLES, "Non-state actor overtakes territory"
        return STRATEGIC, "Looting/property destruction"
    if m in ("curfew", "martial-law") or CUE_CURFEW.search(t) or (
        m == "restrict" and trig in {"blockade", "siege", "besiege"}
    ):
        return STRATEGIC, "Other"
    if m == "censor" and CUE_CURFEW.search(ctx):
        return STRATEGIC, "Other"
    return None, None


def _protest(m, a1, t) -> tuple[str | None, str | None]:
    if m in ("boycott", "hunger") and not re.search(r"\bprotest|\bdemonstrat|\brally|\bmarch", t, re.I):
        return None, None
    if m in ("riot", "vandalize") or CUE_RIOT.search(t) or CUE_MOB.search(t):
        if m == "vandalize" and a1 in ARMED_KINDS and not re.search(r"\briot|\bprotest|\bdemonstrat", t, re.I):
            return STRATEGIC, "Looting/property destruction"  # property damaged by an armed group
        if CUE_MOB.search(t):
            return RIOTS, "Mob violence"
        return RIOTS, "Violent demonstration"
    if CUE_EXCESSIVE.search(t):
        return PROTESTS, "Excessive force against protesters"
    if CUE_INTERVENTION.search(t):
        return PROTESTS, "Protest with intervention"
    return PROTESTS, "Peaceful protest"


def _retreat(m, trig, territory, t) -> tuple[str | None, str | None]:
    if m == "ceasefire":
        return STRATEGIC, "Agreement"
    if trig in HANDOVER_TRIGGERS and (territory or CUE_HANDOVER.search(t)):
        return STRATEGIC, "Non-violent transfer of territory"
    if m == "withdraw" or trig in WITHDRAW_TRIGGERS:
        if territory or CUE_HANDOVER.search(t):
            return STRATEGIC, "Non-violent transfer of territory"
        return STRATEGIC, "Change to group/activity"
    if m == "release" or trig in {"release", "free", "exchange", "swap"}:
        if CUE_EXCHANGE.search(t):
            return STRATEGIC, "Agreement"
        return STRATEGIC, "Other"
    if m == "disarm" or trig in {"surrender", "disarm", "demobilize", "demobilise", "capitulate"}:
        if CUE_HANDOVER.search(t):
            return STRATEGIC, "Non-violent transfer of territory"  # a place surrendered without a fight
        if CUE_EXCHANGE.search(t):
            return STRATEGIC, "Agreement"
        return STRATEGIC, "Change to group/activity"
    return None, None
