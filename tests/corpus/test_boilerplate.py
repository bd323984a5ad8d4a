"""Boilerplate: marketing and copyright lines go, prose stays."""

from __future__ import annotations

from timeline.corpus.boilerplate import boilerplate_lines

PROSE = "The council voted 7-2 on Tuesday to approve the harbour plan after a long debate."


def test_trailing_block_with_a_cue_is_dropped_whole() -> None:
    lines = [
        PROSE,
        "",
        "Get the app",
        "",
        "Your membership also unlocks:",
        "",
        "300+ Courses",
        "Weekly Briefing",
    ]
    assert boilerplate_lines(lines) == {2, 4, 6, 7}


def test_an_article_ending_on_short_lines_without_cues_keeps_them() -> None:
    lines = [PROSE, "Jane Doe, Harbour Correspondent", "Additional reporting by Sam Lee"]
    assert boilerplate_lines(lines) == set()


def test_copyright_line_is_dropped_wherever_it_is() -> None:
    lines = ["Copyright © 2024 Example News. All rights reserved.", PROSE, PROSE]
    assert boilerplate_lines(lines) == {0}


def test_short_cue_lines_go_but_prose_mentioning_a_cue_stays() -> None:
    lines = [
        PROSE,
        "Advertisement",
        "The mayor said the newsletter sent to residents last week had the wrong date for the vote.",
        "Sign up for our newsletter to get updates on the harbour plan and other council decisions.",
        PROSE,
    ]
    assert boilerplate_lines(lines) == {1, 3}


def test_short_headings_without_cues_stay() -> None:
    lines = ["Harbour plan", PROSE, "What happens next", PROSE]
    assert boilerplate_lines(lines) == set()
