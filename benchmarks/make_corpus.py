"""Synthetic article folders for benchmarks and scale tests, built from the real seed articles.

Each article keeps one seed's header lines (headline, dek, byline, caption) in place, shuffles
that seed's body paragraphs, mixes in a few paragraphs from the other seeds, and gets its own
outlet and date (the byline is rewritten to match). The catalog lists every file. Deterministic
for a given ``seed``.

    python benchmarks/make_corpus.py OUT_DIR --n 1000 [--seed 0]
"""

from __future__ import annotations

import argparse
import csv
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from sco_analysis.reading.corpus import classify_lines, read_catalog, read_text

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
HEADER_KINDS = {"headline", "dek", "byline", "caption"}
OUTLETS = ("Peoples Dispatch", "TASS", "Xinhua", "The Diplomat", "Dawn", "The Hindu", "Kazinform",
           "Eurasianet", "Al Jazeera", "Reuters", "BelTA", "IRNA")
FIRST_DAY, LAST_DAY = date(2001, 6, 15), date(2026, 10, 31)


@dataclass
class Seed:
    header: list[tuple[str, str]]
    body: list[str]
    title: str


def read_seeds(folder: Path = SEEDS) -> list[Seed]:
    """Each seed article split into header lines (kind, text) and body/section paragraphs."""
    seeds = []
    for rec in read_catalog(folder).to_dict("records"):
        text, _ = read_text(folder / rec["file"])
        header, body = [], []
        for s, e, kind in classify_lines(text, rec.get("title")):
            line = text[s:e]
            (header.append((kind, line)) if kind in HEADER_KINDS and not body else body.append(line))
        title = next((line for kind, line in header if kind == "headline"), "")
        seeds.append(Seed(header, body, title))
    return seeds


def _day(rng: random.Random) -> date:
    return FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))


def article(rng: random.Random, seeds: list[Seed], outlet: str, day: date) -> tuple[str, str]:
    """One synthetic article's text and title."""
    base = rng.choice(seeds)
    others = [p for s in seeds if s is not base for p in s.body]
    body = list(base.body)
    rng.shuffle(body)
    for _ in range(rng.randint(0, 3) if others else 0):
        body.insert(rng.randrange(len(body) + 1), rng.choice(others))
    header = [f"{day:%B %d, %Y} by {outlet}" if kind == "byline" else line for kind, line in base.header]
    return "\n\n".join(header + body) + "\n", base.title


def big_article(target_chars: int, seed: int = 0) -> str:
    """One article of about ``target_chars`` characters: a header, then shuffled seed paragraphs."""
    rng = random.Random(seed)
    seeds = read_seeds()
    paragraphs = [p for s in seeds for p in s.body]
    parts, size = [line for _, line in seeds[-1].header], 0
    while size < target_chars:
        p = rng.choice(paragraphs)
        parts.append(p)
        size += len(p) + 2
    return "\n\n".join(parts) + "\n"


def make_corpus(out: str | Path, n: int, seed: int = 0) -> int:
    """Write ``n`` articles and a catalog to ``out``; return the bytes of article text written."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    seeds = read_seeds()
    rows, total = [], 0
    for i in range(n):
        outlet, day = rng.choice(OUTLETS), _day(rng)
        text, title = article(rng, seeds, outlet, day)
        name = f"bench_{i:06d}.txt"
        data = text.encode("utf-8")
        (out / name).write_bytes(data)
        total += len(data)
        estimated = rng.random() < 0.1
        rows.append({"file": name, "outlet": outlet, "title": title,
                     "published": "" if estimated else day.isoformat(),
                     "published_estimate": day.isoformat() if estimated else "",
                     "kind": rng.choice(("report", "preview", "analysis")), "language": "en"})
    with open(out / "catalog.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return total


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("out")
    p.add_argument("--n", type=int, default=1000)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args()
    total = make_corpus(a.out, a.n, a.seed)
    print(f"{a.n} articles, {total / 1e6:.2f} MB -> {a.out}")


if __name__ == "__main__":
    main()
