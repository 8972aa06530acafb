"""A long run gives freed memory back: Arrow uses the C heap unless told otherwise, and the
heap is trimmed after each batch. (The size of a run's processes is measured in `make bench`.)"""

from __future__ import annotations

import os
import subprocess
import sys

from pipeline.output import memory


def _arrow_pool(env: dict[str, str]) -> str:
    code = "import pipeline, pyarrow\nprint(pyarrow.default_memory_pool().backend_name)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, env=env)
    return out.stdout.strip()


def test_arrow_allocates_from_the_c_heap_once_the_program_is_loaded() -> None:
    env = {k: v for k, v in os.environ.items() if k != "ARROW_DEFAULT_MEMORY_POOL"}
    assert _arrow_pool(env) == memory.ARROW_POOL == "system"


def test_an_allocator_the_user_chose_is_kept() -> None:
    assert _arrow_pool({**os.environ, "ARROW_DEFAULT_MEMORY_POOL": "jemalloc"}) == "jemalloc"


def test_freed_heap_can_be_given_back_on_linux() -> None:
    if sys.platform.startswith("linux"):
        assert memory._libc() is not None  # glibc's malloc_trim found
    memory.give_back()
