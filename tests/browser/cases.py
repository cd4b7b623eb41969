"""One page of the accessibility harness (tests/browser/test_accessibility.py)."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PageCase:
    name: str
    path: str  # "{org}" stands for the slug of an organisation in Nivala (535)
    user: str | None = None
    status: int = 200
    # Fill these fields (CSS selector → value) and submit the form in <main> ...
    submit: dict[str, str] = field(default_factory=dict)
    # ... and expect this status and this element on the page that answers.
    expect_status: int | None = None
    expect_element: str | None = None
