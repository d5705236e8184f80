// Browser side of the runner commands in test/browser-commands.mjs: the ones that work in
// Chromium, Firefox and WebKit alike, where the stock ones do not.
import { executeServerCommand } from '@web/test-runner-commands';

/**
 * Sets the size of the page's viewport. MiniBrowser (WebKit) will not go below about
 * 447 px wide: for a narrower viewport use a frame (`openPage` with a size).
 */
export async function setViewport(size: { width: number; height: number }): Promise<void> {
  await executeServerCommand('viewport-size', size);
}

/** Presses keys together and lets them go in reverse order: `pressKeys('Shift', 'Tab')`. */
export async function pressKeys(...keys: string[]): Promise<void> {
  await executeServerCommand('press-keys', { keys });
}

export interface RoleAndName {
  role: string;
  name: string;
}

/**
 * The role and accessible name the engine gives each element, as a screen reader gets
 * them: WebDriver's computed role and label in WebKit, the accessibility tree in
 * Chromium. Firefox runs over WebDriver BiDi here, which offers neither: it throws there.
 */
export async function rolesAndNames(elements: Element[]): Promise<RoleAndName[]> {
  const targets = window as unknown as { __computedAccessibilityTargets?: Element[] };
  targets.__computedAccessibilityTargets = elements;
  try {
    return await executeServerCommand<RoleAndName[], undefined>('computed-accessibility');
  } finally {
    delete targets.__computedAccessibilityTargets;
  }
}
