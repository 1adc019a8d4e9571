"""The model: a case and its claims, the law's declarations read back from the program, the typed answer."""
