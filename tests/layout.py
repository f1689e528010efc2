"""Layout checks run in the page (shared by the e2e tests): what lies outside the
viewport's width, what scrolls sideways, which text is too small or overlaps."""

from __future__ import annotations

# Elements under the roots that stick out of the viewport's width, and boxes that
# scroll (or clip) content sideways. Hidden elements (no box) are skipped.
OUTSIDE_WIDTH = """roots => {
  const width = document.documentElement.clientWidth;
  const classes = (el) => typeof el.className === "string" && el.className.trim()
    ? "." + el.className.trim().split(/\\s+/).join(".") : "";
  const text = (el) => el.textContent.trim().slice(0, 30);
  const name = (el) => `${el.tagName.toLowerCase()}${classes(el)} "${text(el)}"`;
  const problems = [];
  let checked = 0;
  for (const root of document.querySelectorAll(roots)) {
    for (const el of [root, ...root.querySelectorAll("*")]) {
      const box = el.getBoundingClientRect();
      if (!box.width && !box.height) continue;
      checked += 1;
      if (box.left < -0.5 || box.right > width + 0.5) {
        problems.push(`${name(el)}: ${Math.round(box.left)}..${Math.round(box.right)} of ${width}`);
      }
      // A screen-reader-only text is clipped to one pixel on purpose.
      const readerOnly = box.width <= 1 && box.height <= 1;
      const style = getComputedStyle(el);
      if (!readerOnly && style.overflowX !== "visible" && el.scrollWidth > el.clientWidth + 1) {
        problems.push(`${name(el)} scrolls sideways: ${el.scrollWidth} in ${el.clientWidth}`);
      }
    }
  }
  const page = document.documentElement.scrollWidth;
  if (page > width) problems.push(`the page is ${page} px wide in ${width}`);
  return { checked, problems };
}"""

# Every piece of text under the root: too small (below min px) or overlapping another.
TEXT_CLASHES = """([root, min]) => {
  const pieces = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim()) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    const rects = [...range.getClientRects()].filter((r) => r.width && r.height);
    if (!rects.length) continue;
    const size = parseFloat(getComputedStyle(node.parentElement).fontSize);
    pieces.push({ text: node.textContent.trim().slice(0, 20), size, rects });
  }
  const problems = pieces.filter((p) => p.size < min).map((p) => `${p.text}: ${p.size}px`);
  const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5
    && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
  const clash = (p, q) => p.rects.some((a) => q.rects.some((b) => overlap(a, b)));
  pieces.forEach((p, i) => pieces.slice(i + 1).forEach((q) => {
    if (clash(p, q)) problems.push(`${p.text} / ${q.text}`);
  }));
  return { pieces: pieces.length, problems };
}"""


def outside_width(page, roots: str) -> list[str]:
    """Problems under the elements matching ``roots``; fails if nothing was checked."""
    found = page.evaluate(OUTSIDE_WIDTH, roots)
    assert found["checked"] > 0, f"nothing visible under {roots}"
    return found["problems"]


def text_clashes(page, selector: str, min_px: float = 12) -> list[str]:
    problems = []
    for root in page.locator(selector).element_handles():
        found = page.evaluate(TEXT_CLASHES, [root, min_px])
        assert found["pieces"] > 0
        problems += found["problems"]
    return problems
