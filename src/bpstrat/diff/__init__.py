"""What a change does to the strategy: entities, choices, coalition and findings compared
across two loads.
"""
