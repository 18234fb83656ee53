"""The files a deploying organization edits (catalog, contacts, glossary): optional, and a broken one is named."""

from __future__ import annotations

import pytest

from ingest.catalog import Catalog
from ingest.contacts import Contacts
from ingest.errors import UsageError


def test_missing_files_are_empty(tmp_path) -> None:
    assert Catalog.load(tmp_path / "catalog.toml").entries == []
    assert Contacts.load(tmp_path / "contacts.toml").contacts == []


@pytest.mark.parametrize(("name", "load", "what"), [
    ("catalog.toml", Catalog.load, "invalid catalog"),
    ("contacts.toml", Contacts.load, "invalid contacts file"),
])
@pytest.mark.parametrize("content", [b"[[broken\n", b"\xff\xfe not utf-8", b'[[contact]]\nname = 3\n[[document]]\nkey = 3\n'])
def test_a_broken_file_is_named_with_the_reason(tmp_path, name: str, load, what: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UsageError, match=rf"{name}: {what}: "):
        load(path)
