"""Build hook: compile the message catalogs (``.po`` → ``.mo``) while building.

Everything else is configured in pyproject.toml. The ``.mo`` files are not kept in git:
a wheel gets them in its build folder; an editable install gets them beside the ``.po``
files, since the package is imported from the source tree there (setuptools' rule for
files a build step makes). Babel, pinned in ``[build-system] requires``, compiles them;
at run time the standard library's gettext reads them (docs/translating.md).
"""

from __future__ import annotations

import io
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
CATALOGS = "teilhabe_core/locale/*/LC_MESSAGES/*.po"


class BuildPyWithCatalogs(build_py):
    """``build_py`` that also writes the compiled catalogs."""

    def _catalogs(self) -> dict[str, Path]:
        """Target path (below ``build_lib``) → its ``.po`` source."""
        return {str(Path(self.build_lib) / po.relative_to(HERE).with_suffix(".mo")): po
                for po in sorted(HERE.glob(CATALOGS))}

    def run(self) -> None:
        super().run()
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        for target, po in self._catalogs().items():
            with open(po, "rb") as handle:
                catalog = read_po(handle)
            data = io.BytesIO()
            write_mo(data, catalog)
            out = po.with_suffix(".mo") if self.editable_mode else Path(target)
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(data.getvalue())

    def get_outputs(self, include_bytecode: bool = True) -> list[str]:
        return [*super().get_outputs(include_bytecode), *self._catalogs()]

    def get_output_mapping(self) -> dict[str, str]:
        mapping = dict(super().get_output_mapping())
        mapping.update({target: str(po.with_suffix(".mo"))
                        for target, po in self._catalogs().items()})
        return mapping


setup(cmdclass={"build_py": BuildPyWithCatalogs})
