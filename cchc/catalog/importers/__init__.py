"""Importers of procedure data."""
