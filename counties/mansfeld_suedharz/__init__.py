"""Landkreis Mansfeld-Südharz (Sachsen-Anhalt, AGS 15087); hooks in :mod:`.hooks`."""
