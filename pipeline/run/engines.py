"""Where conversions run: worker processes on this machine, or a Dask cluster.

Both give the same rows; the driver writes them (pipeline/dataset.py). On Dask
each task converts one file in a child process of the Dask worker, so the time
limit and the isolation from crashes hold there too. Dask workers must therefore
be allowed children: the local cluster is started so; for a cluster of your own,
start workers with DASK_DISTRIBUTED__WORKER__DAEMON=False (see README). Input
paths must be readable by the workers (a shared filesystem).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from pipeline.run.converted import Converted
from pipeline.run.inputs import Input
from pipeline.run.options import DASK
from pipeline.run.workers import convert_many


def convert_isolated(item: Input, timeout: float) -> Converted:
    """One file converted in a child process (a Dask task)."""
    return next(convert_many([item], 1, timeout))


def run_dask(items: Iterable[Input], workers: int, timeout: float,
             scheduler: str | None) -> Iterator[Converted]:
    import dask
    from dask.distributed import Client, LocalCluster, as_completed

    with dask.config.set({"distributed.worker.daemon": False}):
        cluster = None if scheduler else LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        with Client(scheduler or cluster) as client:
            futures = client.map(convert_isolated, list(items), timeout=timeout, pure=False)
            for future in as_completed(futures):
                yield future.result()
                future.release()
        if cluster is not None:
            cluster.close()


def run(engine: str, items: Iterable[Input], workers: int, timeout: float,
        scheduler: str | None = None) -> Iterator[Converted]:
    if engine == DASK:
        return run_dask(items, workers, timeout, scheduler)
    return convert_many(items, workers, timeout)
