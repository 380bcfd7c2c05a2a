"""The Dask runner (``wirecheck[dask]``): the same per-story check as a Dask bag, on a
local cluster and on a given scheduler; a clear error when the extra is missing."""

from __future__ import annotations

import sys
from importlib.util import find_spec
from pathlib import Path

import pytest

from checker.dask_runner import require_dask, story_paths
from checker.errors import ConfigError, InputError
from tests.conftest import ROOT

WIRE = ROOT / "fixtures" / "wire"
TEXT = WIRE / "text"
FEED = ROOT / "fixtures" / "feed"
PAIRS = ("--ref", str(FEED / "ref"), "--src", str(FEED / "src"))


def test_missing_extra_is_a_one_line_error(cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "dask.bag", None)  # makes the import fail
    with pytest.raises(ConfigError, match=r"install the extra: pip install 'wirecheck\[dask\]'"):
        require_dask()
    result = cli("check", str(TEXT / "mt"), "--dask")
    assert result.code == 2
    assert result.err == (
        "wirecheck: error: --dask: Dask is not installed; install the extra: "
        "pip install 'wirecheck[dask]'\n"
    )


def test_story_paths_expand_folders_and_globs(tmp_path: Path) -> None:
    assert story_paths([str(TEXT / "mt")]) == [
        str(TEXT / "mt" / "afp-rail-strike.txt"), str(TEXT / "mt" / "efe-cpi-february.txt")
    ]
    assert story_paths([str(WIRE / "**" / "*.xlf")]) == [str(WIRE / "xliff" / "es-en-inflation.xlf")]
    with pytest.raises(InputError, match="no file matches this pattern"):
        story_paths([str(tmp_path / "*.xml")])


needs_dask = pytest.mark.skipif(
    find_spec("distributed") is None or find_spec("dask") is None,
    reason="Dask is not installed (pip install 'wirecheck[dask]')",
)


@needs_dask
def test_local_cluster_gives_the_serial_output(cli) -> None:
    pattern = str(WIRE / "nitf" / "*")
    serial = cli("check", str(WIRE / "nitf"), *PAIRS, "--format", "json", "--jobs", "1")
    dask = cli("check", pattern, *PAIRS, "--format", "json", "--dask", "--jobs", "2")
    assert dask.code == serial.code == 1
    assert dask.out == serial.out


@needs_dask
def test_any_scheduler_address(cli) -> None:
    from distributed import LocalCluster

    # A worker thread in this process, reached over TCP like any remote scheduler:
    # results are still serialised through the comm, without spawning a process.
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp",
                      dashboard_address=None) as cluster:
        assert cluster.scheduler_address.startswith("tcp://")
        result = cli("check", str(WIRE / "xliff"), "--ref", str(FEED / "ref"), "--format", "json",
                     "--scheduler", cluster.scheduler_address)
        origins = cli("check", str(WIRE / "nitf" / "*"), *PAIRS,
                      "--scheduler", cluster.scheduler_address).out
    assert "body.content/p[7] col 1]: WC401" in origins  # XML origins travel back
    serial = cli("check", str(WIRE / "xliff"), "--ref", str(FEED / "ref"), "--format", "json",
                 "--jobs", "1")
    assert result.out == serial.out


@needs_dask
def test_input_errors_on_workers_come_back_as_one_line(cli) -> None:
    hostile = ROOT / "tests" / "data" / "hostile" / "billion-laughs.xml"
    result = cli("check", str(hostile), "--dask", "--jobs", "1")
    assert result.code == 2
    assert result.err == (
        f"wirecheck: error: {hostile}:3: unsafe XML: entity declarations are not allowed\n"
    )
