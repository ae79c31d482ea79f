"""Reads a PDF's form field values with Debian's python3-pypdf: a reader that is not Stepwise's own.

Usage: /usr/bin/python3 pypdf-read.py IN.pdf
Prints a JSON object of every field's full name and its value (text as a string, None when empty).
"""
import json
import sys

from pypdf import PdfReader

fields = PdfReader(sys.argv[1]).get_fields() or {}
out = {}
for name, f in fields.items():
    v = f.get("/V")
    out[name] = None if v is None else str(v)
print(json.dumps(out))
