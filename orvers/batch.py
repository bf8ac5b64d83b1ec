"""`orvers batch`: every corpus under a folder analysed and reported as Dask tasks.

One task per corpus runs the functions `orvers report` runs (analysis.analyse, report.write) in
a worker process of a local Dask cluster, or of a running scheduler's workers (which must see
the same files). A corpus that fails is reported and left out of the combined database; the
others go on.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from dask.distributed import Client, LocalCluster, as_completed

from .analysis import analyse
from .corpus import MANIFEST
from .errors import InputError, OrversError
from .export import DATABASE, Rows, rows, write_sqlite
from .report import write


@dataclass(frozen=True)
class Outcome:
    """What became of one corpus: its documents, why it failed (empty if it did not), its rows."""

    name: str
    documents: int
    problems: tuple[str, ...]
    rows: Rows | None


@dataclass(frozen=True)
class Batch:
    """Every corpus's outcome (by name), the combined database and the wall time."""

    outcomes: tuple[Outcome, ...]
    database: Path
    seconds: float

    @property
    def failed(self) -> tuple[Outcome, ...]:
        """The corpora that could not be analysed or reported in full."""
        return tuple(o for o in self.outcomes if o.problems)

    @property
    def documents(self) -> int:
        """Documents in the corpora that ran (read or found unreadable)."""
        return sum(o.documents for o in self.outcomes)


def corpora(root: str | Path) -> list[Path]:
    """Every folder under ROOT (ROOT included) that holds a corpus.toml, in path order."""
    root = Path(root)
    found = sorted(p.parent for p in root.rglob(MANIFEST) if p.is_file())
    if not found:
        raise InputError(f"{root}: no corpus under it (a folder with {MANIFEST})")
    return found


def run_one(corpus: Path, out: Path, name: str, lang: str = "nb", use_cache: bool = True,
            now: dt.datetime | None = None) -> Outcome:
    """Analyse and report one corpus into OUT, as `orvers report` does (a Dask task).

    Never raises for a bad corpus: its one-line reasons are in the outcome instead, so the
    other tasks are not disturbed.
    """
    try:
        analysis = analyse(corpus, use_cache)
        write(analysis, out, lang, now, name=name)
    except OrversError as exc:
        return Outcome(name, 0, (str(exc),), None)
    except Exception as exc:  # a bug met on one corpus: report it, keep the batch going
        return Outcome(name, 0, (f"internal error: {type(exc).__name__}: {exc}",), None)
    documents = len(analysis.versions)
    if analysis.problems:
        return Outcome(name, documents, analysis.problems, None)
    return Outcome(name, documents, (), rows(analysis, name))


def run(root: str | Path, out: str | Path, scheduler: str | None = None,
        workers: int | None = None, lang: str = "nb", use_cache: bool = True,
        now: dt.datetime | None = None, started: Callable[[int], None] = lambda total: None,
        done: Callable[[Outcome], None] = lambda outcome: None) -> Batch:
    """Report every corpus under ROOT into OUT/<its path under ROOT>/ with Dask, and write
    all of them that succeeded into OUT/orvers.db. STARTED gets the number of corpora once
    the workers are reached, DONE each corpus's outcome as it finishes.

    SCHEDULER is the address of a running Dask scheduler; without it a local cluster of
    WORKERS processes (default: one per core) is started and closed again.
    """
    root, out = Path(root).resolve(), Path(out).resolve()
    found = corpora(root)
    names = [p.relative_to(root).as_posix() if p != root else root.name for p in found]
    if len(set(names)) < len(names):
        raise InputError(f"{root}: a corpus inside it is named like it ({root.name}); "
                         "give its parent folder instead")
    now = now or dt.datetime.now(dt.UTC)
    start = time.perf_counter()
    cluster = None if scheduler else LocalCluster(
        n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
        silence_logs=logging.ERROR)
    try:
        with _connect(scheduler, cluster) as client:
            started(len(found))
            futures = {client.submit(run_one, corpus, out / name, name, lang, use_cache, now,
                                     pure=False): name
                       for corpus, name in zip(found, names, strict=True)}
            outcomes = []
            for future in as_completed(futures):
                if future.status == "error":  # the task itself was lost (a worker died …)
                    outcome = Outcome(futures[future], 0, (f"task failed: "
                                                           f"{future.exception()}",), None)
                else:
                    outcome = future.result()
                outcomes.append(outcome)
                done(outcome)
    finally:
        if cluster is not None:
            cluster.close()
    outcomes.sort(key=lambda o: o.name)
    database = write_sqlite(out / DATABASE, [o.rows for o in outcomes if o.rows is not None])
    return Batch(tuple(outcomes), database, time.perf_counter() - start)


def _connect(scheduler: str | None, cluster: LocalCluster | None) -> Client:
    """A client of the running SCHEDULER, or of the local CLUSTER."""
    if cluster is not None:
        return Client(cluster)
    try:
        return Client(scheduler)
    except (OSError, ValueError) as exc:  # refused, timed out, or not an address
        raise InputError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
