"""Portable data: a meeting exported to a versioned JSON document and imported into another
database (docs/overforingsformat.md describes the format).

`export_bytes` / `export_file` write the document; `import_bytes` / `import_file` check the
whole document before anything is written and then write it in one unit of work. Every
refusal is a ServiceError with a Swedish sentence that names the problem and where it is.
"""

from __future__ import annotations

from secretary.services.overforing.export import document_of, export_bytes
from secretary.services.overforing.files import export_file, import_bytes, import_file
from secretary.services.overforing.format import FORMAT, MAX_BYTES, VERSION
from secretary.services.overforing.importing import ImportResult

__all__ = [
    "FORMAT",
    "MAX_BYTES",
    "VERSION",
    "ImportResult",
    "document_of",
    "export_bytes",
    "export_file",
    "import_bytes",
    "import_file",
]
