"""Print the installed distributions whose versions differ from a constraints file."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path


def main(path: str) -> int:
    differ = 0
    for raw in Path(path).read_text("utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if "==" not in line:
            continue
        name, pinned = (part.strip() for part in line.split("==", 1))
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
        if installed != pinned:
            differ += 1
            print(f"{name}: pinned {pinned}, installed {installed}")
    print(f"{differ} distributions differ from {path}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
