"""Benchmarks at realistic volumes. Run with ./dev bench [name …]; not part of CI."""
