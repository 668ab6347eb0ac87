"""Public files read as the public reads them: the guard sees the words a page, feed, calendar or index shows."""

import gzip
import json

from committee_papers.guard.public_files import read_file
from committee_papers.guard.words import words


def test_a_page_is_read_without_its_markup_and_its_addresses_are_kept():
    page = read_file(
        "meetings/x/index.html",
        b'<p>The <em>sealed</em> offer<sup class="footnote-ref"><a href="#fn1">1</a></sup> stands.</p><a href="/meetings/x/06-plot-nine/">link</a>',
    )
    assert words(page.text) == ["the", "sealed", "offer", "stands", "link"]
    assert "06-plot-nine" in page.addresses


def test_html_escaped_inside_a_feed_is_read_as_text():
    feed = read_file("feed.xml", b"<entry><content type='html'>&lt;p&gt;The &lt;strong&gt;sealed&lt;/strong&gt; offer&lt;/p&gt;</content></entry>")
    assert words(feed.text) == ["the", "sealed", "offer"]


def test_a_calendar_is_unfolded_and_unescaped():
    ics = read_file("calendar.ics", b"DESCRIPTION:The sealed of\r\n fer\\, from Tolland\\nFreight\r\n")
    assert "offer, from Tolland Freight" in ics.text


def test_a_pagefind_fragment_is_decompressed_and_its_strings_read():
    fragment = b"pagefind_dcd" + json.dumps({"url": "/x/", "content": "The sealed offer", "meta": {"title": "Quarry Lane"}}).encode()
    public = read_file("pagefind/fragment/en_1.pf_fragment", gzip.compress(fragment))
    assert "The sealed offer" in public.text and "Quarry Lane" in public.text


def test_search_index_strings_hold_html_which_is_read_as_text():
    index = json.dumps({"docs": [{"location": "x/", "text": "<p>The sealed\noffer</p>"}]}).encode()
    assert words(read_file("search/search_index.json", index).text)[-3:] == ["the", "sealed", "offer"]
