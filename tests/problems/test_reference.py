"""The error reference is complete and generated from the registry."""

from __future__ import annotations

import pytest

from newscorpus.problems.codes import CODES
from newscorpus.problems.reference import render_error_reference


@pytest.mark.parametrize("name", sorted(CODES))
def test_every_code_has_a_cause_an_example_and_a_fix(name):
    code = CODES[name]
    assert code.title and code.hint and code.example, name


def test_docs_errors_md_is_the_generated_reference(repo_root):
    committed = (repo_root / "docs" / "errors.md").read_text(encoding="utf-8")
    assert committed == render_error_reference(), "run: python scripts/write_error_reference.py"
    for name in CODES:
        assert f"`{name}`" in committed
