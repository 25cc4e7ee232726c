"""Facts: the tidy tables read from the sentences (membership and counts, claims, themes, attributions).

Each module turns the shared reading (``sco_analysis.reading``) into rows that carry their provenance:
article, sentence, character offsets and the quote.
"""
