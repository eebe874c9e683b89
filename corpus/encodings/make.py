#!/usr/bin/env python3
"""Write the pages of corpus/encodings/ from UTF-8 pages of this corpus.

Each page is its source re-encoded in one legacy charset, with the charset declared in a
<meta> (declared), with no declaration at all (undeclared), or, for the mislabelled page,
kept in UTF-8 under a Latin-1 declaration. Characters the charset lacks become numeric
character references. Run from the repository root: python3 corpus/encodings/make.py
"""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (output stem, source page, Python codec, WHATWG label or None for undeclared)
PAGES = [
    ("ru-windows-1251-declared", "i18n/ru-news-tram-line.html", "cp1251", "windows-1251"),
    ("ru-windows-1251-undeclared", "i18n/ru-news-tram-line.html", "cp1251", None),
    ("ja-shift_jis-declared", "i18n/ja-blog-bento-tips.html", "cp932", "Shift_JIS"),
    ("ja-shift_jis-undeclared", "i18n/ja-blog-bento-tips.html", "cp932", None),
    ("zh-gbk-declared", "i18n/zh-news-night-market.html", "gbk", "GBK"),
    ("zh-gbk-undeclared", "i18n/zh-news-night-market.html", "gbk", None),
    ("ko-euc-kr-declared", "i18n/ko-news-library-hours.html", "cp949", "EUC-KR"),
    ("ko-euc-kr-undeclared", "i18n/ko-news-library-hours.html", "cp949", None),
    ("de-iso-8859-1-declared", "i18n/de-blog-balkonkraftwerk.html", "latin-1", "ISO-8859-1"),
    ("de-iso-8859-1-undeclared", "i18n/de-blog-balkonkraftwerk.html", "latin-1", None),
    ("de-windows-1252-undeclared", "i18n/de-blog-balkonkraftwerk.html", "cp1252", None),
]

META = re.compile(r'<meta charset="utf-8">\n?|<meta http-equiv="Content-Type"[^>]*>\n?', re.I)


def main():
    for stem, source, codec, label in PAGES:
        html = (ROOT / source).read_text(encoding="utf-8")
        declaration = f'<meta charset="{label}">\n' if label else ""
        html = META.sub(declaration, html, count=1)
        if label and declaration not in html:
            html = html.replace("<head>\n", "<head>\n" + declaration, 1)
        data = html.encode(codec, errors="xmlcharrefreplace")
        (ROOT / "encodings" / f"{stem}.html").write_bytes(data)
    # UTF-8 bytes under a Latin-1 label: the most common wrong declaration on the web.
    html = (ROOT / "i18n/ru-news-tram-line.html").read_text(encoding="utf-8")
    html = META.sub('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">\n', html, count=1)
    (ROOT / "encodings" / "ru-utf-8-labelled-latin-1.html").write_bytes(html.encode("utf-8"))


if __name__ == "__main__":
    main()
