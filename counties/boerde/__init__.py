"""Landkreis Börde (Sachsen-Anhalt, AGS 15083); hooks in :mod:`.hooks`."""
