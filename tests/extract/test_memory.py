"""A long-running gateway reads new words in every message: extract() must not keep them all for good."""

from __future__ import annotations

import random
import string
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from promisegate.extract import extract, nlp
from promisegate.extract.nlp import get_nlp

NOW = datetime(2024, 7, 10, 9, 0, tzinfo=ZoneInfo("America/New_York"))


def _new_words(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(string.ascii_lowercase, k=12)) for _ in range(count)]


def _email(words: list[str]) -> str:
    return ("Hi Dana, order " + " ".join(words[:20]) + " ships by Friday. I'll send the SOC 2 report"
            " tomorrow at 3pm PT.\n\nRef: " + " ".join(words[20:]))


def test_words_met_once_leave_nothing_in_spacys_string_store() -> None:
    for seed in (10, 11):  # the words every message here shares are met twice, and kept
        extract(_email(_new_words(seed, 40)), NOW)
    strings = get_nlp().vocab.strings
    before = len(strings)
    words = _new_words(1, 200)
    for k in range(0, 200, 40):
        extract(_email(words[k:k + 40]), NOW)
    assert len(strings) == before
    assert not any(w in strings for w in words)


def test_a_chunk_met_again_is_kept_and_read_the_same() -> None:
    words = _new_words(2, 40)
    text = _email(words)
    first = extract(text, NOW)  # read in the memory zone: nothing kept
    assert words[0] not in get_nlp().vocab.strings
    second = extract(text, NOW)  # met again: kept and cached outside the zone
    assert words[0] in get_nlp().vocab.strings
    third = extract(text, NOW)  # read from spaCy's cache
    assert first == second == third
    assert [t.text for t in first.times] == ["Friday", "tomorrow at 3pm PT"]


def test_no_chunk_is_kept_past_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(nlp, "_LASTING_CHUNKS", nlp._kept[0])
    words = _new_words(3, 40)
    text = _email(words)
    extract(text, NOW)
    extract(text, NOW)
    assert words[0] not in get_nlp().vocab.strings


def test_texts_read_from_several_threads_at_once_read_as_one_at_a_time() -> None:
    texts = [_email(_new_words(100 + k, 40)) for k in range(24)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda t: extract(t, NOW), texts))
    assert together == [extract(t, NOW) for t in texts]
