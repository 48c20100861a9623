// Reflow problems of the page as it is laid out now (WCAG 1.4.10), for tests/e2e/quality.py:
// elements wider than the viewport, and elements whose content is clipped (overflow hidden or
// clip, or text cut off with an ellipsis). Visually hidden text (1 px boxes) does not count.
() => {
  const viewport = document.documentElement.clientWidth;
  const describe = (element) => {
    let text = element.tagName.toLowerCase();
    if (element.id) text += "#" + element.id;
    if (element.classList.length) text += "." + [...element.classList].join(".");
    const words = (element.textContent || "").trim().replace(/\s+/g, " ").slice(0, 40);
    return words ? `${text} ("${words}")` : text;
  };
  // Not shown: display none, inside a closed <details> (content-visibility), or 1 px.
  const hidden = (element) => {
    if (!element.checkVisibility({ visibilityProperty: true })) return true;
    const box = element.getBoundingClientRect();
    return box.width <= 1 || box.height <= 1;
  };
  const problems = [];
  const pageWidth = document.documentElement.scrollWidth;
  if (pageWidth > viewport + 1) {
    problems.push(`the page scrolls sideways: ${pageWidth}px wide in a ${viewport}px viewport`);
  }
  for (const element of document.body.querySelectorAll("*")) {
    if (hidden(element)) continue;
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    if (style.position !== "fixed" && box.right > viewport + 1 && box.width > 0) {
      const right = Math.round(box.right);
      problems.push(`${describe(element)} reaches ${right}px, past the ${viewport}px viewport`);
      continue;
    }
    const clips = ["hidden", "clip"].includes(style.overflowX) || style.textOverflow === "ellipsis";
    const scrolls = ["auto", "scroll"].includes(style.overflowX);
    if (clips && !scrolls && element.scrollWidth > element.clientWidth + 1) {
      const sizes = `${element.scrollWidth}px in ${element.clientWidth}px`;
      problems.push(`${describe(element)} cuts off its content (${sizes})`);
    }
  }
  return [...new Set(problems)].slice(0, 20);
}
