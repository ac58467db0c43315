"""HTML and Markdown links from other tools' timelines, turned into safe plain text."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from museum_app.formats.checks import Checker, PackError

# Elements after which the text goes on on a new line.
_BLOCKS = frozenset(("p", "div", "br", "li", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5",
                     "h6", "tr", "table", "section", "article", "header", "footer", "figure",
                     "figcaption", "pre", "hr", "dt", "dd"))  # fmt: skip
# Elements whose content is never text a person reads.
_HIDDEN = frozenset(("script", "style", "template", "head", "title", "iframe", "object", "embed",
                     "svg", "math"))  # fmt: skip
_MARKDOWN_LINK = re.compile(r"\[([^\[\]\n]{1,500})\]\((https?://[^\s()<>\"]{1,1900})\)")
# Characters a pack's text may not hold: controls (but a line feed), separators, bidi controls.
_UNSAFE = re.compile(
    r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff\ud800-\udfff]"
)
_CHECK = Checker(Path("link"), "")  # the pack's own rule for links, to keep only what it passes


def web_link(text: str) -> str | None:
    """Return text as a link if a pack may hold it (http or https, nothing that breaks out)."""
    try:
        return _CHECK.link(text.strip(), "link")
    except PackError:
        return None


class _Text(HTMLParser):
    """Collects the readable text of HTML, with each link written after its words."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []
        self._hidden = 0
        self._href: list[tuple[str | None, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """Open an element: hide its text, break the line or remember its link."""
        if tag in _HIDDEN:
            self._hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")
        elif tag == "a":
            href = dict(attrs).get("href")
            self._href.append((web_link(href) if href else None, len(self.parts)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A self-closed element: only a line break matters."""
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        """Close an element: write a link's address after its words."""
        if tag in _HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")
        elif tag == "a" and self._href:
            href, start = self._href.pop()
            if href:
                self.links.append(href)
                words = "".join(self.parts[start:]).strip()
                if words != href:
                    self.parts.append(f" ({href})" if words else href)

    def handle_data(self, data: str) -> None:
        """Keep text that is not inside a hidden element."""
        if not self._hidden:
            self.parts.append(data)


def plain_text(markup: str) -> tuple[str, list[str]]:
    """Return HTML or Markdown-linked text as plain lines, and the web links it held."""
    parser = _Text()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    links = list(parser.links)

    def markdown(match: re.Match[str]) -> str:
        words, href = match.group(1), web_link(match.group(2))
        if href is None:
            return words
        links.append(href)
        return f"{words} ({href})"

    text = _MARKDOWN_LINK.sub(markdown, text)
    return tidy(text, multiline=True), list(dict.fromkeys(links))


def tidy(text: str, multiline: bool = False) -> str:
    """Take out characters a pack refuses, collapse spaces and blank lines, and trim."""
    text = _UNSAFE.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n").replace("\xa0", " "))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    if not multiline:
        return " ".join(line for line in lines if line)
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip()


def cut(text: str, limit: int) -> str:
    """Shorten text to at most limit characters, marking the cut."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"
