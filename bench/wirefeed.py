"""Synthetic wire feeds with known sentence correspondence, for the benchmarks.

A *reference* story is drawn from templates of news sentences; its *MT* counterpart is
a noisy rewrite: words swapped for near-synonyms or misspelt, words dropped, two
sentences merged into one, one split in two, sentences dropped on either side, and
paragraphs broken differently. Every MT sentence knows which reference sentences it
came from, so an aligner's links can be scored against the truth.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

PEOPLE = [
    "Maria Gonzalez", "Hong Min", "Vladimir Tikhonov", "Amina Diallo", "Lee Sang-min",
    "Jean-Pierre Martin", "Olena Kovalenko", "Kwame Mensah", "Ingrid Bauer", "Rafael Ortega",
    "Sunita Rao", "Tomasz Nowak", "Fatima Zahra", "Claire Lee", "Henrik Larsen",
]
PLACES = [
    "Seoul", "Madrid", "Kyiv", "Brussels", "Nairobi", "Lima", "Berlin", "Hanoi", "Dakar",
    "Geneva", "Ankara", "Quito", "Oslo", "Manila", "Rabat",
]
BODIES = [
    "the central bank", "the health ministry", "the European Commission", "the United Nations",
    "the electoral commission", "the national statistics office", "the army", "the coast guard",
    "the finance ministry", "the opposition party", "the supreme court", "the World Bank",
]
TOPICS = [
    "inflation", "the ceasefire talks", "the drought", "fuel prices", "the new budget",
    "the trade agreement", "the vaccination campaign", "the pension reform", "the floods",
    "the border dispute", "unemployment", "the energy crisis", "the migrant arrivals",
]
VERBS = ["said", "told reporters", "announced", "warned", "confirmed", "stated"]
TEMPLATES = [
    "{person}, a spokesperson for {body}, {verb} on {day} that {topic} would dominate the "
    "agenda.",
    "Officials in {place} expect {topic} to worsen before the end of the year.",
    "{body_cap} reported {n} new cases in {place}, up from {m} a week earlier.",
    "The figures published in {place} show {topic} rising by {p} percent over {year}.",
    "{person} {verb} that {body} had not been consulted about {topic}.",
    "Talks between {place} and {place2} on {topic} resumed after a pause of {n} days.",
    "Protesters gathered outside the offices of {body} in {place} on {day}.",
    "According to {body}, about {n} people were affected by {topic} in {place}.",
    "{person}, who studies {topic} at a university in {place}, called the decision "
    "\"a turning point\".",
    "The government in {place} has promised {n} million dollars to deal with {topic}.",
    "Analysts say {topic} could weigh on growth in {place} for several years.",
    "{body_cap} declined to comment on reports about {topic} published in {place}.",
    "In {year}, {topic} had already forced {body} to revise its forecasts.",
    "Witnesses in {place} described long queues and shops running out of goods.",
    "{person} {verb} that the next meeting would take place in {place2} in {month}.",
    "The measures announced on {day} will cost about {p} percent of national output.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
SYNONYMS = {
    "said": "declared", "announced": "indicated", "warned": "cautioned", "expect": "anticipate",
    "worsen": "deteriorate", "offices": "headquarters", "decision": "choice", "about": "around",
    "promised": "pledged", "described": "recounted", "long": "lengthy", "reported": "recorded",
    "resumed": "restarted", "gathered": "assembled", "measures": "steps", "growth": "expansion",
    "years": "years running", "people": "persons", "rising": "increasing", "show": "indicate",
}


@dataclass
class Story:
    """A reference and its MT as sentence lists, with the MT→reference links."""

    ref: list[str]
    mt: list[str]
    links: set[tuple[int, int]] = field(default_factory=set)
    ref_paragraphs: list[int] = field(default_factory=list)
    mt_paragraphs: list[int] = field(default_factory=list)

    @staticmethod
    def _join(sentences: list[str], sizes: list[int]) -> str:
        paragraphs, pos = [], 0
        for size in sizes:
            paragraphs.append(" ".join(sentences[pos : pos + size]))
            pos += size
        return "\n\n".join(paragraphs) + "\n"

    @property
    def ref_text(self) -> str:
        return self._join(self.ref, self.ref_paragraphs)

    @property
    def mt_text(self) -> str:
        return self._join(self.mt, self.mt_paragraphs)


def _sentence(rng: random.Random) -> str:
    place, place2 = rng.sample(PLACES, 2)
    body = rng.choice(BODIES)
    return rng.choice(TEMPLATES).format(
        person=rng.choice(PEOPLE), place=place, place2=place2, body=body,
        body_cap=body[0].upper() + body[1:], verb=rng.choice(VERBS), day=rng.choice(DAYS),
        topic=rng.choice(TOPICS), n=rng.randint(12, 9000), m=rng.randint(12, 9000),
        p=f"{rng.randint(1, 9)}.{rng.randint(1, 9)}", year=rng.randint(2015, 2025),
        month=rng.choice(MONTHS),
    )


def _noisy(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    out = []
    for position, word in enumerate(words):
        bare = word.strip(".,\"")
        roll = rng.random() if position else 1.0  # the first word stays as it is
        if bare in SYNONYMS and roll < 0.6:
            out.append(word.replace(bare, SYNONYMS[bare]))
        elif roll < 0.05 and len(words) > 6:
            continue  # dropped word
        elif roll < 0.09 and len(bare) > 4:
            i = rng.randrange(1, len(bare) - 1)
            out.append(word.replace(bare, bare[:i] + bare[i + 1 :]))  # misspelt
        else:
            out.append(word)
    if len(out) > 6 and rng.random() < 0.2:
        i = rng.randrange(1, len(out) - 2)
        out[i], out[i + 1] = out[i + 1], out[i]
    out[0] = out[0][0].upper() + out[0][1:]
    text = " ".join(out)
    return text if text.endswith((".", "\"")) else text + "."


def _paragraphs(count: int, rng: random.Random) -> list[int]:
    sizes = []
    while count > 0:
        size = min(count, rng.choice((1, 1, 2, 2, 3)))
        sizes.append(size)
        count -= size
    return sizes


def make_story(sentences: int, rng: random.Random, drop: float = 0.06) -> Story:
    ref = [_sentence(rng) for _ in range(sentences)]
    story = Story(ref=[], mt=[])
    i = 0
    while i < len(ref):
        roll = rng.random()
        if roll < drop:  # reference-only sentence (MT omitted it)
            story.ref.append(ref[i])
            i += 1
            continue
        if roll < 2 * drop:  # MT-only sentence (added, e.g. scrape chrome or a quote)
            story.mt.append(_noisy(_sentence(rng), rng))
            continue
        if roll < 2 * drop + 0.07 and i + 1 < len(ref):  # MT merges two sentences
            a, b = _noisy(ref[i], rng), _noisy(ref[i + 1], rng)
            merged = a.rstrip(".") + ", and " + b[0].lower() + b[1:]
            story.ref.extend(ref[i : i + 2])
            story.mt.append(merged)
            story.links |= {(len(story.mt) - 1, len(story.ref) - 2),
                            (len(story.mt) - 1, len(story.ref) - 1)}
            i += 2
            continue
        story.ref.append(ref[i])
        noisy = _noisy(ref[i], rng)
        if " that " in noisy and roll < 2 * drop + 0.12:  # MT splits one sentence in two
            head, tail = noisy.split(" that ", 1)
            story.mt.extend([head + ".", tail[0].upper() + tail[1:]])
            story.links |= {(len(story.mt) - 2, len(story.ref) - 1),
                            (len(story.mt) - 1, len(story.ref) - 1)}
        else:
            story.mt.append(noisy)
            story.links.add((len(story.mt) - 1, len(story.ref) - 1))
        i += 1
    story.ref_paragraphs = _paragraphs(len(story.ref), rng)
    story.mt_paragraphs = _paragraphs(len(story.mt), rng)
    return story


def make_feed(stories: int, sentences: int, seed: int = 7) -> list[Story]:
    rng = random.Random(seed)
    return [make_story(sentences, rng) for _ in range(stories)]
