import type { BrowserContext, Page } from 'playwright-core';
import type { E2eServer } from './server.ts';

/** A back-office page and the errors the browser reported on it (a test ends expecting none). */
export interface BackOfficePage {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/**
 * A desktop page in a browser far from Vietnam (en-US, New York): dates and times must still be
 * shown in Asia/Ho_Chi_Minh. Script errors and console errors are collected, except the line the
 * browser logs by itself for every non-2xx response (error tests cause those on purpose). The
 * context is signed in as a system administrator: every back-office API call needs a staff session.
 */
export async function openBackOfficePage(
  server: Pick<E2eServer, 'browser' | 'signIn'>,
): Promise<BackOfficePage> {
  const context = await server.browser.newContext({
    locale: 'en-US',
    timezoneId: 'America/New_York',
    viewport: { width: 1280, height: 900 },
  });
  await server.signIn(context);
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(message.text());
    }
  });
  return { context, page, errors };
}
