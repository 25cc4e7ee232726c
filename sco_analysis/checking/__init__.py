"""Checking: the facts against each other and against the cited reference record.

``reference`` (the only place facts are written down, with sources), ``compare`` (verdicts per claim and
per source), ``independence`` (syndicated copies grouped) and ``evaluation`` (scores against hand gold).
"""
