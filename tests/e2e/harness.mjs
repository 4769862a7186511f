// Shared pieces of the page tests: a server on 127.0.0.1, headless Chromium, and watchers for
// console errors and failed requests. Every process started here has a bounded lifetime.
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { pixelStats } from './reader.mjs';

export const ARTIFACTS = resolve(fileURLToPath(import.meta.url), '..', 'artifacts');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Starts the server and a browser; returns { url, browser, close }. `close` stops both and is
 * also called by a watchdog after `maxSeconds`, so nothing outlives a hung test.
 */
export async function startSession({ maxSeconds = 300 } = {}) {
  const { server, url } = await serve(0);
  const { browser, close } = await launchChromium({
    maxSeconds,
    onClose: async () => {
      server.closeAllConnections?.();
      await new Promise((done) => server.close(done));
    },
  });
  return { url, browser, close };
}

/**
 * Starts headless Chromium alone; returns { browser, close }. `close` stops it, then runs
 * `onClose` (stopping servers); a watchdog calls it after `maxSeconds`.
 */
export async function launchChromium({ maxSeconds = 300, onClose = async () => {} } = {}) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    timeout: 60_000,
  });
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    clearTimeout(watchdog);
    await browser.close().catch(() => {});
    await onClose();
  };
  const watchdog = setTimeout(() => {
    console.error(`page tests: watchdog closed the browser and servers after ${maxSeconds} s`);
    close();
  }, maxSeconds * 1000);
  watchdog.unref();
  return { browser, close };
}

/** Opens a page and records console errors, uncaught exceptions and failed requests. */
export async function openPage(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`uncaught exception: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));
  page.on('response', (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  return { page, problems };
}

/** Waits until the page marks itself ready (or failed) on <html data-ready>. */
export async function waitReady(page, timeout = 60_000) {
  await page.waitForFunction(() => document.documentElement.dataset.ready, null, { timeout });
  return page.evaluate(() => document.documentElement.dataset.ready);
}

/** Pixel statistics of a canvas: the number of distinct colours and the luminance spread. */
export function canvasStats(page, selector) {
  return page.evaluate(pixelStats, selector);
}

/** Saves a full-page screenshot under tests/e2e/artifacts/ and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
