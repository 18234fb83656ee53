"""`kb ingest` and `kb status` as a user runs them: the installed console script in a real subprocess,
the real bundled model, a real embedded index in a temp folder."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from ingest_fixtures import KbRun, corrupt_pdf, kb_env, policy_sections, run_kb, write_markdown


def one_json(result: KbRun) -> dict[str, Any]:
    """stdout holds exactly one JSON object (progress and per-file lines go to stderr)."""
    lines = result.stdout.splitlines()
    assert len(lines) == 1, f"stdout: {result.stdout!r}\nstderr: {result.stderr[-2000:]}"
    obj = json.loads(lines[0])
    assert isinstance(obj, dict)
    return obj


@pytest.fixture(scope="module")
def corpus_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, KbRun]:
    """`kb ingest --index T --json corpus` once, with KB_INDEX_DIR naming another folder."""
    root = tmp_path_factory.mktemp("cli")
    index, elsewhere = root / "T", root / "env-index"
    result = run_kb("ingest", "--index", str(index), "--json", "corpus", env=kb_env(KB_INDEX_DIR=str(elsewhere)))
    return index, elsewhere, result


@pytest.mark.slow
def test_ingest_corpus_prints_one_json_summary(corpus_run: tuple[Path, Path, KbRun]) -> None:
    _, _, result = corpus_run
    summary = one_json(result)

    assert result.returncode == 0, result.stderr[-2000:]
    assert set(summary) >= {"documents", "chunks", "errors"}
    assert set(summary["documents"]) == {"added", "updated", "unchanged", "removed", "failed"}
    assert summary["documents"]["added"] >= 1 and summary["documents"]["failed"] == 0
    assert summary["chunks"] >= 10 and summary["errors"] == []


@pytest.mark.slow
def test_second_ingest_changes_nothing(corpus_run: tuple[Path, Path, KbRun]) -> None:
    index, _, first = corpus_run
    result = run_kb("ingest", "--index", str(index), "--json", "corpus", env=kb_env())
    summary = one_json(result)

    assert result.returncode == 0
    assert summary["documents"]["added"] == 0 and summary["documents"]["updated"] == 0
    assert summary["documents"]["unchanged"] == one_json(first)["documents"]["added"]
    assert summary["chunks"] == one_json(first)["chunks"]


@pytest.mark.slow
def test_index_option_overrides_the_environment(corpus_run: tuple[Path, Path, KbRun]) -> None:
    index, elsewhere, first = corpus_run
    assert (index / "manifest.json").is_file() and not elsewhere.exists()

    status = one_json(run_kb("status", "--index", str(index), "--json", env=kb_env(KB_INDEX_DIR=str(elsewhere))))
    from_env = one_json(run_kb("status", "--json", env=kb_env(KB_INDEX_DIR=str(elsewhere))))

    assert status["index"] == str(index)
    assert [d["doc_key"] for d in status["documents"]] == ["dialogue-2021-10-28"]
    assert status["documents"][0]["doc_type"] == "dialogue summary"
    assert status["chunks"] == one_json(first)["chunks"] == status["documents"][0]["chunks"]
    assert from_env["index"] == str(elsewhere) and from_env["documents"] == []


@pytest.mark.slow
def test_good_markdown_and_corrupt_pdf_exit_1(tmp_path: Path) -> None:
    folder = tmp_path / "docs"
    folder.mkdir()
    write_markdown(folder / "good.md", "Reporting Guide", policy_sections(1, 2, 2, 40))
    corrupt_pdf(folder / "damaged-annex.pdf")

    result = run_kb("ingest", "--index", str(tmp_path / "T"), "--json", str(folder), env=kb_env())
    summary = one_json(result)

    assert result.returncode == 1
    assert summary["documents"]["failed"] == 1 and summary["documents"]["added"] == 1
    assert "damaged-annex.pdf" in summary["errors"][0]["error"]
    assert summary["errors"][0]["path"].endswith("damaged-annex.pdf")


def test_nonexistent_path_is_a_usage_error(tmp_path: Path) -> None:
    result = run_kb("ingest", "--index", str(tmp_path / "T"), "--json", str(tmp_path / "nowhere"), env=kb_env())

    assert result.returncode == 2
    assert "nowhere" in result.stderr and result.stdout == ""
    assert not (tmp_path / "T").exists()


def test_a_disk_short_of_the_reserve_exits_4_naming_the_folder(tmp_path: Path) -> None:
    index = tmp_path / "T"
    result = run_kb("ingest", "--index", str(index), "--json", "corpus", env=kb_env(KB_MIN_FREE_MB="999999999"))

    assert result.returncode == 4, result.stderr[-2000:]
    assert "MiB free on the disk" in result.stderr and str(index) in result.stderr.replace("\n", "")
    assert result.stdout == "" and not (index / "manifest.json").exists()
    assert not (index / "qdrant").exists()  # refused before the engine's files were made


def test_status_of_an_empty_index(tmp_path: Path) -> None:
    status = one_json(run_kb("status", "--index", str(tmp_path / "T"), "--json", env=kb_env()))
    assert status["documents"] == [] and status["chunks"] == 0


def test_corpus_is_the_default_path(tmp_path: Path) -> None:
    """No PATH: the corpus folder (KB_CORPUS_DIR), here pointed at an empty folder so nothing loads."""
    empty = tmp_path / "empty-corpus"
    empty.mkdir()
    result = run_kb("ingest", "--index", str(tmp_path / "T"), "--json", env=kb_env(KB_CORPUS_DIR=str(empty)))
    assert result.returncode == 0
    assert one_json(result)["documents"] == dict.fromkeys(["added", "updated", "unchanged", "removed", "failed"], 0)


@pytest.mark.parametrize(("env", "named"), [
    ({"KB_LLM_PROVIDER": "olama"}, "KB_LLM_PROVIDER"),
    ({"KB_QUERY_BACKEND": "gpu"}, "KB_QUERY_BACKEND"),
    ({"KB_LLM_PROVIDER": "llamacpp", "KB_LLM_MODEL": "/no/such/model.gguf"}, "KB_LLM_MODEL"),
], ids=["provider-typo", "backend-typo", "gguf-missing"])
def test_a_setting_that_cannot_work_stops_with_one_line_naming_it(tmp_path: Path, env: dict[str, str], named: str) -> None:
    result = run_kb("ask", "--index", str(tmp_path / "T"), "What is ClearCheck?", env=kb_env(**env))
    assert result.returncode == 2, result.stderr[-2000:]
    assert named in " ".join(result.stderr.split()) and "Traceback" not in result.stderr
