"""Real documents generated for the ingestion tests and benchmarks (fpdf2 PDFs, Markdown), and index checks.

Imported by tests/test_pipeline.py, tests/test_cli_ingest.py, tests/test_crash_safety.py and
bench/ingest_throughput.py. Everything is seeded: the same arguments give byte-identical files.
"""

from __future__ import annotations

import random
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from pypdf import PdfReader, PdfWriter

from ingest.index.base import Index
from ingest.manifest import Manifest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
KB = ROOT / ".venv" / "bin" / "kb"
FIXED_DATE = datetime(2024, 1, 1, tzinfo=UTC)

Section = tuple[str, list[str]]  # heading, numbered paragraphs

_SUBJECTS = ["The organization", "Every manager", "The focal point", "A staff member", "The investigating office",
             "Senior leadership", "The ombudsperson", "Each entity", "The task force", "Human resources"]
_VERBS = ["shall ensure that", "is expected to confirm that", "should make sure that", "must record that",
          "will explain to all personnel that", "takes steps so that"]
_OBJECTS = ["reports of sexual harassment are received in confidence", "the affected person is offered support",
            "interim measures protect the person who reported", "retaliation is prohibited and sanctioned",
            "training on prevention is completed every two years", "bystanders know how to intervene safely",
            "investigations are concluded without undue delay", "the victim-centred approach guides each step",
            "information is shared only on a need-to-know basis", "outcomes are communicated to both parties"]
_TAILS = ["in line with the Model Policy.", "regardless of the contractual status of the person.",
          "including at work-related social events.", "whether the conduct happens online or in person.",
          "as set out in the reporting procedure.", "with due regard for the safety of everyone involved."]


def prose(rng: random.Random, words: int) -> str:
    """Plausible policy prose of about ``words`` words, in full sentences."""
    sentences: list[str] = []
    count = 0
    while count < words:
        sentence = f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {rng.choice(_OBJECTS)} {rng.choice(_TAILS)}"
        sentences.append(sentence)
        count += len(sentence.split())
    return " ".join(sentences)


def policy_sections(seed: int, sections: int, paragraphs: int, words: int) -> list[Section]:
    """Numbered sections ("3. Reporting") of numbered paragraphs ("3.2 ...") of seeded prose."""
    rng = random.Random(seed)
    names = ["Introduction", "Scope", "Definitions", "Prevention", "Reporting", "Support", "Investigation",
             "Interim measures", "Disciplinary action", "Monitoring", "Review", "Final provisions"]
    return [
        (f"{s}. {names[(s - 1) % len(names)]}", [f"{s}.{p} {prose(rng, words)}" for p in range(1, paragraphs + 1)])
        for s in range(1, sections + 1)
    ]


class GuidancePdf(FPDF):
    """A PDF with a running header and a page-numbered footer on every page."""

    running_header = "Guidance on Preventing Sexual Harassment"

    def header(self) -> None:
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, self.running_header, new_x="LMARGIN", new_y="NEXT")
        self.ln(4)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 6, f"Page {self.page_no()}", align="C")


def write_pdf(path: Path, sections: list[Section], title: str | None = None, page_per_section: bool = True) -> Path:
    """A PDF of headed sections; each starts a page when ``page_per_section`` (else text flows on)."""
    pdf = GuidancePdf()
    pdf.set_auto_page_break(True, margin=20)
    if title:
        pdf.set_title(title)
    pdf.set_creation_date(FIXED_DATE)  # identical bytes for identical content
    if not page_per_section:
        pdf.add_page()
    for heading, paragraphs in sections:
        if page_per_section:
            pdf.add_page()
        pdf.set_font("Helvetica", "B", 14)
        pdf.cell(0, 10, heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=11)
        for paragraph in paragraphs:
            pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(3)
    pdf.output(str(path))
    return path


def write_markdown(path: Path, title: str, sections: list[Section]) -> Path:
    parts = [f"# {title}"]
    for heading, paragraphs in sections:
        parts.append(f"## {heading}")
        parts.extend(paragraphs)
    path.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return path


def image_only_pdf(path: Path) -> Path:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60, style="F")
    pdf.output(str(path))
    return path


def encrypted_copy(source: Path, target: Path, user_password: str) -> Path:
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    writer.write(target)
    return target


def corrupt_pdf(path: Path, seed: int = 0) -> Path:
    """A PDF whose middle is overwritten with garbage: header and %%EOF intact, body unreadable."""
    source = write_pdf(path.with_suffix(".src"), policy_sections(seed, 2, 2, 40))
    data = bytearray(source.read_bytes())
    source.unlink()
    garbage = random.Random(seed).randbytes(len(data) - 200)
    data[100 : len(data) - 100] = garbage
    path.write_bytes(bytes(data))
    return path


@dataclass(frozen=True)
class KbRun:
    returncode: int
    stdout: str
    stderr: str


def run_kb(*args: str, env: dict[str, str] | None = None, timeout: float = 600) -> KbRun:
    """The real `kb` console script in a subprocess (cwd = the project root)."""
    done = subprocess.run([str(KB), *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout,
                          check=False)
    return KbRun(done.returncode, done.stdout, done.stderr)


def kb_env(**extra: str) -> dict[str, str]:
    """The environment for a `kb` subprocess: offline, no KB_* leaking in from the caller."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("KB_")}
    return env | {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "KB_CORPUS_DIR": str(CORPUS)} | extra


def full_disk(*_: object) -> None:
    """A write fault to put on the real index (its flush, its deletes) in place of the call."""
    raise OSError(28, "No space left on device")


def assert_consistent(index: Index, manifest: Manifest) -> set[str]:
    """The index holds exactly the committed versions: no orphan, no missing and no duplicate point."""
    ids = index.point_ids()
    committed = {cid for record in manifest.documents.values() for cid in record.chunk_ids}
    per_version = {record.doc_hash: len(record.chunk_ids) for record in manifest.documents.values()}
    assert len(per_version) == len(manifest.documents), "two manifest records share a content hash"
    assert ids == committed, f"orphans {sorted(ids - committed)[:3]}, missing {sorted(committed - ids)[:3]}"
    assert index.count() == len(ids) == sum(per_version.values())
    assert index.doc_hashes() == per_version
    return ids
