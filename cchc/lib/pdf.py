"""HTML to PDF with WeasyPrint, and the print stylesheet of Decree 30/2020/NĐ-CP documents.

Templates put `PRINT_CSS` in a <style> element and pick the paper with a class on <body>:
"a4" (the default), "a5" or "a4-landscape". The national header, titles, blanks with dotted leaders,
bordered tables and signature blocks have classes here so every document prints alike
(legal.md §7; stack.md §3.7 for fonts: Times New Roman, which Debian maps to Liberation Serif).
"""

from __future__ import annotations

PRINT_CSS = """
@page {
  size: A4;
  margin: 20mm 15mm 20mm 30mm;
  @top-center {
    content: counter(page);
    font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif;
    font-size: 13pt;
    vertical-align: bottom;
    padding-bottom: 4mm;
  }
}
/* Decree 30: no page number on page 1. The annex label ("Mẫu số 01") sits in its top right corner. */
@page :first {
  @top-center { content: none; }
  @top-right { content: element(form-label); vertical-align: bottom; padding-bottom: 4mm; }
}
@page a5 {
  size: A5;
  margin: 15mm 10mm 15mm 15mm;
  @top-center { font-size: 11pt; padding-bottom: 3mm; }
}
@page a5:first {
  @top-right { padding-bottom: 3mm; }
}
@page a4-landscape { size: A4 landscape; }

html {
  font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif;
  font-size: 13pt;
  line-height: 1.15;
  color: #000;
}
body { margin: 0; }
body.a5 { page: a5; font-size: 11pt; }
body.a4-landscape { page: a4-landscape; }

.form-label { position: running(form-label); font-style: italic; font-size: 10pt; text-align: right; }
.a5 .form-label { font-size: 8.5pt; }

/* The national header: a borderless 2 x 2 table (body names | Quốc hiệu, Số | place and date). */
table.nd30-header { width: 100%; border-collapse: collapse; table-layout: fixed; margin-bottom: 4pt; }
table.nd30-header td { padding: 0; text-align: center; vertical-align: top; }
table.nd30-header col.nd30-left { width: 40%; }
.a5 table.nd30-header col.nd30-left { width: 42%; }
.nd30-parent { font-size: 12pt; text-transform: uppercase; }
.nd30-body { font-size: 12pt; font-weight: bold; text-transform: uppercase; }
/* A solid line of about a third of the body's name under it (Decree 30, ô 2). */
.nd30-body > span { display: inline-block; }
.nd30-body > span::after {
  content: ""; display: block; width: 35%; margin: 1.5pt auto 0; border-top: 0.6pt solid #000;
}
.nd30-nation { font-size: 12pt; font-weight: bold; white-space: nowrap; }
/* The motto is underlined by a line exactly as long as it (Decree 30, ô 1). */
.nd30-motto { font-size: 13pt; font-weight: bold; }
.nd30-motto > span { display: inline-block; border-bottom: 0.6pt solid #000; padding-bottom: 1.5pt; }
.nd30-number { font-size: 13pt; padding-top: 6pt !important; }
.nd30-summary { font-size: 12pt; margin-top: 3pt; }
.nd30-date { font-size: 13pt; font-style: italic; padding-top: 6pt !important; }
.a5 .nd30-parent, .a5 .nd30-body, .a5 .nd30-nation { font-size: 9.5pt; }
.a5 .nd30-motto { font-size: 10.5pt; }
.a5 .nd30-number, .a5 .nd30-date { font-size: 10pt; }
.a5 .nd30-summary { font-size: 9.5pt; }

.nd30-title { text-align: center; font-weight: bold; font-size: 14pt; text-transform: uppercase; margin: 14pt 0 0; }
.nd30-subtitle { text-align: center; font-weight: bold; font-size: 14pt; margin: 0; }
.nd30-subtitle::after {
  content: ""; display: block; width: 30%; margin: 2pt auto 6pt; border-top: 0.6pt solid #000;
}
.a5 .nd30-title, .a5 .nd30-subtitle { font-size: 12pt; margin-top: 9pt; }
.a5 .nd30-subtitle { margin-top: 0; }
.center { text-align: center; }

p { margin: 0 0 6pt; text-align: justify; }
.a5 p { margin-bottom: 2pt; }
p.indent { text-indent: 10mm; }
.a5 p.indent { text-indent: 8mm; }
/* Blanks of the paper form, filled in: each value is followed by dots to the end of its cell.
   Several blanks share a line as cells whose widths the renderer computes (nd30.layout_fields). */
.fields { display: table; width: 100%; table-layout: fixed; margin-bottom: 6pt; }
.a5 .fields { margin-bottom: 2pt; }
.fields > .field { display: table-cell; text-align: left; }
.field::after { content: leader(dotted); }

table.grid { width: 100%; border-collapse: collapse; margin: 2pt 0 6pt; font-size: 12pt; }
.a5 table.grid { font-size: 10pt; margin-bottom: 3pt; }
table.grid th, table.grid td { border: 0.6pt solid #000; padding: 1.5pt 3pt; vertical-align: top; text-align: left; }
table.grid th { font-weight: bold; text-align: center; vertical-align: middle; }
table.grid td.center { text-align: center; }
table.grid thead { display: table-header-group; }
table.grid tr { break-inside: avoid; }

/* Signature blocks (Decree 30, ô 7 and 9b). */
table.signatures { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: 8pt; break-inside: avoid; }
.a5 table.signatures { margin-top: 4pt; }
table.signatures td { padding: 0; vertical-align: top; text-align: center; }
.sign-position { font-weight: bold; text-transform: uppercase; font-size: 13pt; }
.sign-note { font-style: italic; font-size: 12pt; }
.sign-name { font-weight: bold; padding-top: 21mm; }
.a5 .sign-position { font-size: 10.5pt; }
.a5 .sign-note { font-size: 10pt; }
.a5 .sign-name { padding-top: 11mm; }
table.signatures td.recipients { text-align: left; font-size: 11pt; }
.recipients-label { font-weight: bold; font-style: italic; font-size: 12pt; }
.a5 table.signatures td.recipients { font-size: 9pt; }
.a5 .recipients-label { font-size: 10pt; }
"""


def html_to_pdf(html: str, base_url: str | None = None) -> bytes:
    """Render `html` to PDF bytes. `base_url` resolves relative URLs (images, linked stylesheets)."""
    # WeasyPrint takes about 2 s to import; only processes that print pay for it.
    from weasyprint import HTML

    pdf: bytes = HTML(string=html, base_url=base_url).write_pdf()
    return pdf
