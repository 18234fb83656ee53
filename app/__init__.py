"""Entry points, the top floor: the `kb` command line and its commands, and the web composition root.

Layers, lowest first: ``ingest`` (documents -> index) <- ``service`` (retrieval, answers, library rules)
<- ``ui``, ``eval`` <- ``app``. Only this floor may import every layer; ``tests/test_layers.py`` checks it.
"""
