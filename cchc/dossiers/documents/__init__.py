"""The standard one-stop forms (Mẫu 01–06), filled from plain data, as DOCX, PDF and XLSX."""
