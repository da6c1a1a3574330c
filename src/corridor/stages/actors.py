"""Actor stage: recognize, resolve and code who acts.

Reads the spaCy ``Doc`` (tokens, dependencies, PERSON entities) and the actor lexicon
(:mod:`corridor.actor_lexicon`); writes ``analysis.actors`` (one coded :class:`Actor` per mention, pronouns
and group mentions included once resolved) and ``analysis.notes["actor_by_token"]`` (token index -> the actor
of the mention that token belongs to), which the quote and event stages read, and
``analysis.notes["actor_mentions"]`` (the mentions, with how each was made).

A mention is built around a noun-phrase head: its compounds, modifiers and possessor, and for office nouns
an attached "for/of" phrase ("spokesman for China's foreign ministry Zhao Lijiang"). The code is composed
from the signals inside: an organization or party (a party as government or opposition by the article's
date), a person in the leader table (by the article's date), an agent word (title, office or group noun), a
country (name, demonym, capital or seat). An agent with no country in its phrase takes one from its
sentence, else the article's home country. Later mentions by surname, title or pronoun join the entity of
an earlier one (simple rule-based coreference); "the two countries" resolves to the two most mentioned
countries.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import ClassVar

from spacy.language import Language
from spacy.symbols import ADJ as ADJ_ID
from spacy.symbols import NOUN as NOUN_ID
from spacy.symbols import PRON as PRON_ID
from spacy.symbols import PROPN as PROPN_ID
from spacy.tokens import Doc, Span, Token

from corridor.actor_lexicon import ActorLexicon, AgentEntry, LeaderEntry, Match, OrgEntry, normalize
from corridor.datelines import dateline_ranges
from corridor.gazetteer import MATCH_NAME, MATCH_SHORT, get_gazetteer
from corridor.model import Actor, Place
from corridor.pipeline import Analysis, PipelineConfig, register_stage
from corridor.syntax import first_child

NP_LEFT_DEPS = {"compound", "amod", "nmod", "det", "nummod", "poss", "case", "quantmod", "punct", "prep"}
PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
GROUP_PRONOUNS = {"they", "them", "their"}
POSSESSIVE_PRONOUNS = {"his", "her", "its", "their"}
OFFICE_PREPS = {"for", "of"}
# agents serving far from home: they take no country from the actors around them
MULTINATIONAL_AGENTS = {"peacekeepers", "peacekeeper", "peacekeeping force", "peacekeeping troops", "blue helmets"}
# groups often of no country, or of another one than the actors around them ("human rights groups"): they
# take a country from their own phrase only, never from the sentence ("the international community")
UNATTACHED_AGENTS = {"NGO", "IGO"}
# Titled people of these agents are often abroad in the news (clergy, international and aid officials,
# reporters): their name does not take the article's home country.
TRAVELLING_AGENTS = {"REL", "IGO", "NGO", "MED"}
# A government, forces or spies named after an agent in its sentence, or a country it goes to or against,
# are often the other side ("the minister met the Chinese ambassador", "will send troops to Iraq").
STATE_SIDE_AGENTS = {"GOV", "MIL", "SPY"}
ARMED_AGENTS = {"MIL", "REB", "INS", "UAF"}  # whose victims are mostly the other side's
EXPEL_VERBS = frozenset({"expel", "deport", "oust"})  # whose object is another state's people
RELEASE_VERBS = frozenset({"release", "free", "hand", "exchange", "swap", "repatriate"})  # whose captives are another's
MEDIATION_VERBS = frozenset({"mediate", "broker", "facilitate", "host", "arbitrate"})  # third parties, no sides
DIRECTION_PREPS = {"to", "into", "toward", "towards", "against"}
PLACE_PREPS = {"in", "of", "at", "near", "across", "throughout", "outside", "around"}
PLURAL_TAGS = {"NNS", "NNPS"}
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
VICTIM_DEPS = {"nsubjpass", "dobj", "pobj"}  # where a counted group undergoes an act
# agents often abroad ("US troops in Iraq"): a place phrase does not give their country
FOREIGN_PRESENCE_AGENTS = {"MIL", "GOV", "IGO", "NGO", "BUS", "MED", "SPY", "UAF"}
# ... but a state's ministries, whose "in" phrase names where they are, are that state's
SEATED_BODIES = frozenset({"ministry", "ministries", "cabinet", "parliament", "presidency"})
# agents of nouns that describe a name after them ("newspaper Asahi", "oil firm Sibur", "charity Oxfam")
NAMED_KINDS = {"MED", "BUS", "NGO"}
# words before a title that put its office in the past ("former finance minister", "ex-president")
PAST_OFFICE_WORDS = {"former", "ex", "ex-", "then", "late", "erstwhile"}
# a member of parliament in many states ("Duma deputy Ivan Petrov"), or, before another noun, the deputy to a post
DEPUTY_WORDS = frozenset({"deputy", "deputies"})
TITLE_SYNONYMS = {"premier": "prime minister", "pm": "prime minister", "chancellor": "chancellor"}

BODY_CITY_POPULATION = 100_000  # a town named before an agent word must be this big to give its country

_LEXICONS: dict[tuple[int, str | None], ActorLexicon] = {}


def get_lexicon(nlp: Language, user_leaders: str | None = None) -> ActorLexicon:
    """The actor lexicon compiled for ``nlp``'s vocabulary (built once per pipeline and user table)."""
    key = (id(nlp.vocab), user_leaders)
    if key not in _LEXICONS:
        _LEXICONS[key] = ActorLexicon(nlp, user_leaders)
    return _LEXICONS[key]


@dataclass
class Mention:
    """An actor mention under construction."""

    head: int
    start: int  # token span
    end: int
    tokens: set[int]
    country: str | None = None
    country_how: str = ""
    agent: str | None = None
    org: str | None = None
    org_name: str | None = None  # the table's name of the organisation, where it gives one
    person: str | None = None  # surface name without title, its tokens joined by spaces (the key for linking)
    person_text: str | None = None  # the same name as the text has it ("Kilroy-Silk"), for display
    leader: LeaderEntry | None = None
    title: str | None = None
    titled: bool = False  # an office held by one person is named ("the foreign secretary", "Mr Straw")
    counted: bool = False  # an actor only as a counted group acted on ("ten people were killed")
    resolved_by: str = "title"
    confidence: float = 1.0
    entity: int | None = None
    pronoun: bool = False
    group: bool = False
    anaphor: bool = False  # a bare "the group" that refers back to a named organisation
    members: list[Actor] = field(default_factory=list)


# Adjectives and nouns whose "to" clause is what an "it" before them stands for ("it is important to talk").
EXTRAPOSING_WORDS = frozenset(
    {"important", "necessary", "essential", "vital", "crucial", "possible", "impossible", "likely", "unlikely",
     "difficult", "hard", "easy", "wrong", "right", "time", "interest", "interests", "unclear", "clear", "better",
     "best", "imperative", "urgent", "unacceptable", "useful", "pointless", "premature", "too", "interesting",
     "worth", "fair", "safe", "reasonable", "natural", "striking", "notable", "remarkable", "surprising",
     "ironic", "odd", "strange", "sad", "unfortunate", "fortunate", "tempting", "telling", "instructive"}
)  # fmt: skip


# Verbs whose passive subject is the one addressed ("it was told that ..."): that "it" is someone.
RECIPIENT_VERBS = frozenset(
    {"tell", "inform", "advise", "assure", "warn", "remind", "notify", "promise", "show", "ask"}
)


def expletive(tok: Token) -> bool:
    """An "it" that stands for a clause later in the sentence, not for anyone: "it was agreed that ...",
    "it is important that ...", "it was in their interest to ..."."""
    if tok.lower_ != "it":
        return False
    if tok.dep_ == "expl":
        return True
    if tok.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = tok.head
    if verb.lemma_ != "be" and tok.dep_ != "nsubjpass":
        return False
    if tok.dep_ == "nsubjpass" and verb.lemma_.lower() in RECIPIENT_VERBS:
        return False  # "it was told that ...": the one told
    if tok.dep_ == "nsubjpass" and any(c.dep_ == "ccomp" for c in verb.children):
        # "it was agreed the issue can wait", "Iran supplied the missiles, it has been revealed": the clause
        # said, by no one named
        return True
    if tok.dep_ == "nsubj" and _cleft(verb):
        return True  # "It is the US that is militarising the region": the US, not "it", does it
    for c in verb.subtree:
        if c.i < verb.i or c.dep_ not in {"ccomp", "xcomp", "csubj", "csubjpass", "acl", "relcl"}:
            continue
        marks = {m.lower_ for m in c.children if m.dep_ in {"mark", "aux"}}
        if "that" in marks and c.head.i == verb.i:
            return True  # "it was agreed that ...", "it is clear that ..."
        owner = c.head
        words = {owner.lemma_.lower()} | {
            w.lemma_.lower()
            for x in owner.children
            if x.dep_ in {"acomp", "attr", "prep"}
            for w in [x, *x.children]
            if w.dep_ in {"acomp", "attr", "pobj"}
        }
        if "to" in marks and words & EXTRAPOSING_WORDS:
            return True  # "it is important to ...", "it was in their interest to ..." (not "it was ready to")
    return False


def apposition_partners(head: Token) -> list[Token]:
    """The heads in apposition with ``head``: its own appositions, and the head it is an apposition to."""
    partners = [c for c in head.children if c.dep_ == "appos"]
    if head.dep_ == "appos":
        partners.append(head.head)
    return partners


def _cleft(verb: Token) -> bool:
    """Whether a "be" puts a name or pronoun in focus before a "that / who" clause ("It was Britain that blocked
    the deal", "It is China who decides"); not a description ("it is a country that ...": that "it" is someone)."""
    attr = next((c for c in verb.children if c.dep_ == "attr"), None)
    if attr is None or not (attr.pos_ == "PROPN" or attr.tag_ == "PRP"):
        return False
    return any(
        c.dep_ in {"relcl", "ccomp"}
        and c.i > attr.i
        and any(x.dep_ in {"nsubj", "nsubjpass"} and x.lower_ in {"that", "who", "which"} for x in c.children)
        for c in [*attr.children, *verb.children]
    )


def _subject_of(i: int, verb: Token) -> bool:
    """Whether token ``i`` is a subject of ``verb``."""
    return any(c.i == i and c.dep_ in SUBJECT_DEPS for c in verb.children)


def _shared_nsubj(verb: Token, participles: bool = False) -> Token | None:
    """The nominal subject of ``verb``, or of the verb it is joined to as a conjunct without a subject of its own
    (with ``participles``, also as a participle clause: "struck X, escalating its attacks")."""
    subj = first_child(verb, "nsubj")
    while (
        subj is None
        and (verb.dep_ == "conj" or (participles and verb.dep_ == "advcl" and verb.tag_ in {"VBG", "VBN"}))
        and verb.head.i != verb.i
    ):
        verb = verb.head
        subj = first_child(verb, "nsubj")
    return subj


def _continues_entity(tok: Token) -> bool:
    nxt = tok.i + 1
    return nxt < len(tok.doc) and tok.doc[nxt].ent_iob_ == "I"


GROUP_AGENTS = frozenset({"REB", "INS"})  # armed groups a definite "the group" refers back to
# Nouns of those who serve a leader "to" whom they are attached ("adviser to President Aliyev").
AIDE_NOUNS = frozenset({"adviser", "advisor", "aide", "assistant", "counsellor", "counselor"})
# Nouns after a division's name that make the phrase the division ("the Kursk region").
DIVISION_NOUNS = frozenset({"region", "province", "oblast", "governorate", "district", "state", "prefecture"})
# Kin words: a leader's relative is one of the state's elites (ELI).
KIN_NOUNS = frozenset({"sister", "brother", "wife", "husband", "son", "daughter", "mother", "father", "widow"})
# States whose ministers are titled "Secretary" ("Commerce Secretary", "Foreign Secretary").
SECRETARY_STATES = frozenset({"USA", "GBR"})
# Offices and words of local government, whose holders belong to the place a report names.
LOCAL_OFFICES = frozenset({"governor", "mayor"})
LOCAL_WORDS = frozenset({"regional", "local", "provincial", "municipal", "district", "city", "state"})
# Verbs of a cue that closes a report ("..., officials said").
CLOSING_CUE_VERBS = frozenset({"say", "tell", "add", "confirm", "report", "write"})
# Verbs whose subject says or holds what their clause reports ("Erdogan said he would ...": he is Erdogan).
REPORTING_VERBS = frozenset({"say", "tell", "add", "insist", "stress", "believe", "think", "warn", "vow", "promise"})
# Titles of the rulers a coup installs ("the junta"), and words of a coup.
RULER_TITLES = frozenset({"junta", "juntas", "junta forces", "military rulers", "military ruler", "coup leaders"})
COUP_WORDS = frozenset({"coup", "putsch", "overthrow", "oust", "depose", "topple"})


def _it_above(tok: Token) -> Token | None:
    """The subject "it" of the nearest clause above ``tok`` that has a subject, when it comes before ``tok``."""
    for verb in tok.ancestors:
        subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"} and not c.is_ancestor(tok)), None)
        if subj is not None and subj.i != tok.i:
            return subj if subj.lower_ == "it" and subj.i < tok.i else None
    return None


def _tells_of_coup(sent: Span) -> bool:
    """Whether a sentence tells of a coup: a coup word, or power seized ("soldiers who seized power")."""
    for t in sent:
        lemma = t.lemma_.lower()
        if lemma in COUP_WORDS:
            return True
        if lemma in {"seize", "grab", "take"} and any(c.dep_ == "dobj" and c.lower_ == "power" for c in t.children):
            return True
    return False


# Verbs by which a state sends or names its own officials ("sent envoy X", "recalled its ambassador").
SENDING_VERBS = frozenset({"send", "dispatch", "appoint", "name", "nominate", "recall", "deploy"})
# Titles of a state's diplomats, who stay their state's at an international organisation ("China's U.N. envoy").
STATE_ENVOYS = frozenset({"envoy", "ambassador", "representative", "delegate", "delegation", "mission", "diplomat"})
# Agents that make the other side of a conflict inside a state, against its government or army.
DOMESTIC_RIVALS = frozenset({"REB", "OPP", "INS", "UAF"})
# Words that set a people or a body apart from any state the sentence names ("a foreign government").
OTHER_STATE_WORDS = frozenset({"foreign", "overseas", "international", "multinational", "western"})
# Numbers of states a counted group names ("the three European powers").
COUNTED_GROUP_DEPS = frozenset({"det", "nummod", "amod", "compound"})
COUNT_WORDS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
GROUP_NOUNS = frozenset({"group", "movement", "organisation", "organization", "faction", "militia"})
# Nouns a definite "the alliance", "the bloc" refers back to an international body by, and the words that may
# stand between "the" and them ("the military alliance", "the regional bloc").
BLOC_NOUNS = frozenset({"alliance", "bloc"})
BLOC_KINDS = frozenset({"military", "western", "defence", "defense", "regional", "trade", "economic", "political"})


def _after_other_country(lex: ActorLexicon, m: Match, matches: list[Match]) -> bool:
    """Whether a party alias follows the name of a country none of its parties belongs to: "Nigeria Labour
    Congress" is no British Labour, "Australian Labor" no other country's."""
    parties = {e.country for e in lex.orgs.get(m.key, [])}
    return any(
        o.kind == "COUNTRY" and o.end == m.start and lex.countries[o.key][0].iso3 not in parties for o in matches
    )


def _inside_longer(m: Match, matches: list[Match]) -> bool:
    """Whether a longer match of another table covers ``m``."""
    return any(
        o.kind != m.kind and o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
        for o in matches
    )


def _last_run(doc: Doc, ids: list[int]) -> list[int]:
    """The last run of ``ids`` with only punctuation between them: the name itself, without a word of the
    office before it ("Trade and Industry Secretary Helen Tranter" is Helen Tranter; "Work and Pensions
    Secretary" names no one)."""
    run: list[int] = []
    for i in sorted(ids):
        if run and any(not doc[k].is_punct for k in range(run[-1] + 1, i)):
            run = []
        run.append(i)
    return run


def _clear_majority(counts: Counter[str], least: int = 2) -> str | None:
    """The most counted key when it has at least ``least``, at least half of all, and more than any other."""
    ranked = counts.most_common(2)
    if not ranked:
        return None
    top, n = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if n < least or 2 * n < sum(counts.values()) or n == runner_up:
        return None
    return top


def _article_date(analysis: Analysis) -> dt.date | None:
    try:
        return dt.date.fromisoformat(analysis.article.date) if analysis.article.date else None
    except ValueError:
        return None


