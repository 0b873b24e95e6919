"""Where things are in a document's text: marks recorded during the one parse, looked up
on the error path.

The YAML parse (:func:`~teilhabe_core.documents.yamlsafe.parse_yaml_marked`) records,
while it reads libyaml's events, one flat entry per node into a :class:`Marks` log:
start offset, line, column, end offset, the node after its subtree, its kind and, for
scalars, the text as written. Nothing else is built and no path string is made. JSON is
parsed by :func:`json.loads`, which gives no positions; its :class:`Marks` come from a
light token scan of the text (:func:`~teilhabe_core.documents.jsonsafe.json_marks`), made
only when a finding needs a position.

:class:`Positions` answers from a :class:`Marks` log: :meth:`Positions.find` (line and
column of a field path, walked along its tokens; a whole-document path index only where a
key could make a path ambiguous), :meth:`Positions.
plain` (the text of an unquoted scalar) and :meth:`Positions.mapping` (offsets of one
mapping's keys and values, for editing the text in place).
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from attrs import frozen

if TYPE_CHECKING:
    from yaml.nodes import Node

SCALAR, PLAIN, MAPPING, FLOW_MAPPING, SEQUENCE, FLOW_SEQUENCE, ALIAS = range(7)
"""Node kinds in :attr:`Marks.kinds`."""

_FIELDS = 5  # start offset, line, column, end offset, next node


class Marks:
    """The flat mark log of one document: node ``n`` is entry ``n`` in document order.

    For a mapping the entries after it alternate key and value (each value with its
    subtree); :meth:`next` skips a subtree. Lines and columns are 0-based, as libyaml
    reports them.
    """

    __slots__ = ("kinds", "numbers", "opened", "texts")

    def __init__(self) -> None:
        self.numbers = array("q")
        self.kinds = bytearray()
        self.texts: list[str | None] = []
        self.opened: list[int] = []  # collections not closed yet

    def clear(self) -> None:
        self.__init__()  # type: ignore[misc]

    def __len__(self) -> int:
        return len(self.kinds)

    def scalar(self, kind: int, mark: Any, end: Any, text: str | None) -> None:
        """Record a scalar (or alias: ``text`` ``None``) from its libyaml marks."""
        n = len(self.kinds)
        self.numbers.extend((mark.index, mark.line, mark.column, end.index, n + 1))
        self.kinds.append(kind)
        self.texts.append(text)

    def start(self, kind: int, mark: Any) -> None:
        """Record a mapping or sequence; :meth:`end` closes it."""
        self.opened.append(len(self.kinds))
        self.numbers.extend((mark.index, mark.line, mark.column, 0, 0))
        self.kinds.append(kind)
        self.texts.append(None)

    def end(self, end_index: int) -> None:
        n = self.opened.pop()
        self.numbers[n * _FIELDS + 3] = end_index
        self.numbers[n * _FIELDS + 4] = len(self.kinds)

    def add(self, kind: int, start: int, line: int, column: int, end: int,
            text: str | None = None) -> None:
        """Record a scalar from plain numbers (the JSON scan)."""
        n = len(self.kinds)
        self.numbers.extend((start, line, column, end, n + 1))
        self.kinds.append(kind)
        self.texts.append(text)

    def open(self, kind: int, start: int, line: int, column: int) -> None:
        """Record a mapping or sequence from plain numbers (the JSON scan)."""
        self.opened.append(len(self.kinds))
        self.numbers.extend((start, line, column, 0, 0))
        self.kinds.append(kind)
        self.texts.append(None)

    def start_of(self, n: int) -> int:
        return self.numbers[n * _FIELDS]

    def line_column(self, n: int) -> tuple[int, int]:
        """1-based line and column of node ``n``."""
        return self.numbers[n * _FIELDS + 1] + 1, self.numbers[n * _FIELDS + 2] + 1

    def column_of(self, n: int) -> int:
        return self.numbers[n * _FIELDS + 2]

    def end_of(self, n: int) -> int:
        return self.numbers[n * _FIELDS + 3]

    def next(self, n: int) -> int:
        """The node after ``n`` and its subtree."""
        return self.numbers[n * _FIELDS + 4]

    def children(self, n: int) -> list[int]:
        """Nodes directly inside mapping or sequence ``n`` (keys and values alternate)."""
        out = []
        child, stop = n + 1, self.next(n)
        while child < stop:
            out.append(child)
            child = self.next(child)
        return out


def walk(marks: Marks) -> Iterator[tuple[int, str, int, int]]:
    """Every node but the keys, in text order: (node, field path, key node or -1, parent
    node or -1). Stops at a key that is no scalar (the parser refuses those)."""
    kinds, texts = marks.kinds, marks.texts
    # Each frame: [node, is_mapping, path, pending key node or -1, item count, end node]
    stack: list[list[Any]] = []
    n, total = 0, len(kinds)
    while n < total:
        while stack and n >= stack[-1][5]:
            stack.pop()
        kind = kinds[n]
        key = parent = -1
        path = ""
        if stack:
            frame = stack[-1]
            parent = frame[0]
            if frame[1] and frame[3] < 0:  # a key
                if kind > PLAIN:
                    return
                frame[3] = n
                n += 1
                continue
            if frame[1]:
                key, frame[3] = frame[3], -1
                text = texts[key] or ""
                path = f"{frame[2]}.{text}" if frame[2] else text
            else:
                path = f"{frame[2]}[{frame[4]}]"
                frame[4] += 1
        yield n, path, key, parent
        if MAPPING <= kind <= FLOW_SEQUENCE:
            stack.append([n, kind <= FLOW_MAPPING, path, -1, 0, marks.next(n)])
        n += 1


@frozen
class Entry:
    """One key of a mapping: its text and column, and its value's offsets in the text."""

    key: str
    key_column: int
    value_is_scalar: bool
    value_start: int
    value_end: int


