"""Fills a PDF's form fields with Debian's python3-pypdf: a filler that is not Stepwise's own.

Usage: /usr/bin/python3 pypdf-fill.py IN.pdf OUT.pdf '{"sw.mood": "7", "sw.strategies.o1": true}'
Fields are named by their full names (parent names joined with dots). Text fields get /V; check
boxes get /V and /AS set to their "on" appearance, as a PDF viewer does when a box is ticked.
Prints the number of fields it filled; exits 2 when a name was not found.
"""
import json
import sys

from pypdf import PdfReader, PdfWriter
from pypdf.generic import BooleanObject, NameObject, TextStringObject

src, dst, values = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
writer = PdfWriter()
writer.clone_document_from_reader(PdfReader(src))


def full_name(obj):
    parts = []
    while obj is not None:
        t = obj.get("/T")
        if t is not None:
            parts.append(str(t))
        parent = obj.get("/Parent")
        obj = parent.get_object() if parent is not None else None
    return ".".join(reversed(parts))


def field_of(widget):
    """The field dictionary a widget belongs to (itself when it carries /T, else its parent)."""
    return widget if "/T" in widget else widget["/Parent"].get_object()


filled = set()
for page in writer.pages:
    for ref in page.get("/Annots", []) or []:
        widget = ref.get_object()
        if widget.get("/Subtype") != "/Widget":
            continue
        field = field_of(widget)
        name = full_name(field)
        if name not in values:
            continue
        value = values[name]
        if value is True:
            on = [k for k in widget["/AP"]["/N"].keys() if k != "/Off"][0]
            field[NameObject("/V")] = NameObject(on)
            widget[NameObject("/AS")] = NameObject(on)
        else:
            field[NameObject("/V")] = TextStringObject(str(value))
        filled.add(name)

writer._root_object["/AcroForm"][NameObject("/NeedAppearances")] = BooleanObject(True)
with open(dst, "wb") as f:
    writer.write(f)
missing = sorted(set(values) - filled)
if missing:
    print("not found: " + ", ".join(missing), file=sys.stderr)
    sys.exit(2)
print(len(filled))
