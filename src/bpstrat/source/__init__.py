"""Files to documents: find the root, list and read files (a folder or a git revision),
parse YAML with positions, cache parses, write atomically. No pydantic here.
"""
