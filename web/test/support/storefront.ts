import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { seedCatalogue } from "@storefront/catalogue";
import { startPlatform, type Platform, type PlatformOptions } from "@storefront/e2e";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";
import { startWebServer, type RunningWebServer } from "../../serve";
import { webClientsFile } from "./keys";

/** Debian's Chromium (`apt-get install -y chromium`); CHROMIUM_PATH points elsewhere. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 375, height: 812 };
export const SCREENSHOTS = path.resolve(import.meta.dirname, "../../test-results/screenshots");

export interface Storefront {
  platform: Platform;
  web: RunningWebServer;
  browser: Browser;
  /** A fresh browser profile (its own localStorage) on the storefront. */
  newPage(viewport?: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }>;
  stop(): Promise<void>;
}

/** Debian's Chromium, headless, as every browser test drives it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-quic",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

/**
 * The whole platform on fresh databases and RabbitMQ, the demo catalogue, the production build
 * served by Vite preview with `/graphql` proxied to the router, and Debian's Chromium.
 * The router knows the `web` client (safelisted to its manifest) from a clients file of this run.
 */
export async function startStorefront(
  options: { platform?: PlatformOptions; mode?: "preview" | "dev" } = {},
): Promise<Storefront> {
  const configDir = mkdtempSync(path.join(tmpdir(), "storefront-router-"));
  const clientsFile = path.join(configDir, "clients.json");
  writeFileSync(clientsFile, JSON.stringify(webClientsFile()));
  const stoppers: (() => Promise<unknown>)[] = [
    () => Promise.resolve(rmSync(configDir, { recursive: true, force: true })),
  ];
  const stop = async () => {
    for (const step of stoppers.reverse()) await step().catch(() => undefined);
  };
  try {
    const platform = await startPlatform({
      ...options.platform,
      routerEnv: { CLIENTS_FILE: clientsFile, ...options.platform?.routerEnv },
    });
    stoppers.push(() => platform.stop());
    const reviewers = [
      await platform.accounts.customer("Robin Reviewer"),
      await platform.accounts.customer("Sam Critic"),
    ];
    await seedCatalogue(platform.catalogue.database.db, { reviewerIds: reviewers.map((r) => r.id) });

    const mode = options.mode ?? "preview";
    const web = await startWebServer({
      port: 0,
      routerUrl: new URL(platform.router.url).origin,
      mode,
      ...(mode === "preview" ? { outDir: inject("webBuildDir") } : {}),
    });
    stoppers.push(() => web.close());
    const browser = await launchChromium();
    stoppers.push(() => browser.close());
    mkdirSync(SCREENSHOTS, { recursive: true });
    return {
      platform,
      web,
      browser,
      async newPage(viewport = DESKTOP) {
        const context = await browser.newContext({ viewport, baseURL: web.url });
        // Generous: CI runs these beside other suites on two cores, and a lazy chunk or a whole
        // platform's worth of subgraph calls can take a while there.
        context.setDefaultTimeout(30_000);
        return { context, page: await context.newPage() };
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
