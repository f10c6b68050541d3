"""The strategy over time: its figures at every commit that changed it, read from git's
objects, and what moved between them."""
