"""Rendering: papers through Jinja2 templates into HTML fragments and pages. Never writes files."""
