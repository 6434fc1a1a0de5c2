"""Regional price levels: BEA's Regional Price Parities (RPPs) for every state and DC.

An RPP is a place's price level for everything a household buys (rents included) as a
percentage of the national level: 112.6 means prices 12.6% above the US average. The
comparison divides an offer's after-tax money by its place's price level / 100 to say
what it buys there (its *purchasing power*).

Where the figures come from: U.S. Bureau of Economic Analysis, table SARPP ("RPPs: All
items"), the release of December 12, 2024, which covers 2023. BEA publishes each value
to three decimals in its data files and to one decimal in its tables; these are BEA's
values rounded to one decimal, as BEA's tables show them. Checked against BEA's release
page, which names California 112.6, New Jersey 108.9, Hawaii 108.6, the District of
Columbia 110.8, Arkansas 86.5, Mississippi 87.3 and South Dakota 88.1. A later release
(the 2024 figures) exists but could not be confirmed here, figure by figure, so it is
not used: a reader who knows a newer or a more local figure (a city, a metro area)
enters it as the offer's ``price_level``. Metropolitan areas are not listed for the
same reason.

One source of truth. The engine runs in the reader's browser and reads no files there,
so the figures it uses live here, in code. Every page states figures from
``content/figures.yaml`` (each with its source and date), so the same figures are
declared there too, one per state (ids ``bea-rpp-2023-xx``, see :func:`figure_id`);
``tests/calculators/test_comparison_after_tax.py`` fails unless the two lists hold
exactly the same states and values, and the same release date and source. To update:
change both, the test says where they differ.

>>> price_level("CA"), price_level("AR"), price_level(None)
(Decimal('112.6'), Decimal('86.5'), None)
>>> figure_id("DC")
'bea-rpp-2023-dc'
"""

from __future__ import annotations

from decimal import Decimal

__all__ = ["AS_OF", "RELEASED", "SOURCE", "SOURCE_ID", "STATE_PRICE_LEVELS", "YEAR",
           "figure_id", "price_level"]

SOURCE = ("U.S. Bureau of Economic Analysis, Regional Price Parities by state, table SARPP "
          "(RPPs: all items), 2023, released December 12, 2024")
SOURCE_ID = "bea-rpp"  # the source's id in content/sources.yaml
YEAR = 2023  # the year the parities describe
AS_OF = "2023-12-31"  # the date content/figures.yaml gives them (the end of that year)
RELEASED = "2024-12-12"

# US = 100; the 50 states and the District of Columbia, by postal code.
STATE_PRICE_LEVELS: dict[str, Decimal] = {code: Decimal(value) for code, value in (
    ("AL", "90.0"), ("AK", "101.7"), ("AZ", "101.1"), ("AR", "86.5"), ("CA", "112.6"),
    ("CO", "101.4"), ("CT", "103.7"), ("DE", "99.3"), ("DC", "110.8"), ("FL", "103.5"),
    ("GA", "96.7"), ("HI", "108.6"), ("ID", "91.4"), ("IL", "98.9"), ("IN", "92.2"),
    ("IA", "88.8"), ("KS", "90.0"), ("KY", "90.5"), ("LA", "88.3"), ("ME", "97.1"),
    ("MD", "104.0"), ("MA", "108.2"), ("MI", "94.2"), ("MN", "98.4"), ("MS", "87.3"),
    ("MO", "91.8"), ("MT", "90.2"), ("NE", "90.4"), ("NV", "97.0"), ("NH", "105.3"),
    ("NJ", "108.9"), ("NM", "90.4"), ("NY", "107.6"), ("NC", "94.1"), ("ND", "88.6"),
    ("OH", "91.8"), ("OK", "88.3"), ("OR", "104.7"), ("PA", "97.5"), ("RI", "101.4"),
    ("SC", "93.2"), ("SD", "88.1"), ("TN", "92.5"), ("TX", "97.2"), ("UT", "95.0"),
    ("VT", "96.6"), ("VA", "100.7"), ("WA", "108.6"), ("WV", "89.8"), ("WI", "93.1"),
    ("WY", "90.8"),
)}


def price_level(state: str | None) -> Decimal | None:
    """The state's price level (US = 100); ``None`` for no state or one without a figure."""
    return STATE_PRICE_LEVELS.get(state) if state is not None else None


def figure_id(state: str) -> str:
    """The id of the state's price level in ``content/figures.yaml``."""
    return f"bea-rpp-{YEAR}-{state.lower()}"
