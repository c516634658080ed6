"""Put the diacritics back into the most frequent phrases of CCHC plans after OCR has mangled them.

OCR of scanned plans keeps the letters but loses or garbles the marks ("Cai cach thé ché"). An officer
has to retype every heading, so we repair the phrases that recur in every plan. The rule is to stay
conservative: a phrase is replaced only when all of its words match, words keep their case, and
single words are touched only when they carry no marks at all (so a correct "vẻ" never becomes "về").
The caller keeps the original text, repairs only titles and header fields, and only in documents
that lost their marks (`has_lost_marks`).
"""

import re
import unicodedata

# Folded OCR misreadings seen in scanned plans -> the folded word that was meant. Used only to match
# phrases, never written out on its own, so an entry here cannot change a word outside a phrase.
OCR_WORDS: dict[str, str] = {
    "hqc": "hoc",
    "hqi": "hoi",
    "chirc": "chuc",
    "chtc": "chuc",
    "chac": "chuc",
    "t6": "to",
    "bd": "bo",
    "d9": "do",
    "d6": "do",
    "tir": "tu",
    "tar": "tu",
    "sb": "so",
    "se": "so",
    "s6": "so",
    "ciu": "cau",
    "thue": "thuc",
    "thyc": "thuc",
    "x4y": "xay",
    "dyng": "dung",
    "nudc": "nuoc",
    "viing": "vung",
    "ving": "vung",
    "cira": "cua",  # "mot cira" = một cửa
    "tic": "tac",
    "pay": "day",  # "Đẩy" loses its Đ to "P"
}

# Folded phrase -> the phrase with its marks, word for word (same number of words on both sides).
PHRASES: dict[str, str] = {
    "cai cach hanh chinh": "cải cách hành chính",
    "cai cach": "cải cách",
    "hanh chinh nha nuoc": "hành chính nhà nước",
    "hanh chinh": "hành chính",
    "cong tac": "công tác",
    "the che": "thể chế",
    "thu tuc hanh chinh": "thủ tục hành chính",
    "to chuc thuc hien": "tổ chức thực hiện",
    "to chuc": "tổ chức",
    "bo may": "bộ máy",
    "che do cong vu": "chế độ công vụ",
    "tai chinh cong": "tài chính công",
    "chinh quyen dien tu": "chính quyền điện tử",
    "chinh quyen so": "chính quyền số",
    "xay dung va phat trien": "xây dựng và phát triển",
    "chi dao dieu hanh": "chỉ đạo điều hành",
    "tuyen truyen": "tuyên truyền",
    "co che mot cua": "cơ chế một cửa",
    "mot cua lien thong": "một cửa liên thông",
    "mot cua": "một cửa",
    "muc tieu": "mục tiêu",
    "yeu cau": "yêu cầu",
    "noi dung": "nội dung",
    "nhiem vu cu the": "nhiệm vụ cụ thể",
    "nhiem vu": "nhiệm vụ",
    "thuc hien": "thực hiện",
    "tiep tuc": "tiếp tục",
    "trien khai": "triển khai",
    "day manh": "đẩy mạnh",
    "tang cuong": "tăng cường",
    "ra soat": "rà soát",
    "kiem tra": "kiểm tra",
    "danh gia": "đánh giá",
    "giai quyet": "giải quyết",
    "ke hoach": "kế hoạch",
    "so khoa hoc va cong nghe": "sở khoa học và công nghệ",
    "khoa hoc va cong nghe": "khoa học và công nghệ",
    "ubnd tinh": "UBND tỉnh",
    "ba ria vung tau": "bà rịa vũng tàu",
    "cong hoa xa hoi chu nghia viet nam": "cộng hòa xã hội chủ nghĩa việt nam",
    # Single words: applied only to a word written exactly so, without any mark (see module docstring).
    # "cua" folds from both "của" and "cửa"; the phrases above catch "một cửa" first.
    "cua": "của",
    "va": "và",
    "ve": "về",
}

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Words of one phrase may be separated by spaces, a comma ("chỉ đạo, điều hành") or a spaced hyphen
# ("Bà Rịa - Vũng Tàu"), never by a full stop or a semicolon: those end the phrase.
_JOINER = re.compile(r"\s+(?:-\s+)?|\s*,\s*")
_YEAR_WORD = re.compile(r"\b(nam|NAM|Nam)(?=\s+(?:19|20)\d\d\b)")
_LONGEST = max(len(key.split()) for key in PHRASES)


def has_lost_marks(text: str) -> bool:
    """Whether `text` reads like OCR that dropped the marks. Vietnamese written properly has marks on
    most words (over 70% in plans); the OCR'd seed has them on under 20%. Properly written text is
    never repaired, so a correct "cái cách" cannot turn into "cải cách"."""
    words = re.findall(r"[^\W\d_]{2,}", text)
    return bool(words) and sum(not word.isascii() for word in words) < 0.4 * len(words)


def _fold_word(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.lower().replace("’", "").replace("'", ""))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).replace("đ", "d")
    return OCR_WORDS.get(plain, plain)


def _same_case(replacement: str, original: str) -> str:
    letters = [ch for ch in original if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):  # "T6" is "Tổ", not "TỔ"
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def repair(text: str) -> str:
    """`text` with the known phrases re-accented; anything not recognised is returned unchanged."""
    words = list(_WORD.finditer(text))
    keys = [_fold_word(m.group()) for m in words]
    out: list[str] = []
    done = 0  # index in `text` up to which `out` is written
    i = 0
    while i < len(words):
        size = _match_size(text, words, keys, i)
        if not size:
            i += 1
            continue
        for word, accented in zip(words[i : i + size], PHRASES[" ".join(keys[i : i + size])].split(), strict=True):
            out.append(text[done : word.start()])
            out.append(_same_case(accented, word.group()))
            done = word.end()
        i += size
    out.append(text[done:])
    return _YEAR_WORD.sub(_year_word, "".join(out))


def _year_word(m: re.Match[str]) -> str:
    # "nam 2023" is "năm 2023", but "Việt Nam 2023" stays.
    previous = m.string[: m.start()].split()[-1:]
    return m[0] if previous and _fold_word(previous[0]) == "viet" else _same_case("năm", m[0])


def _match_size(text: str, words: list[re.Match[str]], keys: list[str], start: int) -> int:
    """Number of words of the longest phrase starting at `start`, or 0."""
    for size in range(min(_LONGEST, len(words) - start), 0, -1):
        if " ".join(keys[start : start + size]) not in PHRASES:
            continue
        gaps = (text[words[k].end() : words[k + 1].start()] for k in range(start, start + size - 1))
        if not all(_JOINER.fullmatch(gap) for gap in gaps):
            continue
        if size == 1 and words[start].group().lower() != keys[start]:
            continue  # a single word must be plain ASCII and not an OCR guess
        return size
    return 0
