"""Layer 4, domain logic over loaded documents: evaluations at a date, roll-ups, plan
diffs, the Fortschreibung (successor plans), UN-CRPD coverage, indicators, deadlines.
Imports ``base``, ``model``, ``documents`` and ``store``."""
