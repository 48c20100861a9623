"""One facet type for every filtered listing (the training catalogue, the search page).

A facet is one query parameter with its values; each value knows how many results the
listing would have with it chosen (the other filters kept), the address that chooses
or removes it, and whether it is chosen. ``components/facet.html`` draws one.
"""

from dataclasses import dataclass, field


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    url: str
    selected: bool = False

    @property
    def available(self) -> bool:
        """Worth following: it lists something, or it is the chosen value (which removes it).

        A value that would list nothing is shown as plain text, not as a link to an
        empty page; the chosen value always stays a link so it can be removed.
        """
        return self.selected or self.count > 0


@dataclass
class Facet:
    param: str
    label: str
    values: list[FacetValue] = field(default_factory=list)

    @property
    def selected_values(self) -> list[FacetValue]:
        return [value for value in self.values if value.selected]

    @property
    def active_value(self) -> FacetValue | None:
        return next(iter(self.selected_values), None)
