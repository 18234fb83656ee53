"""The README's commands and settings table are the ones the project really has."""

from __future__ import annotations

import re

from ingest.settings import SETTINGS_DOC, settings_page
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_the_two_commands_and_ci_runs_the_test_one():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S)
    assert first_block and first_block.group(1).startswith("make run") and "make test" in first_block.group(1)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"^make test$", ci, re.M)


def test_settings_page_matches_the_settings_class():
    assert (ROOT / SETTINGS_DOC).read_text(encoding="utf-8") == settings_page(), \
        "regenerate it: python -m ingest.settings"
    assert "docs/settings.md" in README
