"""Local development: the README's first command uses these."""

from .base import *  # noqa: F403

DEBUG = True
