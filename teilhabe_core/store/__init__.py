"""Layer 3, where documents live: an area's folders, its loaded documents and the
history journals beside them. Imports ``base``, ``model`` and ``documents``."""
