"""The keyboard alone completes what people come for, with the focus always visible.

Each journey uses only the keyboard (Tab, Shift+Tab, Enter, Space, the arrow keys, and typing),
from the address the reader starts at to where they meant to be. Every element the focus lands
on along the way must show that it has it: its outline or shadow (or one of its nearest
ancestors', as a card's) must differ from when it has not.
"""

import re
from urllib.parse import urlsplit

from django.utils import translation
from django.utils.translation import gettext

import pytest

from tests.e2e.page_types import MEMBER_PASSWORD, MEMBER_USERNAME, build_page_types

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
LAPTOP = {"width": 1280, "height": 900}

# The focused element, and whether the focus shows: its own and its three nearest ancestors'
# outline and box-shadow with the focus and without it (focus is taken away and given back,
# which keeps :focus-visible after keyboard use).
_FOCUS = """
(element) => {
  if (!element || element === document.body || element === document.documentElement) {
    return {describe: "nothing (the page itself)", visible: false, focusVisible: false};
  }
  const chain = [];
  for (let node = element; node && node !== document.body && chain.length < 4;
       node = node.parentElement) chain.push(node);
  const indicator = (node) => {
    const style = getComputedStyle(node);
    const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0
      ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : "";
    const shadow = style.boxShadow !== "none" ? style.boxShadow : "";
    return outline + "|" + shadow;
  };
  element.blur();
  const without = chain.map(indicator);
  element.focus();
  const withFocus = chain.map(indicator);
  const visible = chain.some((node, i) => withFocus[i] !== without[i] && withFocus[i] !== "|");
  let describe = element.tagName.toLowerCase();
  if (element.id) describe += "#" + element.id;
  if (element.classList.length) describe += "." + [...element.classList].join(".");
  const text = (element.innerText || element.value || "").trim().replace(/\\s+/g, " ");
  return {
    describe: describe + (text ? ` ("${text.slice(0, 40)}")` : ""),
    visible,
    focusVisible: element.matches(":focus-visible"),
    tag: element.tagName.toLowerCase(),
    id: element.id,
    text,
    href: element.getAttribute("href") || "",
    classes: [...element.classList],
  };
}
"""


class Keyboard:
    """A reader with a keyboard: presses keys, and checks every focus stop is visible."""

    def __init__(self, page):
        self.page = page
        self.stops: list[str] = []

    def focused(self) -> dict:
        handle = self.page.evaluate_handle("document.activeElement")
        info = handle.evaluate(_FOCUS)
        assert info["visible"] and info["focusVisible"], (
            f"the focus on {info['describe']} at {self.page.url} is not visible"
        )
        self.stops.append(info["describe"])
        return info

    def press(self, key: str) -> dict:
        self.page.keyboard.press(key)
        return self.focused()

    def tab_to(self, wanted, *, backwards: bool = False, limit: int = 80) -> dict:
        """Tab (or Shift+Tab) until `wanted(info)` is true for the focused element."""
        key = "Shift+Tab" if backwards else "Tab"
        for _ in range(limit):
            info = self.press(key)
            if wanted(info):
                return info
        raise AssertionError(f"{limit} × {key} never reached it; stops: {self.stops[-limit:]}")

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)

    def enter_and_wait(self, key: str = "Enter") -> None:
        with self.page.expect_navigation():
            self.page.keyboard.press(key)
        self.page.wait_for_load_state()


def text_is(label: str):
    return lambda info: info["text"] == label


def has_id(element_id: str):
    return lambda info: info["id"] == element_id


@pytest.fixture
def page_set(site_home):
    return build_page_types(site_home)


