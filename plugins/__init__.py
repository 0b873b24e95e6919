"""Built-in plugins of teilhabe, installed as ``teilhabe_plugins``.

They are found through the ``teilhabe`` entry point group like any third-party plugin.
"""

if __name__ != "teilhabe_plugins":  # pragma: no cover - guard against `import plugins`
    raise ImportError(
        "Import the built-in plugins as 'teilhabe_plugins', not as 'plugins': a second "
        "import under another name would register every hook twice."
    )
