"""A stand-in pipeline for the worker tests (test_parallel.py), in a module of its own.

Spawned workers load it through `PipelineSpec.factory`; it imports nothing heavy (no spaCy, no CLI),
so a worker starts in a fraction of a second instead of importing the whole test module's imports.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Iterator
from typing import Any

from factiongraph.document import Document


class FakePipeline:
    """Marks each document; raises on 'BOOM'; kills its process on 'CRASH' (like a segfault)."""

    def run(self, docs: Iterable[Document], batch_size: int = 16) -> Iterator[Document]:
        for d in docs:
            if "CRASH" in d.text:
                os._exit(3)
            if "BOOM" in d.text:
                raise ValueError("boom")
            yield d if d.error is not None else dataclasses.replace(d, title=f"done:{d.text}")


def make_fake(spec: Any) -> FakePipeline:
    return FakePipeline()
