"""The object, amount and unit of one commitment, read off the pattern hit that found it."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from promisegate.extract.commit_claims import FEE_WORDS
from promisegate.extract.commit_cues import Cues
from promisegate.extract.commit_rules import Hit
from promisegate.extract.commit_units import Unit
from promisegate.extract.commit_values import (
    money,
    payment_days,
    percent,
    phrase_back,
    phrase_forward,
    response_hours,
    span_text,
)
from promisegate.extract.nlp import is_wrap, token_columns
from promisegate.model import CommitmentKind

_WAIVE_VERBS = frozenset({"waive", "waived", "waiving", "comp", "comped", "remove", "removing", "eliminate",
                          "eliminating", "scrap", "scrapping", "strike", "striking"})
_EXTEND_VERBS = frozenset({"extend", "extended", "extending"})
_CREDIT_VERBS = frozenset({"credit", "credited", "crediting", "refund", "refunded", "refunding", "reimburse",
                           "reimbursed"})
_CREDIT_FILLERS = frozenset({"you", "your", "account", "back", "it", "them", "to", "for", "as", "with"})
_COVER_VERBS = frozenset({"cover", "covering", "absorb", "absorbing", "pick", "picking", "eat", "eating", "foot",
                          "footing"})
_THROW_VERBS = frozenset({"throw", "throwing", "toss", "tossing"})  # "throw in premium support": the support
_FREE_WORDS = frozenset({"free", "complimentary"})
_LINKS = frozenset({"is", "are", "be", "'s", "will", "would", "can", "at", "for", "with", "included", "it", "totally",
                    "completely", "entirely", "absolutely", "100", "%"})

_CERT_DOCUMENTS = frozenset({"report", "reports", "certification", "certificate", "audit", "attestation"})
Description = tuple[str | None, float | None, str | None]


def describe(doc: Doc, unit: Unit, hit: Hit, kind: CommitmentKind, cues: Cues) -> Description:
    """Return (object, amount, unit) for a commitment of `kind` found by `hit` in `unit`."""
    if kind == "document":
        return _document(doc, unit, hit, cues), None, None
    if kind == "price":
        return _price(doc, unit, hit, cues)
    if kind == "capability":
        return _capability(doc, unit, hit, cues), None, None
    cols = token_columns(doc)
    lower_of, text_of = cols.words, cols.texts
    if kind == "meeting":
        for i in range(hit.start, hit.end):
            if lower_of[i] in cues.meeting_nouns:
                if i > hit.start and lower_of[i] in ("dive", "dives") and lower_of[i - 1] == "deep":
                    return span_text(doc, i - 1, i + 1), None, None  # "deep dive", not "dive"
                return text_of[i], None, None
        return None, None, None
    if kind == "date":
        for i in range(hit.start, hit.end):
            if lower_of[i] in cues.event_nouns:
                # ("push the pilot environment to the 18th": the environment, a thing of the pilot's, is what moves)
                if i + 1 < len(doc) and lower_of[i + 1] in _EVENT_COMPOUND_HEADS:
                    return span_text(doc, i, i + 2), None, None
                return text_of[i], None, None
        if hit.start + 2 < hit.end and lower_of[hit.start] == "go" and text_of[hit.start + 1] == "-":
            return span_text(doc, hit.start, hit.start + 3), None, None
    return None, None, None


# Nouns that make an event noun before them part of a name: "pilot environment", "migration phase", "trial period".
_EVENT_COMPOUND_HEADS = frozenset({"environment", "environments", "instance", "sandbox", "tenant", "workspace",
                                   "account", "cluster", "site", "portal", "phase", "period", "program", "programme",
                                   "extension", "license", "licenses", "licence", "seats", "team", "plan", "kickoff",
                                   "kick-off", "handover", "hand-off", "handoff", "start", "end"})


def _noun_run_end(doc: Doc, i: int, hi: int, nouns: frozenset[str]) -> int:
    cols = token_columns(doc)
    lower_of, text_of = cols.words, cols.texts
    # "order form", "security questionnaire responses": the name ends at the last noun of the run.
    while i + 1 < hi:
        j = i + 1
        if is_wrap(text_of[j]) and j + 1 < hi:
            j += 1  # "pricing\nsheet": one name wrapped over two lines
        if lower_of[j] not in nouns:
            # "SIG Lite questionnaire", "SOC 2 Type II report": capitalised or numbered words inside the name.
            k = j
            while k < hi and k - j < 3 and lower_of[k] not in nouns and (text_of[k][:1].isupper()
                                                                         or text_of[k].isdigit()):
                k += 1
            if k == j or k >= hi or k - j >= 3 or lower_of[k] not in nouns:
                break
            j = k
        i = j
    return i


def _first_name_end(doc: Doc, lo: int, hi: int, nouns: frozenset[str]) -> int:
    """The last noun of the first run of document nouns in [lo, hi), or the end of a report named by its standard
    alone ("our SOC 2 Type II") before it (hi - 1 when there is none)."""
    lower_of = token_columns(doc).words
    for i in range(lo, hi):
        if lower_of[i] in nouns:
            return _noun_run_end(doc, i, hi, nouns)
        end = standard_report_end(doc, i, hi)
        if end is not None and not _leads_to_document(doc, end, hi, nouns):  # ("SOC 2 Type II bridge letter")
            return end
    return _noun_run_end(doc, hi - 1, hi, nouns)


_SOC = frozenset({"soc1", "soc2", "soc3"})


def standard_report_end(doc: Doc, i: int, hi: int) -> int | None:
    """Where a report named by its standard alone ends, when one starts at token `i`: "SOC 2", "SOC2 Type II" (the
    report itself, as "our SOC 2 report" is; "SOC 2 compliant" is a claim, which the patterns tell apart)."""
    cols = token_columns(doc)
    lower_of, text_of = cols.words, cols.texts
    def step(k: int) -> int:  # the next token, over a line break of hard-wrapped mail ("SOC\n2 Type II")
        return k + 2 if k + 2 < hi and is_wrap(text_of[k + 1]) else k + 1

    word = lower_of[i]
    if word in _SOC:
        end = i
    elif word == "soc" and (j := step(i)) < hi and text_of[j] in ("1", "2", "3"):
        end = j
    else:
        return None
    if (t := step(end)) < hi and lower_of[t] == "type" and (r := step(t)) < hi \
            and lower_of[r] in ("i", "ii", "1", "2"):
        end = r
    return end


# What may stand between the names of a list of documents: "the SOW and the MSA", "the deck, the pricing sheet and
# the case study", "the DPA as well as our sub-processor list".
_LIST_GLUE = frozenset({",", "and", "&", "plus", "+", "/", "as", "well", "also", "along", "with", "the", "our", "a",
                        "an", "your", "my", "its", "their", "updated", "latest", "signed", "revised", "final", "new",
                        "current", "draft", "full", "\n"})


def listed_documents(doc: Doc, unit: Unit, first: str, cues: Cues) -> list[str]:
    """The other documents of the list whose first name is `first` ("I'll send the SOW and the MSA": ["MSA"]); none
    when `first` is not found or nothing is listed after it ("send the proposal once the contract is signed")."""
    cols = token_columns(doc)
    lower_of, text_of = cols.words, cols.texts
    at = cols.source.find(first, unit.start_char, unit.end_char)
    if at < 0:
        return []
    prev_end, out = bisect_right(cols.idx, at + len(first) - 1), []  # the token after the last one of `first`
    nouns = cues.document_nouns
    # The list may run past the clause: ", and our sub-processor list" opens a clause of its own when a verb follows.
    texts, last = cols.texts, min(len(cols.texts), unit.end + 20)
    hi = next((k for k in range(unit.end, last) if texts[k] in (".", "!", "?", ";", ":") or "\n\n" in texts[k]), last)
    if nouns.isdisjoint(cols.words[prev_end:hi]):
        return []  # the usual case: no other document named after it
    j, joined = prev_end, False
    while j < hi:
        if _names_document(doc, j, nouns):
            head = _noun_run_end(doc, j, hi, nouns)
            begin, end = phrase_back(doc, head, prev_end, cues.back_stops)
            gap = [lower_of[k] for k in range(prev_end, begin) if not text_of[k].isspace() or is_wrap(text_of[k])]
            if not gap or not all(w in _LIST_GLUE or is_wrap(w) for w in gap) or not (
                    {",", "and", "&", "plus", "+", "/"} & set(gap)):
                break
            name = span_text(doc, begin, end)
            if name and name not in out and name != first:
                out.append(name)
                joined = joined or not {"and", "&", "plus", "+", "well"}.isdisjoint(gap)
            prev_end = j = end
            continue
        if lower_of[j] not in _LIST_GLUE and not text_of[j].isspace() and not _leads_to_document(doc, j, hi, nouns):
            break  # the list ends at the first word that is none of its glue nor part of a name
        j += 1
    return out if joined else []  # a list ends with "and": "notes, added PDF annotation" lists nothing


def _list_head_before(doc: Doc, i: int, lo: int, cues: Cues) -> tuple[int, int]:
    """The name of the document at token `i`, or of the first of the list it ends ("The DPA and our sub-processor list
    are linked below": the DPA, whose list `listed_documents` then reads on)."""
    cols = token_columns(doc)
    lower_of, text_of = cols.words, cols.texts
    nouns = cues.document_nouns
    start, end = phrase_back(doc, i, lo, cues.back_stops)
    k, gap = start - 1, set()
    while k >= lo and (lower_of[k] in _LIST_GLUE or text_of[k].isspace()):
        gap.add(lower_of[k])
        k -= 1
    if k >= lo and _names_document(doc, k, nouns) and not gap.isdisjoint(("and", "&", "plus", "+", ",")):
        return _list_head_before(doc, k, lo, cues)
    return start, end


def _leads_to_document(doc: Doc, i: int, hi: int, nouns: frozenset[str]) -> bool:
    """Whether a document noun follows token `i` within three words, with no punctuation but "-" between
    ("sub-processor list", "SOC 2 report")."""
    cols = token_columns(doc)
    lower_of, text_of = cols.words, cols.texts
    for k in range(i + 1, min(hi, i + 5)):
        if lower_of[k] in nouns:
            return True
        if (doc[k].is_punct and text_of[k] != "-") or lower_of[k] in ("and", "or", "to", "for", "by", "with"):
            return False
    return False


def antecedent_document(doc: Doc, at: int, cues: Cues) -> tuple[int, int] | None:
    """The document a pronoun at token `at` stands for ("our SOC 2 report is available; I can send it over"): the
    nearest document named in the 40 tokens before it, within the paragraph; not one after "under" / "per" ("under
    NDA" is a condition); None when there is none."""
    cols = token_columns(doc)
    lower_of, text_of = cols.words, cols.texts
    nouns = cues.document_nouns
    for i in range(at - 1, max(-1, at - 40), -1):
        text = text_of[i]
        if "\n\n" in text:
            return None
        if not _names_document(doc, i, nouns):
            start = _standard_report_start(doc, i, max(0, at - 40))
            if start is not None:  # ("SOC 2 Type II - we'll get it to you once the NDA is signed")
                return start, i + 1
            continue
        lead = [lower_of[j] for j in range(max(0, i - 3), i)]
        if "under" in lead or "per" in lead:
            continue
        start, end = phrase_back(doc, i, max(0, at - 40), cues.back_stops)
        return start, end
    return None


def _standard_report_start(doc: Doc, i: int, lo: int) -> int | None:
    """Where a report named by its standard alone ("SOC 2 Type II") that ends at token `i` starts."""
    for start in range(i, max(lo, i - 6) - 1, -1):
        if standard_report_end(doc, start, i + 1) == i:
            return start
    return None


def _document(doc: Doc, unit: Unit, hit: Hit, cues: Cues) -> str | None:
    cols = token_columns(doc)
    lower_of, text_of = cols.words, cols.texts
    nouns = cues.document_nouns
    if hit.id == "document-send-it":  # "I can send it over": the document it stands for
        found = antecedent_document(doc, hit.start, cues)
        return span_text(doc, *found) if found else None
    if hit.label == "document" or hit.id == "document-shared":
        # The first name the verb takes ("share the report under NDA" shares the report), to the end of
        # its run of nouns ("the security questionnaire responses").
        # ("Proposal to you by Monday", "SOC 2 report to you by Friday": a terse item opens on the document's name)
        first = hit.start + (not (lower_of[hit.start] in nouns or text_of[hit.start].isupper()))
        head = _first_name_end(doc, first, hit.end, nouns)
        while head + 2 < hit.end and lower_of[head + 1] == "of":  # "a copy of the MSA redlines"
            head = _first_name_end(doc, head + 2, hit.end, nouns)
        # ("The SOC 2 report is in the data room now": a name that opens the hit may begin before it)
        lo = unit.start if hit.id == "document-shared" and lower_of[hit.start] in nouns else first
        start, end = phrase_back(doc, head, lo, cues.back_stops)
        return span_text(doc, start, end)
    if (named := standard_report_end(doc, hit.start, hit.end)) is not None:  # "Our SOC 2 will be with you Monday"
        return span_text(doc, hit.start, named + 1)
    if lower_of[hit.start] in nouns:  # "the updated MSA should be in your inbox", "the contract is on its way"
        start, end = phrase_back(doc, hit.start, unit.start, cues.back_stops)
        return span_text(doc, start, end)
    if hit.end - hit.start > 2 and lower_of[hit.start + 1] in ("attached", "enclosed"):  # "the attached SOW"
        head = _noun_run_end(doc, hit.end - 1, hit.end, nouns)
        start, end = phrase_back(doc, head, hit.start + 2, cues.back_stops)
        return span_text(doc, start, end)
    # An attachment: the document named after "attached is", else the one before "is attached".
    for i in range(hit.end, unit.end):
        if _names_document(doc, i, nouns):
            head = _noun_run_end(doc, i, unit.end, nouns)
            start, end = phrase_back(doc, head, hit.end, cues.back_stops)
            return span_text(doc, start, end)
    for i in range(hit.start - 1, unit.start - 1, -1):
        if lower_of[i] in nouns:
            start, end = _list_head_before(doc, i, unit.start, cues)
            return span_text(doc, start, end)
    # Named inside the hit: "please find the security questionnaire attached", "here is the renewal proposal".
    for i in range(hit.end - 1, hit.start + 1, -1):
        if _names_document(doc, i, nouns):
            start, end = phrase_back(doc, i, hit.start + 2, cues.back_stops)
            return span_text(doc, start, end)
    start, end = phrase_forward(doc, hit.end, unit.end, cues.determiners, cues.object_stops)
    return span_text(doc, start, end)


def _names_document(doc: Doc, i: int, nouns: frozenset[str]) -> bool:
    """Whether token `i` is a document noun that names a document: not one before another noun ("the data room",
    "the data retention question")."""
    lower_of = token_columns(doc).words
    return lower_of[i] in nouns and not (i + 1 < len(doc) and lower_of[i + 1] in _COMPOUND_HEADS)


def _price(doc: Doc, unit: Unit, hit: Hit, cues: Cues) -> Description:
    lower_of = token_columns(doc).words
    words = span_text(doc, hit.start, hit.end) or ""
    first = lower_of[hit.start]
    if hit.id == "price-free" and lower_of[hit.end - 1] in _FREE_SPANS:  # "a free month": the month
        return span_text(doc, hit.start + (first in _FREE_OPENERS), hit.end), None, None
    if hit.id == "price-free" and hit.end - hit.start == 3 and lower_of[hit.start + 1] in _FREE_UNITS:
        return span_text(doc, hit.start, hit.end - 1), None, None  # "two months free": two months
    if hit.id == "price-free" and hit.end - hit.start >= 4 and lower_of[hit.start + 1] == "no" \
            and lower_of[hit.end - 1] in FEE_WORDS and not all(  # "There's no implementation fee": the fee
                w in ("extra", "additional") for w in lower_of[hit.start + 2:hit.end - 1]):  # (not "no extra cost")
        return span_text(doc, hit.start + 2, hit.end), None, None
    if hit.id == "price-free" and hit.end - hit.start == 3 and lower_of[hit.start + 1] == "no" \
            and lower_of[hit.end - 1] in FEE_WORDS and first in ("is", "are", "'s", "’s", "be"):
        # "There's no cost for the pilot", "no charge to you for the first month": what comes after "for"
        i = hit.end
        if i + 1 < unit.end and lower_of[i] == "to" and lower_of[i + 1] in ("you", "your", "them"):
            i += 2 + (lower_of[i + 1] == "your" and i + 2 < unit.end)
        if i < unit.end and lower_of[i] in ("for", "on"):
            start, end = phrase_forward(doc, i + 1, unit.end, cues.determiners, cues.object_stops)
            return span_text(doc, start, end), None, None
        return span_text(doc, hit.end - 1, hit.end), None, None  # "There's no fee.": the fee
    if hit.id == "price-free" and first in _NEGATIONS:  # "we won't charge (you for) onboarding": onboarding
        start = hit.start + 2 + (lower_of[hit.start + 2] in ("you", "for"))
        start += start < unit.end and lower_of[start] == "for"
        start, end = phrase_forward(doc, start, unit.end, cues.determiners, cues.object_stops)
        return span_text(doc, start, end), None, None
    if hit.id == "price-free" and first in ("extra", "additional", "bonus") and hit.end - hit.start == 5:
        # "two extra weeks on the pilot": the weeks given, with their count
        start = hit.start - 1 if hit.start > unit.start and doc[hit.start - 1].like_num else hit.start
        return span_text(doc, start, hit.end), None, None
    if hit.id == "price-free":
        if first in ("full", "complete", "money"):  # "a full refund", "a money-back guarantee": the hit names it
            return words, None, None
        if first in _EXTEND_VERBS:  # "extend your trial until the 31st": the trial
            return span_text(doc, hit.end - 1, hit.end), None, None
        if first in _CREDIT_VERBS:  # "credit you for the outage", "credit your account $500": what is credited
            i = hit.start + 1
            while i < unit.end and lower_of[i] in _CREDIT_FILLERS:
                i += 1
            if i + 1 < unit.end and lower_of[i] == "in" and lower_of[i + 1] == "full":  # "refund you in full"
                return span_text(doc, hit.start, i + 2), None, None
            start, end = phrase_forward(doc, i, unit.end, cues.determiners, cues.object_stops - {"for", "as"})
            return span_text(doc, start, end), None, None
        if first in _WAIVE_VERBS or (first in _FREE_WORDS and hit.end - hit.start == 2):
            start, end = phrase_forward(doc, hit.start + 1, unit.end, cues.determiners, cues.object_stops)
        elif first in _THROW_VERBS:
            start, end = phrase_forward(doc, hit.start + 2, unit.end, cues.determiners, cues.object_stops)
        elif first in FEE_WORDS:  # "consider the onboarding fee waived": the fee
            start, end = phrase_back(doc, hit.start, unit.start, cues.back_stops)
        elif first in _COVER_VERBS:  # "we'll cover the cost of the first three months": what it is the cost of
            start, end = phrase_forward(doc, hit.end, unit.end, cues.determiners, cues.object_stops)
        else:
            # "The first three months are on us": the hit begins with what is on us
            i = hit.start if lower_of[hit.end - 1] in ("us", "me") and first not in _LINKS else hit.start - 1
            while i >= unit.start and lower_of[i] in _LINKS:
                i -= 1
            i = _before_time(doc, i, unit.start, cues)  # "extend the pilot through January 15 at no cost"
            # "10 hours of professional services for your team at no charge": who it is for is not what is given
            if i - 2 >= unit.start and lower_of[i - 2] == "for" and lower_of[i - 1] in ("your", "our", "the"):
                i -= 3
            elif i - 1 >= unit.start and lower_of[i - 1] == "for" and lower_of[i] in ("you", "them", "everyone"):
                i -= 2
            if i < unit.start or doc[i].is_punct:
                return None, None, None
            start, end = phrase_back(doc, i, unit.start, cues.back_stops)
        return span_text(doc, start, end), None, None
    if hit.id == "price-included":  # "Pricing includes unlimited API calls": what is included
        start, end = phrase_forward(doc, hit.end - 1, unit.end, cues.determiners, cues.object_stops)
        return span_text(doc, start, end), None, None
    if hit.id == "price-frozen" and first in _NEGATIONS:  # "(won')t raise your price": the promise, not its "n't"
        return span_text(doc, hit.start + 1, hit.end), None, None
    if hit.id == "price-payment-terms":
        return words, payment_days(words), "days"
    if hit.id == "price-sla":
        if first in _SLA_SUBJECTS:  # "our team responds within an hour": the promise, not who makes it
            words = span_text(doc, hit.start + 1, hit.end) or words
        share = percent(words)
        if share is not None:
            return words, share, "%"
        return words, response_hours(words), "hours"
    if hit.id == "price-discount" and first in cues.approval_words:  # "approval for an additional 5%": the 5% it grants
        k = next((i for i in range(hit.start, hit.end) if lower_of[i] in ("additional", "extra", "further")),
                 hit.start)
        words = span_text(doc, k, hit.end) or words
    elif hit.id == "price-held" and first in _HOLD_VERBS and hit.end - hit.start > 1:  # "hold pricing": the pricing
        k = hit.start + 1 + (lower_of[hit.start + 1] == "in" and hit.end - hit.start > 2)  # ("lock in your rate")
        words = span_text(doc, k, hit.end) or words
    elif hit.id == "price-discount" and first in _CUT_VERBS:  # "take an extra 7% off": the 7%, not the verb
        k = hit.start + 1
        while k < hit.end - 1 and lower_of[k] in _CUT_FILLERS:
            k += 1
        words = span_text(doc, k, hit.end) or words
    share = percent(words) if hit.id != "price-stated" else None
    if share is not None:
        return words, share, "%"
    cash = money(words)
    if cash is not None:
        return words, cash[0], cash[1]
    return words, None, None


_HOLD_VERBS = frozenset({"hold", "lock", "freeze", "keep", "honor", "honour", "maintain", "match", "extend"})
_CUT_VERBS = frozenset({"knock", "take", "shave", "cut", "discount", "reduce", "lower", "drop"})
_CUT_FILLERS = frozenset({"off", "an", "a", "another", "additional", "extra", "further", "up", "to", "it", "by"})


def _before_time(doc: Doc, i: int, lo: int, cues: Cues) -> int:
    """`i` moved back over a time phrase ending there and the word that brings it in ("through January 15",
    "until the 31st", "for the first month"), so what comes before is the thing given; `i` when none ends there."""
    cols = token_columns(doc)
    lower_of, text_of = cols.words, cols.texts
    j, timed = i, False
    while j >= lo:
        # ("by two weeks": a length is a time phrase too)
        named = text_of[j] in cues.time_heads_cased or lower_of[j] in cues.time_heads or text_of[j][:1].isdigit() \
            or lower_of[j].rstrip("s") in _FREE_SPANS or (timed and doc[j].like_num)
        if not named and lower_of[j] not in _TIME_FILLERS:
            break
        timed = timed or named
        j -= 1
    return j - 1 if timed and j >= lo and lower_of[j] in _TIME_LEADS else i


_TIME_FILLERS = frozenset({"the", "of", "this", "next", "end", ",", "st", "nd", "rd", "th", "first", "initial"})
_TIME_LEADS = frozenset({"through", "thru", "until", "till", "til", "by", "before", "on", "from", "to", "for"})
_COMPOUND_HEADS = frozenset({"room", "retention", "center", "centre", "residency", "protection", "processing",
                             "privacy", "warehouse", "lake", "pipeline", "question", "questions", "portal"})
_FREE_SPANS = frozenset({"month", "week", "year", "quarter", "day"})
_SLA_SUBJECTS = frozenset({"team", "support", "desk", "engineers", "engineer", "staff", "agents", "csm", "manager",
                           "we", "and"})
_FREE_OPENERS = frozenset({"a", "an", "one"})
_FREE_UNITS = frozenset({"months", "month", "weeks", "week", "seats", "licenses", "users"})
_NEGATIONS = frozenset({"not", "n't", "n’t", "never"})
_INTEGRATION_NOUNS = frozenset({"integration", "integrations", "connector", "connectors", "plugin", "plugins", "app"})
_INTEGRATION_KINDS = frozenset({"native", "direct", "prebuilt", "pre-built", "certified", "official"})
_CLAIM_LINKS = frozenset({"with", "into", "to", "up"})  # ("support up to 5,000 users")


def _opens_time(doc: Doc, i: int, cues: Cues) -> bool:
    """Whether a time expression opens at token `i` ("later this year", "Q2", "next month", "March")."""
    cols = token_columns(doc)
    lower_of, text_of = cols.words, cols.texts
    w = lower_of[i]
    nxt = lower_of[i + 1] if i + 1 < len(doc) else ""
    return w in cues.time_heads or text_of[i] in cues.time_heads_cased or w in ("later", "early", "mid", "late") \
        or (w in ("this", "next", "the") and nxt in _PERIOD_WORDS)


_PERIOD_WORDS = frozenset({"week", "month", "quarter", "year", "half", "spring", "summer", "fall", "autumn", "winter"})


def _integration_name(doc: Doc, hit: Hit) -> str | None:
    """The words of an integration hit after its kind ("native", "direct") and before its last word: "a native
    Salesforce integration" names Salesforce, "a native Snowflake connector for" the Snowflake connector."""
    lower_of = token_columns(doc).words
    kind = next((i for i in range(hit.start, hit.end) if lower_of[i] in _INTEGRATION_KINDS), hit.start)
    return span_text(doc, kind + 1, hit.end - 1)


def _capability(doc: Doc, unit: Unit, hit: Hit, cues: Cues) -> str | None:
    cols = token_columns(doc)
    lower_of, text_of = cols.words, cols.texts
    if hit.id == "capability-certified":
        if lower_of[hit.end - 1] in cues.certification_states:
            end = hit.end - 1
            while end > hit.start and (text_of[end - 1] == "-" or text_of[end - 1].isspace()):
                end -= 1
            return span_text(doc, hit.start, end)
        names = (i for i in range(hit.start + 2, hit.end) if lower_of[i] in cues.certification_names)
        first = next(names, hit.end - 1)
        stops = cues.object_stops | cues.certification_states | _CERT_DOCUMENTS
        start, end = phrase_forward(doc, first, unit.end, cues.determiners, stops)
        return span_text(doc, start, end)
    if hit.id == "capability-compliance":
        # "will meet all of your compliance requirements, including HIPAA and SOC 2": the standards named
        named = [i for i in range(hit.end, unit.end) if lower_of[i] in cues.certification_names]
        if named:
            _, end = phrase_forward(doc, named[0], unit.end, cues.determiners, cues.certification_states)
            return span_text(doc, named[0], max(end, named[-1] + 1 + (named[-1] + 1 < unit.end
                                                                       and text_of[named[-1] + 1][:1].isdigit())))
        return span_text(doc, hit.end - 2, hit.end)
    if hit.id == "capability-integration" and lower_of[hit.end - 1] in _INTEGRATION_NOUNS:
        # "we have a native Salesforce integration": what it integrates is named before the noun
        return _integration_name(doc, hit)
    begin = hit.end if hit.id == "capability-integration" else hit.end - 1
    if hit.id == "capability-integration" and (begin >= unit.end or _opens_time(doc, begin, cues)):
        # "a native Snowflake connector for later this year": what comes after is when, not what it connects to
        return _integration_name(doc, hit)
    if hit.id == "capability-supports":
        # "we integrate natively with Epic": the adverb and the preposition are no part of what is claimed.
        while begin < unit.end - 1 and (lower_of[begin] in _CLAIM_LINKS
                                        or (lower_of[begin].endswith("ly") and doc[begin].is_alpha)):
            begin += 1
    start, end = phrase_forward(doc, begin, unit.end, cues.determiners, cues.object_stops)
    return span_text(doc, start, end)
