"""Evaluation of the product: the gold question set over the bundled corpus and a public BEIR benchmark.

* ``eval.gold`` reads and validates the gold set (``eval/data``);
* ``eval.metrics`` holds the metric definitions as pure functions;
* ``eval.runner`` asks the gold questions in process (a ``KnowledgeBase``) or over HTTP;
* ``eval.scoring`` turns per-question results into the flat metric object;
* ``eval.report`` writes the Markdown report, the PNG charts and the baseline comparison;
* ``eval.beir`` runs the product's chunker, embedder, index and retrieval on a BEIR-layout dataset;
* ``eval.cli`` is the ``kb eval`` sub-command.

This layer sits above ``service``: it imports the product, never the other way round (``service.cli``
only registers the sub-command). Nothing heavy is imported at package import.
"""
