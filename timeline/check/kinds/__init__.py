"""One module per rule kind: its keys (a pydantic model) and how it checks a timeline."""
