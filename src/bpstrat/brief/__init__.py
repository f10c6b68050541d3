"""The strategy brief: typed context, Mermaid diagrams, Markdown escaping and the sandboxed
Jinja render.
"""
