"""bpstrat: the product strategy of a backend product, kept as YAML in git."""

__version__ = "0.1.0"
