"""The guide's content as typed data: what each YAML file under ``content/`` holds.

Every class is a frozen dataclass; the loader (``content_loader``) builds them
from YAML and reports each problem as ``file:line: path: message``. A field's
``metadata["why"]`` is the reason given when it is missing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Literal

Negotiability = Literal["low", "medium", "high"]
Unit = Literal[
    "usd", "usd_per_hour", "usd_per_month", "pct", "days", "weeks", "months", "years", "count"
]
Channel = Literal["email", "phone"]


def _needed(why: str, **kwargs):
    return field(metadata={"why": why}, **kwargs)


@dataclass(frozen=True, kw_only=True, slots=True)
class Cadence:
    """How often a source publishes, so a figure's age can say whether a newer one is out.

    The release after the one a figure quotes describes ``every_months`` after the
    figure's ``as_of`` date and comes out about ``published_months_after`` months after
    the date it describes (negative when it comes out before, as a tax year's limits
    do). ``every_months`` is left out for a source with no releases to wait for: a
    website that changes every day, or a rule that stands until the law changes.
    """

    schedule: str = _needed("say in words when the source publishes, for readers")
    every_months: int | None = None
    published_months_after: int = 0


@dataclass(frozen=True, kw_only=True, slots=True)
class Source:
    """A publication or dataset that figures cite; listed on the resources page."""

    id: str
    short: str
    name: str
    publisher: str
    url: str
    good_for: str = _needed("say what a reader can learn from this source")
    cadence: Cadence = _needed("say how often the source publishes, so a figure's age "
                               "can say when a newer release is due")


@dataclass(frozen=True, kw_only=True, slots=True)
class Figure:
    """One number the site states, with where it comes from and when it held."""

    id: str
    label: str
    value: Decimal
    unit: Unit
    source: str = _needed("every figure needs a source")
    as_of: date = _needed("every figure needs the date it describes")
    detail: str | None = None
    note: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Category:
    """A group of benefits, in the order readers should weigh them."""

    slug: str
    title: str
    summary: str


@dataclass(frozen=True, kw_only=True, slots=True)
class Benefit:
    """One benefit: what it is, why it matters, what to ask and what it is worth."""

    slug: str
    title: str
    category: str
    summary: str
    what: str
    why: str
    ask: tuple[str, ...] = _needed("say what to ask for")
    questions: tuple[str, ...] = _needed("list questions to put to the employer")
    figures: tuple[str, ...] = ()
    negotiability: Negotiability
    negotiability_note: str
    calculator: str | None = None
    step: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Placeholder:
    """A blank in a script that the reader fills in."""

    name: str
    label: str
    example: str
    from_calculator: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Script:
    """Words for one moment of the negotiation, by email or by phone."""

    slug: str
    title: str
    channel: Channel
    situation: str
    step: str | None = None
    talking_points: tuple[str, ...] = ()
    placeholders: tuple[Placeholder, ...] = ()
    subject: str | None = None
    body: str

    def labels(self) -> dict[str, str]:
        """Each placeholder's name and the label a reader sees."""
        return {p.name: p.label for p in self.placeholders}


@dataclass(frozen=True, kw_only=True, slots=True)
class ChecklistItem:
    """One thing to check; ``id`` keeps a reader's tick across visits."""

    id: str
    text: str
    detail: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class ChecklistSection:
    title: str
    items: tuple[ChecklistItem, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class Checklist:
    slug: str
    title: str
    intro: str
    step: str | None = None
    sections: tuple[ChecklistSection, ...]


@dataclass(frozen=True, kw_only=True, slots=True)
class Alternative:
    """If one benefit is not negotiable, what to ask for instead."""

    if_not: str
    ask_for: tuple[str, ...]
    why: str
    calculator: str | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class Content:
    """Everything under ``content/``, checked and cross-referenced."""

    sources: tuple[Source, ...]
    figures: tuple[Figure, ...]
    categories: tuple[Category, ...]
    benefits: tuple[Benefit, ...]
    scripts: tuple[Script, ...]
    checklists: tuple[Checklist, ...]
    alternatives: tuple[Alternative, ...]

    def source(self, source_id: str) -> Source:
        return next(s for s in self.sources if s.id == source_id)

    def figure(self, figure_id: str) -> Figure:
        return next(f for f in self.figures if f.id == figure_id)

    def benefit(self, slug: str) -> Benefit:
        return next(b for b in self.benefits if b.slug == slug)

    def category(self, slug: str) -> Category:
        return next(c for c in self.categories if c.slug == slug)

    def benefits_in(self, category: str) -> tuple[Benefit, ...]:
        return tuple(b for b in self.benefits if b.category == category)


# Each file under content/ and the top-level list it holds.
FILES: dict[str, tuple[str, type]] = {
    "sources": ("sources.yaml", Source),
    "figures": ("figures.yaml", Figure),
    "categories": ("categories.yaml", Category),
    "benefits": ("benefits.yaml", Benefit),
    "scripts": ("scripts.yaml", Script),
    "checklists": ("checklists.yaml", Checklist),
    "alternatives": ("alternatives.yaml", Alternative),
}
