"""The quote finder behind the ``quotes`` stage (:mod:`corridor.stages.quotes`), one module per pass.

* :mod:`~corridor.quoting.marks` pairs quotation marks into regions (pass 1);
* :mod:`~corridor.quoting.lexicon` loads the cue lexicon (``data/lexicons/speech.yaml``);
* :mod:`~corridor.quoting.base` holds the cue candidate record, token-set helpers and the finder's state;
* :mod:`~corridor.quoting.cues` finds cues and their contents (pass 2), with
  :mod:`~corridor.quoting.verb_cues` for reporting verbs (and :mod:`~corridor.quoting.repairs` for
  the misparses they meet) and :mod:`~corridor.quoting.phrase_cues` for headlines, phrases, nouns and
  adjectives;
* :mod:`~corridor.quoting.regions` links quotation regions to cues (pass 3);
* :mod:`~corridor.quoting.nesting` settles cues inside other cues' contents (pass 4);
* :mod:`~corridor.quoting.speakers` turns speakers, reporters and addressees into actors;
* :mod:`~corridor.quoting.confidence` estimates each quotation's confidence with a small trained model
  (:mod:`~corridor.quoting.train_confidence` trains it on PolNeAR).
"""
