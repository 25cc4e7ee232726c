"""Progress of long builds on a terminal (tqdm): articles done, rate, time left.

The finished bar stays on screen (articles, time taken, rate). Quiet when stderr is not a terminal,
when ``$CI`` is set to a true value, and when the caller says so.
"""

from __future__ import annotations

import os
import sys


class _Silent:
    def update(self, n: int = 1) -> None:
        pass

    def close(self) -> None:
        pass


def wanted() -> bool:
    """True when a person is watching: stderr is a terminal and this is not a CI run."""
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        return False
    return bool(getattr(sys.stderr, "isatty", lambda: False)())


def bar(total: int, what: str = "articles", show: bool | None = None):
    """A progress bar over ``total`` items (``update(n)``, ``close()``), or one that prints nothing."""
    if not (wanted() if show is None else show) or total <= 0:
        return _Silent()
    from tqdm import tqdm

    return tqdm(total=total, unit=" " + what.rstrip("s"), desc=f"extracting {what}", file=sys.stderr,
                dynamic_ncols=True, leave=True, smoothing=0.1)
