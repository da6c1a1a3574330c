"""The quote stage's cue lexicon (``data/lexicons/speech.yaml``, or a file of the same shape): verb lemmas by
class, multi-word cues and the helper word lists, loaded once into a :class:`SpeechLexicon`."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from spacy.tokens import Token

from corridor.resources import packaged_yaml, read_yaml


@dataclass(frozen=True)
class ActLists:
    """``acts`` of the lexicon: word lists by act for verbs, nouns and adjectives, and the verb classes'
    acts in the order they are tried."""

    verbs: dict[str, frozenset[str]] = field(default_factory=dict)
    nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    adjectives: dict[str, frozenset[str]] = field(default_factory=dict)
    classes: tuple[tuple[str, str], ...] = ()


@dataclass
class SpeechLexicon:
    """The cue lexicon: verb lemmas by class, verb-particle cues and the helper word lists."""

    classes: dict[str, set[str]]  # lemma -> classes
    content_preps: set[str]
    particles: set[tuple[str, str]]
    nouns: set[str]
    addressee_nouns: set[str]
    addressee_verbs: set[str]
    quote_only: set[str]
    blocked: set[tuple[str, str]]
    forms: dict[str, str] = field(default_factory=dict)  # word form -> lemma, where the tagger errs
    source_nouns: set[str] = field(default_factory=set)  # "in the poll, ...": sources of their own
    standing_sources: set[str] = field(default_factory=set)  # "had a big lead | in the latest poll"
    light_verbs: set[str] = field(default_factory=set)  # "made the case that": the subject holds the noun
    outlook_things: set[str] = field(default_factory=set)  # "a deal that would see him ...": no holder's view
    participle_holders: set[str] = field(default_factory=set)  # "those | supporting Lund": a holder, no modifier
    received_nouns: set[str] = field(default_factory=set)  # "won support from X": X holds it, the subject gets it
    receiving_verbs: set[str] = field(default_factory=set)  # "won", "drew", "faced": verbs of received_nouns
    among_nouns: set[str] = field(default_factory=set)  # "her support among minorities": the minorities hold it
    object_control: set[str] = field(default_factory=set)  # "asked the court to ...": the object is content
    prep_control: set[tuple[str, str]] = field(default_factory=set)  # "called on the court to ...": the same
    prep_cues: set[tuple[str, str]] = field(default_factory=set)  # "called for", "lashed out at": verb (particle), prep
    holderless_nouns: set[str] = field(default_factory=set)  # statement nouns that are cues without a holder
    attitude_adjectives: set[str] = field(default_factory=set)  # "she is confident that ...": the subject's view
    split_adjectives: set[str] = field(default_factory=set)  # "voters are divided on X": the group's views on X
    split_preps: set[str] = field(default_factory=set)  # "on", "over": what a split adjective's group is split on
    speaking_adjectives: set[str] = field(default_factory=set)  # "she was outspoken on X": how openly one speaks
    speaking_preps: set[str] = field(default_factory=set)  # "about", "on": what a speaking adjective's subject spoke of
    devoted_adjectives: set[str] = field(default_factory=set)  # "she is committed to X": the subject's aim or stance
    idioms: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # verb -> (word, preposition or "that")
    hearsay_adverbs: set[str] = field(default_factory=set)  # "X reportedly did Y": a report without a source
    colon_labels: set[str] = field(default_factory=set)  # "Editor's note:", "Update:": labels, not speakers
    colon_placeholders: set[str] = field(default_factory=set)  # "argued that:", "the following:": no content yet
    impersonal_adjectives: set[str] = field(default_factory=set)  # "it is unclear whether ...": no source
    raising_adjectives: set[str] = field(default_factory=set)  # "a plan sure to anger voters": no attitude
    leaving_verbs: set[str] = field(default_factory=set)  # "left the town wary of X": the object's attitude
    raising_circumstances: set[str] = field(default_factory=set)  # "seemed shaky | after the loss": narrator's
    raising_comparisons: set[str] = field(default_factory=set)  # "seemed more robust than ...": a comparison
    not_that_verbs: set[str] = field(default_factory=set)  # "the point is that ...": not cues of a that-clause
    other_verbs: set[tuple[str, str]] = field(default_factory=set)  # "knock out": verb + particle, not a cue
    feeling_verbs: set[str] = field(default_factory=set)  # "voters feel cheated": the state felt is the content
    outlook_verbs: set[str] = field(default_factory=set)  # "rivals see an opening": the object is the view
    subject_determiners: set[str] = field(default_factory=set)  # "Some view X as Y": a determiner as subject
    passive_raising: set[str] = field(default_factory=set)  # "the bill is expected to pass"
    aside_cognition: set[str] = field(default_factory=set)  # "the plan, they believe, will fail"
    hedge_verbs: set[str] = field(default_factory=set)  # "it's fair to say ...": the narrator's hedge
    advice_wishes: set[str] = field(default_factory=set)  # "X may want to reconsider": advice, no wish
    contributing_verbs: set[str] = field(default_factory=set)  # "helps explain why ...": a cause, no report
    possible_stances: set[str] = field(default_factory=set)  # "free to support X": a stance one may take
    possibility_words: set[str] = field(default_factory=set)  # free, able, likely, tend: what one may do
    state_classes: set[str] = field(default_factory=set)  # cognition, intention: states, not acts of speech
    naming_verbs: set[str] = field(default_factory=set)  # "a group called X": a participle that names
    title_verbs: set[str] = field(default_factory=set)  # "an ad titled “X”": the quoted title is a quotation
    chant_nouns: set[str] = field(default_factory=set)  # "chants of “X”": the quoted chant is a quotation
    force_verbs: set[str] = field(default_factory=set)  # "troops attacked the town": an act, not a cue
    weapon_words: set[str] = field(default_factory=set)  # "missile attack": the act of force
    convened_objects: dict[str, set[str]] = field(default_factory=dict)  # "called an election": no cue
    passive_senses: dict[str, set[str]] = field(default_factory=dict)  # "was referred to the FBI": no cue
    call_senses: set[str] = field(default_factory=set)  # "called into question X": no telephone call
    statement_objects: dict[str, set[str]] = field(default_factory=dict)  # "told a story": the object was said
    count_objects: set[str] = field(default_factory=set)  # "police reported no arrests": a count reported
    self_verbs: set[str] = field(default_factory=set)  # "a self-described socialist": what one says of oneself
    circumstance_preps: set[str] = field(default_factory=set)  # "praised X during the debate": the narrator's
    title_circumstance_preps: set[str] = field(default_factory=set)  # "blasts Roe | over budget" in a headline
    modifier_terms: set[tuple[str, str]] = field(default_factory=set)  # "pledged delegates": a cue word as modifier
    object_verbs: set[str] = field(default_factory=set)  # "Labour accused of X": without an object, a bare passive
    causing_verbs: set[str] = field(default_factory=set)  # ", prompting X to accuse Y": X speaks
    finding_holders: set[str] = field(default_factory=set)  # "a judge found X": besides source_nouns
    record_nouns: set[str] = field(default_factory=set)  # "S, campaign records show.": besides source_nouns
    share_nouns: set[str] = field(default_factory=set)  # "52 percent said ...": a share of those polled
    reckoning_nouns: set[str] = field(default_factory=set)  # "By the union's count, X": X is what it gives
    media_nouns: set[str] = field(default_factory=set)  # "wrote on social media": where, not what
    venue_preps: set[str] = field(default_factory=set)  # "praised X | in an interview": where it was said
    venue_nouns: set[str] = field(default_factory=set)  # "... at a rally", "... on the campaign trail"
    topic_of_verbs: set[str] = field(default_factory=set)  # "reminded voters of X": X is what was said
    phase_verbs: set[str] = field(default_factory=set)  # "went on to say X": the inner verb reports X
    that_nouns: set[str] = field(default_factory=set)  # "fears that ...": cues without a holder, with a that-clause
    stance_nouns: set[str] = field(default_factory=set)  # "voted in favor of X": X is the content
    aim_nouns: set[str] = field(default_factory=set)  # "toured in hopes of X": on any verb, X is the aim
    subject_stance_nouns: set[str] = field(default_factory=set)  # "support for X grew": holderless as a subject
    question_nouns: set[str] = field(default_factory=set)  # "questions about whether X": holderless
    scant_words: set[str] = field(default_factory=set)  # "said little about X": X is the content
    attitude_nouns: set[str] = field(default_factory=set)  # "expressed concern about X": X is the content
    attitude_verbs: set[str] = field(default_factory=set)  # the verbs that show them: express, voice, offer, show
    attitude_preps: set[str] = field(default_factory=set)  # the noun's phrase: about, of, for, with, ...
    copula_nouns: set[str] = field(default_factory=set)  # "her view is that ...": besides the statement nouns
    role_nouns: set[str] = field(default_factory=set)  # "she is a supporter of X": her stance on X
    stance_participles: set[str] = field(default_factory=set)  # "a bill opposed by X": X's stance on the bill
    enacting_verbs: set[str] = field(default_factory=set)  # "the governor signed the bill": an act of office
    standing_verbs: set[str] = field(default_factory=set)  # "the poll has Lund leading": a finding
    standing_holders: set[str] = field(default_factory=set)  # the polls and estimates that hold it
    counting_verbs: set[str] = field(default_factory=set)  # "put | the cost at $2 billion": a number is a standing
    comparison_verbs: set[str] = field(default_factory=set)  # "she compared the plan to a tax"
    pronoun_stance_verbs: set[str] = field(default_factory=set)  # "supported her | by 40 points"
    document_nouns: set[str] = field(default_factory=set)  # "wrote an op-ed on farm debt"
    announced_participles: set[str] = field(default_factory=set)  # "a merger announced Monday": made public
    announced_passives: set[str] = field(default_factory=set)  # "the price was not disclosed": made public
    law_nouns: set[str] = field(default_factory=set)  # what an enacting verb enacts
    dare_verbs: dict[str, set[str]] = field(default_factory=dict)  # "challenged X to a debate / on trade"
    acts: ActLists = field(default_factory=ActLists)  # what a quote reports, by its cue word (quoting.acts)
    # lemma() by the ids of a token's lower-case form and spaCy lemma, which decide it (``forms`` is fixed once
    # loaded): reading the two strings off a token costs more than the lookup, and the finders ask again and again
    _lemmas: dict[tuple[int, int], str] = field(default_factory=dict, init=False, repr=False, compare=False)

    def lemma(self, tok: Token) -> str:
        """The lemma of ``tok``, corrected by ``forms`` ("hopes" is not a form of "hop")."""
        key = (tok.lower, tok.lemma)
        found = self._lemmas.get(key)
        if found is None:
            found = self._lemmas[key] = self.forms.get(tok.lower_) or tok.lemma_.lower()
        return found

    def cue_classes(self, tok: Token) -> set[str]:
        """The classes of ``tok`` as a cue verb (``quote_only`` marks a cue that needs a quotation)."""
        if tok.pos_ not in {"VERB", "AUX"} and tok.tag_ not in {"VBD", "VBZ", "VBP", "VBG", "VBN", "VB"}:
            return set()
        lemma = self.lemma(tok)
        found = self.classes.get(lemma)
        if found:
            return found
        return {"speech", "quote_only"} if lemma in self.quote_only else set()

    def no_act(self, tok: Token) -> bool:
        """Whether ``tok`` reports no act of speech: no cue verb, or one of only ``state_classes`` ("thought",
        "wanted")."""
        return self.cue_classes(tok) <= self.state_classes


def _words(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def _word_set(value: Any) -> set[str]:
    """A word list, lower-cased."""
    return {w.lower() for w in _words(value)}


def _word_map(value: Any) -> dict[str, set[str]]:
    """A mapping of a word to a word list ("claim: [victory, win]"), lower-cased."""
    return {str(k).lower(): _word_set(v) for k, v in (value or {}).items()}


def _pairs(value: Any) -> set[tuple[str, str]]:
    """Two-word entries ("point out", "say prep") as lower-cased pairs; entries of another length are skipped."""
    return {(p[0], p[1]) for p in (w.lower().split() for w in _words(value)) if len(p) == 2}


def _prep_pairs(value: Any) -> set[tuple[str, str]]:
    """Verb-preposition entries as (verb words, preposition): "call for" -> ("call", "for"), and with a
    particle "lash out at" -> ("lash out", "at")."""
    return {(" ".join(p[:-1]), p[-1]) for p in (w.lower().split() for w in _words(value)) if len(p) in (2, 3)}


def _acts(value: Any) -> ActLists:
    data = value if isinstance(value, dict) else {}

    def lists(key: str) -> dict[str, frozenset[str]]:
        part = data.get(key) or {}
        return {str(act): frozenset(w.lower() for w in _words(ws)) for act, ws in part.items()}

    classes = data.get("classes") or {}
    return ActLists(
        verbs=lists("verbs"),
        nouns=lists("nouns"),
        adjectives=lists("adjectives"),
        classes=tuple((str(c), str(a)) for c, a in classes.items()),
    )


@lru_cache(maxsize=4)
def load_lexicon(path: str | None = None) -> SpeechLexicon:
    """The packaged cue lexicon (or a YAML file of the same shape at ``path``)."""
    data = (packaged_yaml("lexicons/speech.yaml") if path is None else read_yaml(Path(path))) or {}
    classes: dict[str, set[str]] = {}
    for cls, lemmas in (data.get("verbs") or {}).items():
        for lemma in _words(lemmas):
            classes.setdefault(lemma.lower(), set()).add(str(cls))
    phrases = data.get("phrases") or {}
    idioms: dict[str, list[tuple[str, str]]] = {}
    for words in (w.lower().split() for w in _words(phrases.get("idiom"))):
        if len(words) == 3:
            idioms.setdefault(words[0], []).append((words[1], words[2]))
    return SpeechLexicon(
        classes=classes,
        prep_cues=_prep_pairs(phrases.get("prep")),
        idioms=idioms,
        content_preps=_word_set(data.get("content_preps")),
        particles=_pairs(phrases.get("particle")),
        nouns=_word_set(data.get("nouns")),
        addressee_nouns=_word_set(data.get("addressee_nouns")),
        addressee_verbs=_word_set(data.get("addressee_verbs")),
        quote_only=_word_set(data.get("quote_only")),
        blocked=_pairs(data.get("blocked")),
        forms={str(k).lower(): str(v).lower() for k, v in (data.get("forms") or {}).items()},
        source_nouns=_word_set(data.get("source_nouns")),
        standing_sources=_word_set(data.get("standing_sources")),
        light_verbs=_word_set(data.get("light_verbs")),
        participle_holders=_word_set(data.get("participle_holders")),
        outlook_things=_word_set(data.get("outlook_things")),
        received_nouns=_word_set(data.get("received_nouns")),
        receiving_verbs=_word_set(data.get("receiving_verbs")),
        among_nouns=_word_set(data.get("among_nouns")),
        object_control=_word_set(data.get("object_control")),
        prep_control=_pairs(data.get("prep_control")),
        causing_verbs=_word_set(data.get("causing_verbs")),
        finding_holders=_word_set(data.get("finding_holders")),
        record_nouns=_word_set(data.get("record_nouns")),
        share_nouns=_word_set(data.get("share_nouns")),
        reckoning_nouns=_word_set(data.get("reckoning_nouns")),
        media_nouns=_word_set(data.get("media_nouns")),
        holderless_nouns=_word_set(data.get("holderless_nouns")),
        attitude_adjectives=_word_set(data.get("attitude_adjectives")),
        split_adjectives=_word_set(data.get("split_adjectives")),
        split_preps=_word_set(data.get("split_preps")),
        speaking_adjectives=_word_set(data.get("speaking_adjectives")),
        speaking_preps=_word_set(data.get("speaking_preps")),
        devoted_adjectives=_word_set(data.get("devoted_adjectives")),
        hearsay_adverbs=_word_set(data.get("hearsay_adverbs")),
        colon_labels=_word_set(data.get("colon_labels")),
        colon_placeholders=_word_set(data.get("colon_placeholders")),
        impersonal_adjectives=_word_set(data.get("impersonal_adjectives")),
        raising_adjectives=_word_set(data.get("raising_adjectives")),
        leaving_verbs=_word_set(data.get("leaving_verbs")),
        raising_circumstances=_word_set(data.get("raising_circumstances")),
        raising_comparisons=_word_set(data.get("raising_comparisons")),
        not_that_verbs=_word_set(data.get("not_that_verbs")),
        other_verbs=_pairs(data.get("other_verbs")),
        naming_verbs=_word_set(data.get("naming_verbs")),
        title_verbs=_word_set(data.get("title_verbs")),
        chant_nouns=_word_set(data.get("chant_nouns")),
        force_verbs=_word_set(data.get("force_verbs")),
        weapon_words=_word_set(data.get("weapon_words")),
        convened_objects=_word_map(data.get("convened_objects")),
        passive_senses=_word_map(data.get("passive_senses")),
        call_senses=_word_set(data.get("call_senses")),
        statement_objects=_word_map(data.get("statement_objects")),
        count_objects=_word_set(data.get("count_objects")),
        self_verbs=_word_set(data.get("self_verbs")),
        passive_raising=_word_set(data.get("passive_raising")),
        feeling_verbs=_word_set(data.get("feeling_verbs")),
        outlook_verbs=_word_set(data.get("outlook_verbs")),
        subject_determiners=_word_set(data.get("subject_determiners")),
        aside_cognition=_word_set(data.get("aside_cognition")),
        hedge_verbs=_word_set(data.get("hedge_verbs")),
        advice_wishes=_word_set(data.get("advice_wishes")),
        contributing_verbs=_word_set(data.get("contributing_verbs")),
        possible_stances=_word_set(data.get("possible_stances")),
        possibility_words=_word_set(data.get("possibility_words")),
        state_classes=_word_set(data.get("state_classes")),
        circumstance_preps=_word_set(data.get("circumstance_preps")),
        venue_preps=_word_set(data.get("venue_preps")),
        venue_nouns=_word_set(data.get("venue_nouns")),
        title_circumstance_preps=_word_set(data.get("title_circumstance_preps")),
        modifier_terms=_pairs(data.get("modifier_terms")),
        object_verbs=_word_set(data.get("object_verbs")),
        topic_of_verbs=_word_set(data.get("topic_of_verbs")),
        phase_verbs=_word_set(data.get("phase_verbs")),
        that_nouns=_word_set(data.get("that_nouns")),
        stance_nouns=_word_set(data.get("stance_nouns")),
        aim_nouns=_word_set(data.get("aim_nouns")),
        subject_stance_nouns=_word_set(data.get("subject_stance_nouns")),
        question_nouns=_word_set(data.get("question_nouns")),
        scant_words=_word_set(data.get("scant_words")),
        attitude_nouns=_word_set(data.get("attitude_nouns")),
        attitude_verbs=_word_set(data.get("attitude_verbs")),
        attitude_preps=_word_set(data.get("attitude_preps")),
        copula_nouns=_word_set(data.get("copula_nouns")),
        role_nouns=_word_set(data.get("role_nouns")),
        stance_participles=_word_set(data.get("stance_participles")),
        enacting_verbs=_word_set(data.get("enacting_verbs")),
        standing_verbs=_word_set(data.get("standing_verbs")),
        standing_holders=_word_set(data.get("standing_holders")),
        counting_verbs=_word_set(data.get("counting_verbs")),
        comparison_verbs=_word_set(data.get("comparison_verbs")),
        pronoun_stance_verbs=_word_set(data.get("pronoun_stance_verbs")),
        document_nouns=_word_set(data.get("document_nouns")),
        announced_participles=_word_set(data.get("announced_participles")),
        announced_passives=_word_set(data.get("announced_passives")),
        law_nouns=_word_set(data.get("law_nouns")),
        dare_verbs=_word_map(data.get("dare_verbs")),
        acts=_acts(data.get("acts")),
    )
