"""The Dask executor gives the same timeline as the local one, on a real (local) Dask cluster."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.diagnostics import InputError
from timeline.pipeline import RunOptions, build, dask_runner

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[2]


def test_dask_cluster_and_local_processes_build_identical_timelines(tmp_path: Path) -> None:
    local = build([ROOT / "corpus"], ROOT / "rules", RunOptions(jobs=2))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True) as cluster:
        remote = build(
            [ROOT / "corpus"],
            ROOT / "rules",
            RunOptions(executor="dask", scheduler=cluster.scheduler_address, cache_dir=tmp_path / "cache"),
        )
    assert remote.problems == local.problems == []
    assert local.timeline.documents
    assert remote.timeline.model_dump_json() == local.timeline.model_dump_json()


def test_relative_corpus_paths_work_on_workers_started_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "workers").mkdir()
    monkeypatch.chdir(tmp_path / "workers")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True) as cluster:
        monkeypatch.chdir(ROOT)  # the user's folder differs from the one the workers were started in
        result = build(
            [Path("corpus")], Path("rules"), RunOptions(executor="dask", scheduler=cluster.scheduler_address)
        )
    assert result.problems == []
    assert len(result.timeline.documents) == len(list((ROOT / "corpus").glob("*.txt")))


def test_unreachable_scheduler_is_a_clear_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dask_runner, "CONNECT_SECONDS", 2)  # instead of ten
    with pytest.raises(InputError) as error:
        build([ROOT / "corpus"], None, RunOptions(executor="dask", scheduler="tcp://127.0.0.1:9"))
    assert "cannot reach the Dask scheduler tcp://127.0.0.1:9" in str(error.value)


def test_dask_without_a_scheduler_address_says_how_to_start_one() -> None:
    with pytest.raises(InputError) as error:
        build([ROOT / "corpus"], None, RunOptions(executor="dask"))
    assert "dask scheduler" in str(error.value) and "--scheduler" in str(error.value)


def test_scheduler_without_workers_is_a_clear_input_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dask_runner, "WORKER_WAIT_SECONDS", 2)  # instead of a minute
    with (
        distributed.LocalCluster(n_workers=0, processes=False) as cluster,
        pytest.raises(InputError) as error,
    ):
        build([ROOT / "corpus"], None, RunOptions(executor="dask", scheduler=cluster.scheduler_address))
    assert f"no Dask worker joined {cluster.scheduler_address} within 2 s" in str(error.value)