@frozen
class MappingMarks:
    """A mapping's keys and values in text order, and whether it is written ``{…}``."""

    flow: bool
    entries: tuple[Entry, ...]


_TOKEN = re.compile(r"\[(\d+)\]|\.?([^.\[\]]+)")


def split_path(path: str) -> list[str | int]:
    """``measures[3].status`` → ``["measures", 3, "status"]``."""
    return [int(i) if i else k for i, k in _TOKEN.findall(path)]


_TEXT_PARSER: Callable[[str], Marks] | None = None
"""Turns text into :class:`Marks`; set by :mod:`.yamlsafe` (which imports this module, so
this module never imports it back)."""


def set_text_parser(parse: Callable[[str], Marks]) -> None:
    """Called once by :mod:`.yamlsafe` with its ``marks_of``."""
    global _TEXT_PARSER
    _TEXT_PARSER = parse


class Positions:
    """Where each field path of one text is, answered from the marks of its one parse.

    :meth:`find` gives the start of a scalar value, the key of a list or mapping value,
    the start of a list item, and for a path that does not exist the position of its
    nearest existing parent. :meth:`plain` gives the literal text of an unquoted scalar,
    for advice such as 'Schreiben Sie: "no"'. ``source`` is the :class:`Marks` of a parse;
    given text instead (callers holding nothing else), the text is parsed for them.
    """

    def __init__(self, source: Marks | str) -> None:
        if isinstance(source, str):
            if _TEXT_PARSER is None:
                raise TypeError("Positions(text) needs teilhabe_core.documents.yamlsafe loaded")
            source = _TEXT_PARSER(source)
        self.marks = source
        self._index: dict[str, tuple[int, int]] | None = None
        self._keys: dict[int, dict[str, tuple[int, int]]] = {}
        self._items: dict[int, list[int]] = {}
        self._walk_only = bool(source.opened)  # a parse that stopped: the index decides

    def _paths(self) -> dict[str, tuple[int, int]]:
        """Field path → (node of its position, node of its value), the first of equal
        paths in text order; built once, on the first look-up."""
        if self._index is None:
            index: dict[str, tuple[int, int]] = {}
            kinds = self.marks.kinds
            for n, path, key, _ in walk(self.marks):
                # a collection or alias in a mapping is found at its key
                index.setdefault(path, (key if key >= 0 and kinds[n] > PLAIN else n, n))
            self._index = index
        return self._index

    def _lookup(self, path: str) -> tuple[int, int] | None:
        """What the path index holds for ``path``, found without building it: walked from
        the root token by token, each mapping's keys and each list's items remembered. The
        index decides where a path could mean something else (not written the way the
        index writes paths, or a key on the way that is empty, not a scalar or holds '.',
        '[' or ']', a key given twice)."""
        if self._index is not None or self._walk_only:
            return self._paths().get(path)
        tokens = split_path(path)
        if "".join(f"[{t}]" if isinstance(t, int) else f".{t}" for t in tokens) \
                .removeprefix(".") != path:
            return self._paths().get(path)
        marks = self.marks
        if not len(marks):
            return None
        kinds = marks.kinds
        n = position = 0
        for token in tokens:
            kind = kinds[n]
            if kind in (MAPPING, FLOW_MAPPING):
                keys = self._keys.get(n)
                if keys is None:
                    keys = self._mapping_keys(n)
                    if keys is None:
                        self._walk_only = True
                        return self._paths().get(path)
                entry = keys.get(token) if isinstance(token, str) else None
                if entry is None:
                    return None
                key, n = entry
                position = key if kinds[n] > PLAIN else n
            elif kind in (SEQUENCE, FLOW_SEQUENCE) and isinstance(token, int):
                items = self._items.get(n)
                if items is None:
                    items = self._items[n] = marks.children(n)
                if token >= len(items):
                    return None
                n = position = items[token]
            else:
                return None
        return position, n

    def _mapping_keys(self, n: int) -> dict[str, tuple[int, int]] | None:
        """Key text → (key node, value node) of mapping ``n``, the first of equal keys;
        ``None`` if a key would make paths ambiguous."""
        marks = self.marks
        children = marks.children(n)
        keys: dict[str, tuple[int, int]] = {}
        for k in range(0, len(children) - 1, 2):
            key = children[k]
            text = marks.texts[key]
            if marks.kinds[key] > PLAIN or not text or "." in text or "[" in text \
                    or "]" in text:
                return None
            if text in keys:  # a duplicate key: the index keeps paths of both values
                return None
            keys[text] = (key, children[k + 1])
        if len(children) % 2:  # a key without its value: the parse stopped there
            return None
        self._keys[n] = keys
        return keys

    def find(self, path: str) -> tuple[int, int]:
        """Line and column (1-based) of ``path``, or of its nearest existing parent."""
        while True:
            entry = self._lookup(path)
            if entry is not None:
                return self.marks.line_column(entry[0])
            if not path:
                return 1, 1
            path = path[: max(path.rfind("."), path.rfind("["), 0)]

    def plain(self, path: str) -> str | None:
        """The text of the unquoted scalar at ``path`` (``None`` if quoted or not a scalar)."""
        entry = self._lookup(path)
        if entry is None or self.marks.kinds[entry[1]] != PLAIN:
            return None
        return self.marks.texts[entry[1]]

    def node(self, path: str) -> int | None:
        """The node at ``path``, walked token by token (``None`` if there is none)."""
        marks = self.marks
        if not len(marks):
            return None
        n = 0
        for token in split_path(path):
            kind = marks.kinds[n]
            if kind in (MAPPING, FLOW_MAPPING) and isinstance(token, str):
                children = marks.children(n)
                for k in range(0, len(children) - 1, 2):
                    if marks.kinds[children[k]] <= PLAIN and marks.texts[children[k]] == token:
                        n = children[k + 1]
                        break
                else:
                    return None
            elif kind in (SEQUENCE, FLOW_SEQUENCE) and isinstance(token, int):
                items = marks.children(n)
                if token >= len(items):
                    return None
                n = items[token]
            else:
                return None
        return n

    def mapping(self, path: str) -> MappingMarks | None:
        """Keys and value offsets of the mapping at ``path`` (``None`` if it is none)."""
        marks = self.marks
        n = self.node(path)
        if n is None or marks.kinds[n] not in (MAPPING, FLOW_MAPPING):
            return None
        children = marks.children(n)
        entries = tuple(
            Entry(marks.texts[key] or "", marks.column_of(key), marks.kinds[value] <= PLAIN,
                  marks.start_of(value), marks.end_of(value))
            for key, value in zip(children[::2], children[1::2], strict=False))
        return MappingMarks(marks.kinds[n] == FLOW_MAPPING, entries)