@pytest.fixture
def keyboard(chromium_browser):
    """A fresh browser tab of its own (no cookies), laptop-sized unless a test resizes it."""
    context = chromium_browser.new_context(
        viewport=LAPTOP, locale="nb-NO", timezone_id="Europe/Oslo"
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield Keyboard(page)
    context.close()


def nb(message: str) -> str:
    with translation.override("nb"):
        return gettext(message)


def test_search_and_open_a_result(live_server, page_set, keyboard):
    page = keyboard.page
    page.goto(live_server.url + page_set.urls["nb"]["home"])
    skip = keyboard.press("Tab")
    assert skip["classes"] == ["ds-skip-link"]
    keyboard.tab_to(has_id("site-search-q"))
    keyboard.type("likestilling")
    keyboard.enter_and_wait()
    assert "/nb/sok/?q=likestilling" in page.url

    keyboard.tab_to(lambda info: info["text"].startswith("8. mars: Likestilling"))
    keyboard.enter_and_wait()
    assert page.url == live_server.url + page_set.urls["nb"]["campaign pack"]
    assert page.locator("h1").inner_text() == "8. mars: Likestilling er ikke ferdig"


def test_choose_a_search_suggestion_with_the_arrow_keys_to_open_its_page(
    live_server, page_set, keyboard
):
    page = keyboard.page
    page.goto(f"{live_server.url}/nb/sok/")
    keyboard.tab_to(has_id("search-q"))
    keyboard.type("Styrek")
    options = page.locator("#search-q ~ u-datalist u-option")
    options.first.wait_for()
    field = page.locator("#search-q")
    assert field.get_attribute("aria-expanded") == "true"
    # The reader wants the course, in their own written standard.
    texts = [option.inner_text() for option in options.all()]
    wanted = next(i for i, text in enumerate(texts) if text.startswith("Styrekurs for lokallag"))
    assert options.nth(wanted).get_attribute("lang") == "nb"

    look = "(o) => getComputedStyle(o).boxShadow + getComputedStyle(o).outline"
    for position in range(wanted + 1):
        option = options.nth(position)
        before = option.evaluate(look)
        page.keyboard.press("ArrowDown")
        assert option.get_attribute("aria-selected") == "true"
        assert field.get_attribute("aria-activedescendant") == option.get_attribute("id")
        assert option.evaluate(look) != before, "the chosen suggestion does not look chosen"
        assert field.evaluate("(f) => f === document.activeElement")
    assert options.nth(wanted).inner_text().startswith("Styrekurs for lokallag")

    keyboard.enter_and_wait()
    assert page.url == live_server.url + page_set.urls["nb"]["training package"]


def test_filter_the_catalogue_on_a_phone(live_server, page_set, keyboard):
    page = keyboard.page
    page.set_viewport_size(PHONE)
    page.goto(live_server.url + page_set.urls["nb"]["training catalogue"])
    toggle = keyboard.tab_to(lambda info: "catalogue-filters__toggle" in info["classes"])
    assert toggle["text"] == nb("Filter")
    assert page.locator(".catalogue-filters").is_hidden()
    keyboard.press("Space")
    assert page.locator(".catalogue-filters").is_visible()

    chip = keyboard.tab_to(lambda info: "ds-chip" in info["classes"])
    keyboard.enter_and_wait()
    assert re.search(r"\?\w+=", page.url), page.url
    chosen = page.locator('.catalogue-filters a.ds-chip[aria-current="true"]')
    assert chosen.count() == 1 and chosen.get_attribute("href") != chip["href"]
    assert page.locator(".catalogue__results .ds-card").count() >= 1
    assert "(1" in page.locator(".catalogue-filters__toggle").inner_text()


def test_download_a_pack(live_server, page_set, keyboard):
    page = keyboard.page
    page.goto(live_server.url + page_set.urls["nb"]["campaign pack"])
    keyboard.tab_to(text_is(nb("Download the whole pack")))
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename.endswith(".zip")


def log_in_with_the_keyboard(keyboard, live_server, start: str) -> None:
    page = keyboard.page
    page.goto(live_server.url + start)
    if "/nb/logg-inn/" not in page.url:  # a members' page sends the reader there itself
        if page.viewport_size["width"] < 1024:
            keyboard.tab_to(lambda info: "site-header__toggle--menu" in info["classes"])
            keyboard.press("Enter")
        keyboard.tab_to(lambda info: "account-menu__login" in info["classes"])
        keyboard.enter_and_wait()
        assert "/nb/logg-inn/" in page.url
    keyboard.tab_to(has_id("id_username"))
    keyboard.type(MEMBER_USERNAME)
    keyboard.press("Tab")
    keyboard.type(MEMBER_PASSWORD)
    keyboard.enter_and_wait()


def test_log_in_and_out_on_a_phone(live_server, page_set, keyboard):
    page = keyboard.page
    page.set_viewport_size(PHONE)
    start = page_set.urls["nb"]["handbook"]
    log_in_with_the_keyboard(keyboard, live_server, start)
    assert page.url == live_server.url + start  # back where they were
    logged_in = nb("Logged in as %(name)s") % {"name": MEMBER_USERNAME}
    keyboard.tab_to(lambda info: "site-header__toggle--menu" in info["classes"])
    keyboard.press("Enter")
    assert page.locator(".account-menu__name").inner_text() == logged_in

    keyboard.tab_to(text_is(nb("Log out")))
    keyboard.enter_and_wait()
    keyboard.tab_to(lambda info: "site-header__toggle--menu" in info["classes"])
    keyboard.press("Enter")
    assert page.locator(".account-menu__login").is_visible()
    assert page.locator(".account-menu__name").count() == 0


def test_send_in_a_success_story(live_server, page_set, keyboard):
    page = keyboard.page
    form = page_set.story_form["nb"]
    log_in_with_the_keyboard(keyboard, live_server, form)
    assert page.url == live_server.url + form

    # Sent empty: the error summary at the top leads to the first field.
    keyboard.tab_to(text_is(nb("Send the story")))
    keyboard.enter_and_wait()
    assert page.locator(".ds-error-summary").is_visible()
    keyboard.tab_to(lambda info: info["href"] == "#id_title")
    page.keyboard.press("Enter")
    assert keyboard.focused()["id"] == "id_title"

    keyboard.type("Stand hver lørdag i et år")
    keyboard.tab_to(has_id("id_county"))
    keyboard.press("ArrowDown")
    assert page.locator("#id_county").evaluate("(select) => select.selectedIndex") == 1
    keyboard.press("Tab")
    keyboard.type("Vi sto på torget hver lørdag.")
    keyboard.press("Tab")
    keyboard.type("Førti nye medlemmer.")
    keyboard.press("Tab")
    keyboard.type("Vi delte ut kaffe og snakket med folk.")
    keyboard.tab_to(text_is(nb("Send the story")))
    keyboard.enter_and_wait()
    assert urlsplit(page.url).path.endswith("/send-inn/takk/"), page.url
    assert page.locator("h1").inner_text() == nb("Thank you for your story")


def test_the_focus_check_notices_a_focus_that_does_not_show(keyboard):
    keyboard.page.set_content(
        "<style>a:focus-visible { outline: 2px solid red } .bare:focus { outline: none }</style>"
        "<a href='#a'>Synlig fokus</a> <a class='bare' href='#b'>Usynlig fokus</a>"
    )
    assert keyboard.press("Tab")["text"] == "Synlig fokus"
    with pytest.raises(AssertionError, match="is not visible"):
        keyboard.press("Tab")
