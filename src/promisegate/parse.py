"""RFC 5322 bytes -> ParsedMessage: new text, quoted reply and signature kept apart."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from email.utils import getaddresses, parseaddr

import html2text

from promisegate.errors import ParseError

# A line that opens a quoted earlier message ("On Tue, Dana wrote:", Outlook's header block).
_QUOTE_OPENERS = re.compile(
    r"^(On .{4,200}wrote:\s*$|-{2,}\s*Original Message\s*-{2,}|_{5,}\s*$|From: .+\n(Sent|Date): )",
    re.MULTILINE | re.IGNORECASE,
)
# RFC 3676 signature separator.
_SIGNATURE = re.compile(r"^-- ?$", re.MULTILINE)
# A sign-off alone on its line ("Best,", "Kind regards,"): the name block under it is the signature when it looks
# like one (see `_sign_off`).
_SIGN_OFF = re.compile(r"^[ \t]*(?:best(?: regards| wishes)?|(?:kind|warm|warmest|many|best) (?:regards|thanks)|"
                       r"regards|thanks(?: again)?|thank you|cheers|sincerely|all the best|talk soon|yours)"
                       r"[ \t]*[,.!]?[ \t]*$", re.MULTILINE | re.IGNORECASE)
# What a name block never holds: a postscript, or a line in which the writer promises ("I'll", "we can").
_NOT_A_NAME_BLOCK = re.compile(r"^\s*p\.?\s?s\b|\b(?:i|we)\s*(?:'ll|’ll|will|can|could|would|'d|’d|am|are|'m|’m|"
                               r"'re|’re)\b", re.IGNORECASE | re.MULTILINE)
_NAME_BLOCK_LINES = 8
_NAME_BLOCK_WIDTH = 100


# "Re:", "RE[2]:", "Fwd:", "AW:", "WG:", "SV:", "Antw:", "TR:", ...: a subject taken over from earlier mail.
_REPLY_PREFIX = re.compile(r"\s*(?:re|fw|fwd|aw|wg|sv|vs|antw|tr|rif|r)\s*(?:\[\d+\])?\s*:", re.IGNORECASE)


@dataclass(frozen=True)
class ParsedMessage:
    """What the rules see of one message."""

    text: str  # new text written for this message: quoted reply and signature removed
    quoted: str = ""
    # The new text with the quoted lines it answers inline kept in place (see `inline_reading`); "" when it has none.
    reading: str = ""
    signature: str = ""
    subject: str = ""
    sender: str = ""  # header From address
    sender_name: str = ""
    to: tuple[str, ...] = ()
    cc: tuple[str, ...] = ()
    envelope_from: str = ""
    envelope_rcpts: tuple[str, ...] = ()
    message_id: str = ""
    deal_header: str = ""  # X-Promisegate-Deal
    attachments: tuple[str, ...] = ()
    html_only: bool = False
    headers: tuple[tuple[str, str], ...] = field(default_factory=tuple)

    @property
    def own_subject(self) -> str:
        """The subject when this message wrote it: "" for a reply's or forward's ("Re: Can we get 25% off?" is the
        customer's words), which the text answers anyway."""
        return "" if _REPLY_PREFIX.match(self.subject) else self.subject.strip()

    @property
    def extraction_text(self) -> str:
        """The text the extractor reads, which its commitments' offsets count in: the message's own subject (an agent
        may promise there: "25% off if you sign this month + go-live Jan 15"), then the inline reading, else the
        text."""
        body = self.reading or self.text
        return f"{self.own_subject}\n\n{body}" if self.own_subject else body

    @property
    def recipients(self) -> tuple[str, ...]:
        """Every address the message goes to, envelope first, lower-cased and unique."""
        seen: dict[str, None] = {}
        for addr in (*self.envelope_rcpts, *self.to, *self.cc):
            if addr:
                seen.setdefault(addr.lower(), None)
        return tuple(seen)


def html_to_text(html: str) -> str:
    """Render HTML mail as plain text (links and emphasis dropped, no hard wrapping)."""
    conv = html2text.HTML2Text()
    conv.ignore_links = True
    conv.ignore_images = True
    conv.ignore_emphasis = True
    conv.body_width = 0
    text = conv.handle(html)
    if _TABLE.search(html):
        text = "\n".join(_table_row(line) for line in text.splitlines() if not _TABLE_RULE.match(line))
    return text.strip()


_TABLE = re.compile(r"<table\b", re.IGNORECASE)
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")  # "---|---": no text


def _table_row(line: str) -> str:
    """A row of a table html2text drew as "Go-live| February 1, 2027" read as a line of text: "Go-live: February 1,
    2027" (the first cell labels the rest, as a recap line does), further cells joined by commas."""
    if "|" not in line:
        return line
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    cells = [c for c in cells if c]
    if len(cells) < 2:
        return " ".join(cells)
    return f"{cells[0]}: {', '.join(cells[1:])}"


def split_reply(body: str) -> tuple[str, str, str]:
    """Split a body into (new text, quoted earlier mail, signature)."""
    quoted_lines: list[str] = []
    kept: list[str] = []
    for line in body.splitlines():
        (quoted_lines if line.lstrip().startswith(">") else kept).append(line)
    quoted = "\n".join(quoted_lines)
    text, history, signature = _cut_tail("\n".join(kept))
    if history:
        quoted = (history + ("\n" + quoted if quoted else "")).strip()
    return text.strip(), quoted.strip(), signature


def _cut_tail(text: str) -> tuple[str, str, str]:
    """`text` before an opener of quoted earlier mail ("On Tue, Dana wrote:") and before the signature; the part
    from the opener on; and the signature."""
    history = signature = ""
    m = _QUOTE_OPENERS.search(text)
    if m:
        text, history = text[: m.start()], text[m.start():]
    s = _SIGNATURE.search(text)
    if s:
        text, signature = text[: s.start()], text[s.end():].strip()
    elif (cut := _sign_off(text)) is not None:
        text, signature = text[:cut], text[cut:].strip()
    return text, history, signature


def _sign_off(text: str) -> int | None:
    """Where the name block under the last sign-off begins, when what follows is one: a few short lines ("Dana Lee",
    the company, a banner), none a postscript or a promise of the writer's. A P.S. or a paragraph after the name is
    new text and stays."""
    last = max(_SIGN_OFF.finditer(text), key=lambda m: m.start(), default=None)
    if last is None:
        return None
    block = text[last.end():]
    lines = [line for line in block.splitlines() if line.strip()]
    if not text[:last.start()].strip() or not lines or len(lines) > _NAME_BLOCK_LINES \
            or any(len(line) > _NAME_BLOCK_WIDTH or _SENTENCE_LINE.search(line) for line in lines) \
            or _NOT_A_NAME_BLOCK.search(block):
        return None  # ("Thanks!" opening the mail; "The report is attached." under it is a sentence, no name)
    return last.end()


_SENTENCE_LINE = re.compile(r"^\s*\S+(?:\s+\S+){3,}[.?]\s*$")  # four words or more ending as a sentence does


def inline_reading(body: str) -> str:
    """The new text of a reply written inline, with the quoted lines it answers kept in place: "> Is the SOC 2 report
    available?" above "Absolutely, I'll send it over this afternoon" tells what "it" is. The extractor reads no
    promise or request in a quoted line; the quoted history after the last new line, an opener ("On ... wrote:")
    and the signature are cut as from the text. "" when no quoted line comes before new text."""
    lines = body.splitlines()
    new = [i for i, line in enumerate(lines) if line.strip() and not line.lstrip().startswith(">")]
    if not new or not any(line.lstrip().startswith(">") for line in lines[: new[-1]]):
        return ""
    reading = _cut_tail("\n".join(lines[: new[-1] + 1]))[0].strip()
    return reading if any(line.lstrip().startswith(">") for line in reading.splitlines()) else ""


def _addresses(msg: EmailMessage, name: str) -> tuple[str, ...]:
    values = [str(v) for v in msg.get_all(name, [])]
    return tuple(a.lower() for _, a in getaddresses(values) if a)


def parse_message(raw: bytes, envelope_from: str = "", envelope_rcpts: tuple[str, ...] = ()) -> ParsedMessage:
    """Parse raw RFC 5322 bytes; raises ParseError when there is no usable text."""
    try:
        msg = BytesParser(policy=policy.default).parsebytes(raw)
        assert isinstance(msg, EmailMessage)
        attachments = tuple(
            part.get_filename() or part.get_content_type() for part in msg.iter_attachments()
        )
        plain = msg.get_body(preferencelist=("plain",))
        html_only = False
        if plain is not None:
            body = plain.get_content()
        else:
            html = msg.get_body(preferencelist=("html",))
            body = html_to_text(html.get_content()) if html is not None else ""
            html_only = html is not None
        name, sender = parseaddr(str(msg.get("From", "")))
        headers = tuple((k, str(v)) for k, v in msg.items())
    except ParseError:
        raise
    except Exception as exc:  # the email package raises many types on broken input
        raise ParseError(f"{type(exc).__name__}: {exc}") from exc
    body = body.replace("\r\n", "\n")
    text, quoted, signature = split_reply(body)
    return ParsedMessage(
        text=text,
        quoted=quoted,
        reading=inline_reading(body),
        signature=signature,
        subject=str(msg.get("Subject", "")),
        sender=sender.lower(),
        sender_name=name,
        to=_addresses(msg, "To"),
        cc=_addresses(msg, "Cc"),
        envelope_from=envelope_from.lower(),
        envelope_rcpts=tuple(r.lower() for r in envelope_rcpts),
        message_id=str(msg.get("Message-ID", "")).strip(),
        deal_header=str(msg.get("X-Promisegate-Deal", "")).strip(),
        attachments=attachments,
        html_only=html_only,
        headers=headers,
    )
