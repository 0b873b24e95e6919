"""The shipped county and area plugins, installed as ``teilhabe_counties``.

Each subfolder is one area: ``area.yaml`` (profile), ``data/`` (plans, evaluations,
papers …) and ``hooks.py`` (its rules and exporters), registered through an entry
point of the group ``teilhabe`` exactly like a separately installed county package.
"""

if __name__ != "teilhabe_counties":  # pragma: no cover - guard against `import counties`
    raise ImportError(
        "Import the shipped areas as 'teilhabe_counties', not as 'counties': a second "
        "import under another name would register every hook twice."
    )
