"""Pass 2 of the quote finder: every reporting cue outside a quotation region and the content the parse
gives it (verbs, verb-preposition pairs, idioms, "according to", "as" clauses, passives, attitude
adjectives, statement nouns, headlines)."""

from __future__ import annotations

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Token

from corridor.quoting.base import SUBJ_DEPS, Candidate, opens_according_to, string_ids
from corridor.quoting.phrase_cues import PhraseCues
from corridor.quoting.verb_cues import VerbCues
from corridor.syntax import first_child

CUE_POS = frozenset({"VERB", "AUX", "NOUN"})  # verb cues, statement nouns
CUE_DEPS = frozenset({"acomp", "amod", "conj", "advmod", "prep", "ccomp", "advcl", "oprd"})  # attitude adjectives
# (also as a clause, "made me wary of", or an object's predicate, "left the town excited about"), hearsay adverbs,
# "in the poll"
VERB_TAGS = frozenset({"VBD", "VBZ", "VBP", "VBG", "VBN", "VB"})
REPORT_CLASSES = frozenset({"speech", "write", "ask", "cognition"})  # cues that report words or thoughts
# the same tests on the doc's attribute arrays (see CueFinder._may_start_cue)
CUE_POS_IDS = frozenset(POS_IDS[p] for p in CUE_POS)
CUE_DEP_IDS = string_ids(CUE_DEPS)
VERB_TAG_IDS = string_ids(VERB_TAGS)
COLON_ID, ACCORDING_ID = get_string_id(":"), get_string_id("according")


