"""sco_analysis: tidy, sourced tables from news articles about the Shanghai Cooperation Organisation."""

from sco_analysis.errors import InputError
from sco_analysis.pipeline import build
from sco_analysis.reading.corpus import Corpus, load_corpus

__all__ = ["Corpus", "InputError", "build", "load_corpus"]
