"""Pass 2 of the quote finder, verbs: a reporting verb's content from the parse (its complement clause,
infinitive, object, "as" phrase or preposition by cue class; a passive judgement; the clause a
parenthetical or closing cue interrupts), with the repairs for common misparses."""

from __future__ import annotations

from spacy.tokens import Token

from corridor.quoting.base import (
    CONTENT_CLAUSE_DEPS,
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


class VerbCues(FinderBase):
    """Verb cues and their contents (see the module doc)."""

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
                    if self._own_report(c, tok):
                        continue
                    content |= subtree_ids(c)
                    how = how or "clause"
        if classes & {"intention", "ask", "speech", "evaluation", "cognition"}:
            for c in children:
                if c.dep_ == "xcomp" and c.i > tok.i and not self._after_phrase(tok, c):
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
            elif subj_tok is not None and subj_tok.lower_ == "it" and any(c.dep_ == "ccomp" for c in pred):
                # "it appears that the caucus was excited": the clause, with no one holding it
                content = set().union(*(subtree_ids(c) for c in pred if c.dep_ == "ccomp"))
                how = "impersonal"
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
                    if self.doc[tok.i + 1].text == "," and not self.in_region(c):
                        break  # "he said, on condition of anonymity": a phrase set off from the cue
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
        if (subj is not None and self.para_of[subj.i] != para) or how == "impersonal":
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
            if how != "prep" or not (classes & {"speech", "write"}) or subj is None:
                return None
            content = set()  # '"No," he said of the plan': a cue without content, for a quotation beside it
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

    def _after_phrase(self, tok: Token, xcomp: Token) -> bool:
        """Whether an infinitive the parser hung on the cue follows a phrase of the cue that it belongs to:
        "he said, on condition of anonymity to speak freely"."""
        nxt = self.doc[tok.i + 1]
        return nxt.text == "," and any(c.dep_ == "prep" and tok.i < c.i < xcomp.i for c in tok.children)

    def _own_report(self, clause: Token, tok: Token) -> bool:
        """Whether a clause the parser hung on the cue is a report of its own, set off by a semicolon or dash:
        "Most said A; 46 percent said B" (before the cue), 'She suggested A - "B," she said - and ...' (either
        side, as the parser reads it)."""
        if clause.i < tok.i:
            last = max(t.i for t in clause.subtree if not t.is_punct)  # the parser may hang the dash on the clause
            return any(self._breaks(t) and not self.in_region(t) for t in self.doc[last + 1 : tok.i])
        words = [t for t in clause.subtree if not t.is_punct]
        return (
            bool(self.lex.cue_classes(clause) & {"speech", "write"})
            and any(c.dep_ in SUBJ_DEPS for c in clause.children)
            and any(self._breaks(t) and not self.in_region(t) for t in self.doc[tok.i + 1 : words[0].i])
        )

    def _breaks(self, t: Token) -> bool:
        """A semicolon or a dash between clauses (a hyphen or en dash only with spaces around it)."""
        if t.text in {";", "--", "—"}:
            return True
        return t.text in {"-", "–"} and bool(t.whitespace_) and t.i > 0 and bool(self.doc[t.i - 1].whitespace_)

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
        """ "S, she said." or "S, said X." read from the surface when the parser hung the cue inside S (and
        took a word of S for its subject): a comma, a subject right before the cue (or right after it), and
        nothing after them but phrases without a verb ("on Saturday", "in an interview"). The content is the
        sentence up to the comma, the speaker that subject."""
        subj = next(
            (c for c in tok.children if c.dep_ == "nsubj" and c.i < tok.i and c.right_edge.i == tok.i - 1), None
        )
        inverted = subj is None and tok.i > 0 and self.doc[tok.i - 1].text == ","
        if inverted:  # "..., said Geert Wilders, founder of the party."
            subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.left_edge.i == tok.i + 1), None)
        if subj is None or subj.lower_ in REL_PRONOUNS or tok.tag_ not in FINITE:
            return None
        if not inverted and tok.i - subj.left_edge.i > 6:
            return None
        sent = self.sents[self.sent_of[tok.i]]
        comma = tok.i - 1 if inverted else subj.left_edge.i - 1
        if comma <= sent.start + 1 or self.doc[comma].text != ",":
            return None
        rest = subj.right_edge.i + 1 if inverted else tok.i + 1
        after = [t for t in self.doc[rest : sent.end] if not (t.is_punct or t.is_space)]
        if any(t.pos_ in {"VERB", "AUX"} for t in after) or len(after) > 6:
            return None
        if any(c.dep_ in OWN_CONTENT_DEPS or c.lower_ in {"so", "enough", "otherwise"} for c in tok.rights):
            return None  # "..., Mexico said enough.": what follows the cue is what was said
        last = next((t for t in reversed(sent) if not t.is_space), None)
        if last is None or last.text not in {".", "!", "?"}:
            return None  # "In a speech last July, he said:" introduces what follows
        para = self.para_of[tok.i]
        content = {i for i in range(sent.start, comma) if self.para_of[i] == para and not self.doc[i].is_space}
        subjects = [c for i in content for c in self.doc[i].children if c.dep_ in SUBJ_DEPS and c.i in content]
        if inverted:  # the parser may have made the content's subject the cue's
            subjects += [c for c in tok.lefts if c.dep_ in SUBJ_DEPS and c.i in content]
        if not subjects:
            return None  # a fronted phrase ("In a 1963 speech, he declared ...") is not what was said
        return content, subj

    def _interrupted_clause(self, tok: Token) -> set[int]:
        """For a parenthetical cue ("X, he said, Y" or "Y, he said."), the clause around it."""
        subj = next((c for c in tok.children if c.dep_ in SUBJ_DEPS), None)
        if subj is None:
            return set()  # a parenthetical cue names its speaker: "..., he said"
        nxt = next((t for t in self.doc[tok.i + 1 : tok.i + 3] if t.text not in {",", ":"}), None)
        opens_quote = nxt is not None and nxt.i in self._quote_tokens and self.in_region(nxt)
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
                lead_ids = set(range(sent.start, lo))
                if before.is_punct and not (opens_quote and not self._subject_phrase(lead_ids)):
                    return lead_ids
        return set()

    def _subject_phrase(self, ids: set[int]) -> bool:
        """Whether the words before a cue are a noun phrase (the subject of a quotation split around the
        cue: 'That, he said, "would help."'), not a fronted phrase or clause ('After all, he says, "..."',
        'Asked why, she said, "..."')."""
        heads = [self.doc[i] for i in ids if self.doc[i].head.i not in ids and not self.doc[i].is_punct]
        return bool(heads) and all(t.pos_ in {"NOUN", "PROPN", "PRON", "NUM"} for t in heads)
