"""Reading: article files and catalog in, sentences out, each sentence read once.

``corpus`` (files, catalog, page furniture, sentence splitting) → ``sentences`` (one reading per
sentence: kind, time expressions, country lists, status words) built from ``lexicon``, ``countries``
and ``timeexpr``. Every fact table downstream takes this one reading.
"""