@register_stage("actors")
class ActorStage:
    name: ClassVar[str] = "actors"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config
        self._lexicon: ActorLexicon | None = None

    def initialize(self, nlp: Language) -> None:
        self._lexicon = get_lexicon(nlp, self.config.user_leaders)

    def __call__(self, analysis: Analysis) -> None:
        if self._lexicon is None:
            raise RuntimeError("the actor stage was not initialized with a spaCy pipeline")
        builder = _MentionBuilder(analysis.doc, self._lexicon, _article_date(analysis), analysis.places)
        mentions = builder.build()
        actors, by_token = builder.resolve(mentions)
        analysis.actors.extend(actors)
        analysis.notes["actor_by_token"] = by_token
        analysis.notes["actor_mentions"] = mentions
        analysis.notes["tokens"] = builder.toks  # (the event and classify stages read them too)
        analysis.notes["country_by_token"] = {
            i: (m.key, self._lexicon) for i, ms in builder.signal.items() for m in ms if m.kind == "COUNTRY"
        }


# the parts of speech of a mention's head, by spaCy's symbol
MENTION_HEAD_POS = frozenset({NOUN_ID, PROPN_ID, PRON_ID, ADJ_ID})


class _MentionBuilder:
    def __init__(self, doc: Doc, lex: ActorLexicon, date: dt.date | None, places: list[Place] | None = None) -> None:
        self.doc = doc
        # the tokens, made once (``doc[i]`` makes a new Token each time), and the first token of each one's
        # sentence (``tok.sent`` walks the sentence each time)
        self.toks: list[Token] = list(doc)
        self.sent_start: list[int] = [sent.start for sent in doc.sents for _ in range(len(sent))]
        # the parts of speech, found once from the tag array, and the proper nouns (some passes read only them)
        self.pos_ids: list[int] = doc.to_array("POS").tolist()
        self.propn: list[int] = [i for i, p in enumerate(self.pos_ids) if p == PROPN_ID]
        self.places = places or []
        # each place with its tokens, found once (several rules read them per mention)
        self.place_spans: list[tuple[Place, Span]] = [
            (place, span)
            for place in self.places
            if (span := doc.char_span(place.start, place.end, alignment_mode="expand")) is not None
        ]
        self.lex = lex
        self.date = date
        # the words of a dateline ("BEIRUT (AP) -") say where a report was filed and by whom: no actor
        self.dateline: set[int] = {
            i for start, end in dateline_ranges(doc, colon=False).items() for i in range(start, end)
        }
        self.signal: dict[int, list[Match]] = {}
        ents = self.ents = doc.ents  # (spaCy builds them from the tokens on each access: read once)
        people = [e for e in ents if e.label_ == "PERSON" and len(e) >= 2]  # names of two words or more
        for m in self._prune(lex, lex.matches(doc)):
            if self._other_place(m) or m.start in self.dateline:
                continue
            if m.kind == "ORG" and any(
                e.start <= m.start and m.end <= e.end and len(e) > m.end - m.start for e in people
            ):
                continue  # "Attorney General Tarek William Saab": a company's name inside a person's is the person's
            for i in range(m.start, m.end):
                self.signal.setdefault(i, []).append(m)
        self._regional_demonyms()
        self._misspelled_countries()
        self._article_acronyms()
        # the countries the article names: an alias of several parties or bodies goes to one of them
        named = Counter(
            e.iso3
            for i in sorted(self.signal)
            for m in self.signal[i]
            if m.kind == "COUNTRY" and m.start == i
            for e in lex.countries[m.key][:1]
        )
        self.named_countries = set(named)
        self.country_counts = named
        # the country most of the article's country words name, when clearly so (for surnames, below)
        self.main_country = _clear_majority(named)
        self.person_tokens: set[int] = {t.i for ent in ents if ent.label_ == "PERSON" for t in ent}
        # a bare surname the NER missed, of a person named earlier in the article ("Albanese said")
        known: dict[str, int] = {}
        # and the first names the article gives each surname ("Michael Howard"), against namesakes in the tables
        self.given_names: dict[str, set[str]] = {}
        # every word of each full name the article gives, with the names it is part of ("Lin" -> "lin jian")
        self.full_names: dict[str, set[str]] = {}
        for ent in people:
            known.setdefault(ent[-1].lower_, ent.start)
            self.given_names.setdefault(normalize(ent[-1].text), set()).add(normalize(ent[0].text))
            for t in ent:
                self.full_names.setdefault(normalize(t.text), set()).add(normalize(ent.text))
            if self._family_name_first(ent):
                known.setdefault(ent[0].lower_, ent.start)  # "Wang" after "Wang Yi"
        given_first = Counter(ent[0].lower_ for ent in people if len(ent) >= 2)
        for ent in people:
            if len(ent) >= 2 and given_first[ent[0].lower_] == 1 and ent[0].lower_ not in known:
                # "Abiy said" after "Prime Minister Abiy Ahmed": someone called by a given name
                known[ent[0].lower_] = ent.start
        for ent in ents:
            # "Police spokesman Olumuyiwa Adejobi", the name read as an organisation: after a title, a person
            if (
                ent.label_ in {"ORG", "GPE", "LOC", "NORP", "FAC"}
                and 2 <= len(ent) <= 3
                and ent.start > 0
                and all(t.pos_ == "PROPN" and t.is_title and not self.signal.get(t.i) for t in ent)
                and self._title_at(ent.start - 1)
            ):
                self.person_tokens.update(range(ent.start, ent.end))
        for ent in people:
            # "Maria Corina Machado" read as the person "Maria Corina" and a name "Machado" they modify: one name
            nxt = doc[ent.end] if ent.end < len(doc) else None
            if (
                nxt is not None
                and nxt.pos_ == "PROPN"
                and nxt.is_title
                and not nxt.ent_type_
                and not self.signal.get(nxt.i)
                and ent.root.dep_ == "compound"
                and ent.root.head.i == nxt.i
            ):
                self.person_tokens.add(nxt.i)
        # (also a capitalized surname the tagger took for a common noun: "Lapid spoke with ...")
        surnames = (
            [t for t, p in zip(self.toks, self.pos_ids, strict=True) if p == PROPN_ID or (p == NOUN_ID and t.is_title)]
            if known
            else []
        )
        for tok in surnames:
            first = known.get(tok.lower_)
            if first is not None and first < tok.i and not self.signal.get(tok.i):
                self.person_tokens.add(tok.i)
        self._lone_leader_surnames()
        self._titled_names()

    def _lone_leader_surnames(self) -> None:
        """A lone capitalized word that is the surname of a leader in office on the article's date, which the NER
        missed or took for a place or body ("Modi met ...", "Lavrov said ...", "Scholz" as a place): a person."""
        if self.date is None:
            return
        doc = self.doc
        for tok in (doc[i] for i in self.propn):
            if tok.i in self.person_tokens or self.signal.get(tok.i) or not tok.is_title:
                continue
            if tok.ent_type_ not in {"", "ORG", "GPE", "NORP", "LOC"}:
                continue  # a date ("May"), a work of art, ...
            if tok.ent_type_ and not (tok.ent_iob_ == "B" and not _continues_entity(tok)):
                continue  # part of a longer name ("Trump Tower", "Modi Stadium")
            after_title = tok.i > 0 and self._title_at(tok.i - 1)  # "President Buhari", read as a place
            if any(
                0 <= j < len(doc) and doc[j].pos_ == "PROPN"
                for j in (tok.i + 1,) + (() if after_title else (tok.i - 1,))
            ):
                continue  # part of a longer name the NER did not mark
            name = normalize(tok.text)
            if (
                self.lex.leader_by_surname(name, self.date) is not None
                or self.lex.leader_by_surname(name, self.date, family_first=True) is not None  # "Xi" of "Xi Jinping"
            ):
                self.person_tokens.add(tok.i)

    def _titled_names(self) -> None:
        """A name the NER missed right after a title ("Army chief General Waker-Uz-Zaman"): its capitalized words,
        and the hyphens that join them, are a person's."""
        doc = self.toks
        # (a title ends on a word with a signal: only those are looked at)
        for i in [k + 1 for k in sorted(self.signal) if k + 1 < len(doc)]:
            if not self._title_at(i - 1):
                continue
            j = i
            name: list[int] = []
            while j < len(doc) and (
                (
                    doc[j].pos_ == "PROPN"
                    and doc[j].is_title
                    and not self.signal.get(j)
                    and doc[j].ent_type_ in {"", "PERSON"}
                )
                or (name and doc[j].text == "-" and not doc[j - 1].whitespace_ and not doc[j].whitespace_)
            ):
                name.append(j)
                j += 1
            while name and doc[name[-1]].text == "-":
                name.pop()
            if name and not any(k in self.person_tokens for k in name):
                self.person_tokens.update(name)

    def _title_at(self, i: int) -> bool:
        """Token ``i`` ends a title of the agent lexicon ("President", "Foreign Minister")."""
        return any(
            m.kind == "AGENT" and m.end - 1 == i and self.lex.agents[m.key].kind in {"title", "both"}
            for m in self.signal.get(i, ())
        )

    def _family_name_first(self, ent: Span) -> bool:
        """Whether a person's name is a leader's of a country that writes the family name first."""
        name = normalize(ent.text)
        return any(normalize(e.name) == name for e in self.lex.family_first.get(ent[0].lower_, ()))

    def _other_place(self, m: Match) -> bool:
        """A country, capital or seat inside a longer place name that the place stage put in another country:
        "Nassau County" (New York) is no Bahamas, "New Mexico" no Mexico."""
        if m.kind != "COUNTRY":
            return False
        entry = self.lex.countries[m.key][0]
        return any(
            place.country not in (None, entry.iso3)
            and span.start <= m.start
            and m.end <= span.end
            and len(span) > m.end - m.start
            for place, span in self.place_spans
        )

    def _regional_demonyms(self) -> None:
        """ "Latin American governments", "South American leaders": a region's people, not the United States'."""
        for i, ms in list(self.signal.items()):
            if i == 0 or self.toks[i].lower_ not in {"american", "americans"}:
                continue
            if self.toks[i - 1].lower_ in {"latin", "south", "central", "north", "pan", "meso"}:
                kept = [m for m in ms if not (m.kind == "COUNTRY" and m.start == i)]
                if kept:
                    self.signal[i] = kept
                else:
                    del self.signal[i]

    def _misspelled_countries(self) -> None:
        """A country or capital name with one slip ("Ethopia", "Afganistan", "Quatar"): news has typos.
        Such a word becomes a country signal like a correctly spelled one."""
        names = {t.lower_ for ent in self.ents if ent.label_ == "PERSON" for t in ent}
        for tok in (self.toks[i] for i in self.propn):
            if len(tok.text) < 6 or self.signal.get(tok.i) or not tok.text[0].isupper():
                continue
            if tok.ent_type_ not in {"", "GPE", "NORP", "LOC", "PERSON", "ORG"}:
                continue
            if tok.lower_ in names or self.lex.leader_by_surname(normalize(tok.text), self.date) is not None:
                continue  # "Maduro" (of "Nicolas Maduro"), no misspelled "Majuro"
            if tok.ent_type_ in {"PERSON", "ORG"} and not (tok.ent_iob_ == "B" and not _continues_entity(tok)):
                continue  # within a multi-word name ("Ahmed Ben Bella"), not a lone misspelled country
            key = self.lex.near_country(tok.lower_)
            if key is not None and not self._inside_other_place(tok.i, self.lex.countries[key][0].iso3):
                self.signal[tok.i] = [Match("COUNTRY", tok.i, tok.i + 1, key)]

    def _article_acronyms(self) -> None:
        """An acronym of an organisation the article named in full before ("the Rapid Support Forces ... The
        RSF said"): the organisation. Only the article's own names, since an acronym alone is ambiguous (RSF is
        also a press freedom group); one spelled by two names of the article is left alone."""
        doc = self.doc
        first: dict[str, tuple[int, str]] = {}  # acronym -> (end of its first full name, table key)
        for i in sorted(self.signal):
            for m in self.signal[i]:
                if m.kind != "ORG" or m.start != i or m.end - m.start < 2:
                    continue
                letters = "".join(t.text[0] for t in doc[m.start : m.end] if t.text[:1].isupper())
                if len(letters) < 2 or len(letters) > 6:
                    continue
                if letters in first and first[letters][1] != m.key:
                    first[letters] = (len(doc), "")  # two names, one acronym: neither
                else:
                    first.setdefault(letters, (m.end, m.key))
        if not first:
            return
        for i in self.propn:
            hit = first.get(doc[i].text)
            if hit is not None and hit[1] and i >= hit[0] and not self.signal.get(i):
                self.signal[i] = [Match("ORG", i, i + 1, hit[1])]

    def _inside_other_place(self, i: int, iso3: str) -> bool:
        """Whether token ``i`` is part of a longer place name that the place stage put in a country other than
        ``iso3``: "Columbia" in "District of Columbia" or "British Columbia" is no misspelled Colombia."""
        return any(
            place.country not in (None, iso3) and span.start <= i < span.end and len(span) > 1
            for place, span in self.place_spans
        )

    def _org(self, key: str) -> OrgEntry:
        """The organisation or party an alias names in this article, as of its date."""
        return self.lex.org(key, self.date, self.country_counts)

    @staticmethod
    def _prune(lex: ActorLexicon, matches: list[Match]) -> list[Match]:
        """Keep the longest match per kind where matches of one kind overlap; ORG wins over COUNTRY inside, a
        longer AGENT phrase over an ORG alias it ends with; a
        party alias inside a longer match of another table is no party ("Labour" in "Labour Minister")."""
        matches = sorted(
            (
                m
                for m in matches
                if not (lex.party_only(m) and (_inside_longer(m, matches) or _after_other_country(lex, m, matches)))
            ),
            key=lambda m: (m.start, -(m.end - m.start)),
        )
        kept: list[Match] = []
        for m in matches:
            clash = False
            for k in kept:
                overlap = m.start < k.end and k.start < m.end
                if not overlap:
                    continue
                if k.kind == m.kind or (k.kind == "ORG" and m.kind in {"COUNTRY", "AGENT", "LEADER"}):
                    clash = True
                    break
                if k.kind == "AGENT" and m.kind == "ORG" and k.start < m.start and m.end <= k.end:
                    clash = True  # "the national security council": an office of a state, not the UN's council
                    break
            if not clash:
                kept.append(m)
        return kept

    def _kinds(self, i: int) -> list[Match]:
        return self.signal.get(i, [])

    def _np_tokens(self, head: Token) -> list[int]:
        toks = {head.i}
        for child in head.lefts:
            if child.dep_ in NP_LEFT_DEPS and child.dep_ != "prep":
                toks.update(t.i for t in child.subtree)
        for child in head.rights:
            if child.dep_ in {"compound", "flat", "nummod"}:
                toks.update(t.i for t in child.subtree)
            if child.dep_ == "prep" and child.lower_ in PLACE_PREPS and self._is_domestic_agent(head):
                # "rebels in the Ivory Coast", "students throughout Indonesia": the country they belong to
                # the country is the phrase's object, not a word describing it ("our people in Russian captivity")
                objs = [c.i for c in child.children if c.dep_ == "pobj"]
                sub = [t.i for t in child.subtree]
                if any(m.kind == "COUNTRY" and m.end - 1 in objs for i in sub for m in self._kinds(i)):
                    toks.update(sub)
            if child.dep_ == "prep" and child.lower_ in OFFICE_PREPS and self._is_office(head):
                # not an apposition or clause inside it ("the Group of 20 summit in Bali, their first talks since
                # Biden took office")
                clauses = [t for t in child.subtree if t.dep_ in {"appos", "relcl", "acl", "advcl"}]
                aside = {s.i for t in clauses for s in t.subtree}
                sub = [t.i for t in child.subtree if t.i not in aside]
                while sub and self.toks[sub[-1]].is_punct:
                    sub.pop()
                # the phrase's own noun (or a word before it) names an actor: not "accused the government of
                # fraud and several governments ...", whose actor words belong to another phrase
                nouns = [g for g in child.children if g.dep_ == "pobj"]
                named = {t.i for o in nouns for t in o.subtree if t.i <= o.i}
                if any(self._kinds(i) or i in self.person_tokens for i in named):
                    toks.update(sub)
        return sorted(toks)

    def _described_name(self, tok: Token) -> bool:
        """A name no table knows, after a noun that says what it is ("Japanese newspaper Asahi", "state bank
        VEB", "rights group Memorial"): an actor of that noun's agent, a paper, a firm or an NGO, not the
        country its phrase names."""
        if tok.pos_ != "PROPN" or tok.ent_type_ in {"PERSON", "GPE", "LOC", "DATE", "TIME", "NORP"}:
            return False
        for child in tok.lefts:
            if child.dep_ != "compound" or any(self.toks[j].pos_ != "PROPN" for j in range(child.i + 1, tok.i)):
                continue
            for m in self._kinds(child.i):
                entry = self.lex.agents.get(m.key) if m.kind == "AGENT" else None
                if entry is not None and m.end - 1 == child.i and entry.kind == "noun" and entry.agent in NAMED_KINDS:
                    return True
        return False

    def _is_domestic_agent(self, tok: Token) -> bool:
        agents = [self.lex.agents[m.key].agent for m in self._kinds(tok.i) if m.kind == "AGENT"]
        if not agents:
            mods = [c for c in tok.lefts if c.dep_ in {"amod", "compound"}]
            agents = [self.lex.agents[m.key].agent for c in mods for m in self._kinds(c.i) if m.kind == "AGENT"]
        return bool(agents) and all(a not in FOREIGN_PRESENCE_AGENTS for a in agents)

    def _bare_two(self, i: int) -> bool:
        """ "The two" with no noun, as a subject or object ("Netanyahu met Blinken. The two discussed Gaza"): a
        pair mention (``groups.tsv``), though the parser heads it with a number."""
        tok = self.toks[i]
        return (
            tok.lower_ == "two"
            and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj", "conj"}
            and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.lefts)
        )

    def _is_office(self, tok: Token) -> bool:
        """An office or group noun that takes "of"/"for" ("spokesman for the ministry", "rulers of X")."""
        return any(m.kind == "AGENT" for m in self._kinds(tok.i)) or tok.lemma_.lower() in self.lex.group_heads

    def build(self) -> list[Mention]:
        mentions: list[Mention] = []
        used: set[int] = set()
        for i, pos_id in enumerate(self.pos_ids):
            if i in used or (pos_id not in MENTION_HEAD_POS and not self._bare_two(i)):
                continue
            tok = self.toks[i]
            if tok.is_punct:
                continue  # (a hyphen or full stop the parser read as a noun, "al-Burhan" split: never an actor)
            if tok.dep_ in {"compound", "flat"} and tok.head.i != tok.i and tok.head.pos_ in {"NOUN", "PROPN"}:
                continue
            if tok.dep_ in {"nmod", "amod"} and tok.head.i > tok.i and tok.head.pos_ in {"NOUN", "PROPN"}:
                continue  # a modifier before its noun ("the Welsh first minister", "foreign" read as a name in
                # "Russia's foreign ministry"), part of that mention
            if tok.pos_ == "ADJ" and tok.dep_ in {"amod", "acomp", "attr"}:
                continue
            if tok.dep_ == "npadvmod" and self._hyphen_role(tok.i) is not None:
                continue  # "Iranian-backed rebels", "the Saudi-led coalition": part of the phrase it describes
            if tok.head.i < tok.i and any(m.start <= tok.head.i for m in self._kinds(tok.i)):
                continue  # "the secretary-general of ...": the title runs back to its head, whose mention it is
            if tok.pos_ == "ADJ" and tok.dep_ == "conj" and tok.head.dep_ in {"amod", "compound"}:
                continue  # "Israeli and Palestinian negotiators": part of the head's mention
            if tok.pos_ == "PRON":
                low = tok.lower_
                pronoun = low in PERSON_PRONOUNS or low in GROUP_PRONOUNS or low in {"it", "its"}
                if pronoun and not expletive(tok):
                    mentions.append(Mention(tok.i, tok.i, tok.i + 1, {tok.i}, pronoun=True))
                continue
            counted = self._counted_group(tok)
            if counted is not None:
                start = min(t.i for t in tok.subtree if t.i <= tok.i)
                mention = Mention(tok.i, start, tok.i + 1, set(range(start, tok.i + 1)), group=True)
                mention.title, mention.resolved_by = f"list_{counted}", "group"
                mentions.append(mention)
                continue
            if self._bare_group(tok):
                det = tok.left_edge.i
                mentions.append(
                    Mention(tok.i, det, tok.i + 1, set(range(det, tok.i + 1)), anaphor=True, resolved_by="coreference")
                )
                continue
            if not self._kinds(tok.i) and tok.i not in self.person_tokens and not self._described_name(tok):
                lemma = tok.lemma_.lower()
                if lemma not in self.lex.military_nouns and lemma not in self.lex.group_heads:
                    continue  # most nouns: no actor word at the head
            toks = self._np_tokens(tok)
            # a possessor inside is its own mention too ("China's support"): exclude it from signals
            # only when the head itself carries no agent/person (handled below)
            m = self._compose(tok, toks)
            if m is not None:
                mentions.append(m)
                if not m.group:
                    used.update(t for t in m.tokens if t != tok.i and t > tok.i)
        covered = {i for m in mentions for i in range(m.start, m.end)}
        mentions.extend(self._modifier_countries(covered))
        mentions.extend(self._place_mentions(covered))
        mentions = [m for m in mentions if m.head not in self.dateline]
        for m in mentions:
            if m.start in self.dateline:  # "BEIRUT (AP) - A Kurdish militia spokesman": the spokesman
                m.start = next(i for i in range(m.start, m.head + 1) if i not in self.dateline)
                m.tokens = {i for i in m.tokens if i not in self.dateline}
        mentions.sort(key=lambda m: m.start)
        return mentions

    def _counted_group(self, tok: Token) -> int | None:
        """How many states "the three European powers" (a number from three to nine before a noun that
        "the two ..." uses for a pair of states: countries, powers, governments, ...) stands for; None for any
        other word."""
        if tok.lower_ not in self.lex.state_group_nouns or tok.tag_ != "NNS":
            return None
        lefts = list(tok.lefts)
        if not lefts or lefts[0].lower_ != "the" or any(c.dep_ not in COUNTED_GROUP_DEPS for c in lefts):
            return None
        nums = [COUNT_WORDS.get(c.lower_) for c in lefts if c.dep_ == "nummod"]
        return nums[0] if len(nums) == 1 and nums[0] is not None else None

    def _bare_group(self, tok: Token) -> bool:
        """ "The group" (movement, organisation, faction) with nothing but "the" before it and no phrase after
        it: a reference to an organisation named before, not an actor of its own words."""
        lemma = tok.lemma_.lower()
        if lemma not in GROUP_NOUNS | BLOC_NOUNS or tok.tag_ not in {"NN", "NNP"} or self._kinds(tok.i):
            return False
        det = tok.i - 1
        if lemma in BLOC_NOUNS and det > 0 and self.toks[det].lower_ in BLOC_KINDS and self.toks[det].head.i == tok.i:
            det -= 1  # "the military alliance", "the regional bloc"
        if det < 0 or self.toks[det].lower_ != "the" or self.toks[det].head.i != tok.i:
            return False
        # "the group's deputy director": a possessive too
        return [c.i for c in tok.children if c.dep_ != "case"] == list(range(det, tok.i))

    def _modifier_countries(self, covered: set[int]) -> list[Mention]:
        """Country words left outside any mention ("a Turkish offer", "US policy"): the country itself."""
        out = []
        seen: set[int] = set()
        for _i, ms in sorted(self.signal.items()):
            for m in ms:
                if m.kind not in {"COUNTRY", "ORG"} or m.start in seen or self._not_nationality(m.start):
                    continue
                if any(j in covered for j in range(m.start, m.end)):
                    continue
                seen.add(m.start)
                head = self.toks[m.end - 1]
                mention = Mention(head.i, m.start, m.end, set(range(m.start, m.end)))
                if m.kind == "ORG":
                    org = self._org(m.key)
                    mention.org, mention.country, mention.agent = org.code, org.country, org.agent
                    mention.org_name = org.name
                    mention.resolved_by = "table"
                else:
                    entry = self.lex.countries[m.key][0]
                    mention.country, mention.agent = entry.iso3, entry.agent
                    mention.resolved_by = "seat" if entry.kind in {"capital", "seat"} else "name"
                mention.confidence = 0.7
                out.append(mention)
        return out

    def _place_mentions(self, covered: set[int]) -> list[Mention]:
        """A place named as a party ("clashes in the Gaza Strip", "Darfur") stands for its country."""
        out = []
        for place, span in self.place_spans:
            if place.country is None or place.feature_class not in {"A", "P", "L"}:
                continue
            if any(t.i in covered for t in span):
                continue
            root = span.root
            if root.dep_ == "compound" and root.head.lemma_.lower() in DIVISION_NOUNS:
                root = root.head  # "into the Kursk region": the region is the phrase's place
            if root.dep_ not in {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "poss"}:
                continue
            # a political unit ("Gaza", "Darfur"); a LOC only when the gazetteer knows that very name
            # ("West Bank"), not a near one ("Gulf" is not "Gulf Province")
            exact = (place.name or "").lower() == span.text.lower()
            # (or a division the tagger read as a product: "into Kursk", "with Somaliland")
            division = span.root.ent_type_ == "PRODUCT" and place.feature_class == "A"
            if span.root.ent_type_ != "GPE" and not (span.root.ent_type_ == "LOC" and exact) and not division:
                continue
            end = max(span.end, root.i + 1)  # "the Samara region": the region's noun too
            if any(i in covered for i in range(span.end, end)):
                end = span.end
            mention = Mention(root.i if end > span.end else span.root.i, span.start, end, set(range(span.start, end)))
            mention.country, mention.resolved_by, mention.confidence = place.country, "place", 0.6
            out.append(mention)
        return out

    def _compose(self, head: Token, toks: list[int]) -> Mention | None:
        doc = self.doc
        described = self._described_name(head)
        if not self._kinds(head.i) and head.i not in self.person_tokens and not described:
            lemma = head.lemma_.lower()
            if lemma not in self.lex.military_nouns and lemma not in self.lex.group_heads:
                return None  # most nouns: no actor word at the head, no need to look further
        span_matches: list[Match] = []
        seen: set[Match] = set()
        poss_toks: set[int] = set()
        for child in head.lefts:
            if child.dep_ == "poss":
                poss_toks.update(t.i for t in child.subtree)
        for i in toks:
            for m in self._kinds(i):
                if m not in seen:
                    seen.add(m)
                    span_matches.append(m)
        start, end = min(toks), max(toks) + 1
        # trim leading determiners/punctuation from the displayed span
        while start < end - 1 and doc[start].pos_ in {"DET", "PUNCT"} and doc[start].lower_ not in {"both"}:
            start += 1
        head_kinds = {m.kind for m in self._kinds(head.i)}
        mention = Mention(head.i, start, end, set(toks))

        # group mentions: "the two countries", "both sides" (a group phrase ending at the head)
        group = next((m for m in self._kinds(head.i) if m.kind == "GROUP" and m.end - 1 == head.i), None)
        if group is not None:
            mention.group = True
            mention.start = min(toks[0], group.start)
            mention.resolved_by = "group"
            mention.title = self.lex.groups.get(group.key, "pair_country")
            return mention

        span_matches = self._deputies_of_posts(span_matches)
        # whose office it is, not who holds it: "Russian President Vladimir Putin's spokesman", "a spokesman for
        # Prime Minister Boris Johnson" are not the leader but someone who speaks or works for them
        owner_toks = self._owner_tokens(head, poss_toks)
        owners = [m for m in span_matches if m.kind == "LEADER" and m.start in owner_toks]
        span_matches = [m for m in span_matches if m not in owners]
        names = [m for m in span_matches if m.kind == "LEADER"]
        # a word of a leader's name is no agent word ("Foreign Minister Qin Gang": no criminal gang), though a
        # title that opens the table's name is ("Crown Prince Mohammed bin Salman")
        span_matches = [
            m for m in span_matches if m.kind != "AGENT" or not any(n.start < m.start and m.end <= n.end for n in names)
        ]
        orgs = [m for m in span_matches if m.kind == "ORG"]
        agents = [m for m in span_matches if m.kind == "AGENT"]
        countries = [m for m in span_matches if m.kind == "COUNTRY"]
        leaders = [m for m in span_matches if m.kind == "LEADER"]
        titled = any(m.kind == "AGENT" and self.lex.agents[m.key].kind in {"title", "both"} for m in span_matches)
        person_toks = [
            i
            for i in toks
            if not self._kinds(i) and (i in self.person_tokens or (titled and doc[i].pos_ == "PROPN" and i <= head.i))
        ]
        # a name follows its title; a name before it qualifies the office ("CBI director general")
        title_end = max((m.end for m in agents if self.lex.agents[m.key].kind in {"title", "both"}), default=-1)
        office_named = any(i < title_end for i in person_toks)
        mention.titled = titled
        person_toks = _last_run(doc, [i for i in person_toks if i >= title_end and i not in owner_toks])

        # the head must be an actor-ish word: an org, agent, person, leader or country
        head_is_person = head.i in self.person_tokens or "LEADER" in head_kinds
        if not (head_kinds & {"ORG", "AGENT", "COUNTRY", "LEADER"} or head_is_person):
            # a head outside the lexicon that names people or forces, with an actor word before it:
            # "military rulers", "rebel fighters" (group heads); "Israeli helicopters" (military nouns)
            lemma = head.lemma_.lower()
            mods = {t.i for c in head.lefts if c.dep_ in {"amod", "compound", "nmod", "poss"} for t in c.subtree}
            mod_kinds = {m.kind for m in span_matches if m.start in mods and not self._not_nationality(m.start)}
            ethnic = any(m.kind == "COUNTRY" and self._ethnic(m.start) for m in span_matches if m.start in mods)
            if described:
                pass  # "Japanese newspaper Asahi": the descriptor's agent, below
            elif ethnic and lemma in self.lex.military_nouns:
                # "ethnic Armenian forces": armed men of a people, of no state named (nor of one nearby)
                mention.agent, mention.country_how = "MIL", "ethnic"
            elif head.pos_ == "PROPN" or not mod_kinds & {"AGENT", "ORG", "COUNTRY"}:
                return None
            elif lemma in self.lex.military_nouns:
                mention.agent = "MIL"
            elif lemma in self.lex.group_heads and mod_kinds & {"AGENT", "ORG"}:
                pass
            elif self.lex.group_heads.get(lemma) and "COUNTRY" in mod_kinds:
                mention.agent = self.lex.group_heads[lemma]  # "Palestinian leaders" -> PSEGOV
            elif any(self._hyphen_role(m.start) == "leader" for m in span_matches if m.start in mods):
                pass  # "the Saudi-led coalition": the leading country
            else:
                return None
        if "COUNTRY" in head_kinds and not (head_kinds & {"ORG", "AGENT", "LEADER"}) and not head_is_person:
            match = next(m for m in self._kinds(head.i) if m.kind == "COUNTRY")
            entry = self.lex.countries[match.key][0]
            if entry.kind == "demonym" and head.dep_ in {"amod", "compound"}:
                return None
            if self._ethnic(match.start):
                mention.agent = "CVL"  # "ethnic Albanians": people, of the country they live in (from context)
                return mention
            mention.country = entry.iso3
            mention.agent = entry.agent
            mention.resolved_by = "seat" if entry.kind in {"capital", "seat"} else "name"
            if entry.kind == "capital":
                mention.confidence = 0.8
            return mention

        if orgs:
            org = min(orgs, key=lambda m: abs(m.end - 1 - head.i))
            org_entry = self._org(org.key)
            place_country = self._place_over(org.start) or self._place_before(toks, org.start)
            if org_entry.country and place_country and place_country != org_entry.country:
                # "St. Louis Metropolitan Police": a body of that place, not London's of the same name
                mention.country = place_country
                mention.agent = org_entry.agent
                mention.resolved_by = "place"
            elif self._state_envoy_to(org, org_entry, span_matches, head):
                # "China's U.N. envoy", "Britain's NATO ambassador": the state's diplomat at the organisation
                pass
            else:
                mention.org = org_entry.code
                mention.org_name = org_entry.name
                mention.country = org_entry.country
                mention.agent = org_entry.agent
                mention.resolved_by = "table"
        if leaders:
            lm = leaders[-1]
            entry_l = self.lex.leader(lm.key, self.date)
            if entry_l is not None:
                mention.leader = entry_l
                mention.person = doc[lm.start : lm.end].text
                mention.resolved_by = "table"
                if not entry_l.active(self.date):
                    mention.confidence = 0.6
                elif mention.org and mention.agent == "REB" and mention.country == entry_l.iso3:
                    # "Taliban spokesman Zabihullah Mujahid" in 2025: an office of the state the group now runs
                    mention.org = mention.org_name = None
                    mention.agent = entry_l.agent
        if mention.person is None and person_toks:
            mention.person = " ".join(doc[i].text for i in person_toks)
            mention.person_text = doc[person_toks[0] : person_toks[-1] + 1].text
            sur = normalize(doc[person_toks[-1]].text)
            first = normalize(doc[person_toks[0]].text)
            title_present = bool(agents)
            cand = self.lex.leader_by_surname(sur, self.date) or self.lex.leader_by_surname(
                first, self.date, family_first=True
            )
            if cand is not None and not title_present and self._foreign_surname(cand):
                cand = None  # "Mr Howard" in British news is not Australia's John Howard
            if cand is not None and self._namesake(cand, first if len(person_toks) > 1 else None, sur):
                cand = None  # "Tory leader Michael Howard", then "Mr Howard": not John Howard either
            if cand is not None and (title_present or len(person_toks) == 1):
                mention.leader = cand
                mention.resolved_by = "table"
                mention.confidence = 0.8
        if agents:
            # a spokesperson speaks for the body named before them ("union spokesman": the union's agent); else
            # the agent word at the head wins, else the longer, else the nearer to the head ("Trade and
            # Industry Secretary Helen Tranter": the title next to the name, not "industry")
            # ... and for the one a "for" phrase names ("a spokesman for the soldiers": the soldiers' agent)
            spoken_for = self._spoken_for(head)
            best = max(
                agents,
                key=lambda m: (
                    (m.end - 1 <= head.i and m.key not in self.lex.spokesperson_words)
                    or (spoken_for is not None and m.end - 1 == spoken_for.i),
                    m.end - 1 == head.i or m.start <= head.i < m.end,
                    m.end - m.start,
                    -abs(head.i - (m.end - 1)),
                ),
            )
            a_entry = self.lex.agents[best.key]
            # keep the agent type of an org unless the phrase names an office ("UN envoy" stays IGO); the
            # governing party's members of parliament are legislators ("Labour backbenchers" in 2005: GBRLEG),
            # an opposition party's stay the opposition
            if mention.org is None or (
                a_entry.agent == "LEG" and mention.agent == "GOV" and mention.org.endswith("PTY")
            ):
                mention.agent = a_entry.agent
            mention.title = TITLE_SYNONYMS.get(best.key, best.key)
            if mention.resolved_by not in {"table"}:
                mention.resolved_by = "title"
            if (
                mention.country is None
                and a_entry.country
                and mention.org is None
                and not self._filed_elsewhere(a_entry)
            ):
                mention.country = a_entry.country  # an office of one state ("Taoiseach", "Lord Chancellor")
        if mention.country is None and mention.org is None and agents and owner_toks:
            owner = self._owner_leader(owners, owner_toks)
            if owner is not None and owner.active(self.date):  # the sitting leader's aide is of their state
                mention.country, mention.country_how = owner.iso3, "phrase"
        if countries and mention.org is None:
            cm = [
                c
                for c in countries
                if (c.start not in poss_toks or mention.agent or mention.person) and not self._not_nationality(c.start)
            ]
            if cm:
                c_entry = self.lex.countries[cm[0].key][0]
                mention.country = c_entry.iso3
                mention.country_how = "phrase"
                if mention.agent is None and c_entry.agent:
                    mention.agent = c_entry.agent
        if mention.country is None and mention.org is None and agents and mention.leader is None:
            # "New York Police Department", "Harris County Sheriff's Office": the body of a named place
            mention.country = self._place_before(toks, min(m.start for m in agents))
            if mention.country is not None:
                mention.country_how = "phrase"
        if mention.leader is not None and len(mention.leader.iso3) > 3:
            if mention.org is None:
                mention.org = mention.leader.iso3  # the head of an international organization
                mention.agent = None
        elif mention.leader is not None:
            if mention.country is None:
                mention.country = mention.leader.iso3
            if mention.agent is None or mention.agent == "GOV":
                mention.agent = mention.leader.agent
                if not (self._office_stated(mention, agents, toks) or self._other_office(mention, agents, toks)):
                    self._out_of_office(mention)
        if mention.org is None and mention.agent is None and mention.country is None and mention.person is None:
            return None
        if (
            agents
            and not (mention.person or mention.org or mention.country or mention.leader or office_named)
            and all(m.key in self.lex.weak_agents for m in agents)
        ):
            if not (mention.agent == "CVL" and _counted_victim(head)):
                return None
            mention.counted = True
        return mention

    def _deputies_of_posts(self, matches: list[Match]) -> list[Match]:
        """ "deputy" before another noun of its phrase ("deputy planning director", "Deputy Director John Smith")
        is the deputy to that post, no legislator: an agent word of the post decides ("deputy speaker" LEG,
        "deputy chief of the army" MIL), else the phrase names an official (GOV, as "official" alone). A bare
        "deputy" or "deputies", or one before a name ("Duma deputy Ivan Petrov"), stays a member of parliament."""
        out = []
        for m in matches:
            if m.kind == "AGENT" and m.key in DEPUTY_WORDS and self._before_post(m.end - 1):
                if any(o.kind == "AGENT" and o.start > m.start for o in matches):
                    continue
                m = Match("AGENT", m.start, m.end, "official")
            out.append(m)
        return out

    def _before_post(self, i: int) -> bool:
        """Whether token ``i`` modifies a common noun or title right after it, not a person's name."""
        doc = self.doc
        if i + 1 >= len(doc) or doc[i].dep_ not in {"compound", "amod", "nmod"}:
            return False
        nxt = doc[i + 1]
        return nxt.pos_ in {"NOUN", "PROPN"} and nxt.i not in self.person_tokens and nxt.ent_type_ != "PERSON"

    def _place_over(self, i: int) -> str | None:
        """The country of the article's place whose name covers token ``i`` ("St. Louis Metropolitan")."""
        idx = self.toks[i].idx
        return next((p.country for p in self.places if p.country and p.start <= idx < p.end), None)

    def _place_before(self, toks: list[int], before: int) -> str | None:
        """The country of a place named by the proper nouns of the phrase ``toks`` right before token
        ``before`` ("St. Louis" in "St. Louis Metropolitan Police"), by the article's places, else by the
        gazetteer's reading of the name alone."""
        doc = self.doc
        if self._place_over(before):
            return None  # the agent word is part of the place's own name: "West Bank"
        start = before
        while (
            start - 1 in toks
            and doc[start - 1].pos_ == "PROPN"
            and not self._kinds(start - 1)
            and doc[start - 1].ent_type_ != "PERSON"  # "the Jackson administration"
        ):
            start -= 1
        if start == before:
            return None
        for place, span in self.place_spans:
            if place.country and span.start == start and span.end == before:
                return place.country
        name = doc[start:before].text
        if self.lex.leader_by_surname(normalize(doc[before - 1].text), self.date) is not None:
            return None  # "the Clinton Administration": a person's name, though towns bear it too
        entry = get_gazetteer().resolve(name)
        if entry is None or entry.match not in (MATCH_NAME, MATCH_SHORT):
            return None
        if entry.kind in {"admin1", "admin2"} or (entry.kind == "city" and entry.population >= BODY_CITY_POPULATION):
            return entry.country
        return None

    # -- resolution ------------------------------------------------------------------------------
    def resolve(self, mentions: list[Mention]) -> tuple[list[Actor], dict[int, Actor]]:
        actors: list[Actor] = []
        by_token: dict[int, Actor] = {}
        entities: list[Mention] = []  # the first mention of each entity (its representative)
        country_counts: Counter[str] = Counter()
        # "Israeli and Palestinian negotiators": the countries of each head's conjoined country words, once
        self._coordinated = {m.head: isos for m in mentions if (isos := self._coordinated_isos(m))}
        # government agents a foreign state acts on (the home country may be theirs): head -> that state
        self._addressed: dict[int, str] = {}
        for m in mentions:
            if not m.pronoun and not m.group and m.country and not m.org:
                country_counts[m.country] += 2 if not (m.agent or m.person) else 1
                for iso in self._coordinated.get(m.head, ()):
                    if iso != m.country:
                        country_counts[iso] += 1  # "French and German diplomats": Germany counts too

        # pass 1: named and titled mentions, in text order
        self._actor_of: dict[int, Actor] = {}
        named: list[tuple[Mention, Actor]] = []
        for m in mentions:
            if m.pronoun or m.group:
                continue
            if m.anaphor:
                body = self._named_body(m, named)
                if body is None:
                    continue
                self._stand_for(m, body)
                m.entity = body.entity
            self._link_entity(m, entities)
            if m.person and not (m.leader or m.org or m.agent or m.country):
                self._affiliation(m)  # "Kenneth Roth, from Human Rights Watch"
            if m.country is None and m.agent and m.org is None and m.person is None and m.resolved_by != "coreference":
                group = self._named_group(m, named)
                if group is None:
                    group = self._body_named_before(m, named)  # "Taiwan's defence ministry ... The ministry"
                if group is not None:  # "Hamas ... the militant group freed 17 hostages": Hamas
                    self._stand_for(m, group)
                    m.entity = group.entity
                else:
                    self._country_from_context(m, named, mentions)
            elif m.country is None and m.agent and m.org is None and m.person is not None:
                own = self._phrase_country(m)  # "Ambassador Stefan Johannesson of Iceland"
                if own is not None:
                    m.country, m.resolved_by, m.confidence = own, "context", min(m.confidence, 0.7)
                elif (body := self._unnamed_spokesperson(m, named)) is not None:
                    self._stand_for(m, body)
                elif (sender := self._sender_country(m, named)) is not None:
                    # "Washington sent envoy Mike Hammer", "the United States, which sent envoy X": the sender's
                    m.country, m.resolved_by, m.confidence = sender, "context", min(m.confidence, 0.7)
                elif self._closing_cue_speaker(self.toks[m.head]) and (filed := self._filed_capital_country):
                    # '"...," national security adviser Chang Ho-jin told reporters' (filed from Seoul)
                    m.country, m.resolved_by, m.confidence = filed, "dateline", min(m.confidence, 0.4)
            named_actor = self._to_actor(m)
            if named_actor is not None:
                named_actor = self._coordinated_countries(m, named_actor)
                named_actor = self._coordinated_orgs(m, named_actor)
                self._actor_of[m.head] = named_actor
                named.append((m, named_actor))

        self._described_names(named)
        self._secretaries_at_home(named)
        self._home_country(named)
        self._filed_from_capital(named)
        self._officers_of_bodies(named)
        self._appositions(named)
        self._name_offices(named, mentions)

        # pass 2: pronouns and group mentions, with everything before them as history
        history: list[tuple[Mention, Actor]] = []
        for m in mentions:
            actor: Actor | None
            if m.pronoun:
                actor = self._resolve_pronoun(m, history)
            elif m.group:
                prior: Counter[str] = Counter(a.country for pm, a in history if a.country and not pm.group)
                actor = self._resolve_group(m, history, prior or country_counts)
            else:
                actor = self._actor_of.get(m.head)
                if actor is not None:
                    before = actor.code
                    actor = self._owner_country(m, actor, by_token)
                    actor = self._counterpart(m, actor, by_token)
                    if actor.code != before:
                        self._holder_follows(m, actor, before)
            if actor is None:
                continue
            if actor.code:
                actors.append(actor)
            history.append((m, actor))
            for i in range(m.start, m.end):
                by_token.setdefault(i, actor)
            by_token[m.head] = actor
        return actors, by_token

    @staticmethod
    def _stand_for(m: Mention, body: Mention) -> None:
        """``m`` refers back to the body of an earlier mention: it takes the body's organisation, country and
        agent, resolved by coreference."""
        m.org, m.org_name, m.country, m.agent = body.org, body.org_name, body.country, body.agent
        m.resolved_by, m.confidence = "coreference", min(m.confidence, 0.7)

    def _state_envoy_to(self, org: Match, org_entry: OrgEntry, matches: list[Match], head: Token) -> bool:
        """Whether the phrase names a state's envoy to an international organisation: a country before the
        organisation's name ("China's U.N. envoy") and a diplomat's title after it (``STATE_ENVOYS``)."""
        if org_entry.agent != "IGO":
            return False
        if not any(t.lemma_.lower() in STATE_ENVOYS for t in self.doc[org.end : head.i + 1]):
            return False  # ("China's U.N. ambassador Zhang Jun": the title between the name and the head)
        return any(m.kind == "COUNTRY" and m.end <= org.start for m in matches)

    def _filed_elsewhere(self, entry: AgentEntry) -> bool:
        """Whether a one-state office named by a common noun phrase ("foreign office", "home office": names other
        states' ministries go by too) is in an article filed from another state ("ISLAMABAD - ... foreign office
        spokeswoman"): the context gives its state then; a title ("Taoiseach") keeps its own."""
        filed = self._filed_countries
        return entry.kind == "noun" and len(filed) == 1 and entry.country not in filed

    @cached_property
    def _filed_countries(self) -> frozenset[str]:
        """The countries of the places the article's dateline names (read once per article)."""
        return frozenset(p.country for p, span in self.place_spans if span.start in self.dateline and p.country)

    def _holder_follows(self, m: Mention, office: Actor, was: str) -> None:
        """The name in apposition to an office that pass 2 gave a country ("its foreign minister, Vincent
        Biruta": Rwanda's once "its" is Rwanda) takes the office's new code too, when it had the office's old
        code, its agent or no country (a name coded by apposition or context, not by a table)."""
        head = self.toks[m.head]
        for c in head.children:
            held = self._actor_of.get(c.i) if c.dep_ == "appos" else None
            if held is None or held.resolved_by not in {"apposition", "context"}:
                continue
            if held.country is None or held.code == was or held.agent == office.agent:
                self._actor_of[c.i] = replace(held, code=office.code, country=office.country, agent=office.agent)

    def _sender_country(self, m: Mention, named: list[tuple[Mention, Actor]]) -> str | None:
        """The country of the state that sends, appoints or recalls the titled person it names as its object
        ("Washington sent envoy Mike Hammer"; "the United States, which sent envoy Mike Hammer ...")."""
        head = self.toks[m.head]
        verb = head.head
        if head.dep_ != "dobj" or verb.lemma_.lower() not in SENDING_VERBS:
            return None
        subj = first_child(verb, "nsubj")
        if subj is not None and subj.tag_ in {"WDT", "WP"} and verb.dep_ == "relcl":
            subj = verb.head  # "the United States, which sent ...": the relative pronoun's antecedent
        if subj is None:
            return None
        return next((a.country for pm, a in named if pm.head == subj.i and a.country), None)

    def _owner_tokens(self, head: Token, poss_toks: set[int]) -> set[int]:
        """The tokens of whoever an office or agent word at ``head`` belongs to: its possessor ("Putin's
        spokesman") and its "of" / "for" phrases ("a spokesman for Boris Johnson"); none when the head is itself
        a name."""
        if head.i in self.person_tokens or any(m.kind == "LEADER" for m in self._kinds(head.i)):
            return set()
        toks = set(poss_toks)
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in {"of", "for"}:
                toks.update(t.i for t in prep.subtree)
        return toks

    def _owner_leader(self, owners: list[Match], owner_toks: set[int]) -> LeaderEntry | None:
        """The leader an office belongs to: by the table's full name ("Vladimir Putin's spokesman"), else by the
        surname of a person named there ("a spokesman for Mr Blair")."""
        if owners:
            return self.lex.leader(owners[-1].key, self.date)
        names = _last_run(self.doc, sorted(i for i in owner_toks if i in self.person_tokens))
        if not names:
            return None
        surname = normalize(self.toks[names[-1]].text)
        cand = self.lex.leader_by_surname(surname, self.date)
        given = normalize(self.toks[names[0]].text) if len(names) > 1 else None
        if cand is None or self._foreign_surname(cand) or self._namesake(cand, given, surname):
            return None  # "a spokesman for Michael Howard": not Australia's John Howard
        return cand

    def _spoken_for(self, head: Token) -> Token | None:
        """The object of a spokesperson's "for" phrase ("a spokesman for the soldiers": "soldiers")."""
        if head.lower_ not in self.lex.spokesperson_words:
            return None
        prep = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "for"), None)
        return None if prep is None else first_child(prep, "pobj")

    def _unnamed_spokesperson(self, m: Mention, named: list[tuple[Mention, Actor]]) -> Mention | None:
        """The mention of the spokesperson a named one titled only with the same word continues ("The EU fraud
        office's spokesman denied it ... Spokesman Hans Weber added"): the last such unnamed mention, of a coded
        body, in this or the two sentences before, when no other spokesperson came between them."""
        if m.title not in self.lex.spokesperson_words:
            return None
        start = self._prev_sent_start(self._prev_sent_start(self.sent_start[m.head]))
        for pm, a in reversed(named):
            if pm.start < start:
                return None
            if pm.title in self.lex.spokesperson_words:
                ok = pm.title == m.title and not pm.person and a.code and (pm.org or pm.country_how == "phrase")
                return pm if ok else None
        return None

    def _affiliation(self, m: Mention) -> None:
        """A bare name whose own "from" / "of" / "at" phrase names an organisation works for it: "Kenneth Roth,
        from Human Rights Watch", "Ivan Petrov of Gazprom" take the organisation's code."""
        head = self.toks[m.head]
        for prep in head.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"from", "of", "at"}:
                continue
            obj = first_child(prep, "pobj")
            if obj is None:
                continue
            # the organisation must be the phrase itself ("from Human Rights Watch"), not a word inside it
            match = next((x for x in self.signal.get(obj.i, ()) if x.kind == "ORG" and x.end - 1 == obj.i), None)
            if match is None:
                continue
            org = self._org(match.key)
            m.org, m.org_name, m.country, m.agent = org.code, org.name, org.country, org.agent
            m.resolved_by, m.confidence = "context", min(m.confidence, 0.7)
            return

    def _possessor(self, m: Mention, by_token: dict[int, Actor]) -> tuple[Token, Actor | None]:
        """The possessive word on the mention's head ("his" in "his government") and the actor it was resolved
        to; (the head, None) without one."""
        head = self.toks[m.head]
        poss = first_child(head, "poss")
        return (head, None) if poss is None else (poss, by_token.get(poss.i))

    def _owner_country(self, m: Mention, actor: Actor, by_token: dict[int, Actor]) -> Actor:
        """An agent owned by a pronoun ("his government", "its ministers") is of the pronoun's country, once
        the pronoun is resolved: "Mr Lula invited Japanese firms to bid for licences his government will
        offer" is Brazil's government, not Japan's (the nearest country, which the agent took before)."""
        if not m.agent or m.org or m.person or m.leader is not None or m.country_how == "phrase":
            return actor
        poss, owner = self._possessor(m, by_token)
        if owner is not None and poss.lower_ in POSSESSIVE_PRONOUNS and (new := self._officer_of(m, actor, owner)):
            return new  # "its spokesman": an officer of the organisation "its" stands for
        if (
            owner is None
            or poss.lower_ not in POSSESSIVE_PRONOUNS
            or not owner.country
            or owner.country == actor.country
        ):
            return actor
        new = replace(
            actor,
            code=self.lex.country_code(owner.country) + m.agent,
            country=owner.country,
            resolved_by="coreference",
            confidence=min(owner.confidence, 0.7),
        )
        self._actor_of[m.head] = new
        return new

    def _officers_of_bodies(self, named: list[tuple[Mention, Actor]]) -> None:
        """An office whose possessor is "the group" that refers back to an organisation ("the group's deputy Africa
        director") is an officer of it, before the names beside offices take their codes."""
        for k, (m, actor) in enumerate(named):
            if not m.agent or m.org or m.person or m.leader is not None:
                continue
            poss = first_child(self.toks[m.head], "poss")
            owner = self._actor_of.get(poss.i) if poss is not None and self._bare_group(poss) else None
            if owner is not None and (new := self._officer_of(m, actor, owner)) is not None:
                named[k] = (m, new)

    def _officer_of(self, m: Mention, actor: Actor, owner: Actor) -> Actor | None:
        """The actor of an office held in an international or non-governmental organisation ``owner``: the
        organisation's code; None when ``owner`` is no such organisation."""
        if owner.country is not None or owner.agent not in {"NGO", "IGO"} or actor.code == owner.code:
            return None
        new = replace(
            actor, code=owner.code, country=None, agent=owner.agent, resolved_by="coreference",
            confidence=min(owner.confidence, 0.7),
        )  # fmt: skip
        self._actor_of[m.head] = new
        return new

    def _counterpart(self, m: Mention, actor: Actor, by_token: dict[int, Actor]) -> Actor:
        """ "his French counterpart" holds the post of the one "his" names, in another country: a union leader's
        counterpart is a union leader (``LAB``), a minister's a government's (``GOV``, the table's default)."""
        if self.toks[m.head].lemma_.lower() != "counterpart" or not actor.country or m.org or m.person:
            return actor
        _, owner = self._possessor(m, by_token)
        if owner is None or not owner.agent or owner.agent == actor.agent or owner.country == actor.country:
            return actor
        new = replace(actor, code=self.lex.country_code(actor.country) + owner.agent, agent=owner.agent)
        self._actor_of[m.head] = new
        return new

    def _dateline_home(self, named_countries: Counter[str]) -> str | None:
        """The country of the dateline's place ("CARACAS, July 30 -"), when the article names it at least twice
        and no country more often: a report filed from a country it is mostly about, though its neighbours
        come up too."""
        if len(self._filed_countries) != 1:
            return None
        (country,) = self._filed_countries
        n = named_countries.get(country, 0)
        return country if n >= 2 and n == max(named_countries.values()) else None

    def _give_country(self, named: list[tuple[Mention, Actor]], k: int, iso: str, how: str, most: float) -> None:
        """Give the ``k``-th named mention the country ``iso`` (found ``how``, confidence at most ``most``) and
        re-code its actor."""
        m = named[k][0]
        m.country, m.resolved_by, m.confidence = iso, how, min(m.confidence, most)
        new = self._to_actor(m)
        if new is not None:
            named[k] = (m, new)
            self._actor_of[m.head] = new

    @cached_property
    def _filed_capital_country(self) -> str | None:
        """The country of the capital the article's dateline names, if one (read once per article)."""
        filed = {
            p.country
            for p, span in self.place_spans
            if span.start in self.dateline and p.country and p.feature_code in {"PPLC", "PPLG"}
        }
        return filed.pop() if len(filed) == 1 else None

    def _secretaries_at_home(self, named: list[tuple[Mention, Actor]]) -> None:
        """A cabinet "Secretary" of no country in a report filed from Washington or London ("WASHINGTON, Oct 17 -
        ... Commerce Secretary Gina Raimondo said"): that state's, whatever country the article is about. Only
        these two states title their ministers so; a minister of another state is named with its country."""
        country = self._filed_capital_country
        if country not in SECRETARY_STATES:
            return
        for k, (m, _) in enumerate(named):
            if m.country is not None or m.org is not None or m.agent != "GOV" or not m.title:
                continue
            title = m.title.lower()
            if "secretary" in title and "general" not in title and "press" not in title:
                self._give_country(named, k, country, "dateline", 0.4)

    def _filed_from_capital(self, named: list[tuple[Mention, Actor]]) -> None:
        """A ministry of no country in a report filed from a capital ("BEIJING, April 10 - ... The Commerce
        Ministry said ..."): that capital's government, with low confidence. Reporters cover the ministries of
        the capital they file from; a ministry of another state is named with its country."""
        country = self._filed_capital_country
        if country is None:
            return
        for k, (m, _) in enumerate(named):
            if m.country is not None or m.org is not None or m.person is not None or m.agent != "GOV":
                continue
            words = self.doc[m.start : m.end].text.lower()
            if "ministry" not in words and "ministries" not in words:
                continue
            if self._phrase_country(m) is not None:
                continue  # "the foreign ministry in Tallinn said" (filed from Moscow): the phrase names its state
            self._give_country(named, k, country, "dateline", 0.4)

    def _home_country(self, named: list[tuple[Mention, Actor]]) -> None:
        """Agents the sentence leaves without a country ("the government", "MPs", "President Suharto") take
        the article's home country: the country of at least half of the mentions that name one (at least
        two, and more than any other country), with low confidence. An agent without a name gets it only
        in a sentence that names no other country, where the country named may well be the other side ("the
        government will send troops to Iraq"); a titled name gets it anywhere ("President Omar el-Bashir"),
        unless people of its agent travel (``TRAVELLING_AGENTS``); refugees and migrants never get it."""
        named_countries = Counter(m.country for m, _ in named if m.country)
        for m, _ in named:
            named_countries.update(iso for iso in self._coordinated.get(m.head, ()) if iso != m.country)
        home = _clear_majority(named_countries) or self._dateline_home(named_countries)
        if home is None:
            return
        # sentences that name another country than the home one (the home country alone is no doubt)
        sents_with_country = {self.sent_start[m.head] for m, _ in named if m.country and m.country != home}
        sents_with_home = {self.sent_start[m.head] for m, _ in named if m.country == home}
        for k, (m, _) in enumerate(named):
            if m.country is not None or m.org is not None or not m.agent or m.title in MULTINATIONAL_AGENTS:
                continue
            if self._of_other_state(m):
                continue
            addressed_by = self._addressed.get(m.head)
            if m.person is None and self.sent_start[m.head] in sents_with_country and addressed_by in (None, home):
                continue  # a sentence that names another country ("the government will send troops to Iraq")
            if m.person is not None and m.agent in TRAVELLING_AGENTS:
                continue  # clergy, aid workers, journalists travel: "Archbishop Tutu" in a British article
            if m.agent == "REF":
                continue  # refugees and migrants come from elsewhere: CAMEO codes them by their origin
            # the home country named in the mention's own sentence too: two signals that agree
            sure = 0.5 if self.sent_start[m.head] in sents_with_home else 0.4
            self._give_country(named, k, home, "article", sure)

    def _link_entity(self, m: Mention, entities: list[Mention]) -> None:
        name_toks = set(normalize(m.person).split()) if m.person else set()
        for e in reversed(entities):
            same = False
            if (
                (m.leader and e.leader and m.leader.name == e.leader.name)
                or (name_toks and e.person and name_toks <= set(normalize(e.person).split()))
                or (
                    not m.person
                    and m.title
                    and e.title == m.title
                    and e.person
                    and self.toks[m.start].lower_ in {"the", "this"} | {m.title.split()[0]}
                    and m.country in (None, e.country)
                )
            ):
                same = True
            if same:
                self._join(m, e)
                return
        holder = self._office_holder(m, entities) or self._titled_namesake(m, entities)
        if holder is not None:
            self._join(m, holder)
            return
        m.entity = len(entities)
        entities.append(m)

    def _titled_namesake(self, m: Mention, entities: list[Mention]) -> Mention | None:
        """The one named person so far whose title ends with the title an unnamed "the ..." mention gives:
        "the minister" after "Defence Minister Sergei Shoigu", "the crown prince" after "Crown Prince Mohammed
        bin Salman" (a name the tagger missed). None when two such people were named, or the mention has a
        name, an organisation or a country of its own, or is plural."""
        if m.person or m.org or not m.title or self.toks[m.head].tag_ in PLURAL_TAGS:
            return None
        if not self._definite(m, {"the", "this"}):
            return None
        found = {
            e.entity: e
            for e in entities
            if e.title is not None
            and (e.title == m.title or e.title.endswith(" " + m.title))
            and (e.person or self._named_after_title(e))
            and m.country in (None, e.country)
            and self.toks[e.head].tag_ not in PLURAL_TAGS
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def _definite(self, m: Mention, articles: set[str]) -> bool:
        """The mention opens with one of ``articles``, or "the" stands right before it."""
        return self.toks[m.start].lower_ in articles or (m.start > 0 and self.toks[m.start - 1].lower_ == "the")

    def _named_after_title(self, e: Mention) -> bool:
        """A name follows the title inside the mention ("Crown Prince Mohammed bin Salman"), though the tagger
        did not read it as a person."""
        last = max((i for i in range(e.start, e.end) if self.toks[i].lower_ in (e.title or "").split()), default=None)
        return last is not None and any(self.toks[i].pos_ == "PROPN" for i in range(last + 1, e.end))

    @staticmethod
    def _join(m: Mention, e: Mention) -> None:
        """Make ``m`` a mention of ``e``'s entity, taking what ``e`` knows that ``m`` does not."""
        m.entity = e.entity
        if m.person and e.person and len(m.person) < len(e.person):
            m.person, m.person_text = e.person, e.person_text
        for attr in ("leader", "org", "org_name", "country", "agent", "title"):
            if getattr(m, attr) is None and getattr(e, attr) is not None:
                setattr(m, attr, getattr(e, attr))
        if m.resolved_by not in {"table"}:
            m.resolved_by = "coreference"

    def _office_holder(self, m: Mention, entities: list[Mention]) -> Mention | None:
        """The one leader named so far who holds the office an unnamed title names: "the prime minister"
        after "Mr Blair" is Blair (``office`` in agents.tsv against the leader table's role). None when the
        mention has a name or an organisation of its own, does not open with "the", or when the article has
        named no holder of that office, or several."""
        entry = self.lex.agents.get(m.title) if m.title and not (m.person or m.org) else None
        if entry is None or entry.office is None:
            return None
        if not self._definite(m, {"the"}):
            return None
        holders = {
            e.leader.name: e
            for e in entities
            if e.leader is not None
            and e.leader.role == entry.office
            and m.country in (None, e.leader.iso3)
            and (self.date is None or e.leader.active(self.date))  # not a former or future holder
        }
        return next(iter(holders.values())) if len(holders) == 1 else None

    def _named_group(self, m: Mention, named: list[tuple[Mention, Actor]]) -> Mention | None:
        """The organisation an unnamed armed group refers back to: "the militant group", "the group" after a
        named group of the same agent ("Hamas", "the Taliban"), the latest one named before it."""
        head = self.toks[m.head]
        if m.agent not in GROUP_AGENTS or head.lemma_.lower() not in GROUP_NOUNS or not self._definite(m, {"the"}):
            return None
        return next((prev for prev, actor in reversed(named) if prev.org is not None and actor.agent == m.agent), None)

    def _body_named_before(self, m: Mention, named: list[tuple[Mention, Actor]]) -> Mention | None:
        """The body a definite "the ministry" (any singular agent noun with no country of its own) refers back
        to: the latest mention in its sentence or the two before whose agent word is the same or ends with it
        ("Taiwan's defence ministry said ... The ministry said ...") and that has a country."""
        if not m.title or self.toks[m.head].tag_ in PLURAL_TAGS or not self._definite(m, {"the"}):
            return None
        if self.lex.agents.get(m.title) is None or self.lex.agents[m.title].kind != "noun":
            return None
        first = self._sentences_back(m.head, 2)
        for prev, _ in reversed(named):
            if prev.start < first:
                break
            title = prev.title or ""
            if prev.person is None and prev.country and (title == m.title or title.endswith(" " + m.title)):
                return prev
        return None

    def _sentences_back(self, i: int, n: int) -> int:
        """The first token of the sentence ``n`` sentences before token ``i``'s (or of the text)."""
        first = self.sent_start[i]
        for _ in range(n):
            first = self.sent_start[first - 1] if first > 0 else 0
        return first

    def _named_body(self, m: Mention, named: list[tuple[Mention, Actor]]) -> Mention | None:
        """The organisation a bare "the group" refers back to: the latest one named in its sentence or the two
        before it ("The RSF said ... the group accused the army")."""
        if self.toks[m.head].lemma_.lower() in BLOC_NOUNS:  # "the alliance", "the bloc": the international body
            return next((prev for prev, a in reversed(named) if prev.org is not None and a.agent == "IGO"), None)
        first = self._sentences_back(m.head, 2)
        return next((prev for prev, _ in reversed(named) if prev.org is not None and prev.start >= first), None)

    def _closing_cue_speaker(self, head: Token) -> bool:
        """Whether ``head`` is the subject of a cue that closes a report ("..., officials said"; '"...," the
        adviser told reporters'), not a local office's (see :meth:`_local_office`)."""
        verb, left = head.head, head.left_edge.i
        return (
            head.dep_ in {"nsubj", "nsubjpass"}
            and verb.lemma_.lower() in CLOSING_CUE_VERBS
            and verb.i > head.i
            and left > self.sent_start[head.i]
            and (
                self.toks[left - 1].text == ","
                or (
                    left - 2 >= self.sent_start[head.i]
                    and self.toks[left - 1].is_quote
                    and self.toks[left - 2].text == ","
                )
            )
            and not self._local_office(head)
        )

    def _ruled_country(self, m: Mention, history: list[tuple[Mention, Actor]], mentions: list[Mention]) -> str | None:
        """The state a junta rules, which the sentence around "the junta" seldom names ("France has refused the
        junta's demand"): that of a junta named before it, else of one named after it with its country ("Niger's
        military rulers"), else that of the people and forces of the latest sentence that tells of a coup
        ("soldiers overthrew President Mohamed Bazoum")."""
        for prev, actor in reversed(history):
            if prev.title in RULER_TITLES and actor.country:
                return actor.country
        for later in mentions:
            if later.start > m.start and later.title in RULER_TITLES and (own := self._phrase_country(later)):
                return own
        # the forces of such a sentence first ("the soldiers who seized power"), then its leaders and rulers
        # (not those of "Nigeria's president said the region would not tolerate another coup" before forces)
        for agents in ({"MIL"}, {"ELI", "GOV"}):
            for prev, actor in reversed(history):
                if actor.country and actor.agent in agents and _tells_of_coup(self.toks[prev.head].sent):
                    return actor.country
        return None

    def _of_other_state(self, m: Mention) -> bool:
        """A mention its own word sets apart from the states around it: "a foreign government", "foreign troops"
        (``OTHER_STATE_WORDS``, not part of an office's name such as "foreign ministry")."""
        head = self.toks[m.head]
        return any(c.dep_ == "amod" and c.lower_ in OTHER_STATE_WORDS and not self._kinds(c.i) for c in head.children)

    def _country_from_context(
        self, m: Mention, history: list[tuple[Mention, Actor]], mentions: list[Mention] | None = None
    ) -> None:
        """The country of an agent-only mention from its own phrase ("the mayor of Nablus", "officers in the
        Russian military", "dissidents from Egypt"), else from an actor earlier in the same sentence."""
        own = self._phrase_country(m)
        if own is not None:
            m.country, m.resolved_by, m.confidence = own, "context", min(m.confidence, 0.7)
            return
        if m.title in MULTINATIONAL_AGENTS or m.country_how == "ethnic":
            return  # peacekeepers serve far from home, a people's forces no state: no country from the sentence
        if self._of_other_state(m):
            return  # "any involvement of a foreign government", "foreign troops": of no state the sentence names
        if m.title in RULER_TITLES:
            ruled = self._ruled_country(m, history, mentions or [])
            if ruled is not None:
                m.country, m.resolved_by, m.confidence = ruled, "context", min(m.confidence, 0.6)
                return
        if m.agent in UNATTACHED_AGENTS:
            return  # "rights groups condemned the plan to lift sanctions on Cuba": not Cuban groups
        there = self._place_of_act(m)
        if there is not None:
            m.country, m.resolved_by, m.confidence = there, "context", min(m.confidence, 0.5)
            return
        sent = self.toks[m.head].sent
        head = self.toks[m.head]
        # what is reported is no place to look for its country: the clause the mention says ("X will sell arms
        # to Y, three officials said"), or any reported clause the mention stands outside ("Khamenei said Israel
        # will pay, according to state television")
        said = {
            i
            for c in sent
            if c.dep_ == "ccomp" and not c.left_edge.i <= head.i <= c.right_edge.i
            for i in range(c.left_edge.i, c.right_edge.i + 1)
        }
        if self._local_office(head):
            # "drones struck refineries in the Samara region, the regional governor said": that region's
            for prev, actor in reversed(history):
                if prev.start < sent.start:
                    break
                if prev.resolved_by == "place" and actor.country:
                    m.country, m.resolved_by, m.confidence = actor.country, "context", min(m.confidence, 0.6)
                    return
        left = head.left_edge.i
        closing = self._closing_cue_speaker(head)
        if closing:
            # "The resolution, drafted by France, passed, diplomats said": a closing cue's speakers are not of
            # the countries the report before them names
            said |= set(range(sent.start, left))
        according = next((a for a in head.ancestors if a.lower_ == "according"), None)
        clause = according.head if according is not None else None
        if (
            according is not None
            and clause is not None
            and clause.i != according.i
            and not any(c.dep_ == "ccomp" for c in clause.children)
        ):
            # "Armenia will regret this, according to state TV": the clause the phrase reports (a reporting verb's
            # own clause is left out above, its speaker kept: "X said ..., according to state TV")
            inside = {t.i for t in according.subtree}
            said |= {t.i for t in clause.subtree if t.i not in inside}
        for prev, actor in reversed(history):
            if prev.start < sent.start:
                break
            if prev.head in said:
                continue  # "X will sell arms to Y, three officials said": X and Y are what they speak of
            if self._recipient_of(prev, head):
                continue  # "the US and China offered condolences to the victims' families": not theirs
            if self._in_relative_clause(prev.head, head):
                continue  # "Yoon, who is attending a summit in Lithuania, ordered the military to ...": an aside
            if self._acted_on(prev, head) or self._topic_country(prev):
                continue  # "plans to lift the sanctions on Cuba were condemned by rights groups": not Cuban ones
            if self._state_addressing(prev, m):
                self._addressed[m.head] = prev.country or ""
                continue  # "Washington called on the government to withdraw it": another state's government
            if actor.agent in ARMED_AGENTS and m.agent == "CVL" and head.dep_ in VICTIM_DEPS:
                continue  # "Indian missiles struck air bases, killing 11 civilians": not Indian civilians
            if m.agent == "CVL" and head.dep_ == "dobj" and head.head.lemma_.lower() in RELEASE_VERBS:
                return  # "Russia handed over 90 prisoners", "swapped 230 prisoners": whose, the sentence does not say
            if head.dep_ == "dobj" and head.head.lemma_.lower() in EXPEL_VERBS and self._does(prev, head.head):
                continue  # "Maduro expelled diplomats from seven countries": not his own
            if actor.country and not prev.group and actor.agent != "MED":  # "an AFP correspondent said": a reporter
                m.country, m.resolved_by, m.confidence = actor.country, "context", min(m.confidence, 0.6)
                return
        filed = self._filed_capital_country
        if closing and filed and head.tag_ not in PLURAL_TAGS and (self._definite(m, {"the"}) or m.person):
            # "Serbia has put its army on alert, the defence minister said, as tensions rose with Kosovo" (filed
            # from Belgrade): an office of the state the report was filed in, not of one the cue's clause names
            m.country, m.resolved_by, m.confidence = filed, "dateline", min(m.confidence, 0.4)
            return
        # none before it: the first country named after it in the sentence ("Government forces clashed with
        # Tunisian rioters"), unless the mention carries a name of its own that we could not resolve ("the
        # Korean government", "the Clinton administration"): a guess from elsewhere would likely be wrong
        if any(
            c.dep_ in {"amod", "compound"}
            and c.pos_ in {"PROPN", "ADJ"}
            and c.i < head.i
            and c.text[:1].isupper()
            and c.lower_ != "ethnic"
            and not self._ethnic(c.i)
            for c in head.children
        ):
            return
        for later in mentions or []:
            if later.start <= m.start or later.pronoun or later.group or later.agent == "MED":
                continue
            if later.start >= sent.end:
                break
            if later.head in said or self._topic_country(later):
                continue  # "the Ministry of Commerce said US measures ...": the US is what it speaks of
            if later.country and not self._other_side(later, m):
                m.country, m.resolved_by, m.confidence = later.country, "context", min(m.confidence, 0.5)
                return
            if later.country and self.toks[later.head].head.head.i == m.head:
                return  # "officials in Tunis": perhaps foreign ones there, but no country named later is theirs
        # no country in the sentence: the country stays unknown ("---" in the code)

    def _namesake(self, cand: LeaderEntry, given: str | None, surname: str) -> bool:
        """A leader found by surname whose first name is not the one the mention gives, or, for a bare
        surname, not one the article gives that surname elsewhere; or a bare name that is a word of a full name
        the article gives someone else ("China's spokesman Lin Jian ... Lin said": not Taiwan's Lin Chia-lung)."""
        if given is None and (full := self.full_names.get(surname)):
            own = _name_parts(cand.name)
            if not any(len(_name_parts(name) & own) >= 2 for name in full):
                return True
        names = {given} if given is not None else self.given_names.get(surname, set())
        return bool(names) and normalize(cand.name).split()[0] not in names

    def _foreign_surname(self, cand: LeaderEntry) -> bool:
        """A bare surname matched to a leader of a country the article never names, while it is clearly
        about another: a namesake more likely than that leader."""
        return (
            self.main_country is not None
            and len(cand.iso3) == 3
            and cand.iso3 != self.main_country
            and cand.iso3 not in self.named_countries
        )

    def _office_stated(self, mention: Mention, agents: list[Match], toks: list[int]) -> bool:
        """Whether the leader's own phrase gives them a government title of their country ("UK finance minister
        Gordon Brown", "US Secretary of State Colin Powell"): the text says they hold an office on its date,
        whatever the table's terms say (the article's date may be wrong, or the office one the table does
        not list). Not for "former" titles, nor a bare honorific title ("President Carter")."""
        entry = mention.leader
        if entry is None or mention.country_how != "phrase" or mention.country != entry.iso3:
            return False
        if any(self.toks[i].lower_ in PAST_OFFICE_WORDS for i in toks):
            return False
        return any((a := self.lex.agents[m.key]).agent == "GOV" and a.kind in {"title", "both"} for m in agents)

    def _other_office(self, mention: Mention, agents: list[Match], toks: list[int]) -> bool:
        """Whether the leader's own phrase titles them with a government office of their country that the table
        never gives them ("Chancellor Gordon Brown" in 2005, Brown listed only as prime minister 2007-2010): the
        text reports a present office the table does not list. The title of one of their listed roles out of
        its term ("President Bush" in 2012) does not, nor a "former" one."""
        entry = mention.leader
        if entry is None or mention.country != entry.iso3 or not agents:
            return False
        if any(self.toks[i].lower_ in PAST_OFFICE_WORDS for i in toks):
            return False
        titles = [m.key for m in agents if self.lex.agents[m.key].kind in {"title", "both"}]
        return bool(titles) and all(self.lex.names_other_office(t, entry) for t in titles)

    def _out_of_office(self, mention: Mention) -> None:
        """A leader named after all of their terms is a former office holder: CAMEO's elite, ``ELI`` ("Tony
        Blair" in 2016 is ``GBRELI``, not the government); so is one named before a first term ("Donald Trump"
        in 2016)."""
        entry = mention.leader
        if self.date is None or entry is None or entry.active(self.date) or mention.agent != "GOV":
            return
        if (entry.end is not None and self.date > entry.end) or (entry.start is not None and self.date < entry.start):
            mention.agent = "ELI"  # before a first term too: "Donald Trump" in 2016 is USAELI

    def _ethnic(self, i: int) -> bool:
        """Whether token ``i`` follows "ethnic": a demonym there ("ethnic Albanians in Macedonia") names a
        people, not the state; CAMEO codes them with the country they live in."""
        return i > 0 and self.toks[i - 1].lower_ == "ethnic"

    def _hyphen_role(self, i: int) -> str | None:
        """How the country word starting at token ``i`` stands to the noun when a hyphen joins it to a
        participle (``hyphen_roles.tsv``): "sponsor" ("Iranian-backed rebels"), "leader" ("the Saudi-led
        coalition"), else None."""
        doc = self.doc
        j = max((m.end for m in self._kinds(i) if m.start == i and m.kind in {"COUNTRY", "ORG"}), default=i + 1)
        if j + 1 >= len(doc) or doc[j].text not in {"-", "–"} or doc[j - 1].whitespace_ or doc[j].whitespace_:
            return None
        part = doc[j + 1]
        if doc[j - 1].head.i != part.i:
            return None
        return self.lex.hyphen_roles.get(part.lower_)

    def _not_nationality(self, i: int) -> bool:
        """Whether the country word at token ``i`` does not give the people it describes their country:
        after "ethnic", or as a sponsor ("Russian-backed separatists")."""
        return self._ethnic(i) or self._hyphen_role(i) == "sponsor"

    def _place_of_act(self, m: Mention) -> str | None:
        """The country of the place where the people an act is done to are, when it differs from the
        country of the act's doer: "Israeli airstrikes killed 12 people in Gaza" (the people are
        Palestinian, not Israeli like the strikes named before them)."""
        head = self.toks[m.head]
        if head.dep_ not in {"dobj", "nsubjpass"} or m.agent not in {"CVL", None}:
            return None
        verb = head.head
        doer = next((c for c in verb.children if c.dep_ in {"nsubj", "agent"}), None)
        if doer is None:
            return None
        doer_countries = {
            match.key for t in doer.subtree for match in self.signal.get(t.i, ()) if match.kind == "COUNTRY"
        }
        doer_isos = {e.iso3 for key in doer_countries for e in self.lex.countries[key][:1]}
        if not doer_isos:
            return None
        spots = [
            c.i for p in [*verb.children, *head.children] if p.dep_ == "prep" and p.lower_ in {"in", "near", "at"}
            for c in p.children if c.dep_ == "pobj"
        ]  # fmt: skip
        for place, span in self.place_spans:
            if place.country and place.country not in doer_isos and any(span.start <= i < span.end for i in spots):
                return place.country
        return None

    def _other_side(self, later: Mention, m: Mention) -> bool:
        """Whether a mention after an agent is likely the other side of what it does, not its compatriot."""
        head = self.toks[later.head]
        if later.agent in STATE_SIDE_AGENTS:
            # a capital named as the place where people at home act is no government: "police in Kyiv",
            # "protesters filled the squares of Kyiv" (forces and officials may be abroad there)
            return not (
                (head.ent_type_ == "GPE" or head.pos_ == "PROPN")
                and head.dep_ == "pobj"
                and head.head.lower_ in PLACE_PREPS
                and len(later.tokens) == 1
                and m.agent not in FOREIGN_PRESENCE_AGENTS
            )
        if later.agent is None and head.dep_ == "dobj":
            return True  # "condemned Russia", "visited Iran": the country the agent acts on or goes to
        while head.dep_ in {"amod", "compound", "poss"} and head.head.i != head.i:
            head = head.head  # "tariffs on Chinese goods": the phrase the country word describes
        if later.agent is None and head.dep_ == "dobj" and head.i > self.toks[m.head].i:
            return True  # "supporters rallied, burning French flags": what is acted on is the other side's
        return later.agent is None and head.dep_ == "pobj" and head.head.lower_ in DIRECTION_PREPS | {"on"}

    def _state_addressing(self, prev: Mention, m: Mention) -> bool:
        """Whether ``prev`` is a state named by its country or capital ("Washington", "France") that acts on the
        government agent ``m`` as its verb's object, itself or as the "it" of its report: a state does not urge,
        call on, warn or recognise its own government."""
        if m.agent != "GOV" or prev.person is not None or prev.title is not None or prev.org is not None:
            return False
        if prev.country is None:
            return False
        tok = self.toks[m.head]
        if tok.dep_ == "pobj" and tok.head.dep_ == "prep":
            tok = tok.head
        if tok.dep_ not in {"dobj", "dative", "prep"} or tok.head.pos_ != "VERB":
            return False
        verb = tok.head
        if _subject_of(prev.head, verb):
            return True
        # "France said it did not recognise the new authorities": the state speaks of itself as "it"
        own = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        return (
            own is not None
            and own.lower_ in {"it", "we"}
            and verb.dep_ == "ccomp"
            and _subject_of(prev.head, verb.head)
        )

    def _topic_country(self, prev: Mention) -> bool:
        """A bare country that names what is talked or fought about ("the Iraq war", "Iran policy":
        ``topic_nouns.tsv``): no compatriot of the agents around it."""
        if prev.agent is not None or prev.org is not None or prev.person is not None:
            return False
        head = self.toks[prev.head]
        return head.dep_ in {"compound", "amod", "nmod"} and head.head.lemma_.lower() in self.lex.topic_nouns

    @staticmethod
    def _local_office(head: Token) -> bool:
        """A governor, mayor or other local official ("the regional governor"): of the place the report names."""
        return head.lemma_.lower() in LOCAL_OFFICES or any(
            c.dep_ in {"amod", "compound"} and c.lower_ in LOCAL_WORDS for c in head.children
        )

    def _in_relative_clause(self, i: int, other: Token) -> bool:
        """Whether token ``i`` is inside a relative clause that ``other`` is not in."""
        for a in self.toks[i].ancestors:
            if a.dep_ == "relcl":
                return not (a.left_edge.i <= other.i <= a.right_edge.i)
        return False

    def _does(self, prev: Mention, verb: Token) -> bool:
        """Whether ``prev`` is the subject of ``verb``, or of the verb it is joined to ("Maduro accused X and
        expelled Y")."""
        while True:
            if _subject_of(prev.head, verb):
                return True
            if verb.dep_ != "conj" or verb.head.i == verb.i or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
                return False
            verb = verb.head

    def _recipient_of(self, prev: Mention, agent: Token) -> bool:
        """Whether ``agent`` is the one something is given or said "to" by ``prev``, the subject of the verb
        the "to" phrase hangs on, directly or through its object ("offered condolences to the families")."""
        while agent.dep_ == "poss" and agent.head.i != agent.i:
            agent = agent.head  # "to the victims' families": the victims are the families'
        if agent.dep_ != "pobj" or agent.head.lower_ != "to":
            return False
        gov = agent.head.head
        verb = gov.head if gov.dep_ in {"dobj", "obj"} else gov
        if verb.pos_ not in {"VERB", "AUX"}:
            return False
        subjects = {t.i for c in verb.children if c.dep_ == "nsubj" for t in (c, *c.conjuncts)}
        return prev.head in subjects

    def _acted_on(self, prev: Mention, agent: Token) -> bool:
        """Whether a bare country named before an agent, in the agent's own clause, is what an act is on, to
        or against ("plans to lift the sanctions on Cuba were condemned by rights groups", "arms sales to
        China"): the other side of the act, no compatriot of the agent. A clause of its own keeps lending
        its country ("the ban on China came after troops opened fire": Chinese troops)."""
        if prev.agent is not None or prev.org is not None or prev.person is not None:
            return False
        head = self.toks[prev.head]
        while head.dep_ in {"amod", "compound", "poss"} and head.head.i != head.i:
            head = head.head
        if not (head.dep_ == "pobj" and head.head.lower_ in DIRECTION_PREPS | {"on"} and head.head.head.pos_ == "NOUN"):
            return False
        verb = next((a for a in agent.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        return verb is not None and verb in head.ancestors

    def _phrase_country(self, m: Mention) -> str | None:
        """A country named in the mention's own "of" / "in" / "from" phrase, or a place there that the gazetteer
        gives a country."""
        head = self.toks[m.head]
        toks = set(m.tokens)
        # (a ministry sits in its own state's capital: "the foreign ministry in Tallinn" is Estonia's)
        abroad = m.agent in FOREIGN_PRESENCE_AGENTS and head.lemma_.lower() not in SEATED_BODIES
        for c in head.children:
            if c.dep_ == "prep" and c.lower_ in {"of", "from"}:
                # the phrase's noun, not a gerund's clause ("accused the opposition of attempting a coup and
                # expelled diplomats from Argentina")
                toks.update(t.i for g in c.children if g.dep_ == "pobj" for t in g.subtree)
            elif c.dep_ == "prep" and c.lower_ == "in":
                # "officers in the Russian military" are Russian; "troops in Iraq" need not be Iraqi
                toks.update(t.i for t in c.subtree if not abroad or t.dep_ in {"amod", "compound", "poss"})
            elif c.dep_ == "prep" and c.lower_ == "to" and head.lemma_.lower() in AIDE_NOUNS:
                # "adviser to President Ilham Aliyev", "an aide to Putin": the leader's (not "ambassador to")
                for t in c.subtree:
                    leaders = [
                        self.lex.leader(m.key, self.date) for m in self.signal.get(t.i, ()) if m.kind == "LEADER"
                    ]
                    if t.i in self.person_tokens and t.i + 1 < len(self.doc) and t.i + 1 not in self.person_tokens:
                        leaders.append(self.lex.leader_by_surname(normalize(t.text), self.date))  # "an aide to Putin"
                    if (leader := next((e for e in leaders if e is not None and e.iso3), None)) is not None:
                        return leader.iso3
                toks.update(t.i for t in c.subtree)
        toks.discard(m.head)
        # not a clause that describes the phrase's noun ("prisoners in a deal brokered by the UAE", "victims of
        # an attack launched by Russia")
        toks -= {t.i for i in list(toks) if self.toks[i].dep_ in {"acl", "relcl"} for t in self.toks[i].subtree}
        for i in sorted(toks):
            for match in self.signal.get(i, ()):
                if match.kind == "COUNTRY" and not self._not_nationality(match.start):
                    return self.lex.countries[match.key][0].iso3
                if match.kind == "ORG" and (org_country := self._org(match.key).country):
                    return org_country
                agent = self.lex.agents[match.key] if match.kind == "AGENT" else None
                if agent is not None and agent.country and not self._filed_elsewhere(agent):
                    return agent.country  # "lawmakers in the Duma": an institution of one state
        for place, span in self.place_spans:
            if place.country is not None and all(t.i in toks for t in span):
                return place.country
        return None

    def _kin_of_leader(self, partners: list[Token], by_head: dict[int, tuple[Mention, Actor]]) -> Actor | None:
        """The elite (``ELI``) of a leader's state for a relative named beside a kin word "of" the leader ("the
        powerful sister of leader Kim Jong Un", "the wife of President X"); None otherwise."""
        for t in partners:
            if t.lemma_.lower() not in KIN_NOUNS:
                continue
            for prep in t.children:
                if prep.dep_ != "prep" or prep.lower_ != "of":
                    continue
                for pobj in prep.children:
                    hit = by_head.get(pobj.i)
                    if hit is not None and hit[0].leader is not None and hit[1].country:
                        country = hit[1].country
                        return replace(hit[1], code=self.lex.country_code(country) + "ELI", agent="ELI")
        return None

    def _appositions(self, named: list[tuple[Mention, Actor]]) -> None:
        """A bare name in apposition to an office ("Sweden's prime minister, Lars Lofven", "John Smith, the
        defence minister") holds it: the name, and its later mentions ("Lofven added"), take the office's
        code, once the office is resolved."""
        by_head = {m.head: (m, a) for m, a in named}
        by_end = {  # "White House chief of staff | John Kelly": a title the parser split from its holder's name
            m.end: (m, a)
            for m, a in named
            if m.title and not m.person and (e := self.lex.agents.get(m.title)) is not None and e.kind != "noun"
        }
        coded: dict[int, Actor] = {}  # entity -> the office its name holds
        for k, (m, a) in enumerate(named):
            former = m.leader is not None and a.agent == "ELI"  # out of office by the table's dates
            if not m.person or (m.leader is not None and not former) or (a.code and not former):
                continue
            office = coded.get(m.entity) if m.entity is not None else None
            if office is None:
                head = self.toks[m.head]
                partners = apposition_partners(head)
                # "the Israeli ambassador in Brasilia, Daniel Zonshine": the office, not the place it is held in
                partners = [
                    t.head.head if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.i in by_head else t
                    for t in partners
                ]
                found = next((by_head[t.i] for t in partners if t.i in by_head), None)
                if found is None:
                    found = next((b for t in partners if (b := self._body_of_post(t, by_head))), None)
                if found is None:
                    found = by_end.get(m.start)
                kin = self._kin_of_leader(partners, by_head) if found is None and not former else None
                if kin is not None:
                    found = (m, kin)  # "Kim Yo Jong, the sister of leader Kim Jong Un": an elite of his state
                elif found is None or found[0].person or found[0].leader is not None or not found[1].code:
                    continue
                if former and not self._stated_office_of(found, a, m.leader):
                    continue
                office = found[1]
                if m.entity is not None:
                    coded[m.entity] = office
            new = replace(
                office,
                text=a.text,
                start=a.start,
                end=a.end,
                name=m.person_text or m.person,
                entity=a.entity,
                resolved_by="apposition",
                confidence=min(office.confidence, 0.8),
            )
            named[k] = (m, new)
            self._actor_of[m.head] = new

    def _name_offices(self, named: list[tuple[Mention, Actor]], mentions: list[Mention]) -> None:
        """An office and the name in apposition to it are one person ("China's foreign minister Wang Yi",
        "Sweden's prime minister, Lars Lofven"): the office's mentions join the name's entity and the office is
        named after it, so that a pronoun resolved to the office carries the name. Only where the two have the
        same code, or the name none of its own (a name coded by its office, ``_appositions``), and the office is
        a single person's, with no name or organisation of its own."""
        by_head = {m.head: k for k, (m, _) in enumerate(named)}
        merged: dict[int, int] = {}  # office entity -> name entity
        for m, a in named:
            if not m.person or m.entity is None:
                continue
            head = self.toks[m.head]
            partners = apposition_partners(head)
            for t in partners:
                k = by_head.get(t.i)
                if k is None:
                    continue
                office, office_actor = named[k]
                if (
                    office.person
                    or office.leader is not None
                    or office.org
                    or not (office.title and office.titled)
                    or office.entity is None
                    or office.entity == m.entity
                    or self.toks[office.head].tag_ in PLURAL_TAGS
                    or not office_actor.code
                    or (a.code and a.code != office_actor.code and a.resolved_by != "apposition")
                ):
                    continue
                merged[office.entity] = m.entity
                named[k] = (office, replace(office_actor, name=a.name))
                self._actor_of[office.head] = named[k][1]
                break
        if not merged:
            return
        for mention in mentions:
            if mention.entity in merged:
                mention.entity = merged[mention.entity]
        for k, (m, a) in enumerate(named):
            if a.entity in merged:
                named[k] = (m, replace(a, entity=merged[a.entity]))
                if self._actor_of.get(m.head) is a:
                    self._actor_of[m.head] = named[k][1]
        for head_i, actor in list(self._actor_of.items()):
            if actor.entity in merged:
                self._actor_of[head_i] = replace(actor, entity=merged[actor.entity])

    def _described_names(self, named: list[tuple[Mention, Actor]]) -> None:
        """A description of no country with a coded name in apposition ("the state news agency TASS", "the
        rebel group, the M23") takes the name's country."""
        by_head = {m.head: a for m, a in named}
        for k, (m, a) in enumerate(named):
            if m.person or a.country or not a.agent:
                continue
            head = self.toks[m.head]
            partners = apposition_partners(head)
            name = next((b for t in partners if (b := by_head.get(t.i)) is not None and b.country), None)
            if name is None:
                continue
            new = replace(
                a,
                code=self.lex.country_code(name.country) + a.agent,
                country=name.country,
                resolved_by="apposition",
                confidence=min(a.confidence, 0.8),
            )
            named[k] = (m, new)
            self._actor_of[m.head] = new

    def _stated_office_of(self, found: tuple[Mention, Actor], leader: Actor, entry: LeaderEntry | None) -> bool:
        """Whether an office in apposition to a leader the table has out of office names a government post of
        the leader's country in its own words ("Colin Powell, US Secretary of State"), or one of their country
        that the table never gives them ("Gordon Brown, the chancellor," in 2005): the text's present title
        wins over the table's dates, as in the leader's own phrase."""
        office, actor = found
        if actor.agent != "GOV" or actor.country != leader.country:
            return False
        if office.country_how == "phrase":
            return True
        past = any(self.toks[i].lower_ in PAST_OFFICE_WORDS for i in office.tokens)
        return (
            entry is not None
            and office.title is not None
            and not past
            and self.lex.names_other_office(office.title, entry)
        )

    def _body_of_post(self, post: Token, by_head: dict[int, tuple[Mention, Actor]]) -> tuple[Mention, Actor] | None:
        """The coded body a post noun's "of"/"for"/"at" phrase names ("chairman of the Duma's committee",
        "a spokeswoman for the ministry"), for a post of ``office_heads.tsv``; None otherwise. An organisation
        named before the post employs its holder, whatever country its "for" phrase names ("World Bank
        country director for Kenya" is the World Bank's)."""
        if post.lemma_.lower() not in self.lex.office_heads:
            return None
        for mod in post.lefts:  # "World Bank country director for Kenya": the employer named before the post
            if mod.dep_ not in {"compound", "nmod", "poss"}:
                continue
            for t in mod.subtree:
                if t.i in by_head and by_head[t.i][0].org and not by_head[t.i][0].person and by_head[t.i][1].code:
                    return by_head[t.i]
        for prep in post.children:
            if prep.dep_ != "prep" or prep.lower_ not in {"of", "for", "at"}:
                continue
            for t in prep.subtree:
                if t.i in by_head and not by_head[t.i][0].person and by_head[t.i][1].code:
                    return by_head[t.i]
        return None

    def _coordinated_isos(self, m: Mention) -> list[str]:
        """The countries of a head's conjoined country modifiers ("Israeli and Palestinian negotiators")."""
        isos: list[str] = []
        if m.pronoun or m.group or m.org or m.person or m.leader is not None:
            return isos
        head = self.toks[m.head]
        for c in head.lefts:
            if c.dep_ not in {"amod", "compound", "nmod"} or not c.conjuncts:
                continue
            for t in (c, *c.conjuncts):
                for match in self._kinds(t.i):
                    if match.kind == "COUNTRY" and not self._ethnic(match.start):
                        iso = self.lex.countries[match.key][0].iso3
                        if iso not in isos:
                            isos.append(iso)
        return isos

    def _coordinated_countries(self, m: Mention, actor: Actor) -> Actor:
        """ "Israeli and Palestinian negotiators", "Indian and Pakistani troops": one head with conjoined country
        modifiers is a group of one actor per country."""
        isos = self._coordinated.get(m.head, [])
        if len(isos) < 2 or actor.country not in isos:
            return actor
        members = [
            replace(
                actor,
                code=self.lex.country_code(iso) + (actor.agent or ""),
                country=iso,
                name=actor.name if actor.agent else self.lex.country_names.get(iso, iso),
                entity=None,  # two parties, not one entity
            )
            for iso in isos
        ]
        return replace(actor, code="|".join(sorted(a.code for a in members)), country=None, members=members)

    def _coordinated_orgs(self, m: Mention, actor: Actor) -> Actor:
        """ "Both the IMF and World Bank", which the parser reads as one bank the IMF modifies: an organisation's
        name joined by "and" to the name before it, a modifier with no conjunct of its own, is two parties,
        one actor each."""
        if not m.org or m.person or not actor.code:
            return actor
        for c in self.toks[m.head].lefts:
            if c.dep_ not in {"nmod", "compound"} or c.conjuncts or not any(x.dep_ == "cc" for x in c.children):
                continue
            match = next((x for x in self.signal.get(c.i, ()) if x.kind == "ORG" and x.end - 1 == c.i), None)
            if match is None or (org := self._org(match.key)).code == m.org or org.party:
                continue
            first = replace(
                actor,
                code=org.code if not org.country else self.lex.country_code(org.country) + (org.agent or ""),
                country=org.country,
                agent=org.agent,
                name=org.name or self.doc[match.start : match.end].text,
                entity=None,
            )
            members = [first, replace(actor, entity=None)]
            return replace(actor, code="|".join(sorted(a.code for a in members)), country=None, members=members)
        return actor

    def _to_actor(self, m: Mention) -> Actor | None:
        doc = self.doc
        span = doc[m.start : m.end]
        if m.org and not m.country:
            code = m.org
        elif m.country or m.agent:
            code = self.lex.country_code(m.country) + (m.agent or "")
        else:
            code = ""
        name = None
        if m.leader is not None:
            name = display_name(m.leader.name)
        elif m.person:
            name = m.person_text or m.person
        elif m.org:
            name = m.org_name or doc[m.start : m.end].text
        elif m.country and not m.agent:
            name = self.lex.country_names.get(m.country, m.country)
        return Actor(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            code=code,
            country=m.country,
            agent=m.agent,
            name=name,
            resolved_by=m.resolved_by if code else "unresolved",
            confidence=m.confidence if code else 0.3,
            entity=m.entity,
        )

    def _resolve_pronoun(self, m: Mention, history: list[tuple[Mention, Actor]]) -> Actor | None:
        tok = self.toks[m.head]
        low = tok.lower_
        cands: list[tuple[Mention, Actor]]
        if low in PERSON_PRONOUNS:
            # cataphora: "During his call with X, President Y said" -> the main clause's subject
            cat = self._cataphora(tok)
            if cat is not None:
                return self._pronoun_actor(tok, cat)
            cands = [
                (pm, a)
                for pm, a in history
                if (pm.person or pm.leader or pm.titled) and not pm.group and not pm.pronoun
            ]
            sent_start = self.sent_start[tok.i]
            prev_start = self._prev_sent_start(sent_start)
            # the subject of a reported clause is the reporter ("Erdogan said he believed Putin wanted it to go
            # on and that he would discuss it with him": both are Erdogan, not Putin, the subject named last)
            reporter = self._reporting_subject(tok)
            own = [
                (pm, a)
                for pm, a in history
                if reporter is not None
                and pm.head == reporter.i
                and a.code
                and (
                    pm.person or pm.leader or pm.titled or (pm.pronoun and self.toks[pm.head].lower_ in PERSON_PRONOUNS)
                )
            ]
            if own:
                return self._pronoun_actor(tok, own[-1][1])
            # "X spoke with Y on Wednesday, his spokesman said": the one the closed report is about, X
            closed = self._closed_report_subject(tok)
            about = [c for c in cands if closed is not None and c[0].head == closed.i]
            if about:
                return self._pronoun_actor(tok, about[-1][1])
            # a subject earlier in the same sentence ("Khan said that he ..."), the most recent one
            same = [c for c in cands if c[0].head >= sent_start and self.toks[c[0].head].dep_ in SUBJECT_DEPS]
            if same:
                return self._pronoun_actor(tok, same[-1][1])
            # else the first subject of the previous sentence (its topic; a pronoun there that was resolved too:
            # '"...," he wrote on X. He was due to meet ...'), else the most recent person
            resolved = [
                (pm, a)
                for pm, a in history
                if pm.pronoun and a.code and self.toks[pm.head].lower_ in PERSON_PRONOUNS and a.name
            ]
            prev = [
                c
                for c in sorted([*cands, *resolved], key=lambda c: c[0].head)
                if prev_start <= c[0].head < sent_start and self.toks[c[0].head].dep_ in SUBJECT_DEPS
            ]
            if prev:
                return self._pronoun_actor(tok, prev[0][1])
            recent = [c for c in cands if c[0].head >= prev_start]
            if recent:
                return self._pronoun_actor(tok, recent[-1][1])
            return None
        if low in {"it", "its"}:
            cands = [
                (pm, a)
                for pm, a in history
                if a.code
                and not pm.person
                and not pm.titled  # an office is someone, not an "it" ("China's foreign minister ... It must stop")
                and not pm.group
                and (pm.country or pm.org)
                and not pm.pronoun
                and self.toks[pm.head].tag_ not in PLURAL_TAGS  # "it" is no plural ("222 people")
            ]
            if tok.dep_ == "nsubj" and tok.head.dep_ == "ccomp":
                # "Turkey, which occupies northern Cyprus, insisted it would not bow": the one who speaks of
                # itself, not the country named last
                # ("the ministry condemned the meeting and warned that it would ...": the first verb's subject)
                gov_subj = _shared_nsubj(tok.head.head)
                own = [c for c in cands if gov_subj is not None and c[0].head == gov_subj.i]
                if own:
                    return self._pronoun_actor(tok, own[-1][1], confidence=0.6)
            bound = self._binding_subject(tok)
            own = [c for c in cands if bound is not None and c[0].head == bound.i]
            if bound is not None and bound.lower_ == "it":  # the "it" above, resolved before
                own = [c for c in history if c[0].head == bound.i and c[1].code]
            if own:
                return self._pronoun_actor(tok, own[-1][1], confidence=0.6)
            prev_start = self._prev_sent_start(self.sent_start[tok.i])
            if tok.i == self.sent_start[tok.i] and self.sent_start[tok.i] > 0:
                # "The RSF said it had taken the city. Its leader said ...": a sentence that opens with "It" or
                # "Its" goes on about the previous sentence's first subject
                topic = [
                    c
                    for c in cands
                    if prev_start <= c[0].head < self.sent_start[tok.i] and self.toks[c[0].head].dep_ in SUBJECT_DEPS
                ]
                if topic and not self._uncoded_subject_between(topic[0][0].head, tok):
                    return self._pronoun_actor(tok, topic[0][1], confidence=0.6)
            near = [c for c in cands if c[0].head >= prev_start]
            if tok.dep_ == "nsubj" and any(t.is_quote for t in self.doc[self.sent_start[tok.i] : tok.i]):
                # '"... in North America ...," it added': the speaker, not a name inside the quotation; the
                # latest subject before the sentence
                speakers = [
                    c for c in near if c[0].head < self.sent_start[tok.i] and self.toks[c[0].head].dep_ in SUBJECT_DEPS
                ]
                near = speakers or near
            if near and not self._uncoded_subject_between(near[-1][0].head, tok):
                return self._pronoun_actor(tok, near[-1][1], confidence=0.6)
            return None
        if low in GROUP_PRONOUNS:
            start = self._prev_sent_start(self.sent_start[tok.i])
            # "police used tear gas to disperse them": an object pronoun is not its own clause's subject
            barred = self._clause_subject(tok) if low == "them" else -1
            groups = [(pm, a) for pm, a in history if pm.group and pm.head >= start and pm.head != barred]
            # the most recent plural actor ("French farmers said they would ...")
            plural = [
                (pm, a)
                for pm, a in history
                if pm.head >= start
                and pm.head != barred
                and not pm.pronoun
                and self.toks[pm.head].tag_ in PLURAL_TAGS
                and a.code
            ]
            # an active subject first ("Gunmen killed ten people when they stormed the village"), of a main clause
            # before one of a clause inside it ("400 officers landed at the airport, which gangs forced to close.
            # They lead ...": the officers)
            doers = [c for c in plural if self.toks[c[0].head].dep_ == "nsubj"]
            main = [c for c in doers if self.toks[c[0].head].head.dep_ == "ROOT"]
            if main and not any(
                c[0].head > main[-1][0].head and self.sent_start[c[0].head] == self.sent_start[tok.i] for c in doers
            ):
                doers = main
            # a group named before it in the pronoun's own sentence comes before one of the sentence before
            # ("EU urged both sides to talk. Protesters gathered, and police dispersed them": the protesters)
            if not any(pm.head >= self.sent_start[tok.i] for pm, _ in groups):
                groups = [c for c in groups if not any(p[0].head >= self.sent_start[tok.i] for p in plural)]
            if groups:
                return self._pronoun_actor(tok, groups[-1][1], confidence=0.6)
            if doers or plural:
                return self._pronoun_actor(tok, (doers or plural)[-1][1], confidence=0.6)
        return None

    @staticmethod
    def _closed_report_subject(tok: Token) -> Token | None:
        """For "his" on the subject of a cue that closes a report ("..., his spokesman said"), the subject of the
        report it closes."""
        if tok.dep_ != "poss" or tok.lower_ not in {"his", "her"} or tok.head.dep_ != "nsubj":
            return None
        verb = tok.head.head
        if verb.lemma_.lower() not in CLOSING_CUE_VERBS:
            return None
        report = next((c for c in verb.children if c.dep_ in {"ccomp", "parataxis"} and c.i < tok.i), None)
        return None if report is None else first_child(report, "nsubj")

    def _reporting_subject(self, tok: Token) -> Token | None:
        """The subject of the speech or belief verb whose reported clause ``tok`` is the subject of ("said he
        would ..."; through the conjuncts of the clause, "said A and that he would ...")."""
        if tok.dep_ != "nsubj":
            return None
        clause = tok.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head
        if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in REPORTING_VERBS:
            return None
        verb = clause.head
        subj = first_child(verb, "nsubj")
        return subj if subj is not None and subj.i < tok.i else None

    @staticmethod
    def _binding_subject(tok: Token) -> Token | None:
        """The subject that an "it" or "its" in an adjunct of its verb refers to: "Canada expelled a diplomat
        as it investigated ..." (the subject of an adverbial clause), "Iran launched drones at Israel in its
        first direct attack" (the owner in a prepositional phrase of the verb); None elsewhere."""
        if tok.dep_ == "nsubj" and tok.head.dep_ == "advcl":
            verb = tok.head.head
        elif tok.dep_ == "poss" and tok.head.dep_ == "pobj" and tok.head.head.dep_ == "prep":
            verb = tok.head.head.head
        elif tok.dep_ == "poss" and tok.lower_ == "its" and tok.head.dep_ == "dobj":
            verb = tok.head.head  # "Rwanda sent its foreign minister": the subject's own (a state or body's)
        elif tok.dep_ == "poss" and tok.lower_ == "its" and (it := _it_above(tok)) is not None:
            return it  # "said it would not allow its citizens to be persecuted": "its" is the "it" above it
        elif tok.dep_ == "nsubj" and any(c.dep_ == "dobj" and c.lower_ == "what" for c in tok.head.children):
            # "Pakistan summoned the envoy to protest against what it called unprovoked firing": the one who names
            verb = next((v for v in tok.head.ancestors if any(c.dep_ == "nsubj" for c in v.children)), tok.head)
        else:
            return None
        if verb.pos_ not in {"VERB", "AUX"}:
            return None
        # (through a participle clause too: "Israel struck X, escalating its attacks as it demanded ...")
        subj = _shared_nsubj(verb, participles=True)
        return subj if subj is not None and subj.i < tok.i and subj.lower_ not in {"it", "its"} else None

    @staticmethod
    def _clause_subject(tok: Token) -> int:
        """The token index of the subject of the nearest clause above ``tok`` that has one (through the
        infinitives and participles that share it), or -1."""
        for verb in tok.ancestors:
            if verb.pos_ not in {"VERB", "AUX"}:
                continue
            subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
            if subj is not None:
                return subj.i
            if verb.dep_ not in {"xcomp", "advcl", "conj"}:
                return -1
        return -1

    def _uncoded_subject_between(self, after: int, tok: Token) -> bool:
        """Whether an organization no table knows is the subject of a clause between token ``after`` and the
        pronoun ``tok``: "BP invested in the venture. It said ..." is BP, not a country named before it."""
        for ent in self.ents:
            if ent.label_ != "ORG" or not (after < ent.start and ent.end <= tok.i):
                continue
            if ent.root.dep_ not in SUBJECT_DEPS:
                continue
            actor = next((self._actor_of[t.i] for t in ent if t.i in self._actor_of), None)
            if actor is None or not actor.code:
                return True
        return False

    def _prev_sent_start(self, sent_start: int) -> int:
        if sent_start == 0:
            return 0
        return self.sent_start[sent_start - 1]

    def _cataphora(self, tok: Token) -> Actor | None:
        # the pronoun sits in a fronted phrase before its clause's subject:
        # "During his call with X, President Y said ..." -> Y
        verb = next((a for a in tok.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if verb is None or verb.i < tok.i:
            return None
        subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
        if subj is None or subj.i < tok.i:
            return None
        actor = self._actor_of.get(subj.i)
        return actor if actor is not None and actor.agent is not None and actor.name else None

    def _pronoun_actor(self, tok: Token, ante: Actor, confidence: float = 0.8) -> Actor:
        a = copy.copy(ante)
        a.text = tok.text
        a.start = tok.idx
        a.end = tok.idx + len(tok.text)
        a.resolved_by = "coreference"
        a.confidence = min(ante.confidence, confidence)
        a.members = list(ante.members)
        return a

    def _coordinated_pair(self, m: Mention, history: list[tuple[Mention, Actor]]) -> tuple[Actor, Actor] | None:
        """The last two parties joined by "and" in the three sentences up to a pair mention ("the US and the
        EU"), states or organisations; places where something happens ("in Geneva") are no parties."""
        doc = self.doc
        first = self._sentences_back(m.start, 3)
        by_head = {pm.head: a for pm, a in history if a.code and not pm.group and not pm.pronoun}
        for pm, a in reversed(history):
            if pm.head < first or pm.group or pm.pronoun or not a.code or "|" in a.code:
                continue
            tok = doc[pm.head]
            if tok.dep_ != "conj":
                continue
            other = by_head.get(tok.head.i)
            first_conj = tok.head
            while first_conj.dep_ == "conj" and first_conj.head.i != first_conj.i:
                first_conj = first_conj.head  # "in Xinjiang, Tibet and Hong Kong": the list's first word
            if other is None or other.code == a.code or (first_conj.dep_ == "pobj" and first_conj.head.lower_ == "in"):
                continue
            if self._mediators(tok.head):
                continue  # "Saudi Arabia and Iran offered to mediate. China urged both sides ...": not the sides
            if self._object_of_subject(doc[m.head], tok.head):
                continue  # "Britain and France urged both sides to return to talks": sides other than the urgers
            return other, a
        return None

    def _domestic_sides(self, history: list[tuple[Mention, Actor]], counts: Counter[str]) -> tuple[Actor, Actor] | None:
        """The two sides of a conflict inside one state, when the article is mostly about that state (it is
        named at least twice as often as any other) and has named both its government or army and an armed or
        political opposition of it: the latest actor of each side."""
        top = counts.most_common(2)
        if not top or (len(top) > 1 and top[0][1] < 2 * top[1][1]):
            return None
        home = top[0][0]
        state = next(
            (a for pm, a in reversed(history) if a.country == home and a.agent in {"GOV", "MIL"} and not pm.group), None
        )
        rival = next(
            (a for pm, a in reversed(history) if a.country == home and a.agent in DOMESTIC_RIVALS and not pm.group),
            None,
        )
        return None if state is None or rival is None else (state, rival)

    def _coordinated_list(self, m: Mention, history: list[tuple[Mention, Actor]], n: int) -> list[Actor]:
        """The latest ``n`` parties joined in one list ("France, Britain and Germany") in the three sentences
        up to a counted group mention, each coded; none when no list of that length is there."""
        doc = self.doc
        first = self._sentences_back(m.start, 3)
        lists: dict[int, list[Actor]] = {}
        for pm, a in history:
            if pm.head < first or pm.group or pm.pronoun or not a.code or "|" in a.code:
                continue
            root = doc[pm.head]
            while root.dep_ == "conj" and root.head.i != root.i:
                root = root.head
            lists.setdefault(root.i, []).append(a)
        for parties in (lists[k] for k in sorted(lists, reverse=True)):
            if len(parties) == n and len({a.code for a in parties}) == n:
                return parties
        return []

    @staticmethod
    def _object_of_subject(obj: Token, subj: Token) -> bool:
        """Whether ``obj`` is an object of the verb ``subj`` is the subject of, directly or through a preposition
        ("urged both sides", "called on both sides")."""
        if subj.dep_ not in SUBJECT_DEPS:
            return False
        tok = obj
        while tok.dep_ in {"dobj", "dative", "pobj", "prep"} and tok.head.i != tok.i:
            tok = tok.head
        return tok.i == subj.head.i and tok.i != obj.i

    def _mediators(self, subj: Token) -> bool:
        """Whether ``subj`` is the subject of a verb of mediation, or of one whose infinitive mediates ("offered to
        mediate", "will host the talks"), or its "by" agent ("talks mediated by Qatar and Turkey")."""
        if subj.dep_ == "pobj" and subj.head.lower_ == "by" and subj.head.dep_ in {"agent", "prep"}:
            return subj.head.head.lemma_.lower() in MEDIATION_VERBS
        if subj.dep_ not in SUBJECT_DEPS:
            return False
        verb = subj.head
        verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
        return any(v.lemma_.lower() in MEDIATION_VERBS for v in verbs)

    def _leader_pair(self, m: Mention, history: list[tuple[Mention, Actor]], within: int | None = 2) -> list[Actor]:
        """The last two people named (by name or office) of two countries, in the ``within`` sentences up to
        the mention when given."""
        first = self._sentences_back(m.start, within) if within is not None else 0
        members: list[Actor] = []
        seen: set[str] = set()
        for pm, a in reversed(history):
            if pm.head < first:
                break
            if (pm.person or pm.leader) and a.country and a.country not in seen:
                seen.add(a.country)
                members.append(a)
            if len(members) == 2:
                break
        return members

    def _resolve_group(self, m: Mention, history: list[tuple[Mention, Actor]], counts: Counter[str]) -> Actor | None:
        span = self.doc[m.start : m.end]
        members: list[Actor] = []
        if m.title == "pair_any":  # a bare "the two": the pair named together, else the last two leaders
            pair = self._coordinated_pair(m, history)
            members = list(pair) if pair is not None else self._leader_pair(m, history)
        elif m.title == "pair_leader":
            members = self._leader_pair(m, history, within=None)
        elif m.title and m.title.startswith("list_"):
            members = self._coordinated_list(m, history, int(m.title[5:]))  # "France, Britain and Germany ..."
            if not members:
                return None
        elif (pair := self._coordinated_pair(m, history)) is not None:
            members = list(pair)  # "The US and the EU met in Geneva. The two sides agreed ...": the US and the EU
        elif (pair := self._domestic_sides(history, counts)) is not None:
            members = list(pair)  # "Sudan's army and the RSF ... Envoys of the two sides signed": the army, the RSF
        else:
            # not the subject of the verb the group is the object of ("Britain and France urged both sides")
            head = self.toks[m.head]
            urgers = {  # (a conjunct's subject is the first conjunct, its head)
                a.country
                for pm, a in history
                if a.country
                and any(self._object_of_subject(head, t) for t in (self.toks[pm.head], self.toks[pm.head].head))
            }
            for iso, _ in [c for c in counts.most_common() if c[0] not in urgers][:2]:
                members.append(
                    Actor(
                        text=span.text,
                        start=span.start_char,
                        end=span.end_char,
                        code=self.lex.country_code(iso),
                        country=iso,
                        agent=None,
                        name=self.lex.country_names.get(iso, iso),
                        resolved_by="group",
                        confidence=0.7,
                    )
                )
        if len(members) < 2:
            return None
        members = sorted(members if m.title and m.title.startswith("list_") else members[:2], key=lambda a: a.code)
        return Actor(
            text=span.text,
            start=span.start_char,
            end=span.end_char,
            code="|".join(a.code for a in members),
            country=None,
            agent=None,
            name=" and ".join(a.name or a.code for a in members),
            resolved_by="group",
            confidence=0.7,
            members=members,
        )


NAME_PARTICLES = {
    "bin",
    "bint",
    "al",
    "el",
    "de",
    "da",
    "do",
    "dos",
    "du",
    "van",
    "von",
    "der",
    "den",
    "la",
    "le",
    "ibn",
}


def display_name(name: str) -> str:
    """A table name ("xi jinping", "bashar al-assad") in display case ("Xi Jinping", "Bashar al-Assad")."""

    def cap(part: str, first: bool) -> str:
        if not first and part in NAME_PARTICLES:
            return part
        return part[:1].upper() + part[1:]

    words = []
    for i, word in enumerate(name.split()):
        pieces = word.split("-")
        words.append("-".join(cap(p, i == 0 and j == 0) for j, p in enumerate(pieces)))
    return " ".join(words)


def actor_for_span(analysis: Analysis, start: int, end: int) -> Actor | None:
    """The coded actor for a character span (e.g. a quote's speaker), pronouns and surnames resolved.

    Picks the actor mention that covers the span's syntactic head token, else the one overlapping it most.
    """
    by_token: dict[int, Actor] = analysis.notes.get("actor_by_token", {})
    if not by_token:
        return None
    span = analysis.doc.char_span(start, end, alignment_mode="expand")
    if span is not None and span.root.i in by_token:
        return by_token[span.root.i]
    best: Actor | None = None
    best_overlap = 0
    for a in analysis.actors:
        ov = min(end, a.end) - max(start, a.start)
        if ov > best_overlap:
            best, best_overlap = a, ov
    return best


def country_actor(analysis: Analysis, token_i: int) -> Actor | None:
    """An actor for a country word used as a modifier ("Palestinian riots"): the country itself."""
    hit = analysis.notes.get("country_by_token", {}).get(token_i)
    if hit is None:
        return None
    key, lex = hit
    entry = lex.countries[key][0]
    tok = analysis.doc[token_i]
    return Actor(
        text=tok.text,
        start=tok.idx,
        end=tok.idx + len(tok.text),
        code=lex.country_code(entry.iso3) + (entry.agent or ""),
        country=entry.iso3,
        agent=entry.agent,
        name=lex.country_names.get(entry.iso3, entry.iso3),
        resolved_by="name",
        confidence=0.8,
    )


def _name_parts(name: str) -> set[str]:
    """The words of a person's name, hyphenated parts apart ("Kim Jong-un" and "Kim Jong Un" alike)."""
    return set(re.split(r"[\s-]+", normalize(name)))


def _counted_victim(head: Token) -> bool:
    """A counted group of people undergoing an act ("ten people were killed", "wounding 14 persons",
    "injuries to three children"): civilians, where "people" alone ("people say") names no actor."""
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        return False  # "a nation of 23 million people", "crowds of over forty people"
    return head.dep_ in VICTIM_DEPS and any(c.dep_ == "nummod" for c in head.children)
