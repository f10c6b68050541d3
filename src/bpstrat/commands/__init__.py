"""One module per command: flags parsed in cli.py, the work done here, an exit code back."""
