"""sco_analysis: tidy, sourced tables from news articles about the Shanghai Cooperation Organisation."""

from .corpus import Corpus, load_corpus
from .errors import InputError
from .pipeline import build

__all__ = ["Corpus", "InputError", "build", "load_corpus"]
