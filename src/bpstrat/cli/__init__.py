"""The command line: the Typer app (flags only) and one module per command that calls one
function.
"""
