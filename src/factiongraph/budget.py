"""Per-document limits: a time budget and a memory guard, so one document cannot hang or sink a run.

Each stage of a document runs inside `Budget.alarm()`, which counts its time and interrupts it
when it runs past the document's time budget, where the process can take the signal (the main
thread of a Unix process); `Budget.check()` is called after each stage (each window of a long
document, `factiongraph.windows`). A document over a limit becomes
an error document (`timeout` or `out_of_memory`) and the run goes on with the next one.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import FrameType

__all__ = ["DEFAULT_MAX_RSS_MB", "DEFAULT_TIME_BUDGET_S", "Budget", "BudgetExceeded", "Limits", "rss_mb"]

# A 5 MB report (the default size limit) takes minutes on one core, in windows; a document
# still running after this long is stuck, not slow.
DEFAULT_TIME_BUDGET_S = 1800.0
# Resident memory of the process above which the document being extracted is given up.
DEFAULT_MAX_RSS_MB = 4096.0


class BudgetExceeded(Exception):  # noqa: N818 - reads as what happened
    """A document ran over its time budget or the memory guard."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class Limits:
    """Limits per document: seconds of extraction and resident memory (MB); None turns one off."""

    time_budget_s: float | None = DEFAULT_TIME_BUDGET_S
    max_rss_mb: float | None = DEFAULT_MAX_RSS_MB

    def budget(self) -> Budget:
        return Budget(self)


def rss_mb() -> float | None:
    """Current resident memory of this process in MB (Linux), else None (the guard is then off)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            pages = int(f.read().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / (1024 * 1024)


class Budget:
    """The limits of one document; time counts only while its own stages run (inside `alarm()`)."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.spent = 0.0

    def _timeout(self) -> BudgetExceeded:
        return BudgetExceeded("timeout", f"extraction took longer than the time budget of "
                                         f"{self.limits.time_budget_s:g} s")

    def check(self) -> None:
        """Raises `BudgetExceeded` when the document is over its time budget or memory is over the guard."""
        limit = self.limits.time_budget_s
        if limit is not None and self.spent > limit:
            raise self._timeout()
        cap = self.limits.max_rss_mb
        rss = rss_mb() if cap is not None else None
        if cap is not None and rss is not None and rss > cap:
            raise BudgetExceeded("out_of_memory", f"memory use reached {rss:.0f} MB, over the guard of {cap:g} MB")

    @contextmanager
    def alarm(self) -> Iterator[None]:
        """Runs a stage of the document, counting its time; interrupts it with `BudgetExceeded` when
        the time budget runs out inside it.

        The interruption needs the main thread, and SIGALRM unused by anyone else; elsewhere the
        time is still counted and `check()` applies after the stage.
        """
        limit = self.limits.time_budget_s
        usable = (limit is not None and hasattr(signal, "setitimer")
                  and threading.current_thread() is threading.main_thread()
                  and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None))
        t0 = time.monotonic()
        if not usable or limit is None:
            try:
                yield
            finally:
                self.spent += time.monotonic() - t0
            return

        def ring(signum: int, frame: FrameType | None) -> None:
            raise self._timeout()

        signal.signal(signal.SIGALRM, ring)
        signal.setitimer(signal.ITIMER_REAL, max(limit - self.spent, 0.001))
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
            self.spent += time.monotonic() - t0
