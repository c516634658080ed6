"""CCHC — the administrative reform platform of a Vietnamese provincial department."""
