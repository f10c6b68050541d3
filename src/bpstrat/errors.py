"""Errors that end a command with exit code 2 (usage errors) and a one-line message."""


class UsageError(Exception):
    """Bad option, no strategy root, unreadable template: exit 2 with this message."""
