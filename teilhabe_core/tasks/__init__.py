"""Tasks: whole jobs a clerk starts, built on the :class:`~teilhabe_core.app.Teilhabe` facade.

``rounds`` (status rounds: start, collect, status) and ``table_import`` (a measures table
into a plan, status changes as workflow transitions). They rank above ``app`` and below
``cli``: the command line calls them, embedding code may too.
"""
