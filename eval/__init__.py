"""Evaluation of the product: the gold question set over the bundled corpus and a public BEIR benchmark.

* ``eval.gold`` reads and validates the gold set (``eval/data``, format in its README);
* ``eval.metrics`` holds the metric definitions as pure functions;
* ``eval.runner`` asks the gold questions in process (a ``KnowledgeBase``) or over HTTP;
* ``eval.scoring`` turns per-question results into the flat metric object of ``kb eval --json``;
* ``eval.report`` writes the Markdown report, the PNG charts and the comparison with a baseline;
* ``eval.pdf_gold``, ``eval.pdf_eval``: the small PDF gold set (``eval/data/pdf``) that checks page-level
  citations on its own temporary index;
* ``eval.gate`` checks a metric object against the committed thresholds (the CI gate);
* ``eval.beir``, ``eval.beir_data``, ``eval.beir_cache``: the product's chunker, embedder, index and
  retrieval on a BEIR-layout dataset, scored with ranx;
* ``app.eval_cli`` is the ``kb eval`` sub-command, ``eval.commands`` its bodies.

This layer sits above ``service``: it imports the product, never the other way round (``app.cli``
only registers the sub-command). Nothing heavy is imported at package import.
"""
