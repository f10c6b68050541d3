"""The service catalog: Backstage descriptor files read safely (read.py), entity
references (refs.py), the bounds they are read within (bounds.py), and the consumer
products they list matched to the strategy's consumers (resolve.py)."""
