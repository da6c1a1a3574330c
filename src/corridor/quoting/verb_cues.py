"""Pass 2 of the quote finder, verbs: a reporting verb's content from the parse (its complement clause,
infinitive, object, "as" phrase or preposition by cue class; a passive judgement), with the repairs of
:mod:`corridor.quoting.repairs` for common misparses (the clause a parenthetical or closing cue interrupts
among them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from corridor.quoting.base import (
    CONTENT_CLAUSE_DEPS,
    DASHES,
    FINITE,
    SUBJ_DEPS,
    WH_OBJECTS,
    Candidate,
    as_much,
    as_phrase,
    by_agent,
    contiguous_subtree,
    cut_before,
    narrators_description,
    np_range,
    opens_aside,
    passive_aux,
    prep_after,
    speaker_range,
    string_ids,
    subtree_ids,
    trim,
    trim_edges,
)
from corridor.quoting.repairs import ParseRepairs
from corridor.syntax import first_child

# conjunctions that open an adverbial clause, not what was said
ADVERBIAL_MARKS = {
    "as",
    "while",
    "when",
    "because",
    "after",
    "before",
    "since",
    "although",
    "though",
    "until",
    "whereas",
}
CLAUSE_CLASSES = {"speech", "write", "ask", "cognition", "evidence", "intention"}  # cues that take a clause
# A cue verb read as the root noun: the deps of its subject's words before it, and of its content after it.
NOUN_ROOT_SUBJECT_DEPS = {"nsubj", "compound", "nmod", "amod", "nummod", "poss", "det"}
NOUN_ROOT_CONTENT_DEPS = {"dobj", "ccomp", "xcomp", "oprd", "prep", "dative", "attr", "acomp", "appos"}


# Agents whose attacks are acts of force, not words (see ``force_verbs`` in speech.yaml).
ARMED_AGENTS = frozenset({"MIL", "REB", "INS", "UAF", "CRM", "COP", "SPY"})


CLOSING_STOP_IDS = string_ids({".", ";"})  # what follows a closing finding's verb ("..., records show.")
CONNECTIVE_LAST_IDS = string_ids({"that", "being", "having"})  # "That said,", "That being said,", "Having said that,"
# Words that open an indirect question ("did not say when ...").
WH_QUESTION = {"whether", "how", "why", "what", "who", "which"}


@dataclass
class _Reading:
    """What one verb cue's steps have found so far: the content's token ids and where it came from
    (``how``), the cue's objects and addressee, words that join the cue, a closing report's subject."""

    content: set[int] = field(default_factory=set)
    how: str = ""
    objects: list[Token] = field(default_factory=list)
    addressee: tuple[int, int] | None = None
    cue_extra: list[int] = field(default_factory=list)
    closing_subject: Token | None = None
    phrase_clause: set[int] | None = None  # a that-clause hung on the cue's phrase, once looked for

    def take(self, ids: set[int], how: str) -> None:
        """Add ``ids`` to the content; the first source found names it."""
        self.content |= ids
        self.how = self.how or how


def _finding_cue(classes: set[str]) -> bool:
    """Whether a cue word reports what was found ("the poll found", "the study showed"): an evidence verb that
    is no speech verb."""
    return "evidence" in classes and "speech" not in classes


class VerbCues(ParseRepairs):
    """Verb cues and their contents (see the module doc)."""

    def _verb_cue(self, tok: Token, classes: set[str]) -> Candidate | None:
        """A verb cue's candidate: the content the parse gives it by cue class, the surface repairs for a
        closing or parenthetical cue, then the checks that keep the candidate (see :meth:`_finish`)."""
        saying = self._quoted_as(tok)
        if saying is not None:
            return self._quoted_as_saying(tok, saying)
        if tok.dep_ == "pcomp" and self._quoted_as(tok.head.head) is not None:
            return None  # the "saying" of "quoted as saying": read with "quoted"
        if classes & {"regard"} and self._relative_passive_view(tok):
            return None  # "a senator who is seen as a moderate": the narrator's description, no one's view
        if (classes & {"evaluation", "regard"} or _passive_predicate(tok)) and tok.tag_ == "VBN":
            passive = self._passive_cue(tok)
            if passive is not None:
                return passive
        misread = self.main_verb_read_as_acl(tok) is not None  # "Lund, an ally, called the rules “weak.”"
        if tok.tag_ == "VBN" and tok.dep_ == "acl" and self.lex.lemma(tok) in self.lex.naming_verbs and not misread:
            # "a group called Color of Change": the thing's name, not what anyone said (but "a lawmaker
            # called Trump “the prince of ...”", two complements, is the parser's misreading of a report)
            comps = [c for c in tok.children if c.dep_ in {"oprd", "dobj"}]
            if len(comps) < 2 and not any(self._named_then_quoted(c) for c in comps):
                return None
        nxt = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
        if nxt is not None and (tok.lower_, nxt.lemma_.lower()) in self.lex.modifier_terms:
            return None  # "475 pledged delegates": a modifier, however the parser reads it
        prt = first_child(tok, "prt")
        if prt is not None and (self.lex.lemma(tok), prt.lower_) in self.lex.other_verbs:
            return None  # "knocked out", "ripped off", "called off": another verb
        if self.lex.lemma(tok) in self.lex.force_verbs and self._act_of_force(tok):
            return None  # "troops attacked the town": the attack itself
        if self._convened(tok):
            return None  # "called a national election": the election is called, nothing said
        if self._undared(tok):
            return None  # "she is challenging the incumbent": a race, no dare nor dispute
        if self._subjectless_opener(tok):
            return None  # "Revealed: ...", "Declared Candidates", "Want more news?": a label or teaser, no report
        if self._said_as_connective(tok):
            return None  # "That said, the plan may fail": the narrator's "even so", no one's words
        if self._narrators_naming(tok):
            return None  # "Call it a comeback.": the narrator's name for it
        if tok.head.lower_ == "without" and tok.head.head.lemma_ == "go" and tok.tag_ == "VBG":
            return None  # "It goes without saying that ...": the narrator's emphasis, no one's words
        if self._narrators_hedge(tok):
            return None  # "It is too soon to say whether ...": the narrator's hedge, no one's words
        if self._contributed(tok):
            return None  # "the drop helps explain why ...": what the drop helps bring about, no one's words
        if self._possible_stance(tok):
            return None  # "delegates free to back any candidate": a stance they may take, none taken
        if self.lex.lemma(tok) == "know" and (known := self._known_for(tok)) is not None:
            return known
        if self.lex.lemma(tok) in self.lex.self_verbs and (own := self._self_described(tok)) is not None:
            return own
        if (amod := self._main_verb_read_as_amod(tok)) is not None:
            return amod
        if classes & {"evaluation", "intention"} and (amod := self._participle_read_as_amod(tok)) is not None:
            return amod
        if classes & {"speech", "write"} and (topic := self._topic_to_say(tok)) is not None:
            return topic
        if classes & {"write"} and (topic := self._written_topic(tok)) is not None:
            return topic
        r = _Reading()
        self._clause_and_infinitive(tok, classes, r)
        self._objects(tok, r)
        self._question_and_raising(tok, classes, r)
        self._felt_state(tok, r)
        self._outlook_clause(tok, r)
        self._object_content(tok, classes, r)
        self._prep_content(tok, classes, r)
        self._joined_and_implied(tok, classes, r)
        self._surface_report(tok, classes, r)
        if self._phone_call(tok, r):
            return None
        return self._finish(tok, classes, r)

    def _known_for(self, tok: Token) -> Candidate | None:
        """ "The senator is best known for her work on farm bills", "a state known for its caucuses": a reputation,
        with no holder named; the content is the subject (or the noun the participle follows) and what it is
        known for (the "for" goes with the cue)."""
        known = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for" and c.i > tok.i), None)
        what = next((c for c in known.children if c.dep_ in {"pobj", "pcomp"}), None) if known is not None else None
        words = self._reputed(tok)
        if tok.tag_ != "VBN" or not words or known is None or what is None:
            return None
        para = self.para_of[tok.i]
        content = {i for i in words | subtree_ids(what) if self.para_of[i] == para}
        return Candidate(
            cue=[tok.i, known.i], head=tok.i, content=trim(self.doc, content), confidence=0.6, how="passive"
        )

    @staticmethod
    def _reputed(tok: Token) -> set[int]:
        """The words of what "known" is said of: the passive's subject ("the senator is known for"), the subject
        of a copula when the parser read "known" as its adjective ("the firm is well known for"), or the noun
        phrase before a participle ("a state | known for ..."); empty for none."""
        patient = first_child(tok, "nsubjpass")
        if patient is not None and passive_aux(tok) is not None:
            return set(range(*np_range(patient)))
        if tok.dep_ == "acomp":
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj" and c.i < tok.i), None)
            return set(range(*np_range(subj))) if subj is not None else set()
        if tok.dep_ == "acl" and tok.head.pos_ in {"NOUN", "PROPN"} and tok.head.i < tok.i:
            return set(range(tok.head.left_edge.i, tok.left_edge.i))
        return set()

    def _self_described(self, tok: Token) -> Candidate | None:
        """ "Sanders, a self-described democratic socialist", "is a self-described housewife": the one named
        says so of himself; the words after "self-described" up to the noun are the content, "self" the
        speaker. Not after "the" or another pointer ("the self-described socialist said"), where the phrase only
        refers to someone already known."""
        doc = self.doc
        noun = tok.head
        own = doc[tok.i - 2] if tok.i >= 2 else None
        if own is None or own.lower_ != "self" or doc[tok.i - 1].text != "-" or tok.dep_ != "amod":
            return None
        if noun.i <= tok.i or noun.pos_ not in {"NOUN", "PROPN"}:
            return None
        if any(c.dep_ in {"det", "poss"} and c.lower_ not in {"a", "an"} for c in noun.children):
            return None
        content = set(range(tok.i + 1, noun.i + 1))
        return Candidate(
            cue=[tok.i], head=tok.i, content=content, speaker=(own.i, own.i + 1), speaker_head=own.i, how="object"
        )

    def _main_verb_read_as_amod(self, tok: Token) -> Candidate | None:
        """ "Ruiz defended eminent domain", "In March, Ruiz blasted Acme for its hiring", "Lund, the mayor,
        endorsed Ruiz's plan Saturday": a main verb in the past that the parser read as an adjective on the noun
        after it, leaving the sentence without a verb. The name right before the verb (or, after a comma, the
        sentence's root noun) is the speaker, the rest of the sentence the content."""
        doc = self.doc
        if tok.dep_ != "amod" or tok.tag_ not in {"VBD", "VBN"} or tok.head.i < tok.i:
            return None  # (before reading the sentence, which costs more)
        sent = tok.sent
        root = sent.root
        if tok.i == sent.start:
            return None
        if root.pos_ in {"VERB", "AUX"} or any(
            t.pos_ in {"VERB", "AUX"} and t.dep_ in {"ROOT", "conj"} and t.head.i == root.i and t.i != tok.i
            for t in sent
        ):
            return None
        before = doc[tok.i - 1]
        if before.text == "," and root.i < tok.i and root.pos_ in {"NOUN", "PROPN"}:
            subj = root
            speaker = speaker_range(root)
        elif before.pos_ == "PROPN" or (before.pos_ == "NOUN" and before.i == root.i):
            lo = tok.i - 1
            while lo > sent.start and doc[lo - 1].pos_ in {"PROPN", before.pos_}:
                lo -= 1
            subj, speaker = before, (lo, tok.i)
        else:
            return None
        if speaker[1] > tok.i:
            speaker = (speaker[0], tok.i - 1 if before.text == "," else tok.i)
        end = sent.end
        comma = next((t.i for t in doc[tok.i + 1 : end - 1] if t.text == "," and doc[t.i + 1].tag_ == "VBG"), None)
        end = comma if comma is not None else end  # "..., saying she ...": a clause of its own
        while end > tok.i + 1 and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        content = self._drop_trailing(set(range(tok.i + 1, end)))
        if not any(doc[i].is_alpha for i in content):
            return None
        return self._read_as_amod(tok, content, speaker, subj.i)

    def _read_as_amod(self, tok: Token, content: set[int], speaker: tuple[int, int], speaker_head: int) -> Candidate:
        """The candidate of a cue verb the parser read as an adjective on its object: the object's phrase is the
        content."""
        return Candidate(
            cue=[tok.i],
            head=tok.i,
            content=trim_edges(self.doc, content),
            speaker=speaker,
            speaker_head=speaker_head,
            how="object",
        )

    def _participle_read_as_amod(self, tok: Token) -> Candidate | None:
        """ "super PACs supporting the senator", "those over 45 supporting Lund": a stance participle after a noun
        that the parser read as an adjective on its object ("supporting | the senator"), where "a supporting role"
        has a determiner or adjective before it and "his belittling tone" a possessive. The noun phrase before the
        participle is the speaker, the object's phrase the content."""
        doc = self.doc
        obj = tok.head
        if tok.dep_ != "amod" or tok.tag_ != "VBG" or obj.i < tok.i or tok.i == tok.sent.start:
            return None
        before = doc[tok.i - 1]
        if before.pos_ not in {"NOUN", "PROPN", "PRON", "NUM"} and before.lower_ not in self.lex.participle_holders:
            return None
        if before.dep_ == "poss":
            return None  # "his belittling treatment of X": an adjective on his treatment
        holder = before
        while holder.dep_ in {"pobj", "prep", "nummod", "compound", "nmod"} and holder.head.i < tok.i:
            holder = holder.head
        speaker = speaker_range(holder)
        if holder.head.i == obj.i:  # "those over 45 supporting Lund": the holder's words read into the object
            speaker = (min(c.left_edge.i for c in obj.children if c.i < tok.i), tok.i)
        after = [c.right_edge.i for c in obj.children if c.i > obj.i and c.dep_ in {"prep", "compound"}]
        content = set(range(tok.i + 1, max([obj.i, *after]) + 1))
        return self._read_as_amod(tok, content, speaker, holder.i)

    def _topic_to_say(self, tok: Token) -> Candidate | None:
        """ "Lund had nothing kind to say about the mayor", "has more to say about it": what the holder of
        "have" would say is of the "about" phrase's object (the content; "about" goes with the cue). The
        parser hangs the infinitive on the object or, beside it, on "have"."""
        if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children):
            return None
        have = tok.head.head if tok.dep_ == "relcl" and tok.head.dep_ == "dobj" else tok.head
        if tok.dep_ not in {"relcl", "xcomp"} or have.lemma_ != "have":
            return None
        if not any(c.dep_ == "dobj" and c.i < tok.i for c in have.children):
            return None
        about = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "about" and c.i > tok.i), None)
        topic = first_child(about, "pobj") if about is not None else None
        holder = first_child(have, "nsubj")
        if about is None or topic is None or holder is None:
            return None
        content = trim_edges(self.doc, {i for i in subtree_ids(topic) if self.para_of[i] == self.para_of[tok.i]})
        return Candidate.held_by(
            cue=[tok.i, about.i],
            head=tok.i,
            content=content,
            holder=holder,
            how="prep",
        )

    def _written_topic(self, tok: Token) -> Candidate | None:
        """ "Lund wrote an op-ed on | farm debt", "penned a column about | the mayor": a piece of writing
        (``document_nouns``) with an "on"/"about" phrase; the content is the phrase's object, the cue the verb
        and the preposition (the document goes with the cue)."""
        doc_obj = next(
            (
                c
                for c in tok.children
                if c.dep_ == "dobj" and c.i > tok.i and self._document_word(c) in self.lex.document_nouns
            ),
            None,
        )
        holder = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if doc_obj is None or holder is None:
            return None
        prep = prep_after([doc_obj, tok], {"on", "about"}, doc_obj.i)
        topic = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None) if prep is not None else None
        if prep is None or topic is None:
            return None
        content = trim_edges(self.doc, {i for i in subtree_ids(topic) if self.para_of[i] == self.para_of[tok.i]})
        return Candidate.held_by(cue=[tok.i, prep.i], head=tok.i, content=content, holder=holder, how="prep")

    def _document_word(self, noun: Token) -> str:
        """The noun's lemma, with a hyphenated head joined back ("op-ed", which the tokenizer splits)."""
        if noun.i >= 2 and self.doc[noun.i - 1].text == "-":
            return self.doc[noun.i - 2 : noun.i + 1].text.lower()
        return noun.lemma_.lower()

    def closing_verb_read_as_noun(self, tok: Token) -> Candidate | None:
        """ "S, campaign records show." / "S, records show, and ...": a closing report verb that the tagger
        read as a noun, after a comma and a few words of its subject and before the clause's end. The
        content is the sentence up to the comma, the speaker the words between the comma and the verb."""
        doc = self.doc
        word = tok.lower_[:-1] if tok.tag_ == "NNS" else tok.lower_
        if tok.tag_ not in {"NN", "NNS"} or not self.lex.classes.get(word, set()) & {"speech", "write", "evidence"}:
            return None
        if tok.i + 1 >= len(doc) or doc[tok.i + 1].text not in {".", ",", ";"}:
            return None
        comma = tok.i - 1
        while comma >= 0 and doc[comma].pos_ in {"NOUN", "PROPN", "ADJ", "CCONJ", "DET"} and tok.i - comma < 7:
            comma -= 1
        if comma < 1 or doc[comma].text != "," or comma == tok.i - 1 or doc[tok.i - 1].pos_ not in {"NOUN", "PROPN"}:
            return None
        if doc[comma - 1].pos_ == "ADJ":
            return None  # "in smaller, whiter states.": a list of adjectives before a noun
        return self._closing_clause(tok, comma, tok.i - 1)

    def root_verb_read_as_noun(self, tok: Token) -> Candidate | None:
        """ "Trump predicts that ...", "Some view the nomination as a takeover", "The candidate plans to ...": a
        cue verb that the tagger read as the sentence's root noun, with a clause, infinitive or object after it.
        The speaker is the subject's words before it (a noun, pronoun or a determiner that stands alone,
        ``subject_determiners``), the content what the parser hung after it (not an adverbial clause)."""
        if tok.tag_ not in {"NN", "NNS"} or tok.dep_ != "ROOT":
            return None
        if not self.lex.classes.get(self.lex.lemma(tok)):
            return None
        left = [c for c in tok.children if c.i < tok.i and c.dep_ in NOUN_ROOT_SUBJECT_DEPS]
        nouns = [c for c in left if c.pos_ in {"NOUN", "PROPN", "PRON"}]
        alone = len(left) == 1 and left[0].lower_ in self.lex.subject_determiners
        if not nouns and not alone:
            return None
        right = [c for c in tok.children if c.i > tok.i and c.dep_ in NOUN_ROOT_CONTENT_DEPS]
        if not any(c.dep_ in {"dobj", "ccomp", "xcomp"} for c in right):
            return None
        content: set[int] = set()
        for c in right:
            content |= subtree_ids(c)
        content = trim_edges(self.doc, self._drop_trailing(content))
        start = min(c.left_edge.i for c in left)
        if not content or any(self.para_of[i] != self.para_of[tok.i] for i in (start, max(content))):
            return None
        how = "clause" if any(c.dep_ == "ccomp" for c in right) else "object"
        return Candidate(
            cue=[tok.i],
            head=tok.i,
            content=content,
            speaker=(start, tok.i),
            speaker_head=(nouns or left)[-1].i,
            how=how,
        )

    def closing_finding(self, tok: Token) -> Candidate | None:
        """ "S, records compiled by the watchdog show." / "S, fundraising documents show.": a closing evidence
        verb that the parser hung inside the clause before it or on a word of its own subject (a relative
        clause, a conjunct, a noun). The words between the comma and the verb are a subject naming a record
        or a poll (``record_nouns``, ``source_nouns``); the content is the sentence up to the comma."""
        doc = self.doc
        sent = self.sents[self.sent_of[tok.i]]
        if tok.i + 1 < sent.end and self.orth_ids[tok.i + 1] not in CLOSING_STOP_IDS:
            return None  # checked first, on the doc's array: it rules out nearly every word, cheaply
        if "evidence" not in self.lex.classes.get(self.lex.lemma(tok), set()) or tok.lower_.endswith("ing"):
            return None
        comma = tok.i - 1
        while comma > sent.start and doc[comma].text != "," and tok.i - comma < 16:
            if not self._record_subject_word(doc[comma]):
                return None
            comma -= 1
        if doc[comma].text != "," or comma == tok.i - 1 or doc[tok.i - 1].pos_ not in {"NOUN", "PROPN"}:
            return None
        holder = next((i for i in range(comma + 1, tok.i) if self._names_record(doc[i])), None)
        return None if holder is None else self._closing_clause(tok, comma, holder)

    def _closing_clause(self, tok: Token, comma: int, holder: int) -> Candidate | None:
        """A closing cue's quotation: the words of its sentence and paragraph before ``comma`` (when they hold
        a clause) reported by the words from the comma to the cue, ``holder`` their head."""
        doc = self.doc
        para = self.para_of[tok.i]
        start = self.sents[self.sent_of[tok.i]].start
        content = {i for i in range(start, comma) if self.para_of[i] == para and not doc[i].is_space}
        if not self.holds_clause(content):
            return None
        return Candidate(
            cue=[tok.i],
            head=tok.i,
            content=trim_edges(doc, content),
            speaker=(comma + 1, tok.i),
            speaker_head=holder,
            how="clause",
        )

    @staticmethod
    def _record_subject_word(tok: Token) -> bool:
        """Whether ``tok`` can stand in a closing finding's subject: a noun phrase with its modifiers, "by" and
        "for" phrases and a participle ("records compiled by the Harbor Civic League")."""
        if tok.pos_ in {"NOUN", "PROPN", "ADJ", "CCONJ", "DET", "ADP", "NUM", "PART"}:
            return True
        return tok.tag_ in {"VBN", "VBG", "POS", "HYPH"} or tok.text in {"-", "/", "&"}

    def _subjectless_opener(self, tok: Token) -> bool:
        """Whether the cue is a past or non-third-person form that opens its sentence as its root without a
        subject: a label or a teaser ("Revealed: the donors ...", "Declared Candidates", "Want more news?"). Not
        a third-person form, whose subject the writer left out of a list of someone's deeds ("Calls rivals
        names."), nor a bare imperative (for a naming verb, ``_narrators_naming``)."""
        if tok.tag_ not in {"VBD", "VBN", "VBP"} or tok.dep_ != "ROOT":
            return False
        if any(c.dep_ in SUBJ_DEPS | {"agent"} for c in tok.children):
            return False
        return _opens_its_sentence(tok)

    def _narrators_naming(self, tok: Token) -> bool:
        """Whether the cue is a naming verb (``naming_verbs``) as a bare imperative opening its sentence ("Call
        it viral fundraising.", "Call it a comeback."): the narrator's name for what was just told, no one
        else's words. Its object is a pronoun: "Call the GOP's bluff" is the writer's demand."""
        if self.lex.lemma(tok) not in self.lex.naming_verbs or tok.tag_ != "VB" or tok.dep_ != "ROOT":
            return False
        if any(c.dep_ in SUBJ_DEPS or c.dep_ in {"aux", "neg"} for c in tok.children):
            return False
        if not any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in tok.children):
            return False
        return _opens_its_sentence(tok)

    def _narrators_hedge(self, tok: Token) -> bool:
        """Whether the cue is one of the lexicon's ``hedge_verbs`` as a bare "to" infinitive after an adjective
        whose subject is an empty "it" ("it's fair to say ...", "it is too soon to say whether ...", "it is
        important to remember that ..."): no one in the text says or remembers it; the narrator hedges. Not
        with a "for" subject ("it is rare for a justice to say ..."). Other verbs there ("it is hard to
        imagine ...") the annotators mark about half the time."""
        if self.lex.lemma(tok) not in self.lex.hedge_verbs or tok.dep_ not in {"xcomp", "advcl"}:
            return False
        if not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            return False
        if any(c.dep_ in SUBJ_DEPS or (c.dep_ == "mark" and c.lower_ == "for") for c in tok.children):
            return False
        head = tok.head
        if head.pos_ in {"ADJ", "ADV"} and head.dep_ in {"acomp", "advmod"}:
            head = head.head
        if head.lemma_ != "be" or not any(
            c.pos_ in {"ADJ", "ADV"} and c.dep_ in {"acomp", "advmod"} for c in head.children
        ):
            return False
        return any(c.dep_ in {"nsubj", "expl"} and c.lower_ == "it" for c in head.children)

    def _contributed(self, tok: Token) -> bool:
        """Whether the cue is the infinitive of one of the lexicon's ``contributing_verbs`` ("the drop in prices
        helps explain why ...", "turnout will help determine who wins", "she helped persuade him to run"): what
        the subject helps bring about, not a report of anyone's words or views."""
        return tok.dep_ == "xcomp" and self.lex.lemma(tok.head) in self.lex.contributing_verbs

    def _possible_stance(self, tok: Token) -> bool:
        """Whether the cue is one of the lexicon's ``possible_stances`` as the infinitive of a word of
        ``possibility_words`` ("delegates free to back any candidate", "farmers likely to back the levy",
        "they tend to vote Democratic"): a stance its subject may or tends to take, not one anyone states."""
        if self.lex.lemma(tok) not in self.lex.possible_stances or tok.dep_ not in {"xcomp", "advcl"}:
            return False
        return tok.head.lower_ in self.lex.possibility_words or self.lex.lemma(tok.head) in self.lex.possibility_words

    def _said_as_connective(self, tok: Token) -> bool:
        """Whether "said" is part of the connective "That said," / "That being said," / "Having said that,"
        that opens a sentence (after "But" or "And" at most): the narrator's "even so"."""
        doc = self.doc
        if tok.lower_ != "said" or tok.i == 0 or self.lower_ids[tok.i - 1] not in CONNECTIVE_LAST_IDS:
            return False  # (the word before "said" ends the connective: checked first, on the doc's array)
        before = [t.lower_ for t in doc[tok.sent.start : tok.i]]
        while before and before[0] in {"but", "and", "still", "yet"}:
            before = before[1:]
        after = [t.lower_ for t in doc[tok.i + 1 : tok.i + 3]]
        if before in (["that"], ["that", "being"]):
            return after[:1] == [","]
        return before == ["having"] and after == ["that", ","]

    @staticmethod
    def _relative_passive_view(tok: Token) -> bool:
        """Whether a regard verb is a passive without a "by" agent whose subject is a relative pronoun ("the
        senator, who is seen as a moderate", "whose bid was widely seen as a long shot", "what was considered
        a sham"): the narrator describing the antecedent, which annotators do not read as anyone's view."""
        if tok.tag_ != "VBN" or any(t.lower_ == "by" and t.dep_ in {"agent", "prep"} for t in tok.subtree):
            return False  # "seen as a gamble by analysts", the agent perhaps parsed into the complement
        patient = first_child(tok, "nsubjpass")
        if patient is None or passive_aux(tok) is None:
            return False
        return patient.tag_ in {"WDT", "WP"} or any(c.tag_ == "WP$" for c in patient.children)

    def _convened(self, tok: Token) -> bool:
        """Whether the cue word's object is something it convenes or sets off (``convened_objects``: "called an
        election", "called a strike")."""
        objects = self.lex.convened_objects.get(self.lex.lemma(tok))
        if not objects:
            return False
        comps = [c for c in tok.children if c.dep_ in {"dobj", "oprd", "xcomp", "ccomp", "attr"}]
        # "called his vote a mistake", "called the election “a citizenship election”": a judgement
        if len(comps) != 1:
            return False
        head = comps[0]
        if head.dep_ not in {"dobj", "oprd"} or head.pos_ == "VERB":
            return False
        if head.pos_ != "NOUN":
            # "calls surprise July election", misparsed: the last noun of the complement's words
            head = next((t for t in reversed(list(head.subtree)) if t.pos_ == "NOUN"), head)
        return head.lemma_.lower() in objects

    def _undared(self, tok: Token) -> bool:
        """Whether a verb of ``dare_verbs`` lacks an object with a "to" infinitive or a phrase of its prepositions, not
        of a day or time ("challenged Lee to a debate", "challenged him to explain", "hit her on trade"; not "is
        challenging the incumbent", "hit the trail for the first time", "hits home")."""
        preps = self.lex.dare_verbs.get(self.lex.lemma(tok))
        if preps is None:
            return False
        objects = [c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i]
        if not objects:
            return True
        for h in [tok, *objects]:
            for c in h.children:
                if c.i > tok.i and c.dep_ == "xcomp" and c.left_edge.lower_ == "to":
                    return False
                if c.i > tok.i and c.dep_ == "prep" and c.lower_ in preps and not self._dated(c):
                    return False
        return True

    @staticmethod
    def _dated(prep: Token) -> bool:
        """Whether a prepositional phrase names a day or a time ("on Aug. 5", "for the first time")."""
        heads = [c for c in prep.children if c.dep_ == "pobj"]
        words = heads + [c for h in heads for c in h.children if c.dep_ in {"compound", "amod", "nummod", "det"}]
        return any(t.ent_type_ in {"DATE", "TIME"} or t.lower_ == "time" for t in words)

    def _act_of_force(self, tok: Token) -> bool:
        """Whether a force verb is done by an armed actor or to a place (see ``force_verbs``)."""
        for c in tok.children:
            if c.dep_ in {"dobj", "nsubjpass"} and c.ent_type_ in {"GPE", "LOC", "FAC"}:
                return True
            if c.dep_ in {"nsubj", "agent"}:
                words = subtree_ids(c)
                lo, hi = self.doc[min(words)].idx, self.doc[max(words)].idx + len(self.doc[max(words)])
                if any(a.agent in ARMED_AGENTS and lo <= a.start < hi for a in self.analysis.actors):
                    return True
        return False

    def _named_then_quoted(self, comp: Token) -> bool:
        """ "called Rutte “The Bookkeeper of Europe”": words, then an opening quotation mark, in one complement
        (the parser's one phrase for two); not 'a group called “Fair Votes”'."""
        words = sorted(subtree_ids(comp))
        return any(self.doc[i].is_quote and self.doc[i].is_left_punct and i > words[0] for i in words)

    def _quoted_as(self, tok: Token) -> Token | None:
        """The "saying" of "X was quoted as saying", "the paper quoted X as saying"; None elsewhere."""
        if self.lex.lemma(tok) != "quote":
            return None
        for c in tok.children:
            if c.dep_ == "prep" and c.lower_ == "as" and c.i > tok.i:
                verb = next((g for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG"), None)
                if verb is not None and self.lex.cue_classes(verb) & {"speech", "write"}:
                    return verb
        return None

    def _quoted_as_saying(self, tok: Token, saying: Token) -> Candidate | None:
        """ "X was quoted as saying (that) ...", "the paper quoted X as saying ...": X is the speaker (the
        passive's subject, the active's object), the content is what "saying" takes, or the clause before
        the cue ('“...,” X is quoted as saying.'), or nothing, for a quotation beside it."""
        passive = passive_aux(tok) is not None
        holder = next((c for c in tok.children if c.dep_ == ("nsubjpass" if passive else "dobj")), None)
        if holder is None:
            return None
        content: set[int] = set()
        for verb in (saying, tok):
            deps = CONTENT_CLAUSE_DEPS | ({"xcomp", "dobj"} if verb is saying else set())
            for c in verb.children:
                if c.dep_ in deps and c.i != holder.i and not self._own_report(c, verb):
                    content |= subtree_ids(c)
            if content:
                break
        content = trim_edges(self.doc, self.settled(tok, content, trailing=True))
        cand = Candidate.held_by(
            cue=[tok.i, saying.head.i, saying.i],
            head=tok.i,
            content=content,
            holder=holder,
            confidence=0.8,
            how="clause",
        )
        outlet = self._agent(tok) if passive else first_child(tok, "nsubj")
        if outlet is not None:  # "the paper quoted X as saying": the paper reports X's words
            cand.parent = Candidate.held_by(
                cue=[tok.i],
                head=tok.i,
                content=set(),
                holder=outlet,
                dropped=True,
            )
        return cand

    def _phone_call(self, tok: Token, r: _Reading) -> bool:
        """ "Obama called Abedini", "she called him on Tuesday", "called both candidates Tuesday night": a
        call to a person or to a plain noun phrase, with nothing said of them (no "a liar", no "for", no
        "into question", no "attention to"), is a telephone call."""
        if self.lex.lemma(tok) != "call" or not r.content:
            return False
        nominals = [c for c in tok.children if c.i > tok.i and c.dep_ in {"dobj", "oprd", "dative", "attr"}]
        if len(nominals) != 1:
            return False
        obj = nominals[0]
        person = obj.pos_ == "PROPN" or (obj.pos_ == "PRON" and obj.lower_ in {"him", "her", "them", "me", "us"})
        if any(self.in_region(self.doc[i]) for i in r.content):
            return False  # 'called Meloni “The Queen of the Right”': what was said of her
        return (person or self._plain_callee(tok, obj)) and r.content <= subtree_ids(obj)

    def _plain_callee(self, tok: Token, obj: Token) -> bool:
        """A noun object with nothing that could be said of it: only its determiners and modifiers ("both
        candidates", "major fundraisers himself"; not a possessor's, "called the Republicans' bluff"), and no
        "into", "to", "for" or "as" or particle on the cue ("called into question his record", "called attention
        to", "called out the protesters")."""
        if obj.pos_ != "NOUN" or obj.dep_ != "dobj":
            return False
        if any(c.dep_ == "prt" or (c.dep_ == "prep" and c.lower_ in self.lex.call_senses) for c in tok.children):
            return False  # "called out the protesters": a rebuke
        plain = {"det", "amod", "compound", "nummod", "predet", "quantmod", "advmod"}
        return all(
            t.i == obj.i or t.dep_ in plain or (t.dep_ == "appos" and t.lower_.endswith(("self", "selves")))
            for t in obj.subtree
        )

    def _clause_and_infinitive(self, tok: Token, classes: set[str], r: _Reading) -> None:
        """The cue's complement clause ("said (that) ...") and its infinitive ("vowed to ...")."""
        if classes & CLAUSE_CLASSES:
            for c in tok.children:
                clause = c.dep_ in CONTENT_CLAUSE_DEPS or (c.dep_ == "parataxis" and c.i > tok.i)
                first = c.left_edge
                if first.dep_ == "mark" and first.head.i == c.i and first.lower_ in ADVERBIAL_MARKS:
                    continue  # '“A,” Moreau said, as the crew packed up': an adverbial clause read as ccomp
                if clause and _relative_subject(c, tok):
                    continue  # '"...," said X, who remembered ...': a relative clause of the subject read as ccomp
                if self._closing_parataxis(c):
                    continue  # "X agreed to a ceasefire, Biden said, after ...": the cue that closes the report
                if self._apposition_read_as_clause(tok, c):
                    continue  # "said A — a proposal he has raised before": the narrator's description of A
                subj = self._subject_read_as_clause(tok, c) if clause else None
                if subj is not None:
                    r.closing_subject = subj  # "X is fine, say officials close to the talks"
                    continue
                inverted = self._inverted_at_root(tok, c) if clause and classes & {"speech", "write"} else None
                if inverted is not None:
                    subj, lead = inverted  # "The plan, said Lund, was sound": Lund speaks of the plan
                    r.closing_subject = subj
                    r.take((subtree_ids(c) - subtree_ids(subj)) | subtree_ids(lead), "clause")
                    continue
                if clause and not self._own_report(c, tok):
                    r.take(subtree_ids(c) - self._time_of_saying(tok, c), "clause")
                    r.content |= self._object_as_subject(tok, c)
            after = [c for c in tok.children if c.dep_ in CONTENT_CLAUSE_DEPS and c.i > tok.i]
            that = any(c.left_edge.lower_ == "that" and c.left_edge.dep_ == "mark" for c in after)
            # (or an object: "Nothing about this is new: the militia declared war on the government")
            objects = [c for c in tok.children if c.dep_ in {"dobj", "attr", "oprd"} and c.i > tok.i]
            for c in tok.children:
                # "It's funny to watch Romney, who ..., suddenly insist that X": a clause before the cue that
                # the parser also made its complement is the narrator's when a that-clause follows the cue,
                # or any clause after a colon ("Trump cites the crowds as an example: He says X")
                if c.dep_ not in CONTENT_CLAUSE_DEPS or c.i > tok.i:
                    continue
                if (after and that) or ((after or objects) and self._colon_between(c, tok)):
                    r.content -= subtree_ids(c)
            if not r.content:  # "reported that the decision ... was made": a that-clause read as an object
                for c in tok.children:
                    first = c.left_edge
                    if c.dep_ == "dobj" and first.lower_ == "that" and first.dep_ == "mark" and first.head.i == c.i:
                        r.take(subtree_ids(c), "clause")
        infinitive: set[int] = set()
        if classes & {"intention", "ask", "speech", "evaluation", "cognition"}:
            for c in tok.children:
                if c.dep_ == "xcomp" and c.i > tok.i and not self._after_phrase(tok, c) and not self.asked_of(c):
                    ids = self.before_own_conjunct(c)
                    infinitive |= ids
                    r.take(ids, "xcomp")
                    self._addressee_of_request(tok, c, r)
        self._narrators_clause_before(tok, r)
        if r.how == "clause" and r.content and r.content <= infinitive:
            r.how = "xcomp"  # the clause read first was the narrator's and left: the content is the infinitive

    def _addressee_of_request(self, tok: Token, xcomp: Token, r: _Reading) -> None:
        """ "called on the council to act": the person asked, in the phrase of a ``prep_control`` verb between
        the cue and its infinitive, is part of the request (as after "urged the council to act"); the
        preposition goes with the cue."""
        for c in tok.children:
            if c.dep_ != "prep" or not tok.i < c.i < xcomp.i:
                continue
            if (self.lex.lemma(tok), c.lower_) not in self.lex.prep_control:
                continue
            pobj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if pobj is not None and pobj.right_edge.i < xcomp.left_edge.i:
                r.content |= subtree_ids(pobj)
                r.cue_extra.append(c.i)
            return

    def _narrators_clause_before(self, tok: Token, r: _Reading) -> None:
        """ "The board met twice, and the chair said it would vote soon": a clause before the cue's subject that
        the parser made the cue's complement too is the narrator's when the cue has its own clause or
        infinitive right after it, not set off by a comma or colon ("..., he said, ..." is a parenthetical
        cue, whose clause runs on on both sides). Not in a sentence with quotation marks, where the quotation
        decides. Without a subject, such a clause may hold the cue's subject (see
        :meth:`_subject_read_into_clause`)."""
        if not r.content or max(r.content) < tok.i or tok.i + 1 >= len(self.doc):
            return
        if self.doc[tok.i + 1].text in {",", ":"}:
            return
        subj = next((c for c in tok.lefts if c.dep_ in SUBJ_DEPS), None)
        own = any(
            c.i > tok.i
            and (
                (c.dep_ == "ccomp" and any(m.dep_ in SUBJ_DEPS for m in c.lefts))
                or (c.dep_ == "xcomp" and c.left_edge.lower_ in {"to", "not"})
            )
            for c in tok.children
        )
        if not own or any(t.is_quote or t.text in {"''", "``"} for t in self.sents[self.sent_of[tok.i]]):
            return
        for c in tok.children:
            if c.dep_ not in CONTENT_CLAUSE_DEPS or c.i > (tok.i if subj is None else subj.i):
                continue
            if subj is not None:
                r.content -= subtree_ids(c)
                continue
            speaker = self._subject_read_into_clause(tok, c)
            if speaker is not None:
                r.content -= subtree_ids(c)
                r.closing_subject = speaker

    def _apposition_read_as_clause(self, tok: Token, c: Token) -> bool:
        """A noun phrase opened by "a", "an" or "the" after a comma or dash, which the parser hung on the cue as a
        second complement after its clause ("said he would not rule it out — a proposal he has floated before",
        "..., a swipe at his rival"): the narrator's description of what was said, not part of it (not a list)."""
        if c.dep_ != "ccomp" or c.pos_ not in {"NOUN", "PROPN"} or c.i < tok.i:
            return False
        if not narrators_description(c) or self.doc[c.left_edge.i - 1].text not in {",", *DASHES}:
            return False
        return any(g.dep_ == "ccomp" and g.pos_ in {"VERB", "AUX"} and tok.i < g.i < c.i for g in tok.children)

    def _subject_read_into_clause(self, tok: Token, clause: Token) -> Token | None:
        """ "Okafor, who chaired the panel and opposed the plan, last week said ...": a cue without a subject
        after a clause the parser made its complement, which opens with a noun subject and ends in a comma
        followed by no verb before the cue; that subject is the cue's own (the parser joined the last verb
        of its relative clause to it). The subject, or None."""
        subj = next((m for m in clause.lefts if m.dep_ == "nsubj"), None)
        if subj is None or subj.left_edge.i != clause.left_edge.i or subj.pos_ not in {"PROPN", "NOUN"}:
            return None
        between = list(self.doc[clause.right_edge.i + 1 : tok.i])
        if not between or between[0].text != "," or any(t.pos_ in {"VERB", "AUX"} for t in between):
            return None
        return subj

    def _closing_parataxis(self, c: Token) -> bool:
        """A speech cue with a subject and nothing to report after it, hung on the verb it closes: "X agreed to a
        ceasefire, Biden said, after ..." (not "I hope America says, "...": that cue has a quotation of its own)."""
        if c.dep_ != "parataxis" or "speech" not in self.lex.cue_classes(c):
            return False
        if not any(g.dep_ in SUBJ_DEPS for g in c.children):
            return False
        if any(g.dep_ in CONTENT_CLAUSE_DEPS | {"dobj"} and g.i > c.i for g in c.children):
            return False
        after = self.doc[c.i + 1 : c.i + 3]
        return not any(t.is_quote for t in after)

    def _subject_read_as_clause(self, tok: Token, clause: Token) -> Token | None:
        """ "The plan works, say officials close to the talks": after a closing cue with its content before it,
        the parser may read the subject and an adjective after it as a second clause ("officials | close");
        the clause's subject is the speaker. So is the subject of any clause right after a cue without a
        subject of its own ('“...,” said Ana Lund, asked about the plan': "Lund | asked")."""
        if clause.i < tok.i or tok.i + 1 >= len(self.doc):
            return None
        if clause.pos_ != "ADJ" and (any(c.dep_ in SUBJ_DEPS for c in tok.children) or not self._after_quotation(tok)):
            return None
        if not any(c.dep_ in CONTENT_CLAUSE_DEPS and c.i < tok.i for c in tok.children):
            return None
        subj = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
        if subj is None or subj.left_edge.i != tok.i + 1 or subj.pos_ not in {"NOUN", "PROPN"}:
            return None
        return subj

    def _inverted_at_root(self, tok: Token, clause: Token) -> tuple[Token, Token] | None:
        """The speaker and the clause's own subject of a cue set between them with its speaker after it, which the
        parser read as the sentence's root ("The levy, said Ana Lund, an economist, would hurt farmers": "levy"
        the cue's subject, "Lund" the clause's): the noun right after the cue, set off by commas, speaks, and
        the bare subject before the cue (a comma its only follower, none inside it) begins the clause."""
        if tok.dep_ != "ROOT" or tok.tag_ not in FINITE or clause.dep_ != "ccomp" or clause.i < tok.i:
            return None
        lead = next((c for c in tok.children if c.dep_ in SUBJ_DEPS and c.i < tok.i), None)
        if lead is None or self.doc[tok.i - 1].text != "," or lead.right_edge.i not in {tok.i - 2, tok.i - 1}:
            return None
        if any(t.is_punct for t in self.doc[lead.left_edge.i : tok.i - 1]):
            return None  # "Lee, the mayor, said Kim ...": a subject with an apposition says it in order
        subj = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
        if subj is None or subj.left_edge.i != tok.i + 1 or subj.pos_ not in {"NOUN", "PROPN"}:
            return None
        end = subj.right_edge.i if self.doc[subj.right_edge.i].text == "," else subj.right_edge.i + 1
        if end >= clause.i or self.doc[end].text != ",":
            return None
        return subj, lead

    def _after_quotation(self, tok: Token) -> bool:
        """Whether the cue follows a closing quotation mark, with a comma between or not ('“...,” said X')."""
        before = [self.doc[i] for i in (tok.i - 1, tok.i - 2) if i >= 0]
        return any(t.i in self._quote_tokens and self.in_region(t) for t in before)

    def _colon_between(self, clause: Token, tok: Token) -> bool:
        """Whether a colon outside quotation marks ends ``clause`` before the cue ``tok``."""
        return any(t.text == ":" and not self.in_region(t) for t in self.doc[clause.right_edge.i : tok.i])

    def _object_as_subject(self, tok: Token, clause: Token) -> set[int]:
        """ "residents hoped the hearing, requested by X, would end ...": the parser read the clause's
        subject as the cue's object and left the finite clause after it without one; the object goes with
        the clause."""
        if clause.dep_ != "ccomp" or clause.i < tok.i or self.lex.lemma(tok) in self.lex.addressee_verbs:
            return set()  # "told me he had ...": the object is the person told
        if any(c.dep_ in SUBJ_DEPS | {"expl", "mark"} and c.tag_ != "VBN" for c in clause.children):
            return set()  # a participle read as the subject ("the meeting, requested by X, would") is no subject
        finite = clause.tag_ in {"VBD", "VBZ", "VBP", "MD"} or any(
            c.dep_ == "aux" and c.tag_ in {"MD", "VBD", "VBZ", "VBP"} for c in clause.children
        )
        obj = next((c for c in tok.children if c.dep_ == "dobj" and tok.i < c.i < clause.i), None)
        if not finite or obj is None or obj.lower_ in WH_OBJECTS:
            return set()
        return set(range(obj.left_edge.i, clause.left_edge.i)) | subtree_ids(obj)

    def _objects(self, tok: Token, r: _Reading) -> None:
        """The cue's objects, less the person spoken to (the addressee) after an addressee verb."""
        lex = self.lex
        objects = [
            c
            for c in tok.children
            if (c.i > tok.i and (c.dep_ in {"dobj", "dative"} or (c.dep_ == "intj" and c.lower_ in {"yes", "no"})))
            or (c.dep_ == "dobj" and c.lower_ in WH_OBJECTS)  # "what officials called a crime"
        ]
        for c in list(objects):
            nxt = self.doc[c.i + 1] if c.i + 1 < len(self.doc) else None
            if c.lower_ == "her" and nxt is not None and nxt.head.i == tok.i and nxt.pos_ == "NOUN":
                objects.append(nxt)  # "tweeted her thanks": the parser split the possessive from its noun
        inverted = self._inverted_subject(tok)  # '“Why?” asked the senator': the speaker, not an object
        objects = [o for o in objects if inverted is None or o.i != inverted.i]
        lemma = lex.lemma(tok)
        if lemma in lex.addressee_verbs:
            for c in objects:
                if self._said_object(tok, c):
                    continue  # "told the story of ...": what was told, not the one told
                if c.pos_ in {"PROPN", "PRON", "NOUN"} and not (r.content and c.i in r.content):
                    r.addressee = np_range(c)
                    break
            if not r.content:
                self._topic_of_addressee(tok, r)
            addressee = r.addressee
            objects = [o for o in objects if addressee is None or not (addressee[0] <= o.i < addressee[1])]
            if addressee is not None and r.how == "xcomp" and lemma in lex.object_control:
                r.content |= set(range(*addressee))  # "urged the party to act": the request is "the party to act"
        r.objects = objects

    def _topic_of_addressee(self, tok: Token, r: _Reading) -> None:
        """ "reminded voters of his record", "told reporters about the deal": the parser hangs the phrase of what
        was said on the person spoken to; it is the content, and the addressee ends before it ("of" only after
        the verbs of ``topic_of_verbs``, since "told members of Congress" names the addressee)."""
        if r.addressee is None:
            return
        lo, hi = r.addressee
        for t in self.doc[lo:hi]:
            if t.dep_ != "prep" or t.head.dep_ not in {"dobj", "dative"} or t.head.head.i != tok.i or t.i < t.head.i:
                continue
            topic = t.lower_ == "about" or (t.lower_ == "of" and self.lex.lemma(tok) in self.lex.topic_of_verbs)
            if topic and t.right_edge.i + 1 >= hi and not self.in_region(t):
                r.addressee = (lo, t.i)
                r.take(subtree_ids(t), "prep")
            return

    def _question_and_raising(self, tok: Token, classes: set[str], r: _Reading) -> None:
        """An "if"/"whether" question after an ask verb; a raising verb's subject and predicate."""
        children = list(tok.children)
        if classes & {"ask"} and not r.content:
            for c in children:
                if c.dep_ == "advcl" and c.i > tok.i and any(m.lower_ in {"if", "whether"} for m in c.children):
                    r.take(subtree_ids(c), "clause")
            hung = set() if r.content else self._question_hung_higher(tok)
            if hung:
                r.take(hung, "clause")
        if classes & {"speech", "cognition"} and not r.content:
            # "have not said when they would vote": an indirect question the parser read as an adverbial ("when"
            # and "where" only after a negated cue: "conceded when polls closed" tells the time)
            negated = any(c.dep_ == "neg" for c in children)
            for c in children:
                first = c.left_edge
                wh = first.lower_ in WH_QUESTION or (negated and first.lower_ in {"when", "where"})
                if c.dep_ == "advcl" and first.i == tok.i + 1 and wh and first.head.i == c.i:
                    r.take(subtree_ids(c), "clause")
            for c in children:
                clause = self._clause_read_as_adverbial(tok, c)
                if clause:
                    r.take(clause, "clause")
                    break
        patient = next((c for c in children if c.dep_ == "nsubjpass"), None)
        to_clause = [c for c in children if c.dep_ == "xcomp" and c.i > tok.i and c.left_edge.lower_ == "to"]
        lemma = self.lex.lemma(tok)
        raising = lemma in self.lex.passive_raising or lemma in self.lex.object_control
        if patient is not None and to_clause and raising and passive_aux(tok) is not None:
            # "the bill is expected to pass", "the state was ordered to release the files"
            r.content = contiguous_subtree(patient) | subtree_ids(to_clause[0])
            r.how = "raising"
        if classes & {"raising"}:
            self._raising(tok, children, r)

    def _felt_state(self, tok: Token, r: _Reading) -> None:
        """A feeling verb with an adjective or participle after it ("voters feel cheated by the deal", "she
        felt ignored"): the state felt is the content; the parser may read "felt" as the participle's
        auxiliary ("felt/aux ignored"), then the participle and what follows it are the content."""
        if r.content or self.lex.lemma(tok) not in self.lex.feeling_verbs:
            return
        if tok.dep_ in {"aux", "auxpass"} and tok.head.tag_ == "VBN" and tok.head.i == tok.i + 1:
            head = tok.head
            r.take(set(range(head.i, head.right_edge.i + 1)), "clause")
            r.closing_subject = next((c for c in head.children if c.dep_ in SUBJ_DEPS and c.i < tok.i), None)
            return
        state = next((c for c in tok.children if c.dep_ == "acomp" and c.i == tok.i + 1), None)
        if state is not None:
            r.take(set(range(state.i, state.right_edge.i + 1)), "clause")

    def _outlook_clause(self, tok: Token, r: _Reading) -> None:
        """ "analysts can see this plan is doomed", "workers may soon see wages rise", "voters have seen their
        incomes fall": an outlook verb's clause with a subject of its own is what its holder sees or has come
        to see. Not in the simple past ("she saw him talking": a sight) nor with a thing or a relative "that"
        as the verb's subject ("a deal that would see him endorse her")."""
        if r.content or self.lex.lemma(tok) not in self.lex.outlook_verbs or tok.tag_ == "VBD":
            return
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if subj is None or subj.lower_ in self.lex.outlook_things or subj.tag_ == "NN":
            return
        clause = next((c for c in tok.children if c.dep_ == "ccomp" and c.i > tok.i), None)
        if clause is None or not any(c.dep_ in SUBJ_DEPS for c in clause.children):
            return
        r.take(subtree_ids(clause), "clause")

    def _raising(self, tok: Token, children: list[Token], r: _Reading) -> None:
        """A raising verb's subject and what is said of it: "the plan seems to work", "he appeared rattled",
        "the returns seemed a warning that ..." (a noun complement the parser reads as an object); the subject
        of the verb it is joined to when it has none ("Lee held a lead and appeared poised to win"). A referring
        "it" is a subject like any other ("it seemed like a hopeless task"); "it appears that S" and "it seems
        likely that S" report the clause, or the adjective and its clause, with no one holding it."""
        if self._raising_read_as_aux(tok, r):
            return
        subj_tok = next((c for c in children if c.dep_ in SUBJ_DEPS and c.i < tok.i), None)
        if subj_tok is None and tok.dep_ == "conj" and not any(c.dep_ == "expl" for c in children):
            subj_tok = self.subject(tok)
        pred = [c for c in children if c.i > tok.i and c.dep_ in {"xcomp", "acomp", "attr", "oprd", "ccomp", "dobj"}]
        pred += [c for c in children if c.i > tok.i and c.dep_ == "prep" and c.lower_ == "like"]
        pred += self._raising_misread_predicate(tok, children)
        if subj_tok is None or not pred or subj_tok.lower_ == "there":
            return
        if self._attitude_state(pred):
            return  # "voters seemed worried about the levy": the adjective's attitude, read there
        if self._comparison(pred):
            return  # "his voice seemed weaker than before": the narrator's measure
        clause = [c for c in pred if c.dep_ in {"ccomp", "advcl"} and c.pos_ in {"VERB", "AUX"}]
        clause += [g for c in pred if c.pos_ == "ADJ" for g in c.children if g.dep_ == "ccomp" and g.i > c.i]
        if subj_tok.lower_ == "it" and clause:
            # "it appears that the caucus was excited", "it seems likely that S", "it seemed like S": no one
            # holds the clause
            held = [c for c in pred if c.dep_ in {"ccomp", "advcl"} and c.pos_ in {"VERB", "AUX"}]
            held = held or [c for c in pred if c.pos_ == "ADJ"]
            r.content = set().union(*(subtree_ids(c) for c in held))
            r.how = "impersonal"
            return
        for c in [subj_tok, *pred]:
            r.content |= subtree_ids(c)
        r.how = "raising"

    def _raising_read_as_aux(self, tok: Token, r: _Reading) -> bool:
        """A raising verb the parser read as the auxiliary of the participle or adjective after it ("the field
        appeared poised to narrow", "he has seemed caught between ...", "Democrats appeared headed for ..."):
        the participle's subject and the participle with what follows it are the content, as for "seemed
        worried"; whether it was found."""
        head = tok.head
        if tok.dep_ not in {"aux", "auxpass"} or head.i <= tok.i or head.tag_ not in {"VBN", "JJ"}:
            return False
        if any(t.pos_ != "ADV" for t in self.doc[tok.i + 1 : head.i]):
            return False
        subj = next((c for c in [*tok.children, *head.children] if c.dep_ in SUBJ_DEPS and c.i < tok.i), None)
        if subj is None or subj.lower_ == "there":
            return False
        r.content = contiguous_subtree(subj) | {i for i in subtree_ids(head) if i > tok.i}
        r.closing_subject = subj
        r.how = "raising"
        return True

    @staticmethod
    def _raising_misread_predicate(tok: Token, children: list[Token]) -> list[Token]:
        """A raising verb's predicate the parser hung on it as an adverbial: a participle or adjective right
        after it ("the team appeared paralyzed"), a comparative with the phrases after it ("the race appears
        closer in Ohio") or an "as if"/"like" clause ("the debate appeared as if it might be ...")."""
        out: list[Token] = []
        for c in children:
            if c.i != tok.i + 1:
                continue
            if c.dep_ == "advcl" and c.tag_ in {"VBN", "JJ"}:
                out.append(c)
            if c.dep_ == "advmod" and c.tag_ in {"RBR", "JJR"}:
                out.append(c)
                out += [p for p in children if p.dep_ == "prep" and p.i == c.right_edge.i + 1]
        for c in children:
            first = c.left_edge
            as_if = first.lower_ == "as" and first.i + 1 < c.i and first.nbor().lower_ == "if"
            if c.dep_ == "advcl" and first.i == tok.i + 1 and (as_if or first.lower_ == "like"):
                out.append(c)
        return out

    def _raising_circumstance(self, content: set[int]) -> set[int]:
        """A raising content without the phrase or clause of time or circumstance that closes it ("Lee appeared
        to be gaining ground | after a strong showing", "the plan seems improbable | given the costs";
        ``raising_circumstances``): the narrator's setting of the impression, not what seemed so."""
        doc = self.doc
        lo, last = min(content), max(content)
        for i in sorted(content):
            t = doc[i]
            if i <= lo + 1 or t.lower_ not in self.lex.raising_circumstances:
                continue
            opens = t.left_edge.i == i and t.right_edge.i >= last if t.dep_ == "prep" else t.head.left_edge.i == i
            if t.dep_ in {"prep", "mark"} and opens and t.head.right_edge.i >= last:
                cut = i - 1 if doc[i - 1].text == "," else i
                return {j for j in content if j < cut}
        return content

    def _comparison(self, pred: list[Token]) -> bool:
        """Whether a raising verb's first predicate is an adjective or phrase of comparison: a comparative
        ("seemed weaker than in 2012") or one under "more", "less" or "as" (``raising_comparisons``: "appeared
        more likely to win", "seem as engaged as ever")."""
        first = min(pred, key=lambda c: c.i)
        if first.dep_ not in {"acomp", "oprd", "attr", "xcomp"}:
            return False
        heads = [first, *(c for c in first.children if c.dep_ in {"acomp", "xcomp"} and c.pos_ == "ADJ")]
        for h in heads:
            if h.pos_ not in {"ADJ", "ADV"} and h.tag_ != "VBN":
                continue
            if h.tag_ in {"JJR", "RBR"}:
                return True
            degree = [c for c in h.children if c.dep_ in {"advmod", "amod"} and c.i < h.i]
            if any(c.lower_ in self.lex.raising_comparisons for c in degree):
                return True
        return False

    def _attitude_state(self, pred: list[Token]) -> bool:
        """Whether a raising verb's only predicate is an attitude adjective with a complement of its own:
        "voters seemed worried about the levy", "the board appeared pleased with the audit". The subject's
        attitude, whose content is the complement (read as an adjective cue), not the whole clause."""
        if len(pred) != 1 or pred[0].dep_ != "acomp" or pred[0].lower_ not in self.lex.attitude_adjectives:
            return False
        return any(c.dep_ in {"prep", "ccomp", "xcomp"} and c.i > pred[0].i for c in pred[0].children)

    def _question_hung_higher(self, tok: Token) -> set[int]:
        """ "when asked in May if he would run, he laughed": an "if"/"whether" question right after the ask
        verb's words that the parser hung on a later verb as its adverbial clause; the question asked (empty
        when there is none)."""
        nxt = tok.right_edge.i + 1
        if nxt >= len(self.doc) or self.doc[nxt].lower_ not in {"if", "whether"}:
            return set()
        mark = self.doc[nxt]
        clause = mark.head
        if mark.dep_ != "mark" or clause.dep_ != "advcl" or clause.left_edge.i != nxt:
            return set()
        if tok.i in subtree_ids(clause):
            return set()
        return subtree_ids(clause)

    @staticmethod
    def _time_of_saying(tok: Token, c: Token) -> set[int]:
        """ "said on Tuesday the talks would resume": a phrase of time right after the cue, before the
        reported clause's subject, that the parser hung on the clause; it dates the saying."""
        subj = next((m for m in c.lefts if m.dep_ in SUBJ_DEPS), None)
        phrase = next((p for p in c.lefts if p.dep_ in {"prep", "npadvmod"} and p.left_edge.i == tok.i + 1), None)
        if subj is None or phrase is None or phrase.i > subj.i:
            return set()
        if not any(t.ent_type_ in {"DATE", "TIME"} for t in phrase.subtree):
            return set()
        return subtree_ids(phrase)

    @staticmethod
    def _clause_read_as_adverbial(tok: Token, c: Token) -> set[int]:
        """ "said after the meeting he would not accept it": a reported clause with a subject of its own and
        no conjunction, that the parser read as an adverbial clause because a phrase of time came first. The
        clause without that phrase (the time of the saying), or nothing."""
        if c.dep_ != "advcl" or c.i < tok.i or not (c.tag_ in FINITE or any(a.dep_ == "aux" for a in c.lefts)):
            return set()
        if any(m.dep_ == "mark" or m.lower_ in WH_QUESTION for m in c.lefts):
            return set()
        subj = next((m for m in c.lefts if m.dep_ in SUBJ_DEPS), None)
        phrase = next((p for p in c.lefts if p.dep_ == "prep"), None)
        if subj is None or phrase is None or phrase.i > subj.i or phrase.left_edge.i != c.left_edge.i:
            return set()
        if any(not t.is_punct for t in tok.doc[tok.i + 1 : c.left_edge.i]):
            return set()
        return subtree_ids(c) - subtree_ids(phrase)

    def _object_content(self, tok: Token, classes: set[str], r: _Reading) -> None:
        """The object as content: with its "as" phrase or predicate after a regard verb, with what follows it
        after an evaluation, evidence or write verb (and after speech or intention with nothing else)."""
        children = list(tok.children)
        objects = r.objects
        if objects and classes & {"regard"} and not r.content:
            # "voters see him as a fighter": the object with its "as" phrase or predicate
            heads = [tok, *objects]
            pred = [c for h in heads for c in h.children if c.i > tok.i and c.dep_ in {"oprd", "prep"}]
            pred = [c for c in pred if c.dep_ == "oprd" or c.lower_ == "as"]
            pred += [c for c in children if c.i > objects[-1].i and as_phrase(c)]
            if not pred and sum(o.dep_ == "dobj" for o in objects) > 1:
                pred = objects[1:]  # "deemed the swap a fair trade": the parser read the predicate as a second object
            if pred:
                for c in objects + pred:
                    r.content |= subtree_ids(c)
                r.how = "object"
            else:
                r.content |= self._stray_as(tok, objects)
                r.how = "object" if r.content else r.how
            seen = [o for o in objects if o.dep_ == "dobj" and o.pos_ in {"NOUN", "PROPN"}]
            if not r.content and seen and self._outlook(tok, seen[0]):
                # "rivals see an opening in the state": what the subject sees ahead is its view
                r.take(set(range(seen[0].left_edge.i, seen[-1].right_edge.i + 1)), "object")
                r.content |= self._said_of_object(seen[-1])
        if not objects and not r.content and classes & {"evaluation"}:
            # "called both men “crazy”": the parser may read the object as part of the complement; the
            # content runs from the cue to the end of the last complement
            oprd = [c for c in children if c.i > tok.i and c.dep_ == "oprd"]
            if oprd:
                r.content = set(range(tok.i + 1, oprd[-1].right_edge.i + 1))
                r.how = "object"
        if not objects and not r.content and classes & {"evaluation"}:
            # "did not dispute that he advises Trump", "described how the jobs would go": a that-clause or an
            # indirect question stands for the object
            for c in children:
                if c.dep_ in CONTENT_CLAUSE_DEPS and c.i > tok.i and _object_clause(c):
                    r.take(subtree_ids(c), "clause")
        if objects and (
            classes & {"evaluation", "evidence", "write"} or (classes & {"speech", "intention"} and not r.content)
        ):
            for c in objects:
                topic = self._scant_topic(c)
                if topic is None:
                    topic = self._attitude_topic(c)
                    if topic is not None:  # "expressed concern about": the noun and its preposition join the cue
                        r.cue_extra += [c.i, topic.head.i]
                if topic is not None:
                    r.take(subtree_ids(topic), "object")
                    continue
                # "said as much in an interview": the pro-form, not the phrase the parser hung on it
                r.take({c.i - 1, c.i} if as_much(c) else subtree_ids(c), "object")
            for c in children:
                if c.i > objects[-1].i and as_phrase(c):
                    r.content |= subtree_ids(c)
            for c in children:
                if c.i > tok.i and c.dep_ in {"oprd", "acomp", "attr", "ccomp", "xcomp"}:
                    r.content |= subtree_ids(c)
            if r.how == "object":
                r.content |= self.trailing_modifiers(tok, max(r.content))
        if classes & {"ask"} and not r.content and r.addressee is not None:
            # "asked voters their views on the tax", "asking him questions about the deal": after the person asked,
            # a described object is what was asked (not a bare "asked Lund a question", nor "a question on Monday")
            asked = [o for o in objects if o.dep_ == "dobj" and o.pos_ == "NOUN" and o.i >= r.addressee[1]]
            said = [c for o in asked[:1] for c in o.children if c.dep_ in {"prep", "relcl", "acl"} and c.i > o.i]
            if any(c.lower_ not in self.lex.circumstance_preps and not self._dated(c) for c in said):
                r.take(subtree_ids(asked[0]), "object")

    def _outlook(self, tok: Token, obj: Token) -> bool:
        """Whether an outlook verb's bare object is its subject's view: the verb in the present, with a
        third-person subject before it and no auxiliary or negation, the object no pronoun ("analysts see
        a chance of a deal"; not "we see it", "will see a raise", "saw the crash")."""
        if self.lex.lemma(tok) not in self.lex.outlook_verbs or tok.tag_ not in {"VBP", "VBZ"}:
            return False
        if any(c.dep_ in {"aux", "auxpass", "neg"} for c in tok.children):
            return False
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if subj is None or subj.lower_ in {"i", "you", "we"}:
            return False
        if any("\n" in t.text_with_ws for t in self.doc[subj.i : tok.i]):
            return False  # a headline read as the subject of an imperative "See photos below"
        after = self.doc[obj.i + 1 : obj.i + 3]
        return not (len(after) == 2 and after[0].lower_ == "to" and after[1].lower_ == obj.lower_)  # "eye to eye"

    def _said_of_object(self, obj: Token) -> set[int]:
        """ "see Trump negatively", "see a glass half empty", "sees 'Hope,' help for ...": what the parser hung
        elsewhere right after an outlook verb's object (an adverb, adjective or loose noun) goes with it."""
        out: set[int] = set()
        i = obj.right_edge.i + 1
        while i < len(self.doc):
            t = self.doc[i]
            if t.text in {",", "'", "’", "”", '"'} and i + 1 < len(self.doc):
                i += 1
                continue
            if t.dep_ not in {"advmod", "amod", "dep", "oprd", "acomp"} or t.pos_ in {"VERB", "AUX", "SCONJ"}:
                break
            if t.left_edge.i < obj.i or t.right_edge.i < t.i:
                break
            out |= set(range(obj.right_edge.i + 1, t.right_edge.i + 1))
            i = t.right_edge.i + 1
        return out

    def _scant_topic(self, obj: Token) -> Token | None:
        """ "said little about the plan", "has said almost nothing of the war": what the speaker said little
        about is the content, not the "little"; the object of the preposition, or None (only after "say": "revealed
        nothing new about X" reports what was revealed)."""
        if self.lex.lemma(obj.head) != "say" or obj.lower_ not in self.lex.scant_words:
            return None
        after = [c for c in obj.children if c.i > obj.i]
        after += [c for c in obj.head.children if c.i == obj.right_edge.i + 1]  # or hung on the verb
        prep = next((c for c in after if c.dep_ == "prep"), None)
        if prep is None or prep.lower_ not in {"about", "of", "on"}:
            return None
        return next((g for g in prep.children if g.dep_ in {"pobj", "pcomp"}), None)

    def _attitude_topic(self, obj: Token) -> Token | None:
        """ "expressed concern about the deal", "showed little enthusiasm for Lund": the bare attitude noun is the
        cue's, what it is felt toward the content; the object of the noun's phrase, or None (not "his support for
        X", "the praise of X": with a possessor or definite determiner the noun phrase is what is reported)."""
        if self.lex.lemma(obj.head) not in self.lex.attitude_verbs or obj.dep_ != "dobj":
            return None
        if obj.lemma_.lower() not in self.lex.attitude_nouns:
            return None
        if any(c.dep_ == "poss" or (c.dep_ == "det" and _definite(c)) for c in obj.children):
            return None
        if any(c.dep_ in {"acl", "ccomp"} for c in obj.children):
            return None  # "voiced confidence that ...": the clause is what was voiced
        prep = next((c for c in obj.children if c.dep_ == "prep" and c.i > obj.i), None)
        if prep is None or prep.lower_ not in self.lex.attitude_preps:
            return None
        return next((g for g in prep.children if g.dep_ in {"pobj", "pcomp"}), None)

    def _stray_as(self, tok: Token, objects: list[Token]) -> set[int]:
        """ "described the party during an interview as a remnant": an "as" phrase the parser hung inside a
        phrase after the object; the content runs from the object to the end of the "as" phrase."""
        for c in tok.children:
            if c.dep_ != "prep" or c.i <= objects[-1].i:
                continue
            inner = next((t for t in c.subtree if t.lower_ == "as" and t.dep_ == "prep" and t.i > c.i), None)
            if inner is not None and not self._in_clause(inner, c):
                return set(range(objects[0].left_edge.i, inner.right_edge.i + 1))
        return set()

    def _in_clause(self, tok: Token, top: Token) -> bool:
        """Whether a verb lies on the path from ``tok`` up to ``top`` ("for a race in which he is seen as")."""
        cur = tok.head
        while cur.i != top.i and cur.head.i != cur.i:
            if cur.pos_ in {"VERB", "AUX"}:
                return True
            cur = cur.head
        return False

    def _prep_content(self, tok: Token, classes: set[str], r: _Reading) -> None:
        """A prepositional phrase as (part of) the content: "accused X of ...", "talked about ..."."""
        children = list(tok.children)
        if r.content or r.objects or classes & {"evaluation"}:
            for c in children:
                if (
                    c.dep_ == "prep"
                    and c.i > tok.i
                    and c.lower_ in self.lex.content_preps
                    and (classes & {"evaluation", "ask"} or (not r.content and c.lower_ in {"about", "of", "on"}))
                    and not self._passive_sense(tok, c)
                ):
                    r.take(subtree_ids(c), "prep")
        if (
            not r.content
            and not r.objects
            and classes & {"speech", "write", "ask", "cognition"}
            and not (classes & CLAUSE_CLASSES and self._phrase_clause(tok, r))  # "said on CNN, ..., that ..."
        ):
            for c in children:
                if c.dep_ == "prep" and c.i > tok.i and c.lower_ in {"about", "of", "on", "against", "with"}:
                    if self._passive_sense(tok, c):
                        continue
                    if self.doc[tok.i + 1].text == "," and not self.in_region(c):
                        break  # "the clerk said, on condition of secrecy": a phrase set off from the cue
                    # (or a gerund: "was asked about | securing the border")
                    pobj = next((g for g in c.children if g.dep_ in {"pobj", "pcomp"}), None)
                    medium = pobj is not None and {pobj.lemma_.lower(), pobj.lower_} & self.lex.media_nouns
                    if c.lower_ == "on" and medium:
                        continue  # "wrote on social media", "said on X": where, not what
                    if pobj is not None and pobj.ent_type_ not in {"DATE", "TIME"}:
                        r.take(subtree_ids(c), "prep")
            if not r.content:
                about = self._about_after_place(tok)
                if about is not None:
                    r.take(subtree_ids(about), "prep")

    def _passive_sense(self, tok: Token, prep: Token) -> bool:
        """Whether a passive cue without a "by" agent takes ``prep`` in another sense (``passive_senses``: "the
        case was referred to the FBI", "the statement was attributed to his doctor")."""
        preps = self.lex.passive_senses.get(self.lex.lemma(tok))
        if not preps or prep.lower_ not in preps or passive_aux(tok) is None:
            return False
        return not any(c.dep_ == "agent" for c in tok.children)

    def _about_after_place(self, tok: Token) -> Token | None:
        """ "asked at the conference about the merger", "spoke with reporters about the deal": an "about" phrase
        the parser hung on the noun of a phrase right after the cue, where it belongs to the cue."""
        for c in tok.children:
            if c.dep_ != "prep" or c.i < tok.i or c.lower_ == "about":
                continue
            for pobj in (g for g in c.children if g.dep_ == "pobj"):
                about = next((g for g in pobj.children if g.dep_ == "prep" and g.lower_ == "about"), None)
                if about is not None and about.i > pobj.i and not self.in_region(about):
                    return about
        return None

    def _phrase_clause(self, tok: Token, r: _Reading) -> set[int]:
        """:meth:`_clause_in_phrase` of the cue, looked for once per reading."""
        if r.phrase_clause is None:
            r.phrase_clause = self._clause_in_phrase(tok)
        return r.phrase_clause

    def _joined_and_implied(self, tok: Token, classes: set[str], r: _Reading) -> None:
        """A second clause joined to the content, a that-clause hung on the cue's phrase, a pro-form
        ("said so"), and conjuncts the parser hung on the cue."""
        clause_like = classes & CLAUSE_CLASSES
        if r.content and clause_like and r.how == "clause" and min(r.content) > tok.i:
            # "X said that A, but B": a clause joined to the cue with a subject of its own (not after an
            # infinitive: in "X urged Y to A, and Z did B", B is the narrator's; not after a content that
            # comes first: in "“A,” she said, and soon B", B is the narrator's)
            last = max(r.content)
            for c in tok.children:
                own_subject = any(
                    g.dep_ in SUBJ_DEPS or g.dep_ == "expl" or (g.dep_ == "mark" and g.lower_ == "that")
                    for g in c.children
                )
                that = any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                if c.dep_ == "conj" and c.i > last and (that or not self.lex.cue_classes(c)) and own_subject:
                    if that or not self._present_report(tok, c, r.content):
                        r.content |= subtree_ids(c)
                elif c.dep_ == "conj" and c.i > last and not own_subject and self._reported_conjunct(tok, c, last):
                    r.content |= subtree_ids(c) | set(range(last + 1, c.left_edge.i))
        if r.content and r.how == "clause" and min(r.content) > tok.i:
            r.content |= self._clause_after(tok, max(r.content), {"because"})
        if r.content and r.how in {"clause", "object"} and min(r.content) > tok.i:
            r.content |= self._finding_contrast(tok, classes, max(r.content))
            r.content |= self._finding_tail(tok, classes, max(r.content))
        if not r.content and not r.objects and clause_like:
            r.content = set(self._phrase_clause(tok, r))
            r.how = "clause" if r.content else r.how
        if not r.content and not r.objects and classes & {"speech", "cognition"}:
            r.content = self._pro_form(tok)
            r.how = "object" if r.content else r.how
        if r.content and r.how in {"xcomp", "object"}:
            r.content |= self._misattached_conjuncts(tok, r.content)
        if r.content and r.how in {"object", "prep"} and min(r.content) > tok.i:
            r.content |= self._infinitive_after(r.content)
            r.content |= self._participle_after(r.content)
            r.content |= self._phrase_conjunct_on_cue(tok, r.content)
            r.content |= self.noun_list(r.content)
            r.content |= self.wh_conjunct(r.content)
        if r.content and r.how in {"xcomp", "clause"} and min(r.content) > tok.i:
            r.content |= self._infinitive_list(tok, r.content)
        if r.content and r.how in {"xcomp", "object"} and classes & {"intention"} and min(r.content) > tok.i:
            r.content |= self._clause_after(tok, max(r.content), {"if", "unless"})
        if r.content and min(r.content) > tok.i:
            r.content = self.before_cue_conjunct(tok, r.content, r.how)

    def _present_report(self, tok: Token, conj: Token, content: set[int]) -> bool:
        """Whether the cue is in the present or present perfect ("Protest groups say A, and the union has sued";
        "she has said A, but she has bristled at B"): a clause with its own subject joined after such a cue,
        without a "that" of its own, is the narrator's present account beside the report, where after a past
        cue the reported clause's tense can carry on. Not after a poll's share, nor with a quotation in either
        clause, nor without "and" or "but" between them (train +7 matched, -2 false positives)."""
        aux = [c for c in tok.children if c.dep_ in {"aux", "auxpass"}]
        if (aux[0] if aux else tok).tag_ not in {"VBZ", "VBP"}:
            return False
        subj = self.subject(tok)
        if subj is not None and (subj.lemma_.lower() in self.lex.share_nouns or subj.like_num):
            return False  # "three in four say A, but B": what a poll found
        if any(self.in_region(self.doc[i]) for i in content | subtree_ids(conj)):
            return False
        if not any(c.dep_ == "cc" and max(content) < c.i < conj.i for c in tok.children):
            return False
        own = next((c for c in conj.children if c.dep_ in SUBJ_DEPS), None)
        if own is None or own.pos_ != "PRON":
            return True
        # a personal pronoun of the third person ("she has bristled"), not "it", "we" or "you"
        return own.morph.get("Person", []) == ["3"] and "Neut" not in own.morph.get("Gender", [])

    def _reported_conjunct(self, tok: Token, verb: Token, last: int) -> bool:
        """Whether a verb without a subject that the parser joined to a past cue after its clause (ending at
        ``last``) goes on with the clause: a verb of no act of speech (``SpeechLexicon.no_act``), under a
        modal or in the present ("said he had the files, but couldn't share them", "told voters polls could
        be off and have been wrong before", "pledged that X backs trade, but wants better deals"): a tense
        the narrator's past does not take is the reported clause's. Only "and", "but" and commas lie
        between (train +2 matched, -3 false positives)."""
        if tok.tag_ != "VBD" or not self.lex.no_act(verb):
            return False
        between = self.doc[last + 1 : verb.left_edge.i]
        if not any(t.lower_ in {"and", "but"} for t in between):
            return False
        if not all(t.is_punct or t.lower_ in {"and", "but"} for t in between):
            return False
        aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
        return (aux[0] if aux else verb).tag_ in {"MD", "VBZ", "VBP"}

    def _infinitive_after(self, content: set[int]) -> set[int]:
        """A "to" infinitive right after a noun or prepositional content, without a comma, that the parser
        hung on the cue or inside the content instead of on the noun it completes ("called for the board to
        resign", "railed about the agency's habit to meddle", "remembered him as easy to like"): it goes on
        with the content."""
        doc = self.doc
        last = max(content)
        if last + 1 >= len(doc) or doc[last + 1].lower_ != "to" or doc[last + 1].dep_ != "aux":
            return set()
        verb = doc[last + 1].head
        if verb.tag_ != "VB" or verb.dep_ not in {"advcl", "xcomp"} or verb.left_edge.i != last + 1:
            return set()
        if verb.head.i > last or self.in_region(verb):
            return set()
        return subtree_ids(verb)

    def _participle_after(self, content: set[int]) -> set[int]:
        """A participle right after a noun content, without a comma or a word of its own before it, that the
        parser read as an adverbial of the cue instead of a modifier of the noun ("decried the rumors
        spreading through the town", "recalled her years running the clinic"): it goes on with the content."""
        doc = self.doc
        last = max(content)
        if last + 1 >= len(doc) or doc[last].pos_ not in {"NOUN", "PROPN"}:
            return set()
        verb = doc[last + 1]
        if verb.tag_ != "VBG" or verb.dep_ != "advcl" or verb.left_edge.i != verb.i:
            return set()
        if verb.head.i > last or self.in_region(verb):
            return set()
        return subtree_ids(verb)

    def _phrase_conjunct_on_cue(self, tok: Token, content: set[int]) -> set[int]:
        """A noun or prepositional phrase joined by "and", "or" or "but" right after a noun or prepositional
        content that the parser hung on the cue instead of the content ("discussed the budget and the
        mayor's travel", "saw them as rivals and as a threat"): it goes on with the content, without an
        adverbial clause hung on it ("charged with theft and fraud | after he ..."). Only commas, dashes and
        the conjunction may lie between; a phrase holding a finite verb outside a relative clause is a
        clause of the narrator's the parser read as a noun."""
        doc = self.doc
        last = max(content)
        for c in tok.children:
            if c.dep_ != "conj" or c.i <= last or c.pos_ not in {"NOUN", "PROPN", "ADP"} or self.in_region(c):
                continue
            between = range(last + 1, c.left_edge.i)
            if not any(doc[i].dep_ == "cc" for i in between):
                return set()
            if any(not (doc[i].dep_ == "cc" or doc[i].text in {",", *DASHES}) for i in between):
                return set()
            ids = subtree_ids(c)
            ids -= {i for g in c.subtree if g.dep_ == "advcl" and g.i > c.i for i in subtree_ids(g)}
            if any(doc[i].tag_ in FINITE and not self._in_relative(doc[i], c) for i in ids):
                return set()  # "..., but that report concerned ...": a clause of the narrator's
            return set(between) | ids
        return set()

    @staticmethod
    def _in_relative(t: Token, top: Token) -> bool:
        """Whether ``t`` lies in a relative clause below ``top`` ("people | who refuse to ...")."""
        while t.i != top.i and t.head.i != t.i:
            if t.dep_ == "relcl":
                return True
            t = t.head
        return False

    def _finding_contrast(self, tok: Token, classes: set[str], last: int) -> set[int]:
        """A contrast the parser hung on a finding cue after its content ("the poll found that 40 percent back
        the plan, 40 to 30, while 30 percent oppose it"; also "showed", "finds"): both halves are what was
        found, with the figures between them."""
        if not _finding_cue(classes):
            return set()
        doc = self.doc
        for c in tok.rights:
            mark = c.left_edge
            if c.dep_ != "advcl" or c.i < last or mark.lower_ not in {"while", "whereas"} or mark.head.i != c.i:
                continue
            gap = set(range(last + 1, mark.i))
            figures = {i for k in tok.rights if k.dep_ == "npadvmod" and k.i in gap for i in subtree_ids(k)}
            if all(doc[i].is_punct or i in figures for i in gap):
                return subtree_ids(c) | gap
        return set()

    def _finding_tail(self, tok: Token, classes: set[str], last: int) -> set[int]:
        """The rest of a poll's finding that the parser hung on the finding cue after its content: the
        standing ("showed the mayor | 6 points ahead"), the figures (", 48 percent to 41 percent"), the other
        shares (", with 10 percent undecided", not ", with another poll showing ...": a finding of its own),
        the runners-up (", followed by Ortiz at 12 percent") and, after a poll or record subject, a share it
        gives (", earning 51 percent of the vote"). Only punctuation and the earlier pieces may lie
        between the content and the piece."""
        if not _finding_cue(classes):
            return set()
        doc = self.doc
        out: set[int] = set()
        for c in tok.rights:
            if c.i <= last or c.is_punct:
                continue
            standing = c.dep_ == "advmod" and c.lower_ in {"ahead", "behind"}
            figures = c.dep_ == "npadvmod" and any(t.like_num for t in c.subtree)
            shares = c.dep_ == "prep" and c.lower_ == "with"
            if shares and any(_finding_cue(self.lex.cue_classes(t)) for t in c.subtree):
                break  # ", with another poll showing her ahead": a finding of its own
            followed = c.dep_ == "advcl" and c.lower_ == "followed" and any(g.lower_ == "by" for g in c.children)
            gerund = (
                c.dep_ == "advcl"
                and c.tag_ == "VBG"
                and c.left_edge.i == c.i
                and any(t.lemma_.lower() in self.lex.share_nouns for t in c.subtree)
                and self._record_subject(tok)
            )  # ", earning 51 percent of the vote", not ", using an average of five polls": the method
            if not (standing or figures or shares or followed or gerund):
                break
            if not all(doc[i].is_punct or i in out for i in range(last + 1, c.left_edge.i)):
                break
            out |= subtree_ids(c) | set(range(last + 1, c.left_edge.i))
            last = c.right_edge.i
        return out

    def _share_comparison(self, content: set[int]) -> set[int]:
        """What a share of those polled said ends before the narrator's comparison with another share ("54
        percent said the levy was fair, compared with 38 percent in the spring")."""
        doc = self.doc
        first = min(content, default=0)
        for i in sorted(content):
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            if i > first + 1 and doc[i].lower_ == "compared" and nxt is not None and nxt.lower_ in {"with", "to"}:
                cut = i - 1 if doc[i - 1].text in {",", "—", "-"} else i
                return trim_edges(doc, {j for j in content if j < cut})
        return content

    def _record_subject(self, tok: Token) -> bool:
        """Whether the cue's subject is a poll, study or record (``source_nouns``, ``record_nouns``): what
        its figures did (", earning 51 percent", ", pushing her to victory") is part of its finding."""
        subj = self.subject(tok)
        return subj is not None and self._names_record(subj)

    def _names_record(self, tok: Token) -> bool:
        """Whether ``tok`` names a poll, study or record (``source_nouns``, ``record_nouns``)."""
        lemma = self.lex.lemma(tok)
        return lemma in self.lex.source_nouns or lemma in self.lex.record_nouns

    def _clause_after(self, tok: Token, last: int, marks: set[str]) -> set[int]:
        """An adverbial clause opened by one of ``marks`` that the parser hung on the cue right after the
        content (only punctuation between) and that goes on with it: "charged that she hid the papers
        because they contradicted her pledge" after a clause content (train +2 matched, -8 false positives;
        "if", "until", "when" found no more there); "promised reform if they take office", "threatened to
        strike unless ..." after an intention cue's object or infinitive (+4 / -4)."""
        doc = self.doc
        for c in tok.children:
            mark = c.left_edge
            if c.dep_ != "advcl" or c.i < last or mark.lower_ not in marks or mark.head.i != c.i:
                continue
            if all(doc[i].is_punct for i in range(last + 1, mark.i)):
                return subtree_ids(c) | set(range(last + 1, mark.i))
        return set()

    def _surface_report(self, tok: Token, classes: set[str], r: _Reading) -> None:
        """For a speech cue (or "believe", "think", ...: ``aside_cognition``) with nothing after it, or with
        its clause before it: the closing report ("S, she said.") or the clause a parenthetical cue
        interrupts, read from the surface."""
        fronted = bool(r.content) and r.how == "clause" and max(r.content) < tok.i  # "S, she said."
        reports = bool(classes & {"speech", "write"}) or (
            self.lex.lemma(tok) in self.lex.aside_cognition and any(c.dep_ == "nsubj" for c in tok.lefts)
        )
        if (not r.content or fronted) and reports:
            closing = self._closing_report(tok)
            if closing is not None:
                r.content, r.closing_subject = closing
            elif not r.content:
                r.content = self._interrupted_clause(tok)
            else:  # '... readers ("I want a refund," wrote a reader), and ...': the words in the aside
                start, end = self._aside(tok, self.sents[self.sent_of[tok.i]])
                r.content = {i for i in r.content if start <= i < end}
            r.how = "interrupted" if r.content and not fronted else r.how
            if r.content and max(r.content) < tok.i and not any(self.in_region(self.doc[i]) for i in r.content):
                r.content |= self._aside_continuation(tok)

    def _colon_names(self, tok: Token, content: set[int]) -> set[int]:
        """A content after its cue that ends at a colon followed, to the end of the sentence, by a short
        noun phrase or list without a verb ("took aim at a familiar rival: the mayor of Leeds"): what the
        colon names is part of the content."""
        if not content or min(content) < tok.i:
            return set()
        doc = self.doc
        last = max(content)
        nxt = last + 1
        while nxt < len(doc) and doc[nxt].is_punct and doc[nxt].text != ":":
            nxt += 1
        if nxt >= len(doc) or doc[nxt].text != ":" or "\n" in doc[nxt].whitespace_:
            return set()
        sent = self.sents[self.sent_of[tok.i]]
        rest = [t for t in doc[nxt + 1 : sent.end] if not t.is_space]
        while rest and rest[-1].is_punct:
            rest.pop()
        if not rest or len(rest) > 12 or any(t.is_space or "\n" in t.whitespace_ for t in rest[:-1]):
            return set()
        if any(t.pos_ in {"VERB", "AUX"} or t.i in self._quote_tokens for t in rest):
            return set()
        return set(range(last + 1, rest[-1].i + 1))

    def _gerund_list(self, tok: Token, content: set[int]) -> set[int]:
        """The rest of a list of gerunds whose second item the parser hung on the cue as a participle clause
        ("supports raising the levy, freezing fares and changing the code": content "raising ... code"): a
        gerund content, then a comma and a gerund with a gerund conjunct of its own."""
        if not content:
            return set()
        doc = self.doc
        head = next((doc[i] for i in sorted(content) if doc[i].head.i == tok.i), None)
        last = max(content)
        if head is None or head.tag_ != "VBG" or last + 2 >= len(doc) or doc[last + 1].text != ",":
            return set()
        for c in tok.rights:
            if c.dep_ != "advcl" or c.tag_ != "VBG" or c.left_edge.i != last + 2:
                continue
            if any(k.dep_ == "conj" and k.tag_ == "VBG" for k in c.children) and any(
                k.dep_ == "cc" for k in c.children
            ):
                return subtree_ids(c) | {last + 1}
        return set()

    def _aside_continuation(self, tok: Token) -> set[int]:
        """The rest of the sentence after a parenthetical cue that interrupts it ("The plan would pass, she
        said, because the votes are there"; "..., he added, and had paid his debts"; "..., they argue, perhaps
        by ..."): words after the comma that closes the cue's short phrase, when they open with a
        conjunction, a preposition or an adverb (anything after a colon or semicolon: "S, aides said: A and
        B", train +3 matched, -4 false positives), hold no quotation and no report of their own. Not a
        participle (", adding that ..."), an apposition (", a policy that ...") or a phrase set off from the
        cue (", on condition of anonymity")."""
        doc = self.doc
        subj = next((c for c in tok.lefts if c.dep_ in SUBJ_DEPS), None)
        if subj is None:
            return set()
        _, end = self._aside(tok, self.sents[self.sent_of[tok.i]])
        comma = next((t.i for t in doc[tok.i + 1 : min(end, tok.i + 8)] if t.text in {",", ":", ";"}), None)
        if comma is None or any(t.pos_ in {"VERB", "AUX"} or t.i in self._quote_tokens for t in doc[tok.i + 1 : comma]):
            return set()
        rest = [t for t in doc[comma + 1 : end] if not t.is_space]
        while rest and rest[-1].is_punct:
            rest.pop()
        if not rest or any(self.para_of[t.i] != self.para_of[tok.i] or t.i in self._quote_tokens for t in rest):
            return set()
        first = rest[0]
        # after a colon or semicolon, what follows spells out the clause ("S, insiders said: A, B and C")
        opens = doc[comma].text != "," or first.pos_ in {"SCONJ", "CCONJ", "ADP", "ADV"}
        if not opens or first.tag_ in {"VBG", "VBN"}:
            return set()
        if any(t.lower_ == "condition" for t in rest[:3]):
            return set()  # "..., she said, only on condition of anonymity"
        if any(self.lex.cue_classes(t) & {"speech", "write"} for t in rest):
            return set()  # "..., KING-TV reported, while in Chicago ..., the Sun-Times reported"
        return {t.i for t in rest}

    def _finish(self, tok: Token, classes: set[str], r: _Reading) -> Candidate | None:
        """The candidate from a reading: the content kept to the cue's paragraph and trimmed, a prepositional
        content's preposition given to the cue, the speaker found; None for a cue that reports nothing (no
        words and no speaker, a speaker inside the content, a blocked cue and content source)."""
        content = r.content
        content.discard(tok.i)
        how = r.how
        if how == "prep" and content:
            # "talked about the deal", "voted for the bill": the preposition goes with the cue
            first = self.doc[min(content)]
            if first.dep_ == "prep" and first.head.i == tok.i and len(content) > 1:
                content.discard(first.i)
                r.cue_extra.append(first.i)
        para = self.para_of[tok.i]
        content = {i for i in content if self.para_of[i] == para}
        content = self._after_colon(tok, content)
        if how in {"clause", "xcomp", "object", "prep", "raising"}:
            # "voted for the levy, which ...", "appeared to favour X, which ...": the narrator's comment
            poll = _finding_cue(classes) and self._record_subject(tok)
            content = self._drop_trailing(content, contrast=not _finding_cue(classes), participle=not poll, cue=tok)
        if how == "raising":
            content = self._raising_circumstance(content)
        if how in {"clause", "xcomp", "object"}:
            content |= self._gerund_list(tok, content)
            content |= self._colon_names(tok, content)
        if how == "object":
            content = self._said_object_end(tok, content, r.objects)
            pronoun = self._pronoun_stance_object(tok, r.objects)
            if pronoun is not None and pronoun.i in content:
                content = {pronoun.i}  # "supported her | by a 40-point margin"
        content = trim_edges(self.doc, content)
        subj = r.closing_subject or self.subject(tok)
        if subj is None and r.addressee is None and self.asked_of(tok):
            asked = next((c for c in tok.head.children if c.dep_ in SUBJ_DEPS), None)
            r.addressee = speaker_range(asked) if asked is not None else None
        if (subj is not None and self.para_of[subj.i] != para) or how == "impersonal":
            subj = None
        if subj is not None and subj.i in content and how != "raising":
            return None
        if subj is not None and "speech" in classes and (subj.lemma_.lower() in self.lex.share_nouns or subj.like_num):
            content = self._share_comparison(content)
        speaker = speaker_range(subj) if subj is not None else None
        if speaker is not None and subj is not None:
            speaker = self._speaker_outside(tok, subj, speaker)
            if speaker[1] > tok.i > subj.i and subj.i == tok.sent.root.i:
                # the root noun of a main verb read as a participle: its words before the verb
                speaker = cut_before(self.doc, speaker[0], tok.i)
        if not any(self.doc[i].is_alpha for i in content) or self._free_relative_head(tok, content):
            if not (classes & {"speech", "write", "ask"}) or subj is None:
                return None
            content = set()
        if subj is None and not content:
            return None
        if subj is None and tok.dep_ in {"amod", "compound", "acl", "nmod"}:
            return None
        if (
            (self.lex.lemma(tok), how) in self.lex.blocked
            and not self._finding(classes, how, subj, content)
            and not (
                how == "object" and any(self._said_object(tok, o) or self._count_object(tok, o) for o in r.objects)
            )
            and not (how == "clause" and self._subject_infinitive(tok))
        ):
            if how != "prep" or not (classes & {"speech", "write"}) or subj is None:
                return None
            content = set()  # '"No," he said of the plan': a cue without content, for a quotation beside it
        cue = [tok.i, *r.cue_extra]
        prt = first_child(tok, "prt")
        if prt is not None:
            cue.append(prt.i)
        return Candidate(
            cue=sorted(cue),
            head=tok.i,
            content=content,
            speaker=speaker,
            speaker_head=subj.i if subj is not None else None,
            addressee=r.addressee,
            confidence=0.8,
            quote_only="quote_only" in classes,
            how=how or "none",
        )

    def _pronoun_stance_object(self, tok: Token, objects: list[Token]) -> Token | None:
        """The lone personal pronoun object of a stance verb of ``pronoun_stance_verbs`` ("supported her by a
        40-point margin", "opposed it as a candidate"): the whole content, since what the parser hung after it
        tells how, when or why the stance was taken."""
        if self.lex.lemma(tok) not in self.lex.pronoun_stance_verbs or len(objects) != 1:
            return None
        if any(c.dep_ == "prt" for c in tok.children):
            return None  # "backs them up": another verb
        obj = objects[0]
        if obj.i + 1 < len(self.doc) and self.doc[obj.i + 1].lower_ == "than":
            return None  # "more likely to endorse her than Sanders": the comparison is the stance
        return obj if obj.dep_ == "dobj" and obj.tag_ == "PRP" else None

    def _said_object(self, tok: Token, obj: Token) -> bool:
        """Whether the object is itself what the cue verb says ("claimed victory", "told the story of ...";
        ``statement_objects``), though the verb with another object reports nothing ("claimed the money") or
        names the one spoken to ("told reporters")."""
        return obj.lemma_.lower() in self.lex.statement_objects.get(self.lex.lemma(tok), set())

    def _said_object_end(self, tok: Token, content: set[int], objects: list[Token]) -> set[int]:
        """Where a content read from a said or counted object ends: before a place of saying hung on a said
        object ("claimed victory | in a tweet", but "reported 'no injuries' from its logs") and before a comment set
        off by a comma that opens with an adverb or a participle ("reported earnings of $2.10 a share | , well
        above forecasts", "tells the story of how they met | , typically to applause")."""
        obj = next((o for o in objects if self._said_object(tok, o) or self._count_object(tok, o)), None)
        if obj is None:
            return content
        doc = self.doc
        end = max(content) + 1
        for c in obj.children if self._said_object(tok, obj) else []:
            if c.dep_ == "prep" and c.i > obj.i and self._venue_phrase(c):
                end = min(end, c.left_edge.i)
        for i in range(obj.i + 1, end - 1):
            if doc[i].text == "," and (doc[i + 1].pos_ == "ADV" or doc[i + 1].tag_ == "VBN"):
                end = i
                break
        return {i for i in content if i < end}

    def _count_object(self, tok: Token, obj: Token) -> bool:
        """Whether the object of a verb of ``count_objects`` is a count or amount ("police reported no arrests",
        "the bakery chain reported earnings of $2.10 a share"), which it reports, though it reports nothing with
        another object ("reported the story")."""
        if self.lex.lemma(tok) not in self.lex.count_objects:
            return False
        # the noun phrase's own words, not a clause on it ("reporting gains held for | two years")
        words = [obj]
        for t in words:
            words.extend(c for c in t.children if c.dep_ not in {"acl", "relcl", "advcl", "appos"})
        return any(t.like_num or t.tag_ == "CD" or (t.lower_ == "no" and t.dep_ == "det") for t in words)

    def _free_relative_head(self, tok: Token, content: set[int]) -> bool:
        """Whether the content is only the "what" before the cue of a free relative ("what the polls show is
        a lead", "take a look at what we proposed"): the words stand for a thing in the narrator's sentence, and
        what was said, if anything, lies outside them. Not "that's what she said", where "what" stands for
        the words before it."""
        if len(content) != 1:
            return False
        word = self.doc[next(iter(content))]
        if word.lower_ not in {"what", "whatever"} or word.i > tok.i:
            return False
        # "that's what the campaign hopes": "what" stands for the words before, which were hoped
        head = tok.head
        pointer = any(c.dep_ in SUBJ_DEPS and c.lower_ in {"that", "this", "it"} for c in head.children)
        copula = head.lemma_ == "be" or head.lower_ in {"'s", "’s"}
        return not (tok.dep_ == "ccomp" and copula and pointer)

    def _finding(self, classes: set[str], how: str, subj: Token | None, content: set[int]) -> bool:
        """An evidence verb whose subject is a poll, study or court ("a 2014 study found 31 cases", "a judge
        found the law unconstitutional"): its object, not a bare pronoun ("the poll found that"), is what was found,
        though the verb with an object is blocked elsewhere ("found the money")."""
        return (
            how == "object"
            and any(self.doc[i].pos_ not in {"PRON", "DET", "PUNCT"} for i in content)
            and "evidence" in classes
            and subj is not None
            and self.lex.lemma(subj) in self.lex.source_nouns | self.lex.finding_holders
        )

    @staticmethod
    def _subject_infinitive(tok: Token) -> bool:
        """Whether the cue's clause is an infinitive with its own subject ("wants Trump to lose", "want all of
        them to be deported"): a wish, where the clause of a blocked pair ("want clause") is otherwise none."""
        return any(
            c.dep_ == "ccomp"
            and c.i > tok.i
            and any(g.dep_ == "aux" and g.tag_ == "TO" for g in c.children)
            and any(g.dep_ in SUBJ_DEPS for g in c.children)
            for c in tok.children
        )

    def _speaker_outside(self, tok: Token, subj: Token, speaker: tuple[int, int]) -> tuple[int, int]:
        """The speaker's words kept out of a quotation before them ('“Good work,” Lund, the coach, said': the
        parser may hang the quotation on the subject) and, after the cue, inside the cue's aside ('("...,"
        wrote Ana Lund, a nurse), and ...')."""
        lo, hi = speaker
        doc = self.doc
        if lo < subj.i and not self.in_region(subj):
            while lo < subj.i and (self.in_region(doc[lo]) or doc[lo].is_punct or doc[lo].is_space):
                lo += 1
        if hi > tok.i:
            hi = min(hi, self._aside(tok, self.sents[self.sent_of[tok.i]])[1])
        return lo, hi

    def _after_colon(self, tok: Token, content: set[int]) -> set[int]:
        """'Dale was blunt: “The town is not the town any more,” she claimed': a content before its cue that opens
        with the narrator's words and a colon is the quotation after the colon."""
        if not content or max(content) > tok.i:
            return content
        doc = self.doc
        for i in sorted(content):
            if doc[i].text == ":" and i + 2 < len(doc) and i + 1 in self._quote_tokens and self.in_region(doc[i + 2]):
                return {j for j in content if j > i}
        return content

    def _passive_cue(self, tok: Token) -> Candidate | None:
        """A passive judgement: "the plan is seen as risky", "a plan seen as risky", "she was
        called a liar by X": the patient and its complement are the content, the "by" agent the source."""
        doc = self.doc
        patient = first_child(tok, "nsubjpass")
        if any(c.dep_ == "dobj" for c in tok.children):
            return None
        if patient is not None and passive_aux(tok) is not None:
            lo, hi = np_range(patient)
        elif tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in {"NOUN", "PROPN"} and tok.head.i < tok.i:
            lo, hi = min(t.i for t in tok.head.subtree), tok.head.i + 1
        else:
            return None
        comp = [
            c
            for c in tok.children
            if c.i > tok.i and (c.dep_ in {"oprd", "attr", "xcomp", "acomp"} or (c.dep_ == "prep" and c.lower_ == "as"))
        ]
        if patient is None:  # "a plan seen as risky", not "a group called X"
            comp = [c for c in comp if c.dep_ == "prep"]
        on_agent = _as_after_agent(tok) if not comp else []
        comp += on_agent
        if not comp:
            return None
        content = set(range(lo, hi))
        for c in comp:
            content |= subtree_ids(c)
        para = self.para_of[tok.i]
        content = trim(doc, {i for i in content if self.para_of[i] == para})
        agent = first_child(tok, "agent")
        if agent is None:  # "called a liar by the governor", the by-phrase parsed into the complement
            agent = next((doc[i] for i in sorted(content) if doc[i].lower_ == "by" and doc[i].dep_ == "prep"), None)
            if agent is not None:
                content -= subtree_ids(agent)
        by = first_child(agent, "pobj") if agent is not None else None
        speaker = speaker_range(by) if by is not None else None
        if speaker is not None and on_agent:  # "seen by some | as a demotion": the agent ends at "as"
            speaker = (speaker[0], min(speaker[1], on_agent[0].i))
        return Candidate(
            cue=[tok.i],
            head=tok.i,
            content=content,
            speaker=speaker,
            speaker_head=by.i if by is not None else None,
            confidence=0.6,
            how="passive",
        )


def _opens_its_sentence(tok: Token) -> bool:
    """Whether ``tok`` is the first word of its sentence (punctuation and spaces before it not counted)."""
    first = next((t for t in tok.sent if not (t.is_punct or t.is_space)), None)
    return first is not None and first.i == tok.i


def _passive_predicate(tok: Token) -> bool:
    """Whether a cue verb is a passive with a subject and a predicate ("Lund was declared the winner"): a
    judgement of the subject, read like a passive evaluation verb's. Not with a relative pronoun for its
    subject ("who was declared the winner": the narrator's description), nor with a participle for its
    predicate tagged as one ("were found beaten": a state, not a judgement)."""
    kids = {c.dep_: c for c in tok.children}
    if tok.tag_ != "VBN" or not {"nsubjpass", "auxpass", "oprd"} <= kids.keys():
        return False
    return kids["nsubjpass"].tag_ not in {"WDT", "WP"} and kids["oprd"].tag_ != "VBN"


def _as_after_agent(tok: Token) -> list[Token]:
    """The "as" phrase the parser hung on a passive's "by" agent ("the change was seen by some | as a
    demotion"): the complement of the cue, not of the agent."""
    agent = by_agent(tok)
    if agent is None:
        return []
    by = agent[1]
    return [c for c in by.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > by.i]


def _relative_subject(clause: Token, cue: Token) -> bool:
    """Whether ``clause`` opens after the cue as a relative clause set off by a comma whose relative pronoun is
    its subject (", who remembered ..."; not "asked who leads", nor "which he said was")."""
    first = clause.left_edge
    return first.i > cue.i + 1 and opens_aside(first) and first.dep_ in SUBJ_DEPS and first.head.i == clause.i


def _definite(det: Token) -> bool:
    """Whether a determiner is definite or demonstrative ("the", "this", "those"), by its morphology."""
    return "Def" in det.morph.get("Definite", []) or "Dem" in det.morph.get("PronType", [])


def _object_clause(clause: Token) -> bool:
    """Whether a complement clause opens with "that" or a question word right after its cue, as an object
    would ("disputed that ...", "described how ...", "detailing what steps ..."; not a bare clause)."""
    first = clause.left_edge
    if first.lower_ == "that":
        return first.dep_ == "mark" and first.head.i == clause.i
    return first.lower_ in WH_QUESTION
