"""The product as a package: the built wheel carries its data, and an installed `kb` works from any folder."""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT

DATA = [  # what the product reads at run time besides code
    "corpus/catalog.toml", "corpus/contacts.toml", "corpus/glossary.toml", "corpus/dialogue-2021-10-28.md",
    "eval/data/gold.jsonl", "eval/data/off_topic.txt", "eval/data/thresholds.toml", "eval/data/pdf_gold.jsonl",
    "eval/data/sets/summary-heldout.jsonl", "eval/data/pdf/workplace-guidance-fixture.pdf",
    "ui/theme.css", "ui/cite.js", "ui/upload_key.js", "ui/icons/thumb-up.svg", "service/answering/disclosure_probe.json",
    "service/answering/asker_probe_use.json", "service/answering/reader_layers.npz", "service/glossary.toml",
]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                            "-w", str(out), str(ROOT)], capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr
    [built] = out.glob("kb_harassment_guidance-*.whl")
    return built


def test_the_wheel_carries_the_corpus_the_eval_data_and_the_ui_assets(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    assert [n for n in DATA if n not in names] == []
    assert "app/cli.py" in names and "corpus/__init__.py" in names
    assert not [n for n in names if n.startswith(("tests/", "bench/", "var/"))]
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "kb = app.cli:main" in zipfile.ZipFile(wheel).read(entry).decode()


@pytest.mark.slow
def test_an_installed_kb_ingests_and_answers_from_any_folder_into_the_user_data_folder(wheel, tmp_path):
    """A fresh venv with the wheel installed (not editable); its dependencies come from this venv (no network).
    Run from an empty folder with no KB_* setting: the packaged corpus goes into the platform's data folder."""
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / "bin" / "python"
    [fresh_site] = (env_dir / "lib").glob("python3*/site-packages")
    (fresh_site / "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n")  # torch, the model, ...
    install = subprocess.run([python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
                             capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stderr

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if not k.startswith("KB_")}
    env |= {"XDG_DATA_HOME": str(tmp_path / "xdg"), "HF_HUB_OFFLINE": "1", "KB_UI": "false",
            "KB_CACHE_DIR": str(ROOT / "var" / "cache")}  # the ONNX export, shared with the other tests

    def kb(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([env_dir / "bin" / "kb", *args], cwd=elsewhere, env=env, capture_output=True,
                              text=True, timeout=600)

    where = subprocess.run([python, "-c", "import ingest, corpus; print(ingest.__file__); print(corpus.__file__)"],
                           cwd=elsewhere, env=env, capture_output=True, text=True, check=True).stdout.split()
    assert all(Path(p).is_relative_to(fresh_site) for p in where), where  # the wheel's code, not this checkout

    ingested = kb("ingest", "--json")
    assert ingested.returncode == 0, ingested.stderr
    assert json.loads(ingested.stdout)["documents"]["added"] == 1
    home = tmp_path / "xdg" / "kb-harassment-guidance"
    assert (home / "index" / "manifest.json").is_file()

    asked = kb("ask", "What did the keynote speaker say about leadership?", "--json")
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert answer["citations"] and all(c["quote"] in c["passage"]["text"] for c in answer["citations"])
    assert list(elsewhere.iterdir()) == []  # nothing written to the current folder
