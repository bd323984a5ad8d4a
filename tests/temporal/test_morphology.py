"""The verb lists the tense reader loads (resources/*_forms.txt) are what lemminflect says today."""

from __future__ import annotations

from importlib import resources

from timeline.temporal.morphology import generate


def test_the_generated_verb_lists_match_lemminflect() -> None:
    folder = resources.files("timeline.temporal").joinpath("resources")
    generated = generate()
    for name, words in generated.items():
        lines = folder.joinpath(name).read_text(encoding="utf-8").splitlines()
        assert [line for line in lines if not line.startswith("#")] == words, (
            f"{name} is out of date: run python -m timeline.temporal.morphology"
        )
    assert "brought" in generated["irregular_past_forms.txt"]
