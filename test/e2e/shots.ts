import type { Page } from '@playwright/test';
import { join } from 'node:path';

/**
 * A picture of the page for a person to look at (test-results/accountability, never docs/), taken
 * once dialogs have finished opening, validation messages moving and the top messages closing.
 */
export async function shoot(page: Page, fileName: string, fullPage = false): Promise<void> {
  await page.waitForTimeout(350);
  await page
    .waitForFunction("document.getAnimations().every((a) => a.playState !== 'running')", undefined, { timeout: 3000 })
    .catch(() => undefined);
  await page
    .locator('.ant-message-notice')
    .first()
    .waitFor({ state: 'hidden', timeout: 9000 })
    .catch(() => undefined);
  await page.screenshot({ path: join('test-results', 'accountability', fileName), fullPage });
}
