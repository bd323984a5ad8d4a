"""timeline: one event timeline from many news articles, with the articles checked against each other."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("timeline")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"
