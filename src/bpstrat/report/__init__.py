"""Lint report formatters: text (people), json (tools), sarif (code scanning), github."""

FORMATS = ("text", "json", "sarif", "github")
