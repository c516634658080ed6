"""Vietnamese text folding for accent-insensitive search: "thu tuc", "THỦ TỤC" and "thủ tục" fold alike.

Unicode NFD strips the tone and vowel marks but leaves đ/Đ alone (they have no decomposition), so
they are mapped to d explicitly (stack.md G10).
"""

import unicodedata

_D_MAP = str.maketrans({"đ": "d", "Đ": "d"})


def fold(text: str | None) -> str:
    """Lower-case, accent-free, single-spaced form of `text`, for storing in *_folded columns and for queries."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFD", text.translate(_D_MAP))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return " ".join(stripped.lower().split())
