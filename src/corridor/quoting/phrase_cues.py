"""Pass 2 of the quote finder, cues other than a plain verb: headlines ("Name: ..." and title-case
headlines), "according to X", "in a named poll", "as" clauses, "reportedly", verb idioms,
verb-preposition pairs, passives with their agent, attitude adjectives and statement nouns."""

from __future__ import annotations

import functools
import itertools
import re

from spacy.tokens import Span, Token

from corridor.quoting.base import (
    CONTENT_CLAUSE_DEPS,
    DASHES,
    NOUN_CLAUSE_DEPS,
    PERSON_PRONOUNS,
    REL_PRONOUNS,
    SUBJ_DEPS,
    WH_CLAUSE_WORDS,
    Candidate,
    FinderBase,
    by_agent,
    cut_before,
    noun_before,
    np_range,
    opens_according_to,
    passive_aux,
    prep_after,
    speaker_range,
    subtree_ids,
    trim,
    trim_edges,
)
from corridor.syntax import first_child

VIEW_NOUNS = frozenset({"view", "opinion", "estimation", "judgment", "judgement", "mind", "eye"})  # "in his view, ..."
SET_OFF_VIEW_NOUNS = frozenset({"mind", "eye"})  # "in her mind, ...", not "who in their right mind would ..."
CORE_OBJECT_DEPS = frozenset({"dobj", "attr", "acomp", "xcomp", "oprd", "dative"})  # a verb's object or complement
PASSIVE_TAKES = frozenset({"ccomp", "xcomp", "dobj", "attr", "oprd", "acomp", "dative"})  # "was announced that ..."
# words that open another clause in a headline ("Mayors blast governor | after court strikes down law")
CLAUSE_OPENERS = frozenset({"then", "after", "as", "while", "when", "because", "that", "who", "which"})
# a paragraph opening with a name and a colon, the shape of an interview transcript's turn ("TAPPER: ...")
TURN_OPENING = re.compile(r"^[\"“]?((?:[A-Z][\w.'’-]+ ){0,2}[A-Z][\w.'’-]+):\s", re.M)
NOUN_MARKERS = {"IN", "TO", "DT", "PRP$", "POS", "JJ", "JJR", "CD"}  # tags a headline's verb never follows


def _form_lemmas(word: str, ends: tuple[str, ...] = ("es", "s")) -> list[str]:
    """A headline word's possible lemmas read off its ending ("slams": "slam"; "praises": "prais", "praise"),
    which the tagger, taking such verbs for nouns or names, does not give."""
    return [word[: -len(end)] for end in ends if word.endswith(end)]


