"""Pass 2 of the quote finder: every reporting cue outside a quotation region and the content the parse
gives it (verbs, verb-preposition pairs, idioms, "according to", "as" clauses, passives, attitude
adjectives, statement nouns, headlines)."""

from __future__ import annotations

import itertools

from spacy.tokens import Token

from corridor.quoting.base import (
    CONTENT_CLAUSE_DEPS,
    NOUN_CLAUSE_DEPS,
    PERSON_PRONOUNS,
    REL_PRONOUNS,
    SUBJ_DEPS,
    WH_OBJECTS,
    Candidate,
    FinderBase,
    as_phrase,
    np_range,
    speaker_range,
    subtree_ids,
    trim,
)

FINITE = {"VBD", "VBZ", "VBP"}
OWN_CONTENT_DEPS = {"dobj", "ccomp", "xcomp", "attr", "oprd", "acomp", "dative"}


class CueFinder(FinderBase):
    """Cues and their contents (see the module doc)."""

    # -- pass 2: cues and their contents --
    def candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        doc = self.doc
        for tok in doc:
            if self.in_region(tok) or tok.idx in self.tag_chars:
                continue
            if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
                cand = self._according(tok)
            elif tok.lower_ == "in" and tok.dep_ == "prep":
                cand = self._in_source(tok)
            else:
                classes = self.lex.cue_classes(tok)
                if not classes and tok.pos_ == "VERB":
                    prt = next((c for c in tok.children if c.dep_ == "prt"), None)
                    if prt is not None and (self.lex.lemma(tok), prt.lower_) in self.lex.particles:
                        classes = {"speech"}
                cand = self._as_cue(tok, classes) if classes else None
                if cand is None and classes:
                    cand = self._passive_agent_cue(tok, classes)
                if cand is None and tok.pos_ == "VERB":
                    cand = self._prep_cue(tok) or self._idiom_cue(tok)
                if cand is None and classes:
                    cand = self._verb_cue(tok, classes)
                if cand is None and tok.pos_ == "NOUN" and tok.lemma_.lower() in self.lex.nouns:
                    cand = self._noun_cue(tok)
                if cand is None and tok.dep_ == "acomp":
                    cand = self._adjective_cue(tok)
                if cand is None and tok.dep_ == "advmod" and tok.lower_ in self.lex.hearsay_adverbs:
                    cand = self._hearsay_cue(tok)
            if cand is None and tok.text == ":":
                cand = self._headline_colon(tok)
            if cand is not None:
                cand.sent = self.sent_of[cand.head]
                out.append(cand)
        title = self.title_cue(out)
        if title is not None:
            title.sent = self.sent_of[title.head]
            out.append(title)
        return out

    def title_cue(self, taken: list[Candidate]) -> Candidate | None:
        """The article's title in title case, "Senator Roe Slams Budget Plan": the tagger reads such
        verbs as names, so the cue is found by its word form (a speech, writing, evaluation or intention
        verb of the lexicon): the words before it are the speaker, the rest of the title the content."""
        doc = self.doc
        title = [t for t in itertools.takewhile(lambda t: self.para_of[t.i] == 0, doc) if not t.is_space]
        words = [t for t in title if t.is_alpha]
        if not (3 <= len(words) <= 20) or sum(t.text[0].isupper() for t in words) < 0.8 * len(words):
            return None
        if any(c.cue and min(c.cue) <= title[-1].i for c in taken):
            return None  # the title already has a cue
        for k, tok in enumerate(title[1:-1], start=1):
            if not tok.is_alpha or not tok.text[0].isupper():
                continue
            low = tok.lower_
            lemmas = [low[: -len(end)] for end in ("es", "s") if low.endswith(end)] + [low]  # "Slams", "Praises"
            classes = next((self.lex.classes[w] for w in lemmas if w in self.lex.classes), set())
            if "quote_only" in classes or not classes & {"speech", "write", "evaluation", "intention"}:
                continue
            speaker = [t for t in title[:k] if not t.is_punct]
            content = trim(doc, {t.i for t in title[k + 1 :]})
            if not speaker or not any(doc[i].is_alpha for i in content):
                return None
            return Candidate(
                cue=[tok.i],
                head=tok.i,
                content=content,
                speaker=(speaker[0].i, speaker[-1].i + 1),
                speaker_head=speaker[-1].i,
                confidence=0.6,
                how="title",
            )
        return None

    def _headline_colon(self, colon: Token) -> Candidate | None:
        """A name, a colon and what the named said, at the start of a paragraph: a headline ("Senator Roe:
        The Bill Will Pass", "Roe to voters: the bill will pass", "Report: ...") or a transcript turn
        ("ROE: We will ..."), whose content runs to the end of the paragraph."""
        doc = self.doc
        para = self.para_of[colon.i]
        lo = colon.i
        while lo > 0 and self.para_of[lo - 1] == para:
            lo -= 1
        hi = colon.i + 1
        while hi < len(doc) and self.para_of[hi] == para:
            hi += 1
        before = [t for t in doc[lo : colon.i] if not (t.is_punct or t.is_space)]
        after = [t for t in doc[colon.i + 1 : hi] if not (t.is_space or t.is_punct)]
        if not before or len(before) > 7 or len(after) < 3 or before[0].pos_ == "DET":
            return None
        to = next((k for k, t in enumerate(before) if t.lower_ == "to"), None)
        speaker = before if to is None else before[:to]
        if not speaker or any(t.pos_ in {"VERB", "AUX", "PRON", "ADP", "NUM", "SCONJ"} for t in speaker):
            return None
        if (len(speaker) == 1 and len(speaker[0].text) == 1) or any(t.lower_ in self.lex.colon_labels for t in speaker):
            return None  # "Q:", "A:" turns with no name; "Editor's note:", "Update:" labels
        capitalized = all(t.text[0].isupper() for t in speaker if t.is_alpha)
        named = (
            any(t.pos_ == "PROPN" for t in speaker)
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
        if not all(t.is_upper for t in speaker if t.is_alpha):
            # a transcript turn ("ROE: ...") runs to the end of the paragraph, a headline to its sentence's
            hi = min(hi, self.sents[self.sent_of[colon.i + 1]].end) if colon.i + 1 < len(doc) else hi
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
        to = self.doc[tok.i + 1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            return None
        head = tok.head
        while head.dep_ in {"aux", "auxpass"} and head.head.i != head.i:
            head = head.head  # the parser may hang the phrase on "was" in "the bridge was closed"
        phrase = subtree_ids(tok) | {to.i}
        sent = self.sents[self.sent_of[tok.i]]
        words = [i for i in range(sent.start, sent.end) if not (self.doc[i].is_punct or self.doc[i].is_space)]
        at_edge = bool(words) and (min(phrase) <= words[0] or max(phrase) >= words[-1])
        if head.i == tok.i or head.i in phrase or at_edge:
            # "S, according to X." / "According to X, S": the whole sentence, wherever the parser hung it
            content = {i for i in range(sent.start, sent.end)} - phrase
        else:
            content = subtree_ids(head) - phrase
        content = self.settled(tok, content)
        if not content:
            return None
        return Candidate(
            cue=[tok.i, to.i],
            head=tok.i,
            content=content,
            speaker=np_range(pobj),
            speaker_head=pobj.i,
            confidence=0.8,
            how="according",
        )

    def _in_source(self, tok: Token) -> Candidate | None:
        """ "in the new poll, X leads": the poll (a ``source_nouns`` word) is the source, the clause the
        phrase modifies the content."""
        pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
        head = tok.head
        if pobj is None or pobj.lemma_.lower() not in self.lex.source_nouns or head.i == tok.i:
            return None
        if head.pos_ not in {"VERB", "AUX"} or self.lex.cue_classes(head):
            return None
        if not any(c.dep_ in {"compound", "amod", "nmod", "poss"} for c in pobj.lefts):
            return None  # a named poll ("in a CNN poll"), not "rose in the polls"
        phrase = subtree_ids(tok)
        content = self.settled(tok, subtree_ids(head) - phrase)
        if not content or not any(c.dep_ in SUBJ_DEPS for c in head.children):
            return None
        return Candidate(
            cue=[tok.i],
            head=tok.i,
            content=content,
            speaker=np_range(pobj),
            speaker_head=pobj.i,
            confidence=0.7,
            how="according",
        )

    def _passive_agent_cue(self, tok: Token, classes: set[str]) -> Candidate | None:
        """A passive with its "by" agent whose subject is what was said or backed: "the move was first
        reported by the Globe", "the bill is supported by | the unions" (content the subject, source the
        agent; the "by" goes with the cue)."""
        if tok.tag_ != "VBN" or "quote_only" in classes or not classes & {"speech", "write", "intention"}:
            return None
        patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        agent = next((c for c in tok.children if c.dep_ == "agent" and c.i > tok.i), None)
        by = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        if patient is None or agent is None or by is None:
            return None
        if any(c.dep_ in CONTENT_CLAUSE_DEPS | {"xcomp"} for c in tok.children):
            return None
        if patient.lower_ in PERSON_PRONOUNS | REL_PRONOUNS | {"i", "we", "you", "it"}:
            return None
        content = self.settled(tok, set(range(*np_range(patient))))
        if not content or self.para_of[by.i] != self.para_of[tok.i]:
            return None
        return Candidate(
            cue=[tok.i, agent.i],
            head=tok.i,
            content=content,
            speaker=speaker_range(by),
            speaker_head=by.i,
            confidence=0.6,
            how="passive",
        )

    def _passive_cue(self, tok: Token) -> Candidate | None:
        """A passive judgement: "the state is seen as critical", "a state seen as critical", "she was
        called a liar by X": the patient and its complement are the content, the "by" agent the source."""
        doc = self.doc
        patient = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
        if any(c.dep_ == "dobj" for c in tok.children):
            return None
        if patient is not None and any(c.dep_ == "auxpass" for c in tok.children):
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
        if patient is None:  # "a state seen as critical", not "a group called X"
            comp = [c for c in comp if c.dep_ == "prep"]
        if not comp:
            return None
        content = set(range(lo, hi))
        for c in comp:
            content |= subtree_ids(c)
        para = self.para_of[tok.i]
        content = trim(doc, {i for i in content if self.para_of[i] == para})
        agent = next((c for c in tok.children if c.dep_ == "agent"), None)
        if agent is None:  # "called a liar by the governor", the by-phrase parsed into the complement
            agent = next((doc[i] for i in sorted(content) if doc[i].lower_ == "by" and doc[i].dep_ == "prep"), None)
            if agent is not None:
                content -= subtree_ids(agent)
        by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        return Candidate(
            cue=[tok.i],
            head=tok.i,
            content=content,
            speaker=speaker_range(by) if by is not None else None,
            speaker_head=by.i if by is not None else None,
            confidence=0.6,
            how="passive",
        )

    def _verb_cue(self, tok: Token, classes: set[str]) -> Candidate | None:
        lex = self.lex
        if classes & {"evaluation", "regard"} and tok.tag_ == "VBN":
            passive = self._passive_cue(tok)
            if passive is not None:
                return passive
        lemma = lex.lemma(tok)
        content: set[int] = set()
        addressee: tuple[int, int] | None = None
        children = list(tok.children)
        cue_extra: list[int] = []
        how = ""
        clause_like = classes & {"speech", "write", "ask", "cognition", "evidence", "intention"}
        if clause_like:
            for c in children:
                if c.dep_ in CONTENT_CLAUSE_DEPS or (c.dep_ == "parataxis" and c.i > tok.i):
                    content |= subtree_ids(c)
                    how = how or "clause"
        if classes & {"intention", "ask", "speech", "evaluation", "cognition"}:
            for c in children:
                if c.dep_ == "xcomp" and c.i > tok.i:
                    content |= subtree_ids(c)
                    how = how or "xcomp"
        objects = [
            c
            for c in children
            if (c.i > tok.i and (c.dep_ in {"dobj", "dative"} or (c.dep_ == "intj" and c.lower_ in {"yes", "no"})))
            or (c.dep_ == "dobj" and c.lower_ in WH_OBJECTS)  # "what officials called a crime"
        ]
        for c in list(objects):
            nxt = self.doc[c.i + 1] if c.i + 1 < len(self.doc) else None
            if c.lower_ == "her" and nxt is not None and nxt.head.i == tok.i and nxt.pos_ == "NOUN":
                objects.append(nxt)  # "tweeted her thanks": the parser split the possessive from its noun
        if lemma in lex.addressee_verbs:
            for c in objects:
                if c.pos_ in {"PROPN", "PRON", "NOUN"} and not (content and c.i in content):
                    addressee = np_range(c)
                    break
            objects = [o for o in objects if addressee is None or not (addressee[0] <= o.i < addressee[1])]
            if addressee is not None and how == "xcomp" and lemma in lex.object_control:
                content |= set(range(*addressee))  # "urged the party to act": the request is "the party to act"
        if classes & {"ask"} and not content:
            for c in children:
                if c.dep_ == "advcl" and c.i > tok.i and any(m.lower_ in {"if", "whether"} for m in c.children):
                    content |= subtree_ids(c)
                    how = how or "clause"
        if classes & {"raising"}:
            # "the plan seems to work", "he appeared rattled": the subject and what is said of it
            subj_tok = next((c for c in children if c.dep_ in SUBJ_DEPS and c.i < tok.i), None)
            pred = [c for c in children if c.i > tok.i and c.dep_ in {"xcomp", "acomp", "attr", "oprd", "ccomp"}]
            pred += [c for c in children if c.i > tok.i and c.dep_ == "prep" and c.lower_ == "like"]
            if subj_tok is not None and pred and subj_tok.lower_ not in {"it", "there"}:
                for c in [subj_tok, *pred]:
                    content |= subtree_ids(c)
                how = "raising"
        if objects and classes & {"regard"} and not content:
            # "voters see him as a fighter": the object with its "as" phrase or predicate
            heads = [tok, *objects]
            pred = [c for h in heads for c in h.children if c.i > tok.i and c.dep_ in {"oprd", "prep"}]
            pred = [c for c in pred if c.dep_ == "oprd" or c.lower_ == "as"]
            pred += [c for c in children if c.i > objects[-1].i and as_phrase(c)]
            if pred:
                for c in objects + pred:
                    content |= subtree_ids(c)
                how = "object"
        if not objects and not content and classes & {"evaluation"}:
            # "called both men “crazy”": the parser may read the object as part of the complement; the
            # content runs from the cue to the end of the last complement
            oprd = [c for c in children if c.i > tok.i and c.dep_ == "oprd"]
            if oprd:
                content = set(range(tok.i + 1, oprd[-1].right_edge.i + 1))
                how = "object"
        if objects and (
            classes & {"evaluation", "evidence", "write"} or (classes & {"speech", "intention"} and not content)
        ):
            for c in objects:
                content |= subtree_ids(c)
                how = how or "object"
            for c in children:
                if c.i > objects[-1].i and as_phrase(c):
                    content |= subtree_ids(c)
            for c in children:
                if c.i > tok.i and c.dep_ in {"oprd", "acomp", "attr", "ccomp", "xcomp"}:
                    content |= subtree_ids(c)
        if content or objects or classes & {"evaluation"}:
            for c in children:
                if (
                    c.dep_ == "prep"
                    and c.i > tok.i
                    and c.lower_ in lex.content_preps
                    and (classes & {"evaluation", "ask"} or (not content and c.lower_ in {"about", "of", "on"}))
                ):
                    content |= subtree_ids(c)
                    how = how or "prep"
        if not content and not objects and classes & {"speech", "write", "ask", "cognition"}:
            for c in children:
                if c.dep_ == "prep" and c.i > tok.i and c.lower_ in {"about", "of", "on", "against", "with"}:
                    pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if pobj is not None and pobj.ent_type_ not in {"DATE", "TIME"}:
                        content |= subtree_ids(c)
                        how = how or "prep"
        if content and clause_like and how == "clause" and min(content) > tok.i:
            # "X said that A, but B": a clause joined to the cue with a subject of its own (not after an
            # infinitive: in "X urged Y to A, and Z did B", B is the narrator's; not after a content that
            # comes first: in "“A,” she said, and soon B", B is the narrator's)
            last = max(content)
            for c in children:
                own_subject = any(
                    g.dep_ in SUBJ_DEPS or g.dep_ == "expl" or (g.dep_ == "mark" and g.lower_ == "that")
                    for g in c.children
                )
                if c.dep_ == "conj" and c.i > last and not self.lex.cue_classes(c) and own_subject:
                    content |= subtree_ids(c)
        if not content and not objects and clause_like:
            content = self._clause_in_phrase(tok)
            how = "clause" if content else how
        if not content and not objects and classes & {"speech", "cognition"}:
            content = self._pro_form(tok)
            how = "object" if content else how
        if content and how in {"xcomp", "object"}:
            content |= self._misattached_conjuncts(tok, content)
        closing_subject: Token | None = None
        fronted = bool(content) and how == "clause" and max(content) < tok.i  # "S, she said."
        if (not content or fronted) and classes & {"speech", "write"}:
            closing = self._closing_report(tok)
            if closing is not None:
                content, closing_subject = closing
            elif not content:
                content = self._interrupted_clause(tok)
            how = "interrupted" if content and not fronted else how
        content.discard(tok.i)
        if how == "prep" and content:
            # "talked about the deal", "voted for the bill": the preposition goes with the cue
            first = self.doc[min(content)]
            if first.dep_ == "prep" and first.head.i == tok.i and len(content) > 1:
                content.discard(first.i)
                cue_extra.append(first.i)
        para = self.para_of[tok.i]
        content = {i for i in content if self.para_of[i] == para}
        if how in {"clause", "xcomp", "object"}:
            content = self._drop_trailing(content)
        content = trim(self.doc, content)
        subj = closing_subject or self.subject(tok)
        if subj is not None and self.para_of[subj.i] != para:
            subj = None
        if subj is not None and subj.i in content and how != "raising":
            return None
        speaker = speaker_range(subj) if subj is not None else None
        if not any(self.doc[i].is_alpha for i in content):
            if not (classes & {"speech", "write"}) or subj is None:
                return None
            content = set()
        if subj is None and not content:
            return None
        if subj is None and tok.dep_ in {"amod", "compound", "acl", "nmod"}:
            return None
        if (lemma, how) in lex.blocked:
            return None
        cue = [tok.i, *cue_extra]
        prt = next((c for c in children if c.dep_ == "prt"), None)
        if prt is not None:
            cue.append(prt.i)
        return Candidate(
            cue=sorted(cue),
            head=tok.i,
            content=content,
            speaker=speaker,
            speaker_head=subj.i if subj is not None else None,
            addressee=addressee,
            confidence=0.8,
            quote_only="quote_only" in classes,
            how=how or "none",
        )

    def _as_cue(self, tok: Token, classes: set[str]) -> Candidate | None:
        """A cue in an "as" clause that frames the sentence: "As the Post reported, S", "As reported by
        X, S", "S, as experts have pointed out": the content is the clause it modifies."""
        if tok.dep_ != "advcl" or "quote_only" in classes or not classes & {"speech", "write", "cognition", "evidence"}:
            return None
        mark = next((c for c in tok.children if c.dep_ == "mark" and c.lower_ == "as" and c.i < tok.i), None)
        if mark is None or any(c.dep_ in CONTENT_CLAUSE_DEPS | {"dobj"} for c in tok.children):
            return None
        content = self.settled(tok, subtree_ids(tok.head) - subtree_ids(tok))
        if not content:
            return None
        subj = next((c for c in tok.children if c.dep_ in SUBJ_DEPS), None)
        if subj is None:
            agent = next((c for c in tok.children if c.dep_ == "agent"), None)
            subj = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
        if subj is None or subj.lower_ in REL_PRONOUNS:
            return None
        cue = [tok.i] + [c.i for c in tok.children if c.dep_ == "prt"]
        return Candidate(
            cue=sorted(cue),
            head=tok.i,
            content=content,
            speaker=speaker_range(subj),
            speaker_head=subj.i,
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
                    elif c.dep_ == "prep" and c.lower_ == link:
                        content, end = subtree_ids(c) - {c.i}, c.i
            subj = self.subject(tok)
            content = self.settled(tok, content, trailing=True)
            if subj is None or not content:
                return None
            return Candidate(
                cue=list(range(tok.i, end + 1)),
                head=tok.i,
                content=content,
                speaker=speaker_range(subj),
                speaker_head=subj.i,
                how="idiom",
            )
        return None

    def _hearsay_cue(self, tok: Token) -> Candidate | None:
        """ "The senator reportedly met the donors": the clause is reported, by no one named."""
        head = tok.head
        if head.i == tok.i or head.pos_ not in {"VERB", "AUX"}:
            return None
        content = self.settled(tok, subtree_ids(head) - {tok.i}, trailing=True)
        if not content:
            return None
        return Candidate(cue=[tok.i], head=tok.i, content=content, confidence=0.6, how="hearsay")

    def _adjective_cue(self, tok: Token) -> Candidate | None:
        """An attitude or impersonal adjective after a copula with a clause, infinitive or about/of phrase:
        "the senator is confident that ...", "voters are worried about ...", "it is unclear whether ..." (no
        source)."""
        lemma = tok.lower_
        attitude = lemma in self.lex.attitude_adjectives
        impersonal = lemma in self.lex.impersonal_adjectives
        if not (attitude or impersonal):
            return None
        verb = tok.head
        subj = next((c for c in verb.children if c.dep_ in SUBJ_DEPS or c.dep_ == "expl"), None)
        it = subj is not None and subj.lower_ == "it"
        if not ((impersonal and it) or (attitude and subj is not None and not it)):
            return None
        content: set[int] = set()
        cue = [tok.i] + ([verb.i] if verb.i < tok.i else [])
        for holder in (tok, verb):
            for c in holder.children:
                if c.i < tok.i or content:
                    continue
                if c.dep_ in {"ccomp", "xcomp"}:
                    content = subtree_ids(c)
                elif attitude and not it and holder is tok and c.dep_ == "prep" and c.lower_ in {"about", "of", "with"}:
                    content = subtree_ids(c) - {c.i}
                    cue.append(c.i)
        content = self.settled(tok, content, trailing=True)
        if not content:
            return None
        speaker = speaker_range(subj) if subj is not None and not it else None
        return Candidate(
            cue=sorted(cue),
            head=tok.i,
            content=content,
            speaker=speaker,
            speaker_head=subj.i if speaker is not None and subj is not None else None,
            how="adjective",
        )

    def _prep_cue(self, tok: Token) -> Candidate | None:
        """A verb-preposition cue whose object is the content: "pointed to the record", "called for
        talks", "called for the state to act" (a "for" clause), "railed against the deal"."""
        lemma = self.lex.lemma(tok)
        for c in tok.children:
            if c.i < tok.i:
                continue
            if c.dep_ == "prep" and (lemma, c.lower_) in self.lex.prep_cues:
                obj = next((g for g in c.children if g.dep_ in {"pobj", "pcomp"}), None)
                if obj is None or obj.ent_type_ in {"DATE", "TIME"}:
                    continue
                prep = c.i
                content = subtree_ids(c) - {prep}
                after = next((x for x in tok.children if x.dep_ == "xcomp" and x.i == c.right_edge.i + 2), None)
                if c.lower_ == "for" and after is not None:
                    content |= subtree_ids(after)  # "called for the agency | to release ..." parsed apart
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
            return Candidate(
                cue=sorted({tok.i, prep}),
                head=tok.i,
                content=content,
                speaker=speaker_range(subj),
                speaker_head=subj.i,
                how="prep",
            )
        return None

    def _misattached_conjuncts(self, tok: Token, content: set[int]) -> set[int]:
        """Verbs the parser joined to the cue that go on with an infinitive or gerund content.

        In "she wants to raise taxes, cut spending and ..." or "he mentioned raising taxes and cutting
        spending", the parser often hangs "cut" / "cutting" on the cue itself; a conjunct without a subject
        of its own, in the content's verb form and not the cue's, continues the content.
        """
        doc = self.doc
        first = doc[min(content)]
        lead = next((t for t in doc[first.i : max(content) + 1] if t.pos_ == "VERB" or t.tag_ == "VBG"), None)
        if lead is None or lead.tag_ not in {"VB", "VBG"} or lead.tag_ == tok.tag_:
            return set()
        added: set[int] = set()
        last = max(content)
        for c in tok.children:
            if c.dep_ != "conj" or c.i <= last or c.tag_ != lead.tag_:
                continue
            if any(g.dep_ in SUBJ_DEPS or g.dep_ in {"aux", "auxpass", "neg"} for g in c.subtree if g.head.i == c.i):
                break
            if any(g.dep_ in SUBJ_DEPS and g.head.dep_ == "conj" for g in c.subtree):
                break
            between = range(last + 1, c.left_edge.i)
            if any(not (doc[i].is_punct or doc[i].dep_ == "cc") for i in between):
                break
            added |= set(between) | subtree_ids(c)
            last = max(added)
        return added

    def _noun_cue(self, tok: Token) -> Candidate | None:
        """A statement noun with its holder and what it is about: "the senator's criticism of the deal",
        "a claim by the ministry that ...", "her support for the bill"."""
        holder = next((c for c in tok.children if c.dep_ == "poss"), None)
        content: set[int] = set()
        cue = [tok.i]
        for c in tok.children:
            if c.i < tok.i:
                continue
            if c.dep_ == "prep" and c.lower_ == "by" and holder is None:
                holder = next((g for g in c.children if g.dep_ == "pobj"), None)
            elif c.dep_ == "prep" and c.lower_ in {"of", "for", "on", "about", "against", "to", "over"}:
                if not content and len(list(c.subtree)) > 1:
                    content |= subtree_ids(c) - {c.i}  # "support for | the bill": the preposition is the cue's
                    cue.append(c.i)
            elif c.dep_ in NOUN_CLAUSE_DEPS and any(g.lower_ == "that" and g.dep_ == "mark" for g in c.children):
                content |= subtree_ids(c)
            elif not content and c.dep_ == "acl" and c.tag_ == "VB" and any(g.lower_ == "to" for g in c.children):
                content |= subtree_ids(c)  # "his promise to build a wall", "the decision to leave"
        if holder is None:
            # "a White House statement that ...", "the Trump campaign's claim": a name compounded to the noun
            names = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            holder = names[-1] if names else None
        if holder is None:
            # "endorsements from the unions", "opposition from the homeowners"
            src = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" and c.i > tok.i), None)
            obj = next((g for g in src.children if g.dep_ == "pobj"), None) if src is not None else None
            if obj is not None and (obj.pos_ == "PROPN" or obj.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"}):
                holder = obj
        if holder is None and tok.dep_ == "dobj" and self.lex.lemma(tok.head) in self.lex.light_verbs:
            holder = self.subject(tok.head)  # "she made the case that ...", "he voiced his concern about ..."
        if not content or (holder is None and tok.lemma_.lower() not in self.lex.holderless_nouns):
            return None
        content = self.settled(tok, content)
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

    def _pro_form(self, tok: Token) -> set[int]:
        """ "half said so", "26 percent said the same": a word standing for what was said, right after the cue
        (the parser may take "the same" for a subject)."""
        doc = self.doc
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is None or nxt.head.i != tok.i:
            if nxt is not None and nxt.lower_ == "the" and tok.i + 2 < len(doc):
                same = doc[tok.i + 2]
                if same.lower_ == "same" and same.head.i == tok.i:
                    return {nxt.i, same.i}
            return set()
        return {nxt.i} if nxt.lower_ == "so" and nxt.dep_ == "advmod" else set()

    def _clause_in_phrase(self, tok: Token) -> set[int]:
        """ "said in a series of messages that the truck was ...": a that-clause with its own subject that the
        parser hung on the noun of the cue's phrase, as if it were a relative clause."""
        for prep in tok.rights:
            if prep.dep_ != "prep":
                continue
            for t in prep.subtree:
                if t.dep_ not in {"relcl", "acl"} or t.i <= tok.i:
                    continue
                kids = list(t.children)
                if any(c.dep_ == "mark" and c.lower_ == "that" for c in kids) and any(
                    c.dep_ in SUBJ_DEPS and c.lower_ not in REL_PRONOUNS for c in kids
                ):
                    return subtree_ids(t)
        return set()

    def _closing_report(self, tok: Token) -> tuple[set[int], Token] | None:
        """ "S, she said." read from the surface when the parser hung the cue inside S (and took a word of S
        for its subject): a comma, a subject ending right before the cue, and nothing after the cue but
        phrases without a verb ("on Saturday", "in an interview"). The content is the sentence up to the
        comma, the speaker that subject."""
        subj = next(
            (c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i and c.right_edge.i == tok.i - 1), None
        )
        if subj is None or tok.i - subj.left_edge.i > 6 or subj.lower_ in REL_PRONOUNS or tok.tag_ not in FINITE:
            return None
        sent = self.sents[self.sent_of[tok.i]]
        comma = subj.left_edge.i - 1
        if comma <= sent.start + 1 or self.doc[comma].text != ",":
            return None
        after = [t for t in self.doc[tok.i + 1 : sent.end] if not (t.is_punct or t.is_space)]
        if any(t.pos_ in {"VERB", "AUX"} for t in after) or len(after) > 6:
            return None
        if any(c.dep_ in OWN_CONTENT_DEPS or c.lower_ in {"so", "enough", "otherwise"} for c in tok.rights):
            return None  # "..., Mexico said enough.": what follows the cue is what was said
        last = next((t for t in reversed(sent) if not t.is_space), None)
        if last is None or last.text not in {".", "!", "?"}:
            return None  # "In a speech last July, he said:" introduces what follows
        para = self.para_of[tok.i]
        content = {i for i in range(sent.start, comma) if self.para_of[i] == para and not self.doc[i].is_space}
        if not any(c.dep_ in SUBJ_DEPS and c.i in content for i in content for c in self.doc[i].children):
            return None  # a fronted phrase ("In a 1963 speech, he declared ...") is not what was said
        return content, subj

    def _interrupted_clause(self, tok: Token) -> set[int]:
        """For a parenthetical cue ("X, he said, Y" or "Y, he said."), the clause around it."""
        subj = next((c for c in tok.children if c.dep_ in SUBJ_DEPS), None)
        if subj is None:
            return set()  # a parenthetical cue names its speaker: "..., he said"
        # a clause or phrase the parser hung on the cue before its subject belongs to the content:
        # "If the plan fails, Mr. Roe argues, there are other tools"
        lead: set[int] = set()
        for c in tok.children:
            if c.i < subj.i and c.dep_ == "advcl":
                lead |= subtree_ids(c)
        own = subtree_ids(tok) - lead
        words = [i for i in own if not (self.doc[i].is_punct or self.doc[i].is_space)]
        lo = min(words) if words else tok.i
        head = tok.head
        if tok.dep_ == "parataxis" or (tok.dep_ in {"ccomp", "advcl", "conj"} and tok.i > head.i):
            before = self.doc[lo - 1] if lo > 0 else None
            if before is not None and (before.is_punct or before.i in self._quote_tokens):
                return (subtree_ids(head) - own) | lead
            return set()
        if tok.dep_ == "ROOT":
            sent = self.sents[self.sent_of[tok.i]]
            if lo > sent.start:
                before = self.doc[lo - 1]
                if before.is_punct:
                    return {i for i in range(sent.start, lo)}
        return set()
