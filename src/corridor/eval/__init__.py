"""Scorers against public gold data, one module per suite, all returning one :class:`Report` shape."""

from corridor.eval.base import EvalArgs, Report, prf, register_suite, run_suite, suites

__all__ = ["EvalArgs", "Report", "prf", "register_suite", "run_suite", "suites"]
