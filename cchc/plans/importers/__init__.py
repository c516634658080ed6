"""Importers that turn uploaded plan documents into structured data (pure Python, no Django)."""
