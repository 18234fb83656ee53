"""Answer composition: extractive (default, no LLM) and LLM-written, both passed through `verify`."""
