"""The strategy model: value types, entity kinds, bpstrat.yaml settings, validation into
Issues, the JSON Schema, and the loaded, typed Strategy.
"""
