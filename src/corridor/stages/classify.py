"""Classify stage: the relation classifier codes the actor pairs the lexicon left uncoded.

Reads the parse, ``analysis.notes["actor_by_token"]`` (actor stage) and ``analysis.events`` (event stage);
writes more ``analysis.events`` (``coded_by="classifier"``). The rule, with its settings in
``data/lexicons/classifier.yaml``: for each verb whose subject (or passive "by" agent) and object (or
prepositional object, or passive subject) are coded actors, when no event in the sentence already links
those two actors, the classifier labels the pair; a label whose calibrated probability reaches the
threshold becomes an event coded with the category's root CAMEO code and that probability as confidence.
Modality, date, place and reported speech come from the event stage's rules; negated and requested acts
are left out as there. The lexicon always wins where it coded the pair.
"""

from __future__ import annotations

from typing import Any, ClassVar

from spacy.language import Language
from spacy.symbols import VERB
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from corridor.event_lexicon import TriggerPattern
from corridor.model import Actor, Event
from corridor.pipeline import Analysis, PipelineConfig, register_stage
from corridor.resources import packaged_yaml
from corridor.stages.events import OBJ_DEPS, EventStage, _SentenceCoder


@register_stage("classify")
class ClassifyStage:
    name: ClassVar[str] = "classify"

    def __init__(self, config: PipelineConfig) -> None:
        self.config = config
        settings = packaged_yaml("lexicons/classifier.yaml")
        self.threshold = float(config.options.get("classifier_threshold", settings["threshold"]))
        self.skip = frozenset(settings["skip_lemmas"])
        self.skip_forms = frozenset(settings.get("skip_forms", ()))
        self.cameo_for = {str(k): str(v) for k, v in settings["cameo_for_label"].items()}
        self.events = EventStage(config)
        self.clf: Any = None

    def initialize(self, nlp: Language) -> None:
        from corridor.classify import load_classifier

        self.clf = load_classifier(self.config.options.get("classifier_model"), nlp=nlp)

    def __call__(self, analysis: Analysis) -> None:
        if self.clf is None:
            raise RuntimeError("the classify stage was not initialized with a spaCy pipeline")
        from corridor.classify import Item

        coder = _SentenceCoder(self.events, analysis)
        coded_pairs = {
            (e.sentence, e.source.entity if e.source else None, e.target.entity if e.target else None)
            for e in analysis.events
        }
        candidates: list[tuple[int, SpacySpan, Token, Actor, Actor]] = []
        verbs = [i for i, pos_id in enumerate(coder.pos_ids) if pos_id == VERB]
        for sent_i, sent in enumerate(analysis.doc.sents):
            for i in coder._within(verbs, sent):
                tok = coder.toks[i]
                # a word the lexicon codes, or says is no event ("target the student vote"), is not the classifier's
                if tok.lemma_.lower() in self.skip or tok.lower_ in self.skip_forms:
                    continue
                if coder.pattern(tok) is not None:
                    continue
                for src, tgt in self._pairs(coder, tok):
                    key = (sent_i, src.entity, tgt.entity)
                    if src.code == tgt.code or key in coded_pairs or (sent_i, tgt.entity, src.entity) in coded_pairs:
                        continue
                    candidates.append((sent_i, sent, tok, src, tgt))
        if not candidates:
            return
        items = [
            Item(
                sentence=sent.text,
                source=(src.start - sent.start_char, src.end - sent.start_char),
                target=(tgt.start - sent.start_char, tgt.end - sent.start_char),
            )
            for _, sent, _, src, tgt in candidates
        ]
        docs = {id(sent): sent.as_doc() for _, sent, _, _, _ in candidates}
        preds = self.clf.predict_items(items, [docs[id(c[1])] for c in candidates])
        for (sent_i, sent, tok, src, tgt), pred in zip(candidates, preds, strict=True):
            prob = pred.probs.get(pred.label, 0.0)
            code = self.cameo_for.get(pred.label)
            if code is None or prob < self.threshold:
                continue
            event = self._event(coder, tok, sent, sent_i, src, tgt, code, pred.mode, prob)
            if event is not None:
                analysis.events.append(event)
                coded_pairs.add((sent_i, src.entity, tgt.entity))

    @staticmethod
    def _pairs(coder: _SentenceCoder, verb: Token) -> list[tuple[Actor, Actor]]:
        subj, passive = coder._subject(verb)
        if subj is None:
            return []
        if passive:
            agent = coder._passive_agent(verb)
            sources = coder._actors_of(agent) if agent is not None else []
            if not sources:
                return []  # (no pair without a source: its targets are not looked for)
            targets = coder._actors_of(subj)
        else:
            sources = coder._actors_of(subj)
            if not sources:
                return []
            objs = [c for c in verb.children if c.dep_ in OBJ_DEPS | {"dative"}]
            objs += [p for c in verb.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"]
            targets = [a for o in objs for a in coder._actors_of(o)]
        return [(s, t) for s in sources for t in targets if s is not None]

    def _event(
        self,
        coder: _SentenceCoder,
        tok: Token,
        sent: SpacySpan,
        sent_i: int,
        src: Actor,
        tgt: Actor,
        code: str,
        mode: str | None,
        prob: float,
    ) -> Event | None:
        modality = coder._modality(tok)
        if modality in {"negated", "requested", "refused"}:
            return None
        pat = TriggerPattern(id=f"classifier-{code}", code=code, pos="verb", lemmas=frozenset({tok.lemma_.lower()}))
        event = coder._make_event(tok, pat, src, tgt, modality, sent, sent_i)
        event.coded_by = "classifier"
        event.confidence = round(prob, 3)
        if mode and event.plover_mode is None:
            event.plover_mode = mode
        return event
