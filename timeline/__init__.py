"""timeline: one event timeline from many news articles, with the articles checked against each other."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("timeline")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

# Where users learn about the tool: SARIF's informationUri and the rules' help links. Keep it equal to
# [project.urls] Homepage in pyproject.toml (a test checks).
HOMEPAGE = "https://github.com/timeline-news/timeline"
