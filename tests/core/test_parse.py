"""Parsing: new text apart from quoted reply and signature; HTML-only mail; broken input."""

from __future__ import annotations

from email.message import EmailMessage

from promisegate.parse import parse_message


def test_quoted_reply_and_signature_are_kept_apart() -> None:
    msg = EmailMessage()
    msg["From"] = "Alex <alex@seller.example>"
    msg["To"] = "sam@buyer.example"
    msg["Cc"] = "Lee <lee@buyer.example>"
    msg.set_content("We will send the report Friday.\n\n-- \nAlex, AE\n\nOn Mon, 2 Nov 2026, Sam wrote:\n"
                    "> Can you go live on March 3?\n")
    p = parse_message(msg.as_bytes(), "bounce@seller.example", ("sam@buyer.example",))
    assert p.text == "We will send the report Friday."
    assert "go live on March 3" in p.quoted
    assert p.sender == "alex@seller.example" and p.sender_name == "Alex"
    assert p.recipients == ("sam@buyer.example", "lee@buyer.example")


def test_outlook_style_quote_is_split() -> None:
    body = "Sounds good, Tuesday works.\n\nFrom: Sam <sam@buyer.example>\nSent: Monday\nSubject: call\n\nOld text"
    msg = EmailMessage()
    msg.set_content(body)
    p = parse_message(msg.as_bytes())
    assert p.text == "Sounds good, Tuesday works."
    assert "Old text" in p.quoted


def test_html_only_mail_becomes_text() -> None:
    msg = EmailMessage()
    msg.set_content("<p>We can offer <b>15%</b> off.</p><p>Best</p>", subtype="html")
    p = parse_message(msg.as_bytes())
    assert p.html_only
    assert "We can offer 15% off." in p.text


def test_an_html_table_row_reads_as_a_labelled_line() -> None:
    msg = EmailMessage()
    msg.set_content("<table><tr><th>Milestone</th><th>Date</th></tr><tr><td>Go-live</td><td>February 1, 2027</td>"
                    "</tr><tr><td>Pilot</td><td>Jan 11</td><td>Jonas</td></tr></table><p>Best</p>", subtype="html")
    text = parse_message(msg.as_bytes()).text
    assert "Go-live: February 1, 2027" in text and "Pilot: Jan 11, Jonas" in text
    assert "---" not in text and "|" not in text


def test_attachments_are_listed() -> None:
    msg = EmailMessage()
    msg.set_content("See attached.")
    msg.add_attachment(b"%PDF", maintype="application", subtype="pdf", filename="SOC2-report.pdf")
    assert parse_message(msg.as_bytes()).attachments == ("SOC2-report.pdf",)


def test_garbage_still_parses_to_something() -> None:
    p = parse_message(b"\x00\xff not a message at all")
    assert isinstance(p.text, str)


def test_an_inline_reply_is_read_with_the_questions_it_answers() -> None:
    body = ("Answers inline:\n\n> Is the SOC 2 report available?\nAbsolutely, I'll send it over this afternoon.\n\n"
            "Best,\nDana\n\nOn Mon, 2 Nov 2026, Sam wrote:\n> Thanks for the demo.\n")
    msg = EmailMessage()
    msg.set_content(body)
    p = parse_message(msg.as_bytes())
    assert "SOC 2" not in p.text  # the rules see only what was written for this message
    assert p.reading == ("Answers inline:\n\n> Is the SOC 2 report available?\nAbsolutely, I'll send it over this "
                         "afternoon.\n\nBest,\nDana")
    # A reply written above the quoted mail has nothing to read inline.
    msg = EmailMessage()
    msg.set_content("I'll send it over this afternoon.\n\n> Is the SOC 2 report available?\n")
    assert parse_message(msg.as_bytes()).reading == ""

