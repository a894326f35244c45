"""Articles inside containers: an e-mail's text or HTML part, a PDF's text layer."""

from __future__ import annotations

import datetime
import io
import logging
import re
from email.message import EmailMessage, Message

from core.errors import InputError
from core.extract.text import Document, decode, document_from_text, read_html


def read_eml(data: bytes, name: str) -> Document:
    """An e-mail's article: the text/plain part, else the HTML part; Subject is the title, Date the published day.

    The sender's name is not taken as the publisher: it is usually a person or a press office.
    """
    import email
    from email import policy

    message = email.message_from_bytes(data, policy=policy.default)
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
    """A PDF's text layer, page after page; a scan without text is refused."""
    from pypdf import PdfReader

    # pypdf logs each repair it attempts ("EOF marker not found"); the user gets our one line instead.
    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"Could not read {name}: the PDF is protected by a password")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except Exception:  # pypdf raises many exception types on damaged files
        raise InputError(f"Could not read {name}: the PDF is damaged or cannot be read") from None
    finally:
        pypdf_log.setLevel(level)
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise InputError(f"Could not read {name}: the PDF has no text layer (is it a scan?)")
    return document_from_text(text, name=name)


def _subject(message: Message) -> str | None:
    try:
        subject = str(message.get("Subject") or "")
    except (ValueError, LookupError):
        return None
    # Forwarded press releases keep their headline behind "Fwd:" or "FW:".
    subject = re.sub(r"^\s*(?:(?:re|fwd?|aw|wg|tr)\s*:\s*)+", "", " ".join(subject.split()), flags=re.I)
    return subject or None


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
