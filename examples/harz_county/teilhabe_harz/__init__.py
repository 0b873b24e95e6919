"""Example county plugin: Landkreis Harz (illustrative data)."""
