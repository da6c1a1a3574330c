"""The project's own files hold no sentence of the shared corpora: no run of eight words (letters and digits,
case and punctuation ignored) of a project file appears in any corpus text. Test sentences, doc examples and
comments are our own writing; names, ontology labels and file formats are facts and are listed below."""

from __future__ import annotations

import re
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORD = re.compile(r"[^\W_]+")
RUN = 8
SUFFIXES = {".py", ".md", ".yaml", ".yml", ".tsv", ".txt", ".html", ".js", ".json", ".toml", ".cfg"}
CORPUS_SUFFIXES = {".txt", ".ann", ".tsv", ".csv", ".json", ".jsonl", ".xml", ".tml", ".md", ".zip"}
NOTES = {"README.md", "SOURCE.md", "FILES.md"}  # written for this workspace, not third-party text
# Files whose long runs are names, labels or formats, not prose (what the scan finds there is a fact):
FACTS = {
    "src/corridor/data/actors/orgs.tsv": "official names of organisations",
    "src/corridor/data/actors/leaders.tsv": "names of office holders and their spellings",
    "src/corridor/data/actors/countries.tsv": "official country names",
    "src/corridor/data/ontology/cameo.tsv": "CAMEO code names",
    "docs/ontology.md": "CAMEO code names",
    "benchmarks/results/eval-plover-actors.json": "gold actor names quoted in an evaluation report",
    "src/corridor/server/static/index.html": "the HTML doctype and head",
    "tests/test_eval_geo.py": "GeoWebNews XML markup of a made-up fixture",
    "tests/test_eval_te3.py": "TimeML markup of a made-up fixture",
    "tests/test_eval_petrarch_unit.py": "PETRARCH validation-file markup of a made-up fixture",
}


def words(text: str) -> list[str]:
    return [m.group(0).lower() for m in WORD.finditer(text)]


def shingles(text: str) -> set[int]:
    """The hashes of every run of ``RUN`` words of ``text``."""
    w = words(text)
    return {hash(" ".join(w[i : i + RUN])) for i in range(len(w) - RUN + 1)}


def copied_runs(text: str, seen: set[int]) -> list[tuple[int, str]]:
    """(line, words) of every run of ``RUN`` words of ``text`` whose hash is in ``seen``."""
    found = [(m.group(0).lower(), text.count("\n", 0, m.start()) + 1) for m in WORD.finditer(text)]
    w = [x for x, _ in found]
    out = []
    for i in range(len(w) - RUN + 1):
        run = " ".join(w[i : i + RUN])
        if hash(run) in seen:
            out.append((found[i][1], run))
    return out


def corpus_texts(folder: Path) -> Iterator[str]:
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name in NOTES or path.suffix.lower() not in CORPUS_SUFFIXES:
            continue
        if path.suffix.lower() == ".zip":
            with zipfile.ZipFile(path) as z:
                for name in z.namelist():
                    yield z.read(name).decode("utf-8", "replace")
        else:
            yield path.read_bytes().decode("utf-8", "replace")


def project_files() -> list[str]:
    """The repository's text files (tracked by git; else those under its main folders), less models and
    ``FACTS``."""
    try:
        listed = subprocess.run(["git", "-C", str(ROOT), "ls-files"], capture_output=True, text=True, check=True)
        names = listed.stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        names = [
            str(p.relative_to(ROOT)) for d in ("src", "tests", "docs", "benchmarks") for p in (ROOT / d).rglob("*")
        ]
    return sorted(
        n
        for n in names
        if Path(n).suffix in SUFFIXES and not n.startswith("src/corridor/data/models/") and n not in FACTS
    )


def test_no_project_file_repeats_eight_words_of_a_corpus(corpora: Path) -> None:
    seen: set[int] = set()
    for text in corpus_texts(corpora):
        seen |= shingles(text)
    assert len(seen) > 1_000_000, "the corpora were not read"
    found = []
    for name in project_files():
        path = ROOT / name
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            found += [f"{name}:{line}: {run}" for line, run in copied_runs(text, seen)]
    assert not found, "corpus text in project files (write it in our own words):\n" + "\n".join(found[:40])


def test_the_scan_finds_a_copied_sentence_whatever_its_case_and_punctuation(corpora: Path) -> None:
    sample = next(t for t in corpus_texts(corpora / "bbc-news") if len(words(t)) > 60)
    copied = " ".join(words(sample)[20:32]).upper().replace(" ", ", ")
    project_text = f'"""A docstring."""\n\nTEXT = "{copied}"\n'
    runs = copied_runs(project_text, shingles(sample))
    assert runs and runs[0][0] == 3
    own = "A sentence of our own making that no newspaper in the corpora has ever printed anywhere."
    assert copied_runs(own, shingles(sample)) == []
