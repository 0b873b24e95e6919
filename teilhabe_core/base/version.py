"""The version of teilhabe (``teilhabe_core.__version__``)."""

__version__ = "0.1.0"
