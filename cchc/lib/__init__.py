"""Pure helpers that import no models (style.md §7.2 rule 3)."""
