#!/usr/bin/env python3
"""Turn real minutes (plain text) into the formats staff receive them in: a Word .docx that numbers
its sections with Word's automatic numbering (numbering.xml, as Word writes 壹、 一、 （一） 1. lists),
then, with LibreOffice, an .odt (ODF list numbering) and a .pdf made from the .odt (CJK fonts
embedded, as government PDFs are). The outputs are committed under tests/fixtures/import/<id>/, so
the tests need neither Python nor LibreOffice; run this again only to remake them:

    python3 scripts/corpus-formats.py [ID…]      # needs python-docx (pip, or apt python3-docx) and
                                                 # LibreOffice (apt: libreoffice-writer-nogui
                                                 # fonts-noto-cjk); IDs: only those fixtures

Each source is a real document (its SOURCE.md says where from). The text is not changed: a line
that starts with an official number (壹、 一、 （一） 1. (1)) becomes a paragraph numbered
automatically at that level with the same number (a new list instance restarts the count where the
source does), every other line a plain paragraph. What Word would show is the source text.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.shared import Pt

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCES = {
    # id: (source text, SOURCE.md to copy)
    "ly-edu-conveners-11-4-1": ("tests/corpus/ly-edu-conveners-11-4-1/source.txt",
                                "tests/corpus/ly-edu-conveners-11-4-1/SOURCE.md"),
    "moda-executive-4": ("tests/fixtures/import/seed.txt", None),
    # A township council's header: numbered fields, two on one line, lists wrapped over lines.
    "jincheng-rc-12-15-4": ("tests/corpus/jincheng-rc-12-15-4/source.txt",
                            "tests/corpus/jincheng-rc-12-15-4/SOURCE.md"),
    # A Legislative Yuan committee's header: spaced labels, space-separated names, a wrapped recorder.
    "ly-judiciary-9-1-39": ("tests/fixtures/import/real/ly-judiciary-9-1-39.txt",
                            "tests/fixtures/import/real/SOURCE.md"),
    # Held out from the rules above (tests/testsuite/import_held_out.rs): a county council's
    # extraordinary sitting (甲、 parts, (一) decisions, lists over several lines), an election
    # commission (壹、 header fields, 第一案 提案單位:…), a parents' association (壹、時間:… header,
    # 一、 reports with 1. lists) and the national urban planning commission (a case as its
    # archive gives it, - 一、 points).
    "ilcc-18-t1-3": ("tests/corpus/ilcc-18-t1-3/source.txt", "tests/corpus/ilcc-18-t1-3/SOURCE.md"),
    "chcec-290": ("tests/corpus/chcec-290/source.txt", "tests/corpus/chcec-290/SOURCE.md"),
    "cixin-parents-13-18": ("tests/corpus/cixin-parents-13-18/source.txt",
                            "tests/corpus/cixin-parents-13-18/SOURCE.md"),
    "moi-upc-1021-5": ("tests/corpus/moi-upc-1021-5/source.txt", "tests/corpus/moi-upc-1021-5/SOURCE.md"),
    # The fifth round, held out from the rules until its first import was scored: three bodies in
    # neither tests/corpus nor any earlier fixture (a housing community's management committee, a
    # professional guild's board, a university's senate). Their text is kept here, beside the files
    # made from it; their SOURCE.md says where it comes from, above the `## Files` part this
    # script writes.
    "daguan-mc-6-2": ("tests/fixtures/import/daguan-mc-6-2/source.txt",
                      "tests/fixtures/import/daguan-mc-6-2/SOURCE.md"),
    "taat-12-11": ("tests/fixtures/import/taat-12-11/source.txt", "tests/fixtures/import/taat-12-11/SOURCE.md"),
    "ntu-senate-106-1-1": ("tests/fixtures/import/ntu-senate-106-1-1/source.txt",
                           "tests/fixtures/import/ntu-senate-106-1-1/SOURCE.md"),
    # The sixth round, held out the same way: two bodies of a professional society (its council,
    # its publications committee), kept beside the files made from them; the round's real PDFs
    # (tests/fixtures/import/real-pdf/asroc-*) are the society's own and need no conversion.
    "lac-publish-52-1": ("tests/fixtures/import/lac-publish-52-1/source.txt",
                         "tests/fixtures/import/lac-publish-52-1/SOURCE.md"),
    "lac-council-20100416": ("tests/fixtures/import/lac-council-20100416/source.txt",
                             "tests/fixtures/import/lac-council-20100416/SOURCE.md"),
}
# Also written as `source-typed.docx`: the same paragraphs with their numbers typed, as many offices
# write them (no numbering.xml).
TYPED = {"ilcc-18-t1-3", "chcec-290", "cixin-parents-13-18", "daguan-mc-6-2", "taat-12-11",
         "ntu-senate-106-1-1", "lac-publish-52-1", "lac-council-20100416"}
# An excerpt (1-based inclusive line ranges of the source) written as `tables.docx`, each run of
# tab-separated lines a ruled Word table as the record's tables were, and LibreOffice's
# `tables.pdf` of it (the excerpt itself as `tables-source.txt`, the audit's oracle).
TABLES = {"moda-executive-4": [(77, 126), (356, 363)]}

DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}
LEGAL = {c: i for i, c in enumerate("零壹貳參肆伍陸柒捌玖")}


def chinese_value(s, table, ten):
    """一 → 1, 十一 → 11, 二十 → 20 (up to 99)."""
    if ten in s:
        left, _, right = s.partition(ten)
        tens = table[left] if left else 1
        return tens * 10 + (table[right] if right else 0)
    return table[s]


# (level, regex, numFmt, lvlText, value from match)
LEVELS = [
    (0, re.compile(r"^([壹貳參肆伍陸柒捌玖拾]+)、"), "ideographLegalTraditional", "%1、",
     lambda m: chinese_value(m.group(1), LEGAL, "拾")),
    (1, re.compile(r"^([一二三四五六七八九十]+)、"), "taiwaneseCountingThousand", "%2、",
     lambda m: chinese_value(m.group(1), DIGITS, "十")),
    (2, re.compile(r"^（([一二三四五六七八九十]+)）"), "taiwaneseCountingThousand", "（%3）",
     lambda m: chinese_value(m.group(1), DIGITS, "十")),
    (3, re.compile(r"^(\d+)\.(?!\d)"), "decimal", "%4.", lambda m: int(m.group(1))),
    (4, re.compile(r"^\((\d+)\)"), "decimal", "(%5)", lambda m: int(m.group(1))),
]

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def add_list(part, list_id, starts):
    """A list definition (abstractNum + num, both `list_id`) whose levels start at `starts`."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{lvl}"><w:start w:val="{starts[lvl]}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/><w:suff w:val="nothing"/><w:lvlJc w:val="left"/></w:lvl>'
        for lvl, _, fmt, text, _ in LEVELS)
    # abstractNum elements come before num elements in numbering.xml.
    nums = part.element.findall(qn("w:num"))
    abstract = parse_xml(f'<w:abstractNum {W} w:abstractNumId="{list_id}">{lvls}</w:abstractNum>')
    if nums:
        nums[0].addprevious(abstract)
    else:
        part.element.append(abstract)
    part.element.append(parse_xml(
        f'<w:num {W} w:numId="{list_id}"><w:abstractNumId w:val="{list_id}"/></w:num>'))


