"""Write docs/errors.md from the error code registry: python scripts/write_error_reference.py"""

from pathlib import Path

from newscorpus.problems.reference import render_error_reference

TARGET = Path(__file__).resolve().parent.parent / "docs" / "errors.md"

if __name__ == "__main__":
    TARGET.write_text(render_error_reference(), encoding="utf-8")
    print(f"wrote {TARGET.name}")
