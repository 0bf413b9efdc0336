"""What of a status page's bytes the HTML tree is built from: the parts no reader looks at are cut first.

A live status page is some 40 kB of site furniture (the head's 14 kB of scripts and links, the top menu,
the left menu, the chapter drop-downs, the hidden ASP.NET inputs with their 120 kB to 1.7 MB of
__VIEWSTATE) before the treaty's own content, which begins with the <div id="...mainTable">. Building the
tree of all that and freeing it again cost a fifth of a parse. The cuts are made on the bytes, before the
tree is built.
"""

from __future__ import annotations

import re

_VIEWSTATE = b'id="__VIEWSTATE" value="'
# The first element of the treaty's own content, after its ASP.NET prefix.
_MAIN = b'ContentPlaceHolderInnerPage_mainTable"'
_FORM_TAG = re.compile(rb"<form\b[^<>]*>", re.I)
# What the reader takes when it is there and does without when it is not: the end notes' containers and
# the entries of the declaration, objection and under-article grids (ids ending in _divParticipant).
_READ_SILENTLY = (b"divNotesAll", b"_divParticipant")


def without_viewstate(data: bytes) -> bytes:
    """The page without the value of ASP.NET's hidden __VIEWSTATE input: 120 kB of base64 on a status page
    (a third of it) that nothing here reads, and that would otherwise be built into the tree and freed."""
    at = data.find(_VIEWSTATE)
    if at < 0:
        return data
    start = at + len(_VIEWSTATE)
    end = data.find(b'"', start)
    tag = data.rfind(b"<", 0, at)
    # Only a real <input ...> attribute value, and only one free of markup (base64 never has < or >).
    if end < 0 or tag < 0 or data[tag : tag + 6].lower() != b"<input" or b">" in data[tag:start]:
        return data
    if data.find(b"<", start, end) >= 0 or data.find(b">", start, end) >= 0:  # no copy of the 120 kB
        return data
    return data[:start] + data[end:]


def without_furniture(data: bytes) -> bytes | None:
    """The page's first <form ...> tag (which carries the treaty number), then the page from the content's
    <div id="...mainTable">; None where the page has no such form and div in that order. The HTML parser
    implies the <html> and <body> the cut leaves out, and the head is read by nothing here (the charset is
    read from the whole page's bytes).

    The wrappers the cut opens close after the content, where the HTML parser finds no open element of
    their name and drops their end tags: the content's own elements are built as in the whole page (a
    test compares both readings of every saved page). What the reader needs and would miss without a word,
    the end notes and the declarations, must not lie in the cut; for the rest, whose absence fails the
    reading, the cut is not searched (that search cost more than the cut saves): a page whose trimmed
    reading fails is read whole, by the caller."""
    form = data.find(b"<form")
    m = _FORM_TAG.match(data, form) if form >= 0 else None
    if m is None:
        return None
    # The content comes after the __VIEWSTATE, whose value (up to 1.7 MB) is stepped over with a search for
    # one byte, many times faster than a search for the content's id through it.
    after = m.end()
    at = data.find(_VIEWSTATE, after)
    if at >= 0:
        quote = data.find(b'"', at + len(_VIEWSTATE))
        after = quote if quote >= 0 else after
    main = data.find(_MAIN, after)
    start = data.rfind(b"<", m.end(), main) if main >= 0 else -1
    if start < 0 or data[start : start + 4].lower() != b"<div" or data.find(b">", start, main) >= 0:
        return None
    # The head, and the markup on either side of the __VIEWSTATE's value (which base64 keeps free of these
    # names).
    parts = [(0, form), (m.end(), at), (after, start)] if after > m.end() else [(0, form), (m.end(), start)]
    if any(data.find(name, lo, hi) >= 0 for lo, hi in parts for name in _READ_SILENTLY):
        return None
    return data[form : m.end()] + data[start:]
