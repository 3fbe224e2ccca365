import type { Page } from "playwright-core";

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
