#!/usr/bin/env python3
"""The oracle of a real PDF fixture whose printer driver fakes a bold face by overprinting: the text
layer read by pdfminer.six (pip install pdfminer.six), one printed line per line, pages separated
by a form feed, each glyph once -- a glyph drawn again within a third of its width across and a
third of its size up or down of the same character already read is left out, as a reader sees it.

    scripts/pdf-oracle.py source.pdf > oracle.txt
"""
import sys
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar

def chars(o):
    if isinstance(o, LTChar):
        yield o
    elif hasattr(o, '__iter__'):
        for c in o:
            yield from chars(c)

out = []
for page in extract_pages(sys.argv[1]):
    kept = []
    seen = {}
    for c in chars(page):
        t = c.get_text()
        if t.isspace():
            continue
        w = max(c.width, 0.5 * c.size) if c.width > 0 else c.size
        dx, dy = min(w / 3, 2.0), min(c.size / 3, 2.0)
        if any(abs(c.x0 - x) < dx and abs(c.y0 - y) < dy for x, y in seen.get(t, [])):
            continue
        seen.setdefault(t, []).append((c.x0, c.y0))
        kept.append(c)
    # lines by baseline
    kept.sort(key=lambda c: (-round(c.y0), c.x0))
    lines = []
    for c in kept:
        if lines and abs(lines[-1][0] - c.y0) < 0.5 * c.size:
            lines[-1][1].append(c)
        else:
            lines.append([c.y0, [c]])
    text = []
    for _, cs in lines:
        cs.sort(key=lambda c: c.x0)
        s, right = '', None
        for c in cs:
            if right is not None and c.x0 - right > 0.25 * c.size:
                s += ' '
            s += c.get_text()
            right = c.x1
        text.append(s)
    out.append('\n'.join(text))
sys.stdout.write('\n\f'.join(out) + '\n')
