"""Example exporter package: Maßnahmen-Steckbrief."""
