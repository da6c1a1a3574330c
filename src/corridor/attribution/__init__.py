"""A learned attribution-cue model: which words of a parse report what someone said, thought or wants.

``features`` turns a candidate token of a spaCy parse into sparse string features, ``content`` builds the
content span and the source of a cue from the parse, ``model`` scores candidates with stored linear weights
(numpy only), and ``train`` fits the weights on PolNeAR's training split (scikit-learn, training extra).
The ``attributions`` stage (:mod:`corridor.stages.attributions`) puts them together.
"""
