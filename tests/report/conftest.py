"""Fixtures of the report tests: small dedup output folders."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_fixtures import make_output


@pytest.fixture
def out_dir(tmp_path: Path) -> Path:
    """A small dedup output folder (JSONL, with report texts)."""
    return make_output(tmp_path / "out")
