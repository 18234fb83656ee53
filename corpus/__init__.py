"""The bundled corpus: the dialogue summary, the document catalog and the support contacts.

A package only so that it installs with the product and is found with importlib.resources; it holds data.
"""
