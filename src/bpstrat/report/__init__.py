"""Output formats: one module per command and format (`lint_text`, `score_json`, ...),
registered in formats.py."""
