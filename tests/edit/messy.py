"""A carelessly written consumer file: keys out of order, odd indentation, comments
everywhere, two documents. For tests/edit/test_fmt.py and tests/cli/test_fmt.py."""

MESSY = """\
# A consumer, written carelessly.
importance: 5            # weight in scoring
name: Checkout Web
id: checkout-web
kind: consumer
demands:
    -   strength: must
        option: rest-json   # they insist
        dimension: interface
        problem: stale
strategy: {sources: [https://wiki.example.com/x], summary: Moving to SSR.}
---
# bpstrat: ignore-file[BP405]
kind: consumer
id: b
name: B
importance: 2
successor_note: null
"""
