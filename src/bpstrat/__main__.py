"""`python -m bpstrat`."""

from bpstrat.cli import main

if __name__ == "__main__":
    main()
