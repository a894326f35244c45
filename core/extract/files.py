"""Articles inside containers: an e-mail's text or HTML part, a PDF's text layer."""

from __future__ import annotations

import dataclasses
import datetime
import io
import logging
import re
from email.message import EmailMessage, Message
from email.policy import EmailPolicy
from typing import Any

from core.errors import InputError
from core.extract.document import Document, decode, document_from_text
from core.extract.html import read_html

# A header is cut to this many characters before the e-mail library decodes it: its decoder needs about a
# hundred kilobytes for each encoded word ("=?utf-8?q?...?="), so a 3 MB Subject would take gigabytes.
MAX_HEADER_CHARS = 4000
# A PDF article is a few pages; the text layer of a page costs time in proportion to its content streams.
MAX_PDF_PAGES = 50
MAX_PDF_PAGE_BYTES = 2 * 1024 * 1024  # a page of text is tens of KB; a million repeated operators is 10 MB
MAX_PDF_CONTENT_BYTES = 8 * 1024 * 1024  # all pages read together, about ten seconds of pypdf's work


class _CappedHeaders(EmailPolicy):
    """The default policy, with every header cut to MAX_HEADER_CHARS as the parser reads it."""

    def header_source_parse(self, sourcelines: list[str]) -> tuple[str, str]:
        name, value = super().header_source_parse(sourcelines)
        return name, _cut(value, MAX_HEADER_CHARS)


_POLICY = _CappedHeaders()


def read_eml(data: bytes, name: str) -> Document:
    """An e-mail's article: the text/plain part, else the HTML part; Subject is the title, Date the published day.

    The sender's name is not taken as the publisher: it is usually a person or a press office.
    """
    import email

    message = email.message_from_bytes(data, policy=_POLICY)
    subject = _subject(message)
    published = _sent_date(message)
    part = message.get_body(preferencelist=("plain", "html")) if isinstance(message, EmailMessage) else None
    if part is None:
        raise InputError(f"Could not read {name}: the e-mail has no text or HTML part")
    body = _part_text(part)
    if not body.strip():
        raise InputError(f"Could not read {name}: the e-mail's message is empty")
    if part.get_content_subtype() == "html":
        try:
            page = read_html(body)
        except InputError:
            raise InputError(f"Could not read {name}: the e-mail's HTML part holds no article text") from None
        return document_from_text(
            page.text,
            title=subject or page.title,
            publisher=page.publisher,
            published=published or page.published,
            url=page.url,
            name=name,
        )
    if _param(part, "format") == "flowed":
        body = _unflow(body, delsp=_param(part, "delsp") == "yes")
    return document_from_text(body, title=subject, published=published, name=name)


def read_pdf(data: bytes, name: str) -> Document:
    """A PDF's text layer, page after page; a scan without text is refused.

    Only the first MAX_PDF_PAGES pages are read, a page whose content is over MAX_PDF_PAGE_BYTES is
    left out, and reading stops when the pages read hold MAX_PDF_CONTENT_BYTES; the notes say so.
    """
    from pypdf import PdfReader

    # pypdf logs each repair it attempts ("EOF marker not found"); the user gets our one line instead.
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)
    notes: list[str] = []
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"Could not read {name}: the PDF is protected by a password")
        pages, count, spent, left_out = [], len(reader.pages), 0, []
        for number, page in enumerate(reader.pages[:MAX_PDF_PAGES], start=1):
            weight = _page_weight(page)
            if weight > MAX_PDF_PAGE_BYTES:
                left_out.append(number)
                continue
            if spent + weight > MAX_PDF_CONTENT_BYTES:
                notes.append(f"only the first {number - 1} of {count} pages were read: the PDF is too heavy")
                break
            spent += weight
            pages.append(page.extract_text() or "")
        else:
            if count > MAX_PDF_PAGES:
                notes.append(f"only the first {MAX_PDF_PAGES} of {count} pages were read")
    except InputError:
        raise
    except RecursionError:
        raise InputError(f"Could not read {name}: the PDF is nested too deeply to read") from None
    except Exception:  # pypdf raises many exception types on damaged files
        raise InputError(f"Could not read {name}: the PDF is damaged or cannot be read") from None
    finally:
        pypdf_log.setLevel(level)
    if left_out:
        shown = ", ".join(str(n) for n in left_out[:5]) + (", …" if len(left_out) > 5 else "")
        notes.insert(0, f"page{'s' if len(left_out) > 1 else ''} {shown} left out: too complex to read")
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        if left_out:
            raise InputError(f"Could not read {name}: its pages are too complex to read")
        raise InputError(f"Could not read {name}: the PDF has no text layer (is it a scan?)")
    document = document_from_text(text, name=name)
    return dataclasses.replace(document, notes=tuple(notes))


def _page_weight(page: Any) -> int:
    """Bytes of content the text layer of a page would parse: its streams and its forms' (one level down)."""
    weight = 0
    contents = page.get_contents()
    if contents is not None:
        weight += len(contents.get_data())
    resources = page.get("/Resources")
    xobjects = resources.get_object().get("/XObject") if resources is not None else None
    if xobjects is not None:
        for ref in xobjects.get_object().values():
            form = ref.get_object()
            if form.get("/Subtype") == "/Form":
                weight += len(form.get_data())
    return int(weight)


def _subject(message: Message) -> str | None:
    try:
        subject = str(message.get("Subject") or "")
    except (ValueError, LookupError):
        return None
    # Forwarded press releases keep their headline behind "Fwd:" or "FW:".
    subject = re.sub(r"^\s*(?:(?:re|fwd?|aw|wg|tr)\s*:\s*)+", "", " ".join(subject.split()), flags=re.I)
    return subject or None


def _cut(value: str, limit: int) -> str:
    """At most `limit` characters, cut at a space when one is near so no encoded word is left half."""
    if len(value) <= limit:
        return value
    head = value[:limit]
    space = max(head.rfind(" "), head.rfind("\t"))
    return head[:space] if space > limit // 2 else head


def _sent_date(message: Message) -> str | None:
    header = message.get("Date")
    if not header:
        return None
    try:
        sent = getattr(header, "datetime", None)
        if sent is None:
            from email.utils import parsedate_to_datetime

            sent = parsedate_to_datetime(str(header))
    except (TypeError, ValueError, IndexError):
        return None
    return sent.date().isoformat() if isinstance(sent, datetime.datetime) else None


def _part_text(part: Message) -> str:
    try:
        content = part.get_content()  # type: ignore[attr-defined]
    except (LookupError, UnicodeError, AttributeError):
        # An unknown or wrong charset: decode the raw payload as any other text file.
        content = None
    if isinstance(content, str):
        return content
    payload = part.get_payload(decode=True)
    return decode(payload) if isinstance(payload, bytes) else ""


def _param(part: Message, key: str) -> str:
    value = part.get_param(key, "")
    return value.lower() if isinstance(value, str) else ""


def _unflow(text: str, *, delsp: bool) -> str:
    """Undo format=flowed (RFC 3676): a line ending in a space continues on the next."""
    lines = text.replace("\r\n", "\n").split("\n")
    out: list[str] = []
    carry = ""
    for line in lines:
        if line.startswith(" "):
            line = line[1:]  # space-stuffing
        if line.endswith(" ") and line != "-- ":
            carry += line[:-1] if delsp else line
            continue
        out.append(carry + line)
        carry = ""
    if carry:
        out.append(carry)
    return "\n".join(out)
