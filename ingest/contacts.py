"""Reporting channels and support contacts (``corpus/contacts.toml``), edited by the deploying organization.

The file ships with placeholder entries; see its header comment for the format.
"""

from __future__ import annotations

import logging
from pathlib import Path

from pydantic import BaseModel, Field

from ingest.config_files import read_config

log = logging.getLogger(__name__)


class ContactText(BaseModel):
    """A contact's words in one language (``[contact.in.fr]``); what is left out stays as written above it."""

    name: str | None = None
    how: str | None = None
    note: str | None = None


class Contact(BaseModel):
    """One reporting channel or support service."""

    name: str
    how: str
    kind: str = "other"
    note: str | None = None
    placeholder: bool = False
    languages: dict[str, ContactText] = Field(default_factory=dict, alias="in", exclude=True)

    def in_language(self, language: str) -> Contact:
        """The contact as it reads in ``language`` (its own words where the file gives them)."""
        text = self.languages.get(language)
        if text is None:
            return self
        return self.model_copy(update={key: value for key, value in text.model_dump().items() if value is not None})


class Contacts(BaseModel):
    """All contacts, in file order."""

    contacts: list[Contact] = Field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> Contacts:
        """Read a contacts TOML file; a missing file means no contacts."""
        loaded = read_config(path, "contacts file", lambda data: cls(contacts=data.get("contact", [])))
        if loaded is None:
            log.info("no contacts file at %s", path)
        return loaded or cls()

    @property
    def configured(self) -> list[Contact]:
        """Contacts the organization has filled in (placeholders left out)."""
        return [c for c in self.contacts if not c.placeholder]

    @property
    def is_placeholder_only(self) -> bool:
        return not self.configured
