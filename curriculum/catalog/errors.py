"""The import step's one error: the corpus or a correction does not say what a recipe expects.

It lives in its own module so that ``cleaning`` and ``corrections`` (imported
by ``extractors``) can raise it without an import cycle; ``extractors`` and
``importer`` re-export it under the old import paths.
"""

from __future__ import annotations

from curriculum.errors import DomainError


class CorpusError(DomainError):
    """The corpus does not contain what a recipe or a correction asks for (message in Chinese)."""
