import { expect } from "vitest";
import type { BrowserContext, Page } from "playwright-core";

/**
 * Console errors and uncaught exceptions of a page, for a test to assert there were none (React
 * and Apollo report broken renders and cache problems there).
 */
export function watchForPageErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`uncaught: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  return problems;
}

/** Wider content than the viewport means sideways scrolling on a phone. */
export async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/**
 * The innermost elements (and elements whose own text) reach past the viewport's right edge,
 * each as its path from `main`/`header` with its right edge, e.g.
 * `main > section.page > ul.product-grid > li > article.product-card > h3: right edge 377.2px`.
 * Elements inside something that clips them (overflow other than visible) are not counted.
 */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const past = (right: number) => right > width + 0.5;
    const describe = (element: Element) => {
      const classes = [...element.classList].map((name) => `.${name}`).join("");
      return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${classes}`;
    };
    const pathOf = (element: Element) => {
      const steps: string[] = [];
      for (let at: Element | null = element; at && at !== document.body; at = at.parentElement) {
        if (at.id === "root") break;
        steps.unshift(describe(at));
      }
      return steps.join(" > ");
    };
    const clipped = (element: Element) => {
      for (let at = element.parentElement; at && at !== document.body; at = at.parentElement) {
        if (getComputedStyle(at).overflowX !== "visible" && !past(at.getBoundingClientRect().right)) {
          return true;
        }
      }
      return false;
    };
    const visible = (element: Element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 || box.height > 0;
    };
    const found = new Map<Element, number>();
    for (const element of document.body.querySelectorAll("*")) {
      if (!visible(element) || clipped(element)) continue;
      const right = element.getBoundingClientRect().right;
      const overflowingChild = [...element.children].some(
        (child) => visible(child) && past(child.getBoundingClientRect().right),
      );
      if (past(right) && !overflowingChild) found.set(element, right);
      // Text wider than its box (a long word that does not wrap) overflows without its box doing so,
      // unless the box clips it (as visually hidden text is).
      if (getComputedStyle(element).overflowX !== "visible") continue;
      for (const node of element.childNodes) {
        if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        const textRight = range.getBoundingClientRect().right;
        if (past(textRight)) found.set(element, Math.max(textRight, found.get(element) ?? 0));
      }
    }
    return [...found].map(([element, right]) => {
      const text = (element.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      return `${pathOf(element)}${text ? ` “${text}”` : ""}: right edge ${right.toFixed(1)}px (viewport ${width}px)`;
    });
  });
}

/**
 * Fails the test naming the elements that stick out when the page is wider than the viewport. The
 * test goes on (a soft assertion), so one run reports every page that does not fit.
 */
export async function expectFitsScreen(page: Page, what: string): Promise<void> {
  const overflow = await horizontalOverflow(page);
  const culprits = overflow > 0 ? await overflowingElements(page) : [];
  expect
    .soft(
      overflow,
      `${what} is ${overflow}px wider than the screen:\n  ${culprits.join("\n  ") || "(no element found)"}`,
    )
    .toBeLessThanOrEqual(0);
}

/**
 * Every page of the context in a wide fallback font, as on a machine without the fonts the
 * stylesheet asks for: a layout that fits only with narrow fonts fails with this.
 */
export async function useWideFallbackFont(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const style = () => {
      const sheet = document.createElement("style");
      sheet.dataset.test = "wide-fallback-font";
      sheet.textContent = `* { font-family: "DejaVu Sans Mono", monospace !important; letter-spacing: 0.05em !important; }`;
      document.head.append(sheet);
    };
    if (document.head) style();
    else document.addEventListener("DOMContentLoaded", style, { once: true });
  });
}
