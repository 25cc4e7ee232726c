"""Presenting: charts, prose and the HTML/PDF report built from the tables.

``plots`` (figures), ``narrative`` (generated paragraphs), ``context`` (evidence in its sentences) and
``report`` (executes the notebooks and renders one HTML and one PDF).
"""
