"""The pipeline: per-document analysis in parallel (or on a Dask cluster), cached, then one merge.

`build` is what the `build`, `check` and `export` commands call; `options_from_cli` turns their
`--jobs/--no-cache/--cache-dir/--executor/--scheduler` values into a `RunOptions`.
"""

from timeline.pipeline.analysis import analyse_source
from timeline.pipeline.run import DEFAULT_CACHE_DIR, BuildResult, RunOptions, build, options_from_cli

__all__ = [
    "DEFAULT_CACHE_DIR",
    "BuildResult",
    "RunOptions",
    "analyse_source",
    "build",
    "options_from_cli",
]
