"""Landkreis Nienburg/Weser (Niedersachsen, AGS 03256); hooks in :mod:`.hooks`."""