class CueFinder(VerbCues, PhraseCues):
    """Cues and their contents (see the module doc): each word outside a quotation goes to the finder
    of its kind."""

    def candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        doc = self.doc
        lex = self.lex
        # the words _adjective_cue reads (no other word is one), so that it is called for them only
        adjectives = (
            lex.split_adjectives
            | lex.speaking_adjectives
            | lex.devoted_adjectives
            | lex.attitude_adjectives
            | lex.impersonal_adjectives
        )
        for i in self._may_start_cue():
            if self._region_at[i] or self._markup_at[i]:
                continue
            tok = doc[i]
            pos, dep, lower = tok.pos_, tok.dep_, tok.lower_
            if opens_according_to(tok):
                cand = self._according(tok)
            elif lower == "in" and dep == "prep":
                cand = self._in_source(tok)
            else:
                is_verb, is_noun = pos == "VERB", pos == "NOUN"
                noun_lemma = tok.lemma_.lower() if is_noun else ""
                classes = self.lex.cue_classes(tok)
                if not classes and tok.tag_ in {"NN", "NNS"}:
                    as_verb = self.lex.classes.get(self.lex.lemma(tok), set())
                    classes = as_verb if as_verb and self._verb_read_as_noun(tok) else classes
                if not classes and is_verb:
                    prt = first_child(tok, "prt")
                    if prt is not None and (self.lex.lemma(tok), prt.lower_) in self.lex.particles:
                        classes = {"speech"}
                    elif self._that_clause_verb(tok):
                        classes = {"cognition"}
                cand = self._as_cue(tok, classes) if classes else None
                if cand is None and classes:
                    cand = self._passive_agent_cue(tok, classes)
                if cand is None and classes:
                    cand = self._announced_passive_cue(tok)
                if cand is None and dep == "acl":
                    cand = self._stance_participle_cue(tok) or self._announced_participle_cue(tok)
                if cand is None and tok.tag_ == "VBD":
                    cand = self._enacting_cue(tok)
                if cand is None and is_verb and self.lex.lemma(tok) in self.lex.standing_verbs:
                    cand = self._standing_cue(tok)
                if cand is None and is_verb:
                    cand = (
                        self._prep_cue(tok)
                        or self._idiom_cue(tok)
                        or self._titled_cue(tok)
                        or self._comparison_cue(tok)
                    )
                if cand is None and classes:
                    cand = self._verb_cue(tok, classes)
                if cand is None and is_noun:
                    cand = self.closing_verb_read_as_noun(tok) or self.root_verb_read_as_noun(tok)
                if cand is None:
                    cand = self.closing_finding(tok)
                if cand is None and is_noun and noun_lemma in self.lex.received_nouns:
                    cand = self._received_noun_cue(tok)
                if cand is None and is_noun and noun_lemma in self.lex.among_nouns:
                    cand = self._among_noun_cue(tok)
                if cand is None and is_noun and noun_lemma in self.lex.nouns:
                    cand = self._noun_cue(tok)
                if cand is None and is_noun:
                    cand = (
                        self._in_favor_cue(tok)
                        or self._copula_noun_cue(tok)
                        or self._colon_noun_cue(tok)
                        or self._role_noun_cue(tok)
                        or self._chant_cue(tok)
                    )
                if cand is None and lower in adjectives:
                    cand = self._adjective_cue(tok)
                if cand is None and dep == "advmod" and lower in self.lex.hearsay_adverbs:
                    cand = self._hearsay_cue(tok)
                if cand is None and dep == "prep" and lower in {"to", "by"}:
                    cand = self._opening_holder(tok)
            if cand is None and tok.text == ":":
                cand = self._headline_colon(tok)
            if cand is not None and self._no_report(cand):
                cand = None
            if cand is not None:
                cand.content |= self.unfinished_phrase(cand.cue, cand.content)
                cand.content |= self.colon_elaboration(cand.cue, cand.content)
                cand.sent = self.sent_of[cand.head]
                out.append(cand)
        title = self.title_cue(out)
        if title is not None:
            title.sent = self.sent_of[title.head]
            # "Experts rebuke Trump proposal for airstrikes": a cue without a speaker inside the title's content
            out = [c for c in out if not (c.speaker is None and c.head in title.content)]
            out = [c for c in out if c.content or c.head != title.head]
            out.append(title)
        out.extend(self.title_second_acts(out))
        self.title_object_cut(out)
        return out

    def _may_start_cue(self) -> list[int]:
        """The tokens where a cue may start: a cue part of speech, dependency or verb tag, a colon or "according"
        (none starts at a determiner, a pronoun, a name, punctuation ...), read off the doc's attribute arrays,
        which is cheaper than reading them off one Token after another."""
        rows = zip(self.pos_ids, self.dep_ids, self.tag_ids, self.orth_ids, self.lower_ids, strict=True)
        return [
            i
            for i, (pos, dep, tag, orth, lower) in enumerate(rows)
            if pos in CUE_POS_IDS
            or dep in CUE_DEP_IDS
            or orth == COLON_ID
            or tag in VERB_TAG_IDS
            or lower == ACCORDING_ID
        ]

    def _no_report(self, cand: Candidate) -> bool:
        """Whether a cue's words report nothing: a subject run into a markup tag (any cue); for a stance cue, a
        yes-no question put to the reader or an interviewee
        ("Do you support the plan?"), a relative clause describing a speaker ("said Kim, who backs
        the plan") or the narrator's advice ("Investors may want to wait")."""
        tok = self.doc[cand.head]
        if self._advice(tok) or self._speaker_in_markup(cand):
            return True
        classes = self.lex.cue_classes(tok)
        if not classes or classes & REPORT_CLASSES:
            return False
        return self._question_to_you(tok) or self._speaker_description(tok)

    @staticmethod
    def _verb_read_as_noun(tok: Token) -> bool:
        """A cue verb the tagger read as a noun though the parser gave it a subject and a complement after it
        ("Democrats on the panel plan to release the files", "half of the voters polled support Lee"): the
        verb, read with its classes."""
        if tok.tag_ not in {"NN", "NNS"}:
            return False
        kids = list(tok.children)
        return any(c.dep_ == "nsubj" for c in kids) and any(
            c.dep_ in {"xcomp", "ccomp", "dobj"} and c.i > tok.i for c in kids
        )

    def _speaker_in_markup(self, cand: Candidate) -> bool:
        """A cue whose subject the parser ran into a markup tag before it ('<post author="x">I never said
        ...'): the opening words of an embedded post, which the annotators mark, if at all, as the post's own
        text, not as a report inside it."""
        if cand.speaker is None:
            return False
        return any(self.in_markup(self.doc[i]) for i in range(*cand.speaker))

    def _advice(self, tok: Token) -> bool:
        """A wish verb after "may" or "might" ("Investors may want to wait", "she might want to rethink"):
        the narrator's advice, no one's wish."""
        if self.lex.lemma(tok) not in self.lex.advice_wishes:
            return False
        return any(c.dep_ == "aux" and c.lower_ in {"may", "might"} for c in tok.children)

    def _question_to_you(self, tok: Token) -> bool:
        """A stance verb whose subject is "you" in a question ("Do you support the plan?", "Would you back
        her?"): a question asked, not a stance anyone took."""
        subj = next((c for c in tok.children if c.dep_ in SUBJ_DEPS), None)
        if subj is None or subj.lower_ != "you":
            return False
        end = tok.sent[-1]
        while end.is_punct and end.text != "?" and end.i > tok.i:
            end = self.doc[end.i - 1]
        return end.text == "?"

    def _speaker_description(self, tok: Token) -> bool:
        """A stance verb in a relative clause on the subject of a speech verb ("said Kim, who backs the
        plan", "Kim, who endorsed Lee, said ..."): the narrator's description of the speaker."""
        if tok.dep_ != "relcl" or any(c.dep_ == "auxpass" for c in tok.children):
            return False  # (not a passive: "Lee, who was named an adviser, said ..." reports the naming)
        ant = tok.head
        if ant.dep_ not in SUBJ_DEPS:
            return False
        gov = self.lex.cue_classes(ant.head)
        return bool(gov & {"speech", "write"})

    def _that_clause_verb(self, tok: Token) -> bool:
        """A verb outside the lexicon that takes a that-clause and has a subject ("she sniped that ...",
        "he groused that ..."): such verbs report speech or thought."""
        if self.lex.lemma(tok) in self.lex.not_that_verbs:
            return False
        kids = list(tok.children)
        return any(c.dep_ in SUBJ_DEPS for c in kids) and any(
            c.dep_ == "ccomp" and c.i > tok.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for c in kids
        )
