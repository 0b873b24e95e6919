"""Saale-Orla-Kreis (Thüringen, AGS 16075); hooks in :mod:`.hooks`."""