def add_table(doc, rows):
    """Tab-separated lines as a Word table with ruled cells, as the minutes had them."""
    cells = [r.split("\t") for r in rows]
    width = max(len(c) for c in cells)
    table = doc.add_table(rows=len(cells), cols=width)
    table.style = doc.styles["Table Grid"]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            table.cell(r, c).text = text.strip()


def make_docx(lines, path, typed=False, tables=False):
    """`typed`: every line a plain paragraph, its number typed (no automatic numbering).
    `tables`: each run of tab-separated lines a Word table (one row a line, one cell a field)."""
    doc = Document()
    style = doc.styles["Normal"]
    style.font.size = Pt(12)
    style.element.rPr.get_or_add_rFonts().set(qn("w:eastAsia"), "Noto Serif CJK TC")
    part = doc.part.numbering_part
    num_id = 900
    starts = [1] * len(LEVELS)
    add_list(part, num_id, starts)
    counters = [0] * len(LEVELS)
    numbered = 0
    pending_rows = []
    for line in lines + [""]:
        text = line.rstrip("\n")
        if tables and "\t" in text:
            pending_rows.append(text)
            continue
        if pending_rows:
            add_table(doc, pending_rows)
            pending_rows = []
        if not text.strip():
            continue
        hit = None
        for lvl, rx, _, _, value in LEVELS:
            m = rx.match(text)
            if m:
                hit = (lvl, value(m), m.end())
                break
        if hit is None or typed:
            doc.add_paragraph(text)
            continue
        lvl, value, end = hit
        # What Word would number this paragraph: the next number, or the level's start value
        # after a shallower paragraph (or at the list's beginning).
        shown = counters[lvl] + 1 if counters[lvl] else starts[lvl]
        # ODF counts a deeper item's shallower levels as used (LibreOffice shows `二、` after a
        # list that began at `(7)`), Word does not: a shallower level's first use after a deeper
        # one that had no parent starts a new list, so both show the source's number.
        orphaned = counters[lvl] == 0 and any(counters[k] for k in range(lvl + 1, len(counters)))
        if shown != value or orphaned:
            # The source restarts (or skips) here: a new list whose levels start where the source
            # goes on (the shallower ones at their next number, this one at its number, the deeper
            # ones at 1). A new list, not a start override, so that Word and LibreOffice agree.
            num_id += 1
            starts = [counters[k] + 1 for k in range(lvl)] + [value] + [1] * (len(LEVELS) - lvl - 1)
            add_list(part, num_id, starts)
        counters[lvl] = value
        for deeper in range(lvl + 1, len(counters)):
            counters[deeper] = 0
        p = doc.add_paragraph(text[end:])
        p._p.get_or_add_pPr().append(parse_xml(
            f'<w:numPr {W}><w:ilvl w:val="{lvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))
        numbered += 1
    doc.core_properties.author = "minutebook corpus-formats.py"
    doc.save(path)
    return numbered


def soffice(src, fmt, outdir):
    subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", outdir, src],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    """`corpus-formats.py [ID…]`: remake the named fixtures only (all without arguments)."""
    wanted = set(sys.argv[1:])
    unknown = wanted - set(SOURCES)
    if unknown:
        sys.exit(f"corpus-formats: unknown id {', '.join(sorted(unknown))} (known: {', '.join(SOURCES)})")
    if not shutil.which("soffice"):
        sys.exit("corpus-formats: LibreOffice is not installed (apt-get install libreoffice-writer-nogui fonts-noto-cjk)")
    for ident, (source, note) in SOURCES.items():
        if wanted and ident not in wanted:
            continue
        out = os.path.join(ROOT, "tests/fixtures/import", ident)
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(ROOT, source), encoding="utf-8") as f:
            lines = f.readlines()
        docx = os.path.join(out, "source.docx")
        numbered = make_docx(lines, docx)
        if ident in TABLES:
            excerpt = [l for a, b in TABLES[ident] for l in lines[a - 1:b]]
            with open(os.path.join(out, "tables-source.txt"), "w", encoding="utf-8") as f:
                f.writelines(excerpt)
            make_docx(excerpt, os.path.join(out, "tables.docx"), tables=True)
            with tempfile.TemporaryDirectory() as tmp:
                soffice(os.path.join(out, "tables.docx"), "pdf", tmp)
                shutil.copyfile(os.path.join(tmp, "tables.pdf"), os.path.join(out, "tables.pdf"))
        if ident in TYPED:
            make_docx(lines, os.path.join(out, "source-typed.docx"), typed=True)
        with tempfile.TemporaryDirectory() as tmp:
            soffice(docx, "odt", tmp)
            shutil.copyfile(os.path.join(tmp, "source.odt"), os.path.join(out, "source.odt"))
            soffice(os.path.join(out, "source.odt"), "pdf", tmp)
            shutil.copyfile(os.path.join(tmp, "source.pdf"), os.path.join(out, "source.pdf"))
            # LibreOffice's own text of the .odt, list numbers included: the oracle the .odt
            # import is compared with.
            soffice(os.path.join(out, "source.odt"), "txt:Text (encoded):UTF8", tmp)
            shutil.copyfile(os.path.join(tmp, "source.txt"), os.path.join(out, "odt-as-text.txt"))
        files = (f"`source.docx` numbers {numbered} paragraphs with Word's automatic numbering; "
                 "`source.odt` is LibreOffice's conversion of it; `source.pdf` is LibreOffice's PDF of the .odt; "
                 "`odt-as-text.txt` is LibreOffice's plain-text export of the .odt."
                 f"{' `source-typed.docx` has the same paragraphs with their numbers typed (no automatic numbering).' if ident in TYPED else ''}"
                 f"{' `tables-source.txt` is an excerpt of the source (lines ' + ', '.join(f'{a}–{b}' for a, b in TABLES[ident]) + '); `tables.docx` makes each run of its tab-separated lines a ruled Word table, and `tables.pdf` is LibreOffice PDF of that.' if ident in TABLES else ''}\n")
        own = os.path.join(out, "SOURCE.md")
        if note and os.path.abspath(os.path.join(ROOT, note)) == os.path.abspath(own):
            # The source is kept beside its files: keep what SOURCE.md says of it, (re)write its
            # `## Files` part.
            with open(own, encoding="utf-8") as f:
                origin = f.read().split("\n## Files\n")[0].rstrip("\n")
            with open(own, "w", encoding="utf-8") as f:
                f.write(f"{origin}\n\n## Files\n\nMade by `scripts/corpus-formats.py` from `source.txt`:\n{files}")
        else:
            with open(own, "w", encoding="utf-8") as f:
                f.write(f"# {ident}\n\nMade by `scripts/corpus-formats.py` from `{source}`"
                        f"{f' (see `{note}` for where that real document comes from)' if note else ' (the bundled real record, as PDF text)'}:\n"
                        + files)
        print(f"{ident}: {numbered} numbered paragraphs -> {out}")


if __name__ == "__main__":
    main()
