"""Scoring: pure arithmetic over the typed entities (support, choice, conflict, flip,
sides, coalition), the view `bpstrat score` shows, and its sentences.
"""
