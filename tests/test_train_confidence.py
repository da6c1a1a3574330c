"""The emit threshold's choice in the confidence model's training (averaged over shufflings of the folds)."""

from __future__ import annotations

import pytest

from corridor.quoting.train_confidence import choose_threshold, f1_curve


def test_f1_curve_counts_kept_quotations_by_their_labels() -> None:
    # four quotations, two right; six gold contents
    curve = f1_curve([0.9, 0.6, 0.3, 0.1], [1, 1, 0, 0], n_gold=6)
    assert curve["0.00"] == pytest.approx(2 * 2 / (4 + 6))
    assert curve["0.35"] == pytest.approx(2 * 2 / (2 + 6))
    assert curve["0.60"] == pytest.approx(2 * 2 / (2 + 6))


def test_threshold_is_the_best_mean_over_shufflings() -> None:
    # one shuffling alone would pick 0.40, the mean of the two picks 0.35
    a = {"0.30": 0.760, "0.35": 0.766, "0.40": 0.767}
    b = {"0.30": 0.760, "0.35": 0.768, "0.40": 0.765}
    assert choose_threshold([a])["min_confidence"] == 0.40
    chosen = choose_threshold([a, b])
    assert chosen["min_confidence"] == 0.35
    assert chosen["f1_by_threshold"]["0.35"] == 0.767


def test_a_tie_keeps_the_lower_threshold() -> None:
    assert choose_threshold([{"0.20": 0.7, "0.25": 0.7}])["min_confidence"] == 0.20
