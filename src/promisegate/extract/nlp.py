"""The shared spaCy pipeline: blank English, our tokenizer exceptions, rule-based sentences.

No statistical model is required or downloaded; one is used only if installed.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex, compile_suffix_regex

# spaCy splits "3pm" by exception only; clock times written "3:30pm", "430pm" or "10:30AM"
# must split the same way so one pattern ("3:30" + "pm") covers them all.
_CLOCK_SUFFIX = r"(?<=[0-9])(?:[aApP]\.?[mM]\.?)"
_EXTRA_INFIXES = (
    r"(?<=[0-9])[–—](?=[0-9])",  # "March 3–5": en/em dash between numbers is a range
    r"(?<=[0-9][aApP][mM])-(?=[0-9])",  # "9am-5pm"
    r"(?<=[a-zA-Z]),(?=[0-9])",  # "sat,7pm"
    r"(?<=[0-9]),(?=(?:19|20)[0-9]{2}$)",  # "June 30,2015"
)


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """Return the process-wide blank English pipeline with a sentencizer."""
    nlp = spacy.blank("en")
    tokenizer = nlp.tokenizer
    suffixes = [*nlp.Defaults.suffixes, _CLOCK_SUFFIX]
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    infixes = [*nlp.Defaults.infixes, *_EXTRA_INFIXES]
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("sentencizer")
    return nlp
