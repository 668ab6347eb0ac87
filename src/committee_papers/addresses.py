"""Addresses a council writes (websites, webcasts, email addresses, telephone numbers, links): what may become a link.

Web pages are `http(s)://` with a host; email addresses and telephone numbers are
written plainly, to become `mailto:` and `tel:` links; a link in the text may lead
to a web page, an email address, a telephone number or a file in the papers. The
model checks each address where it is written (PAP110-PAP112) and the check each
link (PAP333); `inert_links` makes sure, when a page or pack is made, that no other
kind of address is ever a live link, whatever the template.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

LINK_SCHEMES = ("http", "https", "mailto", "tel")
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")  # what browsers drop from an address before reading its scheme
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_HOST = re.compile(r"^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$|^\[[0-9A-Fa-f:.]+\]$")
_URL_CHARACTERS = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$")
_EMAIL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$")
_PHONE = re.compile(r"^\+?[0-9 ()./-]{3,30}(?:\s*(?:ext\.?|extension|x)\s*[0-9]{1,6})?$", re.IGNORECASE)


def scheme_of(address: str) -> str | None:
    """The scheme a browser would read from `address` (lower case), or None for a relative address."""
    match = _SCHEME.match(_INVISIBLE.sub("", address))
    return match.group(1).lower() if match else None


def link_allowed(address: str) -> bool:
    """A link the papers may make: to a web page, email, a telephone number, or within the papers."""
    scheme = scheme_of(address)
    return scheme is None or scheme in LINK_SCHEMES


def web_address_problem(text: str) -> str | None:
    """Why `text` is not the address of a web page (None if it is one)."""
    text = text.strip()
    if scheme_of(text) not in ("http", "https"):
        return f"`{text}` is not a web address starting https:// or http://"
    if not _URL_CHARACTERS.match(text):
        return f"`{text}` has characters a web address cannot have (spaces, quotes, < or >)"
    parts = urlsplit(text)
    if not parts.netloc or not parts.hostname or not _HOST.match(parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"):
        return f"`{text}` names no website after the https://"
    return None


def email_problem(text: str) -> str | None:
    return None if _EMAIL.match(text.strip()) and ".." not in text else f"`{text}` is not an email address"


def phone_problem(text: str) -> str | None:
    text = text.strip()
    return None if _PHONE.match(text) and sum(c.isdigit() for c in text) >= 3 else f"`{text}` is not a telephone number"


_EXTENSION = re.compile(r"\s*(?:ext\.?|extension|x)\s*([0-9]{1,6})\s*$", re.IGNORECASE)


def tel_address(phone: str) -> str:
    """The `tel:` address of a telephone number as written: its digits (and a leading +), an extension as `;ext=`.

    "(01446) 709855" is `tel:01446709855`; "+44 1632 960100 ext. 12" is `tel:+441632960100;ext=12`.
    """
    text = phone.strip()
    extension = _EXTENSION.search(text)
    number = text[: extension.start()] if extension else text
    digits = ("+" if number.startswith("+") else "") + re.sub(r"[^0-9]", "", number)
    return f"tel:{digits}" + (f";ext={extension.group(1)}" if extension else "")


_ATTRIBUTE = re.compile(
    r"""(\s)(href|src|xlink:href|action|formaction|poster|data|background|cite|srcset)(\s*=\s*)("[^"]*"|'[^']*'|[^\s"'=<>`]+)""",
    re.IGNORECASE,
)


def inert_links(page: str, also: tuple[str, ...] = ()) -> str:
    """`page` (HTML) with every address attribute whose scheme is not allowed removed: no `javascript:` link survives.

    `also` names further schemes the caller's own reader serves (a PDF engine's `papers:` files).
    """

    def check(match: re.Match) -> str:
        value = html.unescape(match.group(4)[1:-1] if match.group(4)[:1] in "\"'" else match.group(4))
        return match.group(0) if link_allowed(value) or scheme_of(value) in also else match.group(1)

    return _ATTRIBUTE.sub(check, page)