class LineIndex:
    """Line and column (1-based) of character offsets in one text (line breaks ``\\n``)."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def at(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


class DocumentIndex:
    """The position index a loaded document keeps: the marks of its parse (YAML) or a
    scan of its text made on first use (JSON); :class:`Positions` built once, lazily."""

    __slots__ = ("_make", "_positions")

    def __init__(self, make: Callable[[], Marks]) -> None:
        self._make: Callable[[], Marks] | None = make
        self._positions: Positions | None = None

    @classmethod
    def of(cls, marks: Marks) -> DocumentIndex:
        return cls(lambda: marks)

    @property
    def built(self) -> bool:
        return self._positions is not None

    def positions(self) -> Positions:
        if self._positions is None:
            assert self._make is not None
            self._positions = Positions(self._make())
            self._make = None
        return self._positions


# -- a reference for the tests ----------------------------------------------------------
# The library never calls these: tests compare the index above with PyYAML's composer.


def compose(text: str) -> Node | None:
    """PyYAML's node tree of ``text`` (reference for tests; the library does not use it)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        return None


def locate(root: Node | None, path: str) -> tuple[int, int, Node | None]:
    """Line, column (1-based) and node of ``path`` in a :func:`compose` tree; the nearest
    existing parent if missing (reference for tests)."""
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    node = root
    line, col = 1, 1
    if node is not None:
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
    for token in split_path(path):
        if isinstance(node, MappingNode) and isinstance(token, str):
            for key_node, value_node in node.value:
                if isinstance(key_node, ScalarNode) and key_node.value == token:
                    line, col = key_node.start_mark.line + 1, key_node.start_mark.column + 1
                    node = value_node
                    if isinstance(value_node, ScalarNode):
                        line = value_node.start_mark.line + 1
                        col = value_node.start_mark.column + 1
                    break
            else:
                return line, col, None
        elif isinstance(node, SequenceNode) and isinstance(token, int) and token < len(
            node.value
        ):
            node = node.value[token]
            line, col = node.start_mark.line + 1, node.start_mark.column + 1
        else:
            return line, col, None
    return line, col, node
