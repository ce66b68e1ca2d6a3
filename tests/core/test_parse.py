"""Parsing: new text apart from quoted reply and signature; HTML-only mail; broken input."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from promisegate.parse import parse_message, split_reply


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


def test_the_name_block_under_a_sign_off_is_the_signature() -> None:
    body = ("Hi Maria,\n\nI'll send the summary on Monday.\n\nBest regards,\nBrightline Sales Assistant\n"
            "Brightline Analytics | www.brightline.example\n"
            "Year-end offer: 20% off annual plans through December 31!\n")
    text, _, signature = split_reply(body)
    assert text.endswith("Best regards,") and "20% off" not in text
    assert signature.startswith("Brightline Sales Assistant") and signature.endswith("December 31!")


@pytest.mark.parametrize("tail", [
    "Best,\nDana\n\nP.S. We can do 20% off if you sign this week.",  # a postscript is new text
    "Thanks,\nDana\nOne more thing: I'll send the SOC 2 report tomorrow.",  # so is a promise under the name
    "Thanks,\n" + "\n".join(f"line {i}" for i in range(12)),  # too long for a name block
    "Thanks!\nThe signed order form is attached.\nDana",  # a sentence under it
])
def test_what_follows_a_sign_off_stays_new_text_unless_it_is_a_name_block(tail: str) -> None:
    text, _, signature = split_reply("Hi Maria,\n\nSee below.\n\n" + tail)
    assert signature == "" and text.endswith(tail.splitlines()[-1])
    text, _, signature = split_reply(tail)  # a sign-off that opens the mail opens no signature
    assert signature == "" and text.endswith(tail.splitlines()[-1])


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
                         "afternoon.\n\nBest,")
    # A reply written above the quoted mail has nothing to read inline.
    msg = EmailMessage()
    msg.set_content("I'll send it over this afternoon.\n\n> Is the SOC 2 report available?\n")
    assert parse_message(msg.as_bytes()).reading == ""



@pytest.mark.parametrize(("subject", "own"), [
    ("25% off if you sign this month", "25% off if you sign this month"),
    ("Re: Can we get 25% off?", ""),
    ("RE[2]: pricing", ""),
    ("Fwd: SOC 2 report", ""),
    ("AW: Angebot", ""),
    ("Recap: go-live plan", "Recap: go-live plan"),
])
def test_the_extractor_reads_the_messages_own_subject_first(subject: str, own: str) -> None:
    msg = EmailMessage()
    msg["Subject"] = subject
    msg.set_content("Details below.")
    p = parse_message(msg.as_bytes())
    assert p.own_subject == own
    # (a reply's subject is the earlier mail's words, which the text answers: it is not read)
    assert p.extraction_text == (f"{own}\n\nDetails below." if own else "Details below.")
