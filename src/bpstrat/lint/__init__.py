"""Linting: reference checks, the strategy rules (one module each), suppressions,
baselines, the code table, and the one step that places, suppresses and stamps findings.
"""