class PhraseCues(FinderBase):
    """Headline, phrase, noun and adjective cues (see the module doc)."""

    def title_cue(self, taken: list[Candidate]) -> Candidate | None:
        """The article's title in title case, "Senator Roe Slams Budget Plan": the tagger reads such
        verbs as names, so the cue is found by its word form (a speech, writing, evaluation or intention
        verb of the lexicon): the words before it are the speaker, the rest of the title the content."""
        doc = self.doc
        title = self._title_tokens()
        words = [t for t in title if t.is_alpha]
        if not (3 <= len(words) <= 20):
            return None
        titled = sum(t.text[0].isupper() for t in words) >= 0.8 * len(words)
        if any(c.cue and min(c.cue) <= title[-1].i and c.speaker is not None and c.content for c in taken):
            return None  # the title already has a cue with a speaker (one without, "proposal for", may yield;
            # so does one with no content, "Mayor Claims Budget Victory": a speech verb's object is no clause)
        for k, tok in enumerate(title[1:-1], start=1):
            if not tok.is_alpha or (titled and not tok.text[0].isupper()):
                continue
            low = tok.lower_
            # "Slams", "Praises"; in title case also a past form, "Dismissed", "Accused"
            lemmas = [*_form_lemmas(low, ("es", "s", "ed", "d") if titled else ("es", "s")), low]
            classes = self._first_classes(lemmas)
            if "quote_only" in classes or not classes & {"speech", "write", "evaluation", "intention", "evidence"}:
                continue
            if title[k - 1].tag_ in NOUN_MARKERS:
                continue  # "Fundraising For State ...", "More Votes In Ohio": a noun after these
            if any(w in self.lex.dare_verbs for w in lemmas):
                continue  # "Daily Tribune Hit Piece Exploits ...": a dare verb needs its dare or dispute, unseen here
            if low in self.lex.force_verbs and title[k - 1].lower_ in self.lex.weapon_words:
                continue  # "Russia launches drone and missile attack on ...": an act of force, no words
            convened = set().union(*(self.lex.convened_objects.get(w, set()) for w in lemmas))
            if any(t.lemma_.lower() in convened or t.lower_ in convened for t in title[k + 1 : k + 5]):
                continue  # "Sunak calls surprise July election": an election called, no words
            if not titled and any(
                t.tag_ in {"VBZ", "VBP", "VBD", "MD"} and t.text[0].islower() for t in self._title_clause(title, k)
            ):
                continue  # "Crop report gives growers a boost": a finite verb after it, so a noun here
            speaker = [t for t in title[:k] if not t.is_punct]
            if (
                not titled
                and speaker
                and (speaker[0].tag_ in {"IN", "TO"} or any(self._verb_in_speaker(t) for t in speaker))
            ):
                continue  # "Bill is back ...", "Inside the swing state ...": no speaker before the word
            semi = next((j for j in range(k + 1, len(title)) if title[j].text == ";"), len(title))
            content = trim(doc, {t.i for t in title[k + 1 : semi]})  # "...; Subtitle": the subtitle is not said
            addressee = None
            closing = self._title_closing(title, k) if classes & {"speech", "write", "evidence"} else None
            if closing is not None:  # "Guns Are ‘A Crisis,’ Howard Dean Tells Convention"
                comma, rest = closing
                content = trim(doc, {t.i for t in title[:comma]})
                speaker = [t for t in title[comma + 1 : k] if not t.is_punct]
                told = any(w in self.lex.addressee_verbs for w in lemmas)
                addressee = (rest[0].i, rest[-1].i + 1) if rest and told else None
            agent = self._title_agent(title, k)
            if agent is not None:  # "Budget Plan Skewered By Senator Roe"
                content = trim(doc, {t.i for t in title[:k]})
                speaker = agent
            if not speaker or not any(doc[i].is_alpha for i in content):
                return None
            return Candidate(
                cue=[tok.i],
                head=tok.i,
                content=content,
                speaker=(speaker[0].i, speaker[-1].i + 1),
                speaker_head=speaker[-1].i,
                addressee=addressee,
                confidence=0.6,
                how="title",
            )
        return None

    def title_second_acts(self, out: list[Candidate]) -> list[Candidate]:
        """A headline's second verb after "and" or a comma, "Mayor Roe praises budget and slams council":
        the tagger reads such verbs as nouns, so the word is found by its form (a lexicon cue word ending in
        "s"); it is the same speaker's second act: the first content stops before the conjunction and the
        words after the second verb are its content."""
        doc = self.doc
        title = self._title_tokens()
        in_title = {t.i for t in title}
        heads = {c.head for c in out}
        added: list[Candidate] = []
        for cand in out:
            if cand.speaker is None or cand.head not in in_title or not cand.content:
                continue
            for tok in title:
                if tok.i <= cand.head or tok.i in heads or not tok.is_alpha or not tok.lower_.endswith("s"):
                    continue
                prev = doc[tok.i - 1]
                if prev.is_quote and doc[tok.i - 2].text == ",":
                    prev = doc[tok.i - 2]  # "declares ‘revolution,’ ignores losses"
                if prev.lower_ not in {"and", ",", "then", "but"}:
                    continue
                if not self._title_verb_form(tok):
                    continue
                cut = prev.i if prev.lower_ not in {"then", "but"} or doc[prev.i - 1].text != "," else prev.i - 1
                rest = trim(doc, {t.i for t in title if t.i > tok.i})
                if not any(doc[i].is_alpha for i in rest):
                    continue
                first = trim_edges(doc, {i for i in cand.content if i < cut})
                if not any(doc[i].is_alpha for i in first):
                    continue
                cand.content = first
                added.append(
                    Candidate(
                        cue=[tok.i],
                        head=tok.i,
                        content=rest,
                        speaker=cand.speaker,
                        speaker_head=cand.speaker_head,
                        confidence=0.6,
                        how="title",
                        sent=self.sent_of[tok.i],
                    )
                )
                heads.add(tok.i)
                break
        return added

    def title_object_cut(self, out: list[Candidate]) -> None:
        """A headline's object name followed by a circumstance, "Mayor blasts Roe over budget", "Senator
        Praises Roe At Rally": the content is the name alone; the phrase after it tells where or why."""
        doc = self.doc
        for cand in out:
            if self.para_of[cand.head] != 0 or not cand.content or cand.speaker is None:
                continue
            ids = sorted(cand.content)
            if ids[0] <= cand.head or ids[0] > cand.head + 2 or not self._title_evaluation(doc[cand.head]):
                continue
            for n, i in enumerate(ids):
                tok = doc[i]
                if tok.lower_ in self.lex.title_circumstance_preps:
                    name = [doc[j] for j in ids[:n]]
                    if name and all(
                        t.is_alpha and t.text[0].isupper() and t.tag_ not in NOUN_MARKERS | {"CC"} for t in name
                    ):
                        cand.content = {t.i for t in name}
                    break

    def _title_evaluation(self, tok: Token) -> bool:
        """An evaluation verb of the lexicon, by its lemma or its headline form ("Slams", "praises")."""
        forms = [*_form_lemmas(tok.lower_), tok.lower_, tok.lemma_.lower()]
        return any("evaluation" in self.lex.classes.get(w, set()) for w in forms)

    def _title_verb_form(self, tok: Token) -> bool:
        """A headline word that reads as a present-tense cue verb by its form ("Slams", "praises"): a
        speech, writing, evaluation or intention verb of the lexicon with an "s" or "es" ending."""
        classes = self._first_classes(_form_lemmas(tok.lower_))
        return "quote_only" not in classes and bool(classes & {"speech", "write", "evaluation", "intention"})

    def _title_tokens(self) -> list[Token]:
        """The words of the article's first paragraph, its headline."""
        return [t for t in itertools.takewhile(lambda t: self.para_of[t.i] == 0, self.doc) if not t.is_space]

    def _first_classes(self, lemmas: list[str]) -> set[str]:
        """The lexicon classes of the first of ``lemmas`` the lexicon knows (none: an empty set)."""
        return next((self.lex.classes[w] for w in lemmas if w in self.lex.classes), set())

    @staticmethod
    def _title_clause(title: list[Token], k: int) -> list[Token]:
        """The words after a headline's cue word up to where another clause opens (a comma, a semicolon, a
        subordinator or "then"): a finite verb there makes the word a noun ("Crop report gives growers a
        boost"), one after it does not ("Mayors blast governor after court strikes down law")."""
        rest = title[k + 1 :]
        stop = next(
            (n for n, t in enumerate(rest) if t.text in {",", ";"} or t.dep_ == "mark" or t.lower_ in CLAUSE_OPENERS),
            len(rest),
        )
        return rest[:stop]

    @staticmethod
    def _title_agent(title: list[Token], k: int) -> list[Token] | None:
        """A headline's passive "Budget Plan Skewered By Senator Roe": the capitalized words after a past
        form's "By" are who did it (the words before the verb are the content), up to a lowercase word or
        a preposition."""
        if not title[k].lower_.endswith("d") or k + 2 >= len(title) or title[k + 1].lower_ != "by":
            return None
        agent = list(
            itertools.takewhile(
                lambda t: t.is_alpha and t.text[0].isupper() and t.tag_ not in {"IN", "TO"}, title[k + 2 :]
            )
        )
        return agent or None

    @staticmethod
    def _title_closing(title: list[Token], k: int) -> tuple[int, list[Token]] | None:
        """For a title's closing cue ("S, Name Tells Y"): the index of the comma before the name and the words
        after the cue, when the name is one to five words and at most four follow the cue."""
        comma = max((j for j in range(1, k) if title[j].text == ","), default=None)
        rest = [t for t in title[k + 1 :] if not t.is_punct]
        if comma is None or not 1 <= k - comma - 1 <= 5 or len(rest) > 4:
            return None
        return comma, rest

    @staticmethod
    def _verb_in_speaker(tok: Token) -> bool:
        """A verb that rules out the words before a headline's cue word as its speaker ("Bill is back",
        "ready to take"); a plural noun the tagger read as a verb ("skywriters", VBZ) does not."""
        return tok.tag_ in {"VB", "VBD", "VBG", "VBN", "MD"} or tok.lemma_ in {"be", "have", "do"}

    @functools.cached_property
    def _turn_names(self) -> list[str]:
        """The last words of the names that open paragraphs with a colon ("JAKE TAPPER: ...", "Rubio: Finish
        second."), labels ("Update:") and one-letter turns ("Q:", "A:") left out."""
        return [
            m.group(1).split()[-1]
            for m in TURN_OPENING.finditer(self.text)
            if len(m.group(1)) > 1 and not any(w.lower() in self.lex.colon_labels for w in m.group(1).split())
        ]

    @property
    def _transcript(self) -> bool:
        """Whether the article holds an interview transcript: turns for at least two names, one of which
        comes back ("JAKE TAPPER: ...", "FALLIN: ...", "TAPPER: ..."); sections headed by different names
        once each ("Jeb Bush: Student loans ...") are none."""
        names = self._turn_names
        return len(set(names)) >= 2 and len(set(names)) < len(names)

    @property
    def _name_sections(self) -> bool:
        """Whether the article's sections are headed by names, at least three, none twice ("Rubio: Finish
        second.", "Cruz: Just hang on.": what each needs, not what each said)."""
        names = self._turn_names
        return len(names) >= 3 and len(set(names)) == len(names)

    def _turn_end(self, hi: int) -> int:
        """Where a transcript turn ends that fills the paragraph before token ``hi``: it goes on over the
        paragraphs up to the next turn when they all open with a word ("TAPPER: And obviously, ... |
        Specifically I've heard ... | FALLIN: ..."), but not over a stage direction ("(END VIDEO CLIP.)", "....")
        nor after the last turn."""
        doc = self.doc
        nxt = TURN_OPENING.search(self.text, doc[hi].idx) if hi < len(doc) else None
        if nxt is None:
            return hi
        paras = [p for p in self.text[doc[hi].idx : nxt.start()].split("\n") if p.strip()]
        if not paras or not all(p.lstrip()[0].isalpha() for p in paras):
            return hi
        end = hi
        while end < len(doc) and doc[end].idx < nxt.start():
            end += 1
        return end

    def _headline_colon(self, colon: Token) -> Candidate | None:
        """A name, a colon and what the named said, at the start of a paragraph: a headline ("Senator Roe:
        The Bill Will Pass", "Roe to voters: the bill will pass", "Report: ...") or a transcript turn
        ("ROE: We will ..."), whose content runs to the end of the paragraph. A place's colon is a dateline
        ("Kuala Lumpur: ...")."""
        doc = self.doc
        if self.in_dateline(colon):  # the colon ending a dateline
            return None
        para = self.para_of[colon.i]
        lo = colon.i
        while lo > 0 and self.para_of[lo - 1] == para:
            lo -= 1
        hi = colon.i + 1
        while hi < len(doc) and self.para_of[hi] == para:
            hi += 1
        dash = next((t.i for t in doc[lo : colon.i] if t.text in DASHES and t.whitespace_), None)
        if dash is not None and all(t.is_upper or t.is_punct or t.is_space for t in doc[lo:dash]):
            lo = dash + 1  # "EXCLUSIVE – Roe: ...": a label before the name
        before = [t for t in doc[lo : colon.i] if not (t.is_punct or t.is_space)]
        after = [t for t in doc[colon.i + 1 : hi] if not (t.is_space or t.is_punct)]
        if not before or len(before) > 7 or len(after) < 3 or before[0].pos_ == "DET":
            return None
        to = next((k for k, t in enumerate(before) if t.lower_ == "to"), None)
        speaker = before if to is None else before[:to]
        at = next((k for k, t in enumerate(speaker) if k and t.lower_ in {"at", "on", "in"}), None)
        if at is not None and para == 0:
            speaker = speaker[:at]  # "Former AG Roe at convention: ...": where the name spoke
        capitalized = all(t.text[0].isupper() for t in speaker if t.is_alpha)
        turn = capitalized and para > 0 and self._transcript  # "FALLIN: Well, I think ...", whatever its tag
        if not speaker or (not turn and any(t.pos_ in {"VERB", "AUX", "PRON", "ADP", "NUM", "SCONJ"} for t in speaker)):
            return None
        if para > 0 and self._name_sections:
            return None  # a section heading ("Cruz: Just hang on.")
        if (len(speaker) == 1 and len(speaker[0].text) == 1) or any(t.lower_ in self.lex.colon_labels for t in speaker):
            return None  # "Q:", "A:" turns with no name; "Editor's note:", "Update:" labels
        named = (
            turn
            or any(t.pos_ == "PROPN" for t in speaker)
            or (len(speaker) == 1 and speaker[0].lemma_.lower() in self.lex.source_nouns)
            or (capitalized and len(after) <= 30)  # a headline's name, whatever the tagger made of it
        )
        if not named:
            return None
        words = [t for t in after if t.is_alpha]
        titled = len(words) >= 3 and sum(t.text[0].isupper() for t in words) >= 0.6 * len(words)
        headline = para == 0 and len(after) <= 30  # the article's title: "Lynch: No outside influence on ..."
        if not (titled or headline or any(t.pos_ in {"VERB", "AUX"} for t in after)):
            return None
        if not (turn or all(t.is_upper for t in speaker if t.is_alpha)):
            # a transcript turn ("ROE: ...") runs to the end of the paragraph, a headline to its sentence's
            hi = min(hi, self.sents[self.sent_of[colon.i + 1]].end) if colon.i + 1 < len(doc) else hi
        if turn:
            hi = self._turn_end(hi)
        content = trim(doc, {t.i for t in doc[colon.i + 1 : hi]})
        addressee = (before[to + 1].i, before[-1].i + 1) if to is not None and to + 1 < len(before) else None
        return Candidate(
            cue=[colon.i],
            head=colon.i,
            content=content,
            speaker=(speaker[0].i, speaker[-1].i + 1),
            speaker_head=speaker[-1].i,
            addressee=addressee,
            confidence=0.6,
            how="colon",
        )

    def _according(self, tok: Token) -> Candidate | None:
        doc = self.doc
        to = doc[tok.i + 1]
        sent = self.sents[self.sent_of[tok.i]]
        pobj = first_child(to, "pobj")
        clause = None  # "According to X, the move reeks of fear": the parser made the sentence X's apposition
        if pobj is not None:
            speaker = speaker_range(pobj)
            clause = self._clause_read_as_apposition(tok, pobj)
            if clause is not None:
                speaker = cut_before(doc, speaker[0], clause.left_edge.i - 1)
        else:  # "according to the T.S.A." misparsed: the words after "to", up to a comma or the sentence end
            end = next(
                (t.i for t in doc[to.i + 1 : sent.end] if (t.is_punct and t.text != ".") or t.is_space), sent.end
            )
            while end > to.i + 1 and (doc[end - 1].is_space or doc[end - 1].text == "."):
                end -= 1
            if end <= to.i + 1 or not any(t.pos_ in {"PROPN", "NOUN"} for t in doc[to.i + 1 : end]):
                return None
            speaker = (to.i + 1, end)
        head = tok.head
        while head.dep_ in {"aux", "auxpass"} and head.head.i != head.i:
            head = head.head  # the parser may hang the phrase on "was" in "the bridge was closed"
        # the phrase; when the parser made "According" the root, only its "to" phrase (not the sentence)
        own = subtree_ids(to) | {tok.i} if tok.head.i == tok.i else subtree_ids(tok)
        phrase = own | {to.i} | set(range(*speaker))
        words = [i for i in range(sent.start, sent.end) if not (doc[i].is_punct or doc[i].is_space)]
        at_edge = bool(words) and (min(phrase) <= words[0] or max(phrase) >= words[-1])
        before = {i for i in range(sent.start, tok.i - 1)}
        # "The manager says A, which B, according to X": X is the source of B, A is the manager's
        closing_relative = self._closing_relative(tok) if max(phrase) >= words[-1] and self._reports(head) else None
        paren = self._parenthesis(tok, max(phrase), sent)
        if paren is not None:
            # "... farms (the real figure is nearer 12 percent, according to X).": the aside only
            content = set(paren) - phrase
        elif clause is not None:
            content = subtree_ids(clause)  # the sentence read as the source's apposition
        elif closing_relative is not None:
            # "The mayor says A, which stood at 12, according to the board.": the relative clause
            content = subtree_ids(closing_relative)
        elif (
            head.dep_ == "ccomp"
            and head.i not in phrase
            and head.i < tok.i
            and doc[tok.i - 1].text != ","
            and self._reports(head)
        ):
            # "X said the candidate had won according to the tally sheets": the phrase sources what X reports
            # (after a comma it frames the sentence: "He said A, according to a statement")
            content = subtree_ids(head) - phrase
        elif (split := self._split_clause(tok, max(phrase), sent)) is not None:
            # "The firm earns, according to one audit, $90 million": the clause on both sides of the phrase
            content = subtree_ids(split) - phrase
        elif head.i == tok.i or head.i in phrase or at_edge:
            # "S, according to X." / "According to X, S": the whole sentence, wherever the parser hung it
            content = {i for i in range(sent.start, sent.end)} - phrase
            if max(phrase) >= words[-1]:
                # "A: B, according to X.": only the clause after the colon
                content = self._clause_after_colon(tok, sent) or content
        elif head.i > max(phrase) and any(c.dep_ in SUBJ_DEPS and c.i > max(phrase) for c in head.children):
            # "While A, according to X, B": the clause the phrase opens, not the fronted one
            content = {i for i in subtree_ids(head) if i > max(phrase)}
        elif doc[tok.i - 1].text == "," and self.holds_clause(before):
            # "S, according to X, where ...": the clause before the comma, however the parser joined the rest
            content = before
            after = [t for t in doc[max(phrase) + 1 : sent.end] if not t.is_space]
            if len(after) > 2 and after[0].text == "," and after[1].lower_ in {"and", "although", "because"}:
                content |= {t.i for t in after[1:]}  # "..., and B": the clause after the source goes on
        else:
            content = subtree_ids(head) - phrase
        content = self.settled(tok, content)
        if not content:
            return None
        return Candidate(
            cue=[tok.i, to.i],
            head=tok.i,
            content=content,
            speaker=speaker,
            speaker_head=pobj.i if pobj is not None else speaker[1] - 1,
            confidence=0.8,
            how="according",
        )

    def _clause_after_colon(self, tok: Token, sent: Span) -> set[int]:
        """The clause between the last colon of ``sent`` before a closing "according to" (``tok``) and the
        phrase's comma ("The tax did not drive banks away: London stayed first, according to one index."); empty
        without one, or when the words after the colon hold no clause or a quotation mark (a title's colon)."""
        doc = self.doc
        end = tok.i - 1 if tok.i > sent.start and doc[tok.i - 1].text == "," else tok.i
        colon = next((i for i in range(end - 1, sent.start, -1) if doc[i].text == ":"), None)
        if colon is None:
            return set()
        after = set(range(colon + 1, end))
        if any(doc[i].is_quote or doc[i].text in "()" for i in after) or not self.holds_clause(after):
            return set()
        return after

    def _parenthesis(self, tok: Token, last: int, sent: Span) -> range | None:
        """The words inside the parentheses of ``sent`` that hold the phrase from ``tok`` to ``last``, when
        words of the sentence lie outside them; None for a phrase in no parenthesis."""
        doc = self.doc
        opening = next((i for i in range(tok.i - 1, sent.start - 1, -1) if doc[i].text in "()"), None)
        closing = next((i for i in range(last + 1, sent.end) if doc[i].text in "()"), None)
        if opening is None or closing is None or doc[opening].text != "(" or doc[closing].text != ")":
            return None
        outside = [t for t in doc[sent.start : opening]] + [t for t in doc[closing + 1 : sent.end]]
        if not any(t.is_alpha for t in outside):
            return None
        return range(opening + 1, closing)

    def _split_clause(self, tok: Token, last: int, sent: Span) -> Token | None:
        """The verb of a clause that a phrase set off by commas (from ``tok`` to ``last``) splits between its
        subject and verb or its verb and object ("One of the plans, according to X, is to ...", "G4S receives,
        according to X, $234 million"), or None."""
        doc = self.doc
        if tok.i < 2 or last + 2 >= sent.end or doc[tok.i - 1].text != "," or doc[last + 1].text != ",":
            return None
        before = range(sent.start, tok.i - 1)
        after = range(last + 2, sent.end)
        words = [i for i in before if not (doc[i].is_punct or doc[i].is_space)]
        for t in doc[sent.start : sent.end]:
            split = (t.dep_ in SUBJ_DEPS and t.i in before and t.head.i in after) or (
                t.dep_ in CORE_OBJECT_DEPS and t.i in after and t.head.i in before
            )
            if split and words and t.head.left_edge.i <= words[0]:
                return t.head  # the whole of what comes before the phrase belongs to the clause
        return None

    @staticmethod
    def _clause_read_as_apposition(tok: Token, pobj: Token) -> Token | None:
        """With "According" read as the sentence's root, an apposition of the source after a comma that runs to
        the sentence's end and holds a verb or a noun the tagger took for one ("the move reeks of fear"): the
        reported sentence."""
        if tok.head.i != tok.i:
            return None
        appos = next((c for c in pobj.children if c.dep_ == "appos" and c.i > pobj.i), None)
        if appos is None or appos.left_edge.i == 0 or tok.doc[appos.left_edge.i - 1].text != ",":
            return None
        rest = [t for t in tok.doc[appos.right_edge.i + 1 : tok.sent.end] if not (t.is_punct or t.is_space)]
        return appos if not rest and len(list(appos.subtree)) >= 4 else None

    def _reports(self, head: Token) -> bool:
        """Whether ``head`` (or the verb whose clause it heads) is a speech cue with a subject."""
        verb = head.head if head.dep_ == "ccomp" else head  # the phrase may hang inside the report's clause
        return bool(self.lex.cue_classes(verb) & {"speech"}) and self.subject(verb) is not None

    def _closing_relative(self, tok: Token) -> Token | None:
        """The relative clause set off by commas that ends right before a closing "according to" phrase
        (", which stood at 12, according to ..."), or None."""
        doc = self.doc
        if tok.i < 2 or doc[tok.i - 1].text != ",":
            return None
        t = doc[tok.i - 2]
        while t.dep_ != "relcl" and t.head.i != t.i:
            t = t.head
        if t.dep_ != "relcl" or t.right_edge.i != tok.i - 2:
            return None
        first = t.left_edge
        if first.lower_ not in {"which", "who", "whose", "whom"} or first.i == 0 or doc[first.i - 1].text != ",":
            return None
        return t

    def _in_source(self, tok: Token) -> Candidate | None:
        """ "in the new poll, X leads": the poll (a ``source_nouns`` word) is the source, the clause the
        phrase modifies the content; "in his view, X": the view's holder is."""
        pobj = first_child(tok, "pobj")
        head = tok.head
        holder = None
        if pobj is not None and pobj.lemma_.lower() in VIEW_NOUNS:
            # "in his view, X", "in the minister's view, X": the one whose view it is
            holder = first_child(pobj, "poss")
            if pobj.lemma_.lower() in SET_OFF_VIEW_NOUNS:
                if holder is None:  # ", in the eyes of most voters,"
                    of = next((c for c in pobj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                    holder = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
                if not self._set_off(tok):
                    holder = None
        if pobj is None or head.i == tok.i or (holder is None and pobj.lemma_.lower() not in self.lex.source_nouns):
            return None
        if holder is None and not any(
            c.dep_ in {"compound", "amod", "nmod", "poss"} or c.lower_ in {"this", "that", "these", "those"}
            for c in pobj.lefts
        ):
            return None  # a named poll ("in a CNN poll"), not "rose in the polls"
        if holder is None and self._summed_polls(tok, pobj):
            return None
        phrase = subtree_ids(tok)
        content: set[int] = set()
        if head.dep_ == "dobj" and head.i < tok.i and pobj.lemma_.lower() in self.lex.standing_sources:
            head = head.head  # "Okafor held 41 percent | in a Marist survey": the clause of the object's verb
        clause = head.pos_ in {"VERB", "AUX"} and any(c.dep_ in SUBJ_DEPS for c in head.children)
        if clause and not self.lex.cue_classes(head):
            content = self.settled(tok, subtree_ids(head) - phrase)
        if not content:  # the parser hung the phrase elsewhere
            content = self._after_opening_phrase(tok, max(phrase))
        if not content:
            return None
        return self._view_candidate(tok, pobj, holder if holder is not None else pobj, content)

    @staticmethod
    def _summed_polls(tok: Token, pobj: Token) -> bool:
        """Whether ``tok`` closes its clause with polls in the plural ("she is still ahead | in national polls"):
        the narrator's summary of a standing, not one poll's finding; opening the sentence they still are."""
        return pobj.tag_ in {"NNS", "NNPS"} and tok.i > tok.head.i

    def _view_candidate(self, tok: Token, pobj: Token, source: Token, content: set[int]) -> Candidate:
        """The quotation of a view phrase ``tok`` ("in", "to", "by") whose object is ``pobj``: the source is
        the object, or its holder ("in the minister's view"), whose object then joins the cue."""
        return Candidate(
            cue=[tok.i] if source is pobj else [tok.i, pobj.i],
            head=tok.i,
            content=content,
            speaker=self._holder_range(source),
            speaker_head=source.i,
            confidence=0.7,
            how="according",
        )

    def _holder_range(self, source: Token) -> tuple[int, int]:
        """The noun phrase of ``source`` without a possessive ending ("the minister" of "the minister's")."""
        lo, hi = np_range(source)
        while hi - 1 > lo and self.doc[hi - 1].dep_ == "case":
            hi -= 1
        return lo, hi

    def _opening_holder(self, tok: Token) -> Candidate | None:
        """A phrase opening the sentence that names whose view the clause after its comma is: "To many
        voters, the plan is a relief" (a person or group after "to") or "By the union's count, 9,000 marched"
        (a ``reckoning_nouns`` word after "by", its holder the source when it has one)."""
        doc = self.doc
        sent = self.sents[self.sent_of[tok.i]]
        first = sent.start
        while first < tok.i and (doc[first].is_punct or doc[first].lower_ in {"but", "and", "yet", "so"}):
            first += 1
        pobj = first_child(tok, "pobj")
        head = tok.head
        if first != tok.i or pobj is None or head.pos_ not in {"VERB", "AUX"} or head.i < tok.i:
            return None
        last = max(subtree_ids(tok))
        if last + 1 >= sent.end or doc[last + 1].text != ",":
            return None
        if not any(c.dep_ in SUBJ_DEPS and c.i > last for c in head.children) or self.lex.cue_classes(head):
            return None  # "To that, Kasich joked ...": the joke is the cue
        if tok.lower_ == "to":
            if not self._view_holder(pobj):
                return None
            source = pobj
        elif pobj.lemma_.lower() in self.lex.reckoning_nouns:
            source = next((c for c in pobj.children if c.dep_ == "poss"), pobj)
        else:
            return None
        content = self.settled(tok, {i for i in subtree_ids(head) if i > last + 1})
        if not content or not self.holds_clause(content):
            return None
        return self._view_candidate(tok, pobj, source, content)

    @staticmethod
    def _view_holder(tok: Token) -> bool:
        """Whether ``tok`` names people who can hold a view: a name, "them", "many", "others", "anyone" or
        a plural noun ("supporters", "officials")."""
        if tok.lower_ in {"them", "him", "her", "many", "others", "some", "most", "anyone", "everyone", "few"}:
            return True
        return tok.tag_ in {"NNP", "NNS", "NNPS"} and tok.ent_type_ not in {"DATE", "TIME", "CARDINAL", "MONEY"}

    def _set_off(self, tok: Token) -> bool:
        """Whether the phrase of ``tok`` is set off by a comma before or after it ("In his mind, ...", "...,
        in their eyes")."""
        doc = self.doc
        last = max(subtree_ids(tok))
        return (tok.i > 0 and doc[tok.i - 1].text == ",") or (last + 1 < len(doc) and doc[last + 1].text == ",")

    def _after_opening_phrase(self, tok: Token, last: int) -> set[int]:
        """ "In the new X poll, conducted in March, 40 percent back Y": the rest of the sentence after a
        phrase that opens it and a comma (a participle phrase set off by commas skipped), when the parser
        hung the phrase elsewhere; empty unless the rest is a clause."""
        doc = self.doc
        sent = self.sents[self.sent_of[tok.i]]
        if tok.i != sent.start or last + 2 >= sent.end or doc[last + 1].text != ",":
            return set()
        start = last + 2
        if doc[start].tag_ in {"VBN", "VBG"}:  # ", conducted March 11-13,"
            comma = next((i for i in range(start, sent.end) if doc[i].text == ","), None)
            if comma is None:
                return set()
            start = comma + 1
        content = self.settled(tok, set(range(start, sent.end)))
        return content if self.holds_clause(content) else set()

    def _passive_agent_cue(self, tok: Token, classes: set[str]) -> Candidate | None:
        """A passive with its "by" agent whose subject is what was said or backed: "the sale was first
        reported by the Courier", "the bill is supported by | the unions" (content the subject, source the
        agent; the "by" goes with the cue); for a stance verb also a participle set off after the noun it
        modifies ("the levy, backed by | the farm groups, ...": the noun phrase is the content)."""
        if tok.tag_ != "VBN" or "quote_only" in classes or not classes & {"speech", "write", "intention"}:
            return None
        patient = first_child(tok, "nsubjpass")
        agent = by_agent(tok)
        span = np_range(patient) if patient is not None else _set_off_noun(tok) if "intention" in classes else None
        if span is None or agent is None:
            return None
        if any(c.dep_ in CONTENT_CLAUSE_DEPS | {"xcomp"} for c in tok.children):
            return None
        if patient is not None and patient.lower_ in PERSON_PRONOUNS | REL_PRONOUNS | {"i", "we", "you", "it"}:
            return None
        return self._agent_candidate(tok, agent, set(range(*span)))

    def _agent_candidate(self, tok: Token, agent: tuple[Token, Token], content: set[int]) -> Candidate | None:
        """The quotation of a participle ``tok`` with its "by" agent (the "by" and its object): the "by" goes
        with the cue, its object is the source; none when the agent sits in another paragraph."""
        by, source = agent
        content = self.settled(tok, content)
        if not content or self.para_of[source.i] != self.para_of[tok.i]:
            return None
        return Candidate.held_by(
            cue=[tok.i, by.i],
            head=tok.i,
            content=content,
            holder=source,
            confidence=0.6,
            how="passive",
        )

    def _stance_participle_cue(self, tok: Token) -> Candidate | None:
        """A stance verb's past participle after a noun, with its "by" agent: "a measure opposed by | the
        unions", "tax breaks (favored strongly by Democrats)": the noun phrase before the participle is the
        content, the agent the source (the "by" goes with the cue)."""
        if tok.tag_ != "VBN" or self.lex.lemma(tok) not in self.lex.stance_participles:
            return None
        agent = by_agent(tok)
        # "some (favored by X) for firms and some (favored by Y)": the second is not on "some"
        head = noun_before(tok, {"NOUN", "PROPN", "PRON", "NUM"}) if agent is not None else None
        if agent is None or head is None:
            return None
        by = agent[1]
        content = set(range(head.left_edge.i, head.i + 1))
        # "a measure opposed by unions that would ...": a relative clause after the agent is the noun's
        content |= {
            i for c in (head, by) for r in c.children if r.dep_ == "relcl" and r.i > by.i for i in subtree_ids(r)
        }
        return self._agent_candidate(tok, agent, content)

    def _announced_participle_cue(self, tok: Token) -> Candidate | None:
        """A participle of making public after a noun, with no "by" agent: "a merger announced | Monday", "the
        cuts announced last week": the noun phrase before the participle is the content, with no source named."""
        if tok.tag_ != "VBN" or self.lex.lemma(tok) not in self.lex.announced_participles or by_agent(tok):
            return None
        head = noun_before(tok, {"NOUN", "PROPN"})
        if head is None:
            return None
        content = self.settled(tok, set(range(head.left_edge.i, head.i + 1)))
        if not content:
            return None
        return Candidate(cue=[tok.i], head=tok.i, content=content, confidence=0.6, how="passive")

    def _announced_passive_cue(self, tok: Token) -> Candidate | None:
        """A verb of making public in the passive with no "by" agent and nothing after it that it takes (no
        clause, infinitive, object, complement or "as" phrase): "the price was not disclosed", "a year after it
        was announced": the subject is the content, with no source named."""
        if tok.tag_ != "VBN" or self.lex.lemma(tok) not in self.lex.announced_passives or passive_aux(tok) is None:
            return None
        subj = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.i < tok.i), None)
        if subj is None or subj.lower_ in REL_PRONOUNS or by_agent(tok) is not None:
            return None
        if any(c.dep_ in PASSIVE_TAKES or (c.dep_ == "prep" and c.lower_ == "as") for c in tok.children):
            return None
        lo, hi = np_range(subj)
        content = self.settled(tok, set(range(lo, hi)))
        if not content:
            return None
        return Candidate(cue=[tok.i], head=tok.i, content=content, confidence=0.6, how="passive")

    def _enacting_cue(self, tok: Token) -> Candidate | None:
        """A law enacted by its subject, in the simple past: "the governor signed | a bill that ...", "Lund,
        who signed | the treaty into law," (the object, with its "into" phrase, is the content)."""
        if self.lex.lemma(tok) not in self.lex.enacting_verbs or passive_aux(tok) is not None:
            return None
        obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
        subj = next((c for c in tok.children if c.dep_ in SUBJ_DEPS and c.i < tok.i), None)
        if obj is None or subj is None or obj.lemma_.lower() not in self.lex.law_nouns:
            return None
        content = subtree_ids(obj)
        into = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "into" and c.i > obj.i), None)
        if into is not None:
            content |= set(range(obj.i, into.right_edge.i + 1))
        content = self.settled(tok, content, trailing=True)
        if not content:
            return None
        return Candidate.held_by(cue=[tok.i], head=tok.i, content=content, holder=subj, how="object")

    def _standing_cue(self, tok: Token) -> Candidate | None:
        """A poll or estimate that puts someone at a standing: "the Marist poll has | Lund leading by six points",
        "a survey had | him at 4 percent", "the poll gave | Lund a lead", "estimates put | the cost at $2 billion"
        (what follows the verb is the finding; the poll is the holder). Only with a standing: a clause, a second
        object, a number or an "at" phrase ("the survey has an error margin of four points" is none)."""
        if passive_aux(tok) is not None:
            return None
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        if subj is None and tok.dep_ == "acl" and tok.head.i < tok.i:
            subj = tok.head  # "with a CNN poll giving | Lund a lead"
        if subj is None or subj.lemma_.lower() not in self.lex.standing_holders:
            return None
        comps = [c for c in tok.rights if c.dep_ not in {"punct", "cc", "conj", "advcl", "mark"}]
        deps = {c.dep_ for c in comps}
        words = [t for c in comps for t in c.subtree]
        at = any(c.dep_ == "prep" and c.lower_ == "at" for c in comps)  # "had him | at 4 percent"
        counted = self.lex.lemma(tok) in self.lex.counting_verbs and any(t.lower_ == "at" or t.like_num for t in words)
        standing = deps & {"ccomp", "xcomp", "dative"} or at or counted
        if not comps or not standing or not deps & {"dobj", "dative", "ccomp", "xcomp"}:
            return None
        start, end = comps[0].left_edge.i, comps[-1].right_edge.i
        # the finding ends at a comma: "at 50 percent, the highest since 2012" (an aside on it)
        end = next((t.i - 1 for t in self.doc[start : end + 1] if t.text == ","), end)
        content = self.settled(tok, set(range(start, end + 1)))
        if not content:
            return None
        return Candidate.held_by(cue=[tok.i], head=tok.i, content=content, holder=subj, how="object")

    def _comparison_cue(self, tok: Token) -> Candidate | None:
        """A named person's comparison, with a finite verb: "Lund compared | the plan to a tax", "a post that
        compares | him with a bully" (the object with its "to"/"with" phrase is the content; "compared with last
        year" and a thing's comparison, "the study compares ...", are no one's words; a description, "the senator
        compared ...", is left out too: the subject is a PERSON entity or a personal or relative pronoun)."""
        if self.lex.lemma(tok) not in self.lex.comparison_verbs or tok.tag_ not in {"VBD", "VBZ", "VBP"}:
            return None
        if passive_aux(tok) is not None:
            return None
        subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
        obj = next((c for c in tok.children if c.dep_ == "dobj" and c.i > tok.i), None)
        if subj is None or obj is None:
            return None
        if subj.ent_type_ != "PERSON" and subj.lower_ not in PERSON_PRONOUNS | REL_PRONOUNS | {"i", "we"}:
            return None
        prep = prep_after([tok, obj], {"to", "with"}, obj.i)
        if prep is None:
            return None
        # the comparison ends at a comma: "to the former president, who also lost money" (an aside on him)
        end = next((t.i - 1 for t in self.doc[prep.i : prep.right_edge.i + 1] if t.text == ","), prep.right_edge.i)
        content = self.settled(tok, set(range(obj.left_edge.i, end + 1)))
        if not content:
            return None
        return Candidate.held_by(cue=[tok.i], head=tok.i, content=content, holder=subj, how="object")

    def _as_cue(self, tok: Token, classes: set[str]) -> Candidate | None:
        """A cue in an "as" clause that frames the sentence: "As the Post reported, S", "As reported by
        X, S", "S, as experts have pointed out": the content is the clause it modifies (not when the cue has a
        content of its own: "as she vowed to fight on, S")."""
        if tok.dep_ != "advcl" or "quote_only" in classes or not classes & {"speech", "write", "cognition", "evidence"}:
            return None
        mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < tok.i), None)
        if mark is None or any(c.dep_ in CONTENT_CLAUSE_DEPS | {"dobj", "xcomp"} for c in tok.children):
            return None  # "as he vowed to fight on, S": the cue's own infinitive, not S
        content = self.settled(tok, subtree_ids(tok.head) - subtree_ids(tok))
        if not content:
            return None
        subj = next((c for c in tok.children if c.dep_ in SUBJ_DEPS), None)
        if subj is None:
            subj = self._agent(tok)
        if subj is None or subj.lower_ in REL_PRONOUNS:
            return None
        cue = [tok.i] + [c.i for c in tok.children if c.dep_ == "prt"]
        return Candidate.held_by(
            cue=sorted(cue),
            head=tok.i,
            content=content,
            holder=subj,
            how="as",
        )

    def _idiom_cue(self, tok: Token) -> Candidate | None:
        """A verb idiom with its content after a preposition or a that-clause: "took issue with | the plan",
        "made no mention of | the deal", "made it clear | that ..." (the lexicon's ``phrases: idiom``)."""
        entries = self.lex.idioms.get(self.lex.lemma(tok))
        if not entries:
            return None
        for word, link in entries:
            key = next((c for c in tok.children if c.i > tok.i and c.lemma_.lower() == word), None)
            if key is None:
                continue
            content: set[int] = set()
            end = key.i
            for holder in (key, tok):
                for c in holder.children:
                    if content or c.i <= key.i:
                        continue
                    if link == "that" and c.dep_ in {"ccomp", "advcl"}:
                        content = subtree_ids(c)
                    elif c.dep_ in {"prep", "dative"} and c.lower_ == link:  # "gave support to": a dative "to"
                        content, end = subtree_ids(c) - {c.i}, c.i
            subj = self.subject(tok)
            content = self.settled(tok, content, trailing=True)
            if subj is None or not content:
                continue  # "took a stance against X": the entry with "on" has no phrase, the one with "against" does
            return Candidate.held_by(
                cue=list(range(tok.i, end + 1)),
                head=tok.i,
                content=content,
                holder=subj,
                how="idiom",
            )
        return None

    def _hearsay_cue(self, tok: Token) -> Candidate | None:
        """ "The senator reportedly met the donors": the clause is reported, by no one named; a clause of time or
        circumstance before it, or set off from it, is the narrator's setting ("When the vote came, | delegates
        reportedly booed")."""
        head = tok.head
        if head.i == tok.i or head.pos_ not in {"VERB", "AUX"}:
            return None
        content = subtree_ids(head) - {tok.i}
        for c in head.children:
            set_off = c.left_edge.dep_ == "mark" or self.doc[c.left_edge.i - 1].text == ","
            if c.dep_ == "advcl" and (c.i < head.i or set_off):
                content -= subtree_ids(c)
        content = self.settled(tok, content, trailing=True)
        if not content:
            return None
        return Candidate(cue=[tok.i], head=tok.i, content=content, confidence=0.6, how="hearsay")

    def _adjective_cue(self, tok: Token) -> Candidate | None:
        """An attitude or impersonal adjective after a copula with a clause, infinitive or about/of/with/in/at/by
        phrase: "the senator is confident that ...", "voters are worried about ...", "it is unclear whether ..."
        (no source); an attitude adjective right after its noun holds that noun's attitude ("donors willing to
        give"), and one joined to another after the copula the first one's subject ("are confident in X and
        skeptical about Y"), as does a feeling's passive with its own "be" ("the crews were angered by the vote").
        "Sure" or "certain" with an infinitive tells what is bound to happen, no one's attitude. A split adjective
        gives its group's views on what its on/over phrase names ("voters are evenly divided on the wall"), and a
        speaking adjective its subject's words on what its about/on/in phrase names ("he was vocal about the plan");
        a devoted adjective takes a "to" phrase ("the towns are hostile to the levy")."""
        lemma = tok.lower_
        split = lemma in self.lex.split_adjectives
        speaking = lemma in self.lex.speaking_adjectives and not split
        devoted = lemma in self.lex.devoted_adjectives and tok.pos_ == "ADJ" and not passive_feeling(tok)
        attitude = lemma in self.lex.attitude_adjectives or split or speaking or devoted
        impersonal = lemma in self.lex.impersonal_adjectives
        if not (attitude or impersonal) or tok.tag_ in {"VBD", "VBZ", "VBP"}:
            return None  # "he angered the donors with his remarks": a verb of its own, no attitude adjective
        holder = self._adjective_holder(tok)
        if tok.dep_ not in {"acomp", "amod", "conj"} and not passive_feeling(tok) and holder is None:
            return None  # only off the copula, after its noun, joined to another, a feeling's passive or with a holder
        top = tok
        while top.dep_ == "conj" and top.head.pos_ == "ADJ":
            top = top.head  # "are confident in X and skeptical about Y": the first adjective's copula
        verb = top.head
        subj = next((c for c in verb.children if c.dep_ in SUBJ_DEPS or c.dep_ == "expl"), None)
        if attitude and self._adjective_after_noun(tok):
            verb, subj = tok, tok.head  # "senators wary of the deal": the noun holds the attitude
        if attitude and passive_feeling(tok):
            verb, subj = tok, self._passive_subject(tok)  # "the crews were angered by the vote"
        own = holder if attitude else None
        if own is not None:
            verb, subj = tok, own  # "the talks made the donors wary of | the deal"
        it = subj is not None and subj.lower_ == "it"
        if not ((impersonal and it) or (attitude and subj is not None and not it)):
            return None
        content: set[int] = set()
        cue = [tok.i] + ([verb.i] if verb.i < tok.i and top is tok else [])
        # "divided on | X", not "divided in their opinions": a split adjective takes only its own prepositions,
        # a speaking adjective its own ("vocal about | X"), a devoted one "to" ("committed to | X")
        if devoted:
            preps = {"to"}
        elif split:
            preps = self.lex.split_preps
        elif speaking:
            preps = self.lex.speaking_preps
        else:
            preps = {"about", "of", "with", "in"}
        for holder in (tok, verb):
            for c in holder.children:
                if c.i < tok.i or content:
                    continue
                if c.dep_ == "xcomp" and lemma in self.lex.raising_adjectives and c.left_edge.lower_ == "to":
                    return None  # "a plan sure to anger voters": what is bound to happen
                if c.dep_ in {"ccomp", "xcomp"}:
                    content = subtree_ids(c)
                elif (
                    attitude
                    and not it
                    and holder is tok
                    and (
                        (c.dep_ == "prep" and c.lower_ in preps)
                        or (not (split or speaking) and self._feeling_cause(tok, c))
                    )
                ):
                    content = subtree_ids(c) - {c.i}
                    cue.append(c.i)
        content = self.settled(tok, content, trailing=True)
        if not content:
            return None
        speaker = speaker_range(subj) if subj is not None and not it else None
        if speaker is not None and subj is not None and subj.i == tok.head.i:
            # "donors | willing to give": the noun, not its adjective
            speaker = cut_before(self.doc, speaker[0], min(speaker[1], tok.left_edge.i))
        return Candidate(
            cue=sorted(cue),
            head=tok.i,
            content=content,
            speaker=speaker,
            speaker_head=subj.i if speaker is not None and subj is not None else None,
            how="adjective",
        )

    @staticmethod
    def _feeling_cause(tok: Token, prep: Token) -> bool:
        """Whether an "at" or "by" phrase tells what an attitude adjective's feeling is about: "farmers are
        angry at the mayor", "she was impressed by the speech". A verb's passive ("gender is determined at
        birth") has no such phrase."""
        if passive_feeling(tok):
            return prep.dep_ == "agent"  # "the crews were angered by the vote", not "determined at birth"
        return tok.pos_ == "ADJ" and prep.dep_ in {"prep", "agent"} and prep.lower_ in {"at", "by"}

    def _adjective_holder(self, tok: Token) -> Token | None:
        """Whose attitude an adjective off the copula states: the object a leaving verb puts in it ("the rally left
        the town excited about the visit", "his remarks made me wary of the plan"), or the adjective's own subject
        in an absolute clause ("the board, many of them skeptical about the plan, ..."), else, set off after a
        clause, that clause's subject ("Lund sharpened his attacks, eager to keep his lead"). Not a verb the
        tagger read as an adjective ("as states open balloting")."""
        if tok.pos_ != "ADJ" or any(c.dep_ == "dobj" for c in tok.children):
            return None
        leaving = self.lex.lemma(tok.head) in self.lex.leaving_verbs
        if tok.dep_ == "oprd" and leaving:
            return next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
        if tok.dep_ == "advcl" or (tok.dep_ == "ccomp" and leaving):
            own = next((c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i), None)
            if own is not None or tok.dep_ == "ccomp":
                return own
            return next((c for c in tok.head.children if c.dep_ in SUBJ_DEPS), None)
        return None

    @staticmethod
    def _passive_subject(tok: Token) -> Token | None:
        """The subject of a passive participle, or of the participle it is joined to ("the crews struck and were
        angered by the vote")."""
        for t in (tok, tok.head) if tok.dep_ == "conj" else (tok,):
            subj = next((c for c in t.children if c.dep_ in SUBJ_DEPS), None)
            if subj is not None:
                return subj
        return None

    @staticmethod
    def _adjective_after_noun(tok: Token) -> bool:
        """Whether an adjective follows the noun it modifies, with its own complement: "donors willing to
        give", "the only senator interested in the bill", "voters wary of both parties"."""
        head = tok.head
        return (
            tok.dep_ == "amod"
            and head.i < tok.i
            and head.pos_ in {"NOUN", "PROPN", "PRON"}
            and any(c.dep_ in {"xcomp", "ccomp", "prep"} and c.i > tok.i for c in tok.children)
        )

    def _prep_cue(self, tok: Token) -> Candidate | None:
        """A verb-preposition cue whose object is the content: "pointed to the record", "called for
        talks", "called for the state to act" (a "for" clause), "railed against the deal"."""
        lemma = self.lex.lemma(tok)
        prt = first_child(tok, "prt")
        verbs = {lemma} if prt is None else {lemma, f"{lemma} {prt.lower_}"}  # "lashed out | at"
        for c in tok.children:
            if c.i < tok.i:
                continue
            if c.dep_ == "prep" and any((v, c.lower_) in self.lex.prep_cues for v in verbs):
                if any(x.dep_ == "ccomp" and tok.i < x.i < c.i for x in tok.children):
                    continue  # "believed it is up to her “in the way ...”": the clause's phrase, misattached
                obj = next((g for g in c.children if g.dep_ in {"pobj", "pcomp"}), None)
                if obj is None or obj.ent_type_ in {"DATE", "TIME"}:
                    continue
                prep = c.i
                content = subtree_ids(c) - {prep}
                after = next((x for x in tok.children if x.dep_ == "xcomp" and x.i == c.right_edge.i + 2), None)
                if c.lower_ == "for" and after is not None:
                    content |= subtree_ids(after)  # "called for the agency | to release ..." parsed apart
                gerund = next(
                    (x for x in tok.children if x.tag_ == "VBG" and x.left_edge.i == c.right_edge.i + 1), None
                )
                if gerund is not None and gerund.dep_ in {"xcomp", "advcl"} and gerund.left_edge.dep_ != "mark":
                    content |= subtree_ids(gerund)  # "bragged about his uncle | teaching him to sail" parsed apart
                content |= self.trailing_modifiers(tok, max(content))
                content |= self.noun_list(content)
                content |= self.wh_conjunct(content)
            elif c.dep_ == "advcl" and (lemma, "for") in self.lex.prep_cues:
                mark = next((g for g in c.children if g.dep_ == "mark" and g.lower_ == "for"), None)
                if mark is None:
                    continue
                prep = mark.i
                content = subtree_ids(c) - {prep}
            else:
                continue
            content = self.settled(tok, content, trailing=True)
            subj = self.subject(tok)
            if not content or subj is None or self.para_of[subj.i] != self.para_of[tok.i] or subj.i in content:
                return None
            found = Candidate.held_by(cue=sorted({tok.i, prep}), head=tok.i, content=content, holder=subj, how="prep")
            if found.speaker is not None and found.speaker[0] < tok.i < found.speaker[1]:
                # "a group of nurses called for a strike, and the league ...": the verb read as the noun's participle
                found.speaker = cut_before(self.doc, found.speaker[0], tok.i, keep=subj.i)
            return found
        return None

    def _stray_infinitive(self, content: set[int]) -> set[int]:
        """ "a call for the party | to embrace his candidacy": a "to" infinitive right after a noun's "for"
        phrase that the parser hung elsewhere (on the sentence's verb) says what the "for" phrase's object is
        to do; it goes on with the content ("repeated its demands for the banks | to lower fees"; train +1
        matched, -1 false positive)."""
        doc = self.doc
        last = max(content)
        if last + 2 >= len(doc) or doc[last + 1].lower_ != "to" or doc[last + 1].dep_ != "aux":
            return set()
        verb = doc[last + 1].head
        if verb.tag_ != "VB" or verb.left_edge.i != last + 1 or verb.i in content or self.in_region(verb):
            return set()
        return subtree_ids(verb)

    @staticmethod
    def _for_subject(noun: Token, inf: Token) -> bool:
        """ "a demand for Serbia to hand over suspects": the parser hangs the infinitive on the noun, after a
        "for" phrase that names its subject; the two are one content."""
        prep = next((c for c in noun.children if c.dep_ == "prep" and noun.i < c.i < inf.i), None)
        return prep is not None and prep.lower_ == "for" and prep.right_edge.i + 2 == inf.i

    def _in_favor_cue(self, tok: Token) -> Candidate | None:
        """ "voted in favor of the bill", "spoke out in support of Cruz", "she is in favor of gun control": the
        stance phrase on a cue verb, a verb with a cue particle or a copula; the object of its "of" is the
        content, the verb's subject the source. An aim or stance of ``aim_nouns`` on any verb ("toured the state in
        hopes of winning", "raised money in support of Lund")."""
        prep = tok.head
        noun = self.lex.lemma(tok)
        if tok.dep_ != "pobj" or noun not in self.lex.stance_nouns | self.lex.aim_nouns or prep.lower_ != "in":
            return None
        verb = prep.head
        if prep.dep_ != "prep" or verb.pos_ not in {"VERB", "AUX"} or prep.i < verb.i:
            return None
        if noun not in self.lex.aim_nouns and any(c.dep_ == "dobj" and verb.i < c.i < prep.i for c in verb.children):
            return None  # "called her vote in favor of the war": the phrase of the object, misattached
        prt = first_child(verb, "prt")
        lemma = self.lex.lemma(verb)
        if not (
            noun in self.lex.aim_nouns
            or self.lex.cue_classes(verb)
            or lemma == "be"
            or (prt is not None and (lemma, prt.lower_) in self.lex.particles)
        ):
            return None
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > tok.i), None)
        if of is None or not any(g.dep_ in {"pobj", "pcomp"} for g in of.children):
            return None
        subj = self.subject(verb)
        if subj is None or self.para_of[subj.i] != self.para_of[tok.i]:
            return None
        content = self.settled(tok, subtree_ids(of) - {of.i}, trailing=True)
        if not content or subj.i in content:
            return None
        return Candidate.held_by(
            cue=sorted({verb.i, prep.i, tok.i, of.i}),
            head=tok.i,
            content=content,
            holder=subj,
            confidence=0.6,
            how="prep",
        )

    def _holderless(self, tok: Token) -> bool:
        """Whether a statement noun without a holder is a cue: one of ``holderless_nouns`` ("criticism of the
        plan"), or one of ``that_nouns`` with a that-clause ("amid fears that the talks will fail")."""
        lemma = tok.lemma_.lower()
        if lemma in self.lex.holderless_nouns:
            return True
        if lemma in self.lex.subject_stance_nouns and tok.dep_ in {"nsubj", "nsubjpass"}:
            return True  # "support for the levy has grown among farmers": those polled
        if lemma in self.lex.question_nouns and tok.dep_ != "attr" and self._asks(tok):
            return True  # "questions about whether the ferry will run"
        if lemma not in self.lex.that_nouns:
            return False
        return any(
            c.dep_ in NOUN_CLAUSE_DEPS
            and c.i > tok.i
            and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children)
            for c in tok.children
        )

    @staticmethod
    def _asks(tok: Token) -> bool:
        """Whether a noun's phrase is an indirect question: "questions about whether the ferry will run", "the
        question of how to pay for it"."""
        return any(
            c.dep_ == "prep"
            and c.i > tok.i
            and c.lower_ in {"about", "of", "over", "on"}
            and any(g.dep_ in {"pobj", "pcomp"} and g.doc[g.left_edge.i].lower_ in WH_CLAUSE_WORDS for g in c.children)
            for c in tok.children
        )

    def _received_noun_cue(self, tok: Token) -> Candidate | None:
        """A statement noun that the subject receives from its holder: "Rubio won strong support from governors",
        "she has the support of older voters", "he faced attacks from his rivals": the holder (from, of, among)
        is the source, the subject what the statement is about. Left to the other readings when the noun has
        its own holder or a phrase of what it is about ("faced criticism for the move")."""
        verb = tok.head
        if tok.dep_ != "dobj" or self.lex.lemma(verb) not in self.lex.receiving_verbs:
            return None
        if any(c.dep_ == "poss" or (c.dep_ in NOUN_CLAUSE_DEPS | {"acl"} and c.i > tok.i) for c in tok.children):
            return None  # "his support", "criticism from rivals that he lied": the other readings
        preps = [c for c in tok.children if c.dep_ == "prep" and c.i > tok.i]
        holder_prep = next((c for c in preps if c.lower_ == "from"), None) or next(
            (c for c in preps if c.lower_ in {"of", "among"}), None
        )
        if holder_prep is None and not preps:
            holder_prep = self._verb_from(tok)
        if holder_prep is None or any(c is not holder_prep and c.lower_ != "in" for c in preps):
            return None
        holder = next((g for g in holder_prep.children if g.dep_ == "pobj"), None)
        subj = self.subject(verb)
        if holder is None or subj is None or self.para_of[subj.i] != self.para_of[tok.i]:
            return None
        content = self.settled(tok, subtree_ids(subj))
        if not content or holder.i in content:
            return None
        return Candidate.held_by(
            cue=[tok.i, holder_prep.i],
            head=tok.i,
            content=content,
            holder=holder,
            confidence=0.6,
            how="noun",
        )

    @staticmethod
    def _verb_from(tok: Token) -> Token | None:
        """A "from" phrase the parser hung on the receiving verb right after its object: "Rubio won support | from
        governors" read as won ... from, not support from."""
        nxt = tok.right_edge.i + 1
        return next((c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "from" and c.i == nxt), None)

    def _among_noun_cue(self, tok: Token) -> Candidate | None:
        """A stance noun (``among_nouns``) with a possessive and an "among" phrase, and no phrase of its own
        about what it is for: "her support among minorities" (content "her", source "minorities"): the group
        supports the possessor."""
        owner = first_child(tok, "poss")
        preps = [c for c in tok.children if c.dep_ == "prep" and c.i > tok.i]
        among = next((c for c in preps if c.lower_ == "among"), None)
        if owner is None or among is None or any(c.lower_ in {"for", "of", "to"} for c in preps):
            return None
        holder = next((g for g in among.children if g.dep_ == "pobj"), None)
        if holder is None:
            return None
        content = subtree_ids(owner) - {c.i for c in owner.children if c.dep_ == "case"}  # "Lund | 's"
        return Candidate.held_by(
            cue=[tok.i, among.i],
            head=tok.i,
            content=content,
            holder=holder,
            confidence=0.6,
            how="noun",
        )

    def _copula_noun_cue(self, tok: Token) -> Candidate | None:
        """A statement noun that is the subject of a copula with a clause or infinitive after it: "her
        impression is that the plan failed", "the question is whether he runs", "their strategy is to wait":
        the clause is the content, the noun's holder (a possessive or a name compounded to it) the source.
        Without a holder only a that-clause is read ("the hope was that ...")."""
        be = tok.head
        if tok.dep_ != "nsubj" or be.lemma_ != "be" or be.i < tok.i:
            return None
        if not self._statement_noun(tok):
            return None
        if any(c.dep_ in {"acomp", "attr"} and c.i > be.i for c in be.children):
            return None  # "his goal is simple: ..."
        clause = next(
            (
                c
                for c in be.children
                if c.i > be.i
                and (c.dep_ == "ccomp" or (c.dep_ == "xcomp" and any(g.lower_ == "to" for g in c.children)))
            ),
            None,
        )
        if clause is None:
            return None
        holder = self._own_holder(tok)
        if holder is None and not (
            clause.dep_ == "ccomp" and any(g.lower_ == "that" and g.dep_ == "mark" for g in clause.children)
        ):
            return None  # "the question is whether ...", "the goal is to ...": mostly the narrator's
        content = self.settled(tok, subtree_ids(clause))
        if not content:
            return None
        return Candidate.held_by(
            cue=[tok.i, be.i],
            head=tok.i,
            content=content,
            holder=holder,
            confidence=0.7,
            how="noun",
        )

    def _colon_noun_cue(self, tok: Token) -> Candidate | None:
        """A statement noun and a colon, with what was stated after it: "their message: the plant must close",
        "the union sent the mayor a blunt message: the strike goes on", "the mayor had some advice for them:
        wait": the rest of the sentence is the content, the noun's holder (a possessive, a name compounded to
        it, or the subject of the verb it is the object of) the source."""
        doc = self.doc
        if not self._statement_noun(tok):
            return None
        k = tok.i + 1
        while k < len(doc) and doc[k].text != ":" and tok in doc[k].ancestors and self._noun_modifier(doc[k], tok):
            k += 1  # "advice for the new council:", "advice for voters already celebrating:"
        if k >= len(doc) - 1 or doc[k].text != ":" or self.sent_of[k + 1] != self.sent_of[tok.i]:
            return None
        holder = self._own_holder(tok)
        if holder is None and tok.dep_ == "dobj":
            holder = self.subject(tok.head)
        if holder is None:
            return None
        content = trim(doc, set(range(k + 1, self.sents[self.sent_of[k + 1]].end)))
        if not content or not any(doc[i].pos_ in {"VERB", "AUX"} for i in content) or holder.i in content:
            return None
        if any(i in self._quote_tokens for i in content) or any(
            self.lex.lemma(doc[i]) in self.lex.classes for i in content if doc[i].pos_ in {"VERB", "AUX"}
        ):
            return None  # 'his assessment: "Not good," he said': the quotation's or the cue's own reading
        return Candidate.held_by(
            cue=[tok.i, k],
            head=tok.i,
            content=content,
            holder=holder,
            confidence=0.6,
            how="noun",
        )

    @staticmethod
    def _noun_modifier(word: Token, noun: Token) -> bool:
        """Whether ``word`` in ``noun``'s phrase is no verb, or a verb in a relative clause or participle
        phrase ("advice for voters already celebrating", "a warning that could help"), not an infinitive of
        purpose ("a strategy to achieve what ...")."""
        if word.pos_ != "VERB":
            return True
        t = word
        while t.i != noun.i and t.head.i != t.i:
            if t.dep_ == "relcl" or (t.dep_ == "acl" and t.tag_ in {"VBG", "VBN"}):
                return True
            t = t.head
        return False

    def _titled_cue(self, tok: Token) -> Candidate | None:
        """A title verb right before a quotation, "an ad titled “Second Look,”", "a memo entitled, “Where We
        Stand.”", "Titled “Home Again,” the video ...": the quoted title is the content, a direct quotation
        (``title_verbs``; PolNeAR marks these titles as quotations with the verb as cue). The subject of the
        verb the work is the object of is the source ("Lund released a memo titled ..."), else a "by" after the
        title names it. Inside another cue's content the title stays part of it (``quote_only``)."""
        if self.lex.lemma(tok) not in self.lex.title_verbs and tok.lower_ not in self.lex.title_verbs:
            return None
        region = self._region_after(tok.i + 1)
        if region is None:
            return None
        k, end = region
        work = tok.head  # "Lund released a memo titled ...": the one who released the work is the source
        holder = self.subject(work.head) if work.dep_ == "dobj" and work.head.pos_ == "VERB" else None
        if holder is None or holder.i > work.i:
            holder = self._title_author(end)
        return Candidate.held_by(
            cue=[tok.i],
            head=tok.i,
            content=set(range(k, end)),
            holder=holder,
            confidence=0.7,
            how="title",
            quote_only=True,
        )

    def _chant_cue(self, tok: Token) -> Candidate | None:
        """A chant or slogan noun right before a quotation, "chants of “Go, Lund, go!”", "their slogan, “Fix It
        First,”" (``chant_nouns``): the quotation is the content, a direct quotation; the noun's holder (a
        possessive, or the subject of the verb it is the object of, also after "on", "in" or "under": "the crowd
        took up the chant “...”", "she ran on the slogan “...”") the source. Inside another cue's content, or in a
        sentence an "according to" phrase sources, the chant stays part of that report."""
        if self.lex.lemma(tok) not in self.lex.chant_nouns:
            return None
        region = self._region_after(tok.i + 1, skip=(",", "of"))
        if region is None or self._sourced_sentence(tok.i, region[1]):
            return None
        holder = self._own_holder(tok)
        verb = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ in {"on", "in", "under"} else tok.head
        if holder is None and (tok.dep_ == "dobj" or verb.i != tok.head.i) and verb.pos_ == "VERB":
            holder = self.subject(verb)  # "took up the chant", "ran on the slogan", "joined in the chant"
        if holder is not None and holder.i >= tok.i:
            holder = None  # a source after the chant is not its holder
        return Candidate.held_by(
            cue=[tok.i],
            head=tok.i,
            content=set(range(*region)),
            holder=holder,
            confidence=0.7,
            how="noun",
            quote_only=True,
        )

    def _sourced_sentence(self, i: int, after: int) -> bool:
        """Whether the sentence of token ``i`` has an "according to" phrase, or the sentence the token
        ``after`` a quotation opens in the same paragraph (the parser ends a sentence at a quotation's "!"):
        what it tells, chants included ("the mayor, who was met with chants of “Go!” at the fair, according
        to X"), is that source's report, the outermost attribution."""
        doc = self.doc
        sents = {self.sent_of[i]}
        if after < len(doc) and self.para_of[after] == self.para_of[i]:
            sents.add(self.sent_of[after])
        return any(opens_according_to(t) for k in sents for t in self.sents[k])

    def _region_after(self, k: int, skip: tuple[str, ...] = (",",)) -> tuple[int, int] | None:
        """The tokens [start, end) of a quotation that opens at token ``k`` (after one of the words ``skip``),
        in the same sentence; None when no quotation opens there."""
        doc = self.doc
        if k < len(doc) and doc[k].lower_ in skip:
            k += 1
        if k >= len(doc) or self.sent_of[k] != self.sent_of[k - 1]:
            return None
        region = next(((rs, re_) for rs, re_ in self.regions if rs == doc[k].idx), None)
        if region is None:
            return None
        end = k
        while end < len(doc) and doc[end].idx < region[1]:
            end += 1
        return k, end

    def _title_author(self, end: int) -> Token | None:
        """The author a "by" names right after a quoted title ("a paper titled “Growing Jobs” by Lena Park"),
        else None."""
        doc = self.doc
        if end + 1 >= len(doc) or doc[end].lower_ != "by":
            return None
        author = first_child(doc[end], "pobj")
        return author if author is not None and author.pos_ in {"PROPN", "PRON"} else None

    def _role_noun_cue(self, tok: Token) -> Candidate | None:
        """A noun for a person by their stance, said of someone by a copula: "the senator is a critic of the
        pipeline", "she has been a Sanders supporter", "teachers were among its earliest supporters": the one
        it is said of is the source, the "of" object or the name compounded to the noun the content. Not in an
        apposition ("Maria Lopez, a longtime supporter of the mayor,"): that is the narrator's description of
        the person, which the annotators do not mark (on PolNeAR train 3 of 11 were)."""
        if self.lex.lemma(tok) not in self.lex.role_nouns:
            return None
        top = tok
        while top.dep_ == "conj":
            top = top.head  # "a farmer and Clinton backer"
        holder: Token | None = None
        if top.dep_ == "attr" and top.head.lemma_ == "be":
            holder = self.subject(top.head)
        elif top.dep_ == "pobj" and top.head.lower_ == "among" and top.head.head.lemma_ == "be":
            holder = self.subject(top.head.head)
        if holder is None or holder.tag_ in {"WDT", "WP"}:
            return None
        cue = [tok.i]
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" and c.i > tok.i), None)
        pobj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if of is not None and pobj is not None:
            content = subtree_ids(of) - {of.i}
            for c in pobj.children:
                if c.dep_ == "relcl" and c.i > pobj.i:
                    content -= set(range(c.left_edge.i, max(content) + 1))  # "of Roe, which ...": the narrator's
            cue.append(of.i)
        else:
            names = self._compound_names(tok)
            if not names:
                return None
            content = set(range(names[0].left_edge.i, names[-1].i + 1))
        content = self.settled(tok, content)
        if not content or holder.i in content:
            return None
        speaker = speaker_range(holder)
        if top.dep_ == "appos" and speaker[0] <= holder.i < top.left_edge.i:
            # "Maria Lopez, a supporter of ...": the name without the apposition
            speaker = cut_before(self.doc, speaker[0], top.left_edge.i, keep=holder.i)
        return Candidate(
            cue=cue,
            head=tok.i,
            content=content,
            speaker=speaker,
            speaker_head=holder.i,
            confidence=0.6,
            how="noun",
        )

    def _statement_noun(self, tok: Token) -> bool:
        """Whether ``tok`` is a noun that holds a statement: one of the lexicon's ``nouns``, ``that_nouns`` or
        ``copula_nouns`` ("claim", "fear", "worry")."""
        lemma = self.lex.lemma(tok)
        return lemma in self.lex.nouns or lemma in self.lex.that_nouns or lemma in self.lex.copula_nouns

    @staticmethod
    def _compound_names(tok: Token) -> list[Token]:
        """The names compounded to a noun before it ("the Trump campaign's claim", "a Sanders supporter")."""
        return [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]

    def _own_holder(self, tok: Token) -> Token | None:
        """A statement noun's own holder: its possessive ("her worry"), else the last name compounded to it
        ("the White House message")."""
        holder = first_child(tok, "poss")
        if holder is None:
            names = self._compound_names(tok)
            holder = names[-1] if names else None
        return holder

    def _with_holder(self, tok: Token) -> Token | None:
        """The holder of a statement noun in a "with" phrase on a verb: the verb's subject ("she courted voters
        with promises to cut taxes", "he opened with a call for unity"); not for a noun the subject receives
        ("rose with the support of the unions")."""
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ != "with" or prep.dep_ != "prep" or prep.head.pos_ != "VERB":
            return None
        lemma = tok.lemma_.lower()
        if lemma in self.lex.received_nouns and lemma not in self.lex.holderless_nouns:
            return None
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
            return None  # "with the demands of the job": whose, not a statement
        return self.subject(prep.head)

    def _noun_cue(self, tok: Token) -> Candidate | None:
        """A statement noun with its holder and what it is about: "the senator's criticism of the deal",
        "a claim by the ministry that ...", "her support for the bill"; not an attack of arms ("Russia's missile
        attack on Kyiv")."""
        if self.lex.lemma(tok) in self.lex.force_verbs and any(
            c.dep_ in {"compound", "amod", "nmod"} and c.lower_ in self.lex.weapon_words for c in tok.children
        ):
            return None
        holder = first_child(tok, "poss")
        content: set[int] = set()
        cue = [tok.i]
        for c in tok.children:
            if c.i < tok.i:
                continue
            if c.dep_ == "prep" and c.lower_ == "by" and holder is None:
                holder = next((g for g in c.children if g.dep_ == "pobj"), None)
            elif c.dep_ == "prep" and c.lower_ in {"of", "for", "on", "about", "against", "to", "over"}:
                if c.lower_ == "to" and self.lex.lemma(tok) in self.lex.addressee_nouns:
                    continue  # "a phone call to Putin": the one called, not what was said
                pobjs = [g for g in c.children if g.dep_ == "pobj"]
                if pobjs and all(g.ent_type_ in {"DATE", "TIME"} for g in pobjs):
                    continue  # "made the comments on Sunday": when, not what about
                if not content and len(list(c.subtree)) > 1:
                    content |= subtree_ids(c) - {c.i}  # "support for | the bill": the preposition is the cue's
                    cue.append(c.i)
                    if c.lower_ == "for":
                        content |= self._stray_infinitive(content)
            elif c.dep_ in NOUN_CLAUSE_DEPS and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children):
                content |= subtree_ids(c)
            elif c.dep_ in {"acl", "relcl"} and c.tag_ == "VB" and any(g.lower_ == "to" for g in c.children):
                if not content:
                    content |= subtree_ids(c)  # "her promise to repave the roads", "the decision to leave"
                elif self._for_subject(tok, c):
                    content |= set(range(max(content) + 1, c.i)) | subtree_ids(c)
        if not content:
            prep = self._light_verb_phrase(tok)
            if prep is not None:
                content, cue = subtree_ids(prep) - {prep.i}, [*cue, prep.i]
        if holder is None:
            # "a White House statement that ...", "the Trump campaign's claim": a name compounded to the noun
            names = self._compound_names(tok)
            holder = names[-1] if names else None
        if holder is None:
            # "endorsements from the unions", "opposition from the homeowners"
            src = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" and c.i > tok.i), None)
            obj = next((g for g in src.children if g.dep_ == "pobj"), None) if src is not None else None
            if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}):
                holder = obj
        if holder is None and tok.dep_ == "dobj" and self.lex.lemma(tok.head) in self.lex.light_verbs:
            holder = self.subject(tok.head)  # "she made the case that ...", "he voiced his concern about ..."
        if holder is None:
            holder = self._with_holder(tok)
        if not content or (holder is None and not self._holderless(tok)):
            return None
        # "its criticism of the rota, which ...": the relative clause is the narrator's
        content = self.settled(tok, content, trailing=True)
        if not content:
            return None
        speaker: tuple[int, int] | None = None
        if holder is not None:
            speaker = speaker_range(holder)
            if speaker[0] <= tok.i < speaker[1]:
                speaker = (speaker[0], tok.i) if speaker[0] < tok.i else (holder.i, holder.i + 1)
        return Candidate(
            cue=cue,
            head=tok.i,
            content=content,
            speaker=speaker,
            speaker_head=holder.i if holder is not None else None,
            confidence=0.7,
            how="noun",
        )

    def _light_verb_phrase(self, tok: Token) -> Token | None:
        """The phrase of what a light verb's statement noun is about where the parser hung it on the verb ("continued
        his assault | on the mayor", "delivered a tirade | against the board"): right after the noun, not of a day."""
        verb = tok.head
        if tok.dep_ != "dobj" or self.lex.lemma(verb) not in self.lex.light_verbs:
            return None
        prep = next((c for c in verb.children if c.dep_ == "prep" and c.i == tok.right_edge.i + 1), None)
        if prep is None or prep.lower_ not in {"of", "for", "on", "about", "against", "over"}:
            return None
        pobjs = [g for g in prep.children if g.dep_ == "pobj"]
        if not pobjs or any(g.ent_type_ in {"DATE", "TIME"} for g in pobjs):
            return None  # "made the request on Jan. 23": when, not what about
        return prep


def _set_off_noun(tok: Token) -> tuple[int, int] | None:
    """The noun phrase a passive participle set off by a comma modifies, up to its head ("the tax plan, |
    opposed by the unions, ..."): its token range, None for any other participle."""
    head = tok.head
    if tok.dep_ != "acl" or head.pos_ != "NOUN" or head.i >= tok.i or tok.doc[tok.i - 1].text != ",":
        return None
    return min(t.i for t in head.subtree), head.i + 1


def passive_feeling(tok: Token) -> bool:
    """Whether a participle is the passive of a feeling, with its own "be" ("the crews were angered by the
    vote", "members were thrilled with the report"), which reads as an attitude adjective."""
    return tok.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in tok.children)
