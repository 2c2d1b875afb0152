"""The parties' palette: which colour a party gets when it first appears.

Apart from `series` (numpy) so that the store can give colours on every write without
loading numpy into the command line.
"""

from __future__ import annotations

from collections.abc import Sequence

# Okabe & Ito (2008), a palette people with any common colour-vision deficiency can tell
# apart. Ordered so that the first colours read well on light and on dark backgrounds;
# yellow and black, unreadable on one of the two, come last.
PARTY_COLORS = (
    "#0072B2",  # blue
    "#D55E00",  # vermillion
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#E69F00",  # orange
    "#56B4E9",  # sky blue
    "#F0E442",  # yellow
    "#000000",  # black
)


def party_palette(
    stored: dict[str, str | None], palette: Sequence[str] = PARTY_COLORS
) -> dict[str, str]:
    """Every party's colour, in order of appearance: a stored colour is kept; a party
    without one gets the first palette colour no party uses yet (the least used, once all
    are taken)."""
    colors = {name: color for name, color in stored.items() if color}
    for name, color in stored.items():
        if not color:
            used = list(colors.values())
            colors[name] = min(palette, key=lambda c: (used.count(c), palette.index(c)))
    return {name: colors[name] for name in stored}
