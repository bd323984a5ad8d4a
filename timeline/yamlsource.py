"""Safe YAML loading that remembers where every value came from.

Manifests, front matter, the event catalog and rules are written by people, so an error must name
the file, line and column of the offending key. PyYAML's composer gives us nodes with marks; we
build plain Python data from them ourselves, which also lets us refuse what we never want:
aliases (the "billion laughs" expansion bomb), duplicate keys (PyYAML silently keeps the last one)
and non-string keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from timeline.diagnostics import InputError, InputProblem

YamlPath = tuple[str | int, ...]


@dataclass
class LocatedYaml:
    """Plain data (dicts, lists, scalars) plus the 1-based line and column of each value and key."""

    data: Any
    path: str
    value_marks: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[YamlPath, tuple[int, int]] = field(default_factory=dict)
    line_offset: int = 0

    def where(self, at: YamlPath, *, key: bool = False) -> tuple[int | None, int | None]:
        """Line and column of the value at `at` (or of its key), falling back to the nearest parent."""
        marks = self.key_marks if key else self.value_marks
        probe = tuple(at)
        while probe:
            if probe in marks:
                line, column = marks[probe]
                return line + self.line_offset, column
            probe = probe[:-1]
        line, column = self.value_marks.get((), (1, 1))
        return line + self.line_offset, column

    def problem(self, at: YamlPath, message: str, *, key: bool = False) -> InputProblem:
        line, column = self.where(at, key=key)
        return InputProblem(path=self.path, line=line, column=column, message=message)


def existing_path(data: Any, loc: Sequence[int | str]) -> YamlPath:
    """The longest prefix of a validation error's location that exists in `data`.

    pydantic locations also name union members and model tags that are not keys of the YAML; dropping
    them leaves a path that `LocatedYaml.where` can point at.
    """
    path: list[str | int] = []
    node = data
    for part in loc:
        exists = (isinstance(node, dict) and part in node) or (
            isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        )
        if exists:
            node = node[part]
            path.append(part)
    return tuple(path)


# Deeper than any manifest, front matter or rule file needs. Checked as the document is composed, so that
# "[[[[..." is refused at the same place whatever the caller's stack, instead of by Python's recursion limit
# (which made the refusal depend on how deep the caller already was, and could let a RecursionError out).
MAX_DEPTH = 64


class _DepthLimitedLoader(yaml.SafeLoader):
    """The safe loader, refusing collections nested more than MAX_DEPTH levels deep."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self._depth >= MAX_DEPTH:
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(
                None, None, f"nested more than {MAX_DEPTH} levels deep; a real document never is", mark
            )
        self._depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def load_yaml(text: str, path: str, *, line_offset: int = 0, keep_unreadable: bool = False) -> LocatedYaml:
    """Parse one YAML document. Raises InputError naming path:line:column on any problem.

    `line_offset` shifts reported lines, for YAML embedded in a larger file (front matter).
    `keep_unreadable`: a scalar YAML cannot construct (an impossible date such as 2026-02-30) is kept as
    the text written, for the caller to judge, instead of refusing the whole document.
    """
    try:
        node = yaml.compose(text, Loader=_DepthLimitedLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + line_offset if mark else None
        column = mark.column + 1 if mark else None
        what = exc.problem or exc.context or "invalid YAML"
        raise InputError(
            InputProblem(path=path, line=line, column=column, message=f"invalid YAML: {what}")
        ) from None
    except yaml.YAMLError as exc:
        raise InputError(InputProblem(path=path, message=f"invalid YAML: {exc}")) from None
    located = LocatedYaml(data=None, path=path, line_offset=line_offset)
    if node is None:
        return located
    located.data = _Builder(located, keep_unreadable).build(
        node, ()
    )  # as deep as the composer allowed: MAX_DEPTH
    return located


class _Builder:
    def __init__(self, located: LocatedYaml, keep_unreadable: bool = False) -> None:
        self.located = located
        self.keep_unreadable = keep_unreadable
        self.seen: set[int] = set()
        self.constructor = yaml.SafeLoader("")

    def fail(self, node: yaml.Node, message: str) -> InputError:
        line = node.start_mark.line + 1 + self.located.line_offset
        return InputError(
            InputProblem(
                path=self.located.path, line=line, column=node.start_mark.column + 1, message=message
            )
        )

    def build(self, node: yaml.Node, at: YamlPath) -> Any:
        if id(node) in self.seen:
            # A node reached twice is an alias: refusing them makes expansion bombs impossible.
            raise self.fail(node, "YAML aliases (*name) are not supported here; write the value out in full")
        self.seen.add(id(node))
        self.located.value_marks[at] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            result: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise self.fail(
                        key_node, "YAML merge keys (<<) are not supported here; write the keys out"
                    )
                if not isinstance(key_node, yaml.ScalarNode):
                    raise self.fail(key_node, "a key must be plain text")
                key = str(key_node.value)
                if key in result:
                    raise self.fail(key_node, f"duplicate key '{key}': each key may appear once")
                self.located.key_marks[(*at, key)] = (
                    key_node.start_mark.line + 1,
                    key_node.start_mark.column + 1,
                )
                result[key] = self.build(value_node, (*at, key))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*at, index)) for index, item in enumerate(node.value)]
        try:
            return self.constructor.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, TypeError, OverflowError) as exc:
            # e.g. an impossible date such as 2026-02-30
            if self.keep_unreadable and isinstance(node, yaml.ScalarNode):
                return str(node.value)
            raise self.fail(node, f"cannot read value '{node.value}': {exc}") from None
