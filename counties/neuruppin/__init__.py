"""Kommune Inklusiv Neuruppin (Sozialraum, Brandenburg); hooks in :mod:`.hooks`."""
