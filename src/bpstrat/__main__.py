"""`python -m bpstrat`."""

from bpstrat.entry import main

if __name__ == "__main__":
    main()
