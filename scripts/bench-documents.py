#!/usr/bin/env python3
"""Make the long PDF the import benchmark reads (`minutebook-bench import`): the bundled real
record (tests/fixtures/import/seed.txt, 23 pages as a PDF) five times over, numbered with Word's
automatic numbering as scripts/corpus-formats.py numbers it, converted by LibreOffice to .odt and
then to PDF (CJK fonts embedded) — a document of over 100 pages as government PDFs come. The
output is committed as bench/documents/seed-x5.pdf; run this again only to remake it:

    python3 scripts/bench-documents.py   # needs python-docx and LibreOffice, as corpus-formats.py
"""
import importlib.util
import os
import shutil
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location("corpus_formats", os.path.join(ROOT, "scripts/corpus-formats.py"))
cf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cf)


def main():
    with open(os.path.join(ROOT, "tests/fixtures/import/seed.txt"), encoding="utf-8") as f:
        lines = f.readlines()
    out = os.path.join(ROOT, "bench/documents")
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        docx = os.path.join(tmp, "seed-x5.docx")
        cf.make_docx(lines * 5, docx)
        cf.soffice(docx, "odt", tmp)
        cf.soffice(os.path.join(tmp, "seed-x5.odt"), "pdf", tmp)
        shutil.copyfile(os.path.join(tmp, "seed-x5.pdf"), os.path.join(out, "seed-x5.pdf"))
    print(f"wrote {os.path.join(out, 'seed-x5.pdf')}")


if __name__ == "__main__":
    main()
