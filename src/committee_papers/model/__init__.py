"""The papers model: what each file in the format means, as pydantic models."""
