"""`normalise.disk_cache`: a value read back is the value built, and a cache that is damaged,
of another key or unwritable only means building again."""

from __future__ import annotations

import marshal
from pathlib import Path

import pytest

from normalise import disk_cache
from normalise import thai_words as tw


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("ITA_CACHE_DIR", str(tmp_path))
    return tmp_path


class Builder:
    """Builds {"a": (1, 2)}, counting its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> dict[str, tuple[int, ...]]:
        self.calls += 1
        return {"a": (1, 2)}


def _is_dict(value: object) -> bool:
    return isinstance(value, dict)


def test_a_value_is_built_once_then_read(folder: Path) -> None:
    build = Builder()
    first = disk_cache.cached("test", b"key", build, _is_dict)
    second = disk_cache.cached("test", b"key", build, _is_dict)
    assert first == second == {"a": (1, 2)}
    assert build.calls == 1
    assert [p.name.startswith("test-") for p in folder.iterdir()] == [True]


@pytest.mark.parametrize("stored", [b"", b"\x00garbage", marshal.dumps("not a dict")],
                         ids=["empty", "damaged", "another shape"])
def test_a_damaged_file_is_built_again_and_replaced(folder: Path, stored: bytes) -> None:
    disk_cache.cached("test", b"key", Builder(), _is_dict)
    [path] = folder.iterdir()
    path.write_bytes(stored)
    build = Builder()
    assert disk_cache.cached("test", b"key", build, _is_dict) == {"a": (1, 2)}
    assert build.calls == 1
    assert marshal.loads(path.read_bytes()) == {"a": (1, 2)}


def test_another_key_is_built_again_and_the_old_file_removed(folder: Path) -> None:
    disk_cache.cached("test", b"old", Builder(), _is_dict)
    [old] = folder.iterdir()
    build = Builder()
    disk_cache.cached("test", b"new", build, _is_dict)
    [new] = folder.iterdir()
    assert build.calls == 1
    assert new != old


def test_an_unwritable_folder_still_gives_the_value(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a file").write_text("")
    monkeypatch.setenv("ITA_CACHE_DIR", str(tmp_path / "a file" / "cache"))
    build = Builder()
    assert disk_cache.cached("test", b"key", build, _is_dict) == {"a": (1, 2)}
    assert disk_cache.cached("test", b"key", build, _is_dict) == {"a": (1, 2)}
    assert build.calls == 2


def test_the_dictionary_index_read_back_is_the_one_built(folder: Path) -> None:
    built = disk_cache.cached("thai-lexicon", tw.index_key(), tw._index, tw._is_index)
    read = disk_cache.cached("thai-lexicon", tw.index_key(), _never_built, tw._is_index)
    assert read == built == tw._index()


def _never_built() -> object:
    raise AssertionError("the index was built again instead of read")
