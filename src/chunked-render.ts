/**
 * Rendering a long letter a part per task, so the page keeps responding: the template
 * takes items in reading order from a `RenderBudget`, and `ChunkedRenderController`
 * gives the next render a larger budget, a task later, until everything is shown.
 * A letter of ordinary length fits the first budget and renders at once.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What rendering a list item costs beside its text: enough that thousands of one-letter items are split too. */
const ITEM_COST = 40;

/** Characters of text (plus ITEM_COST per item) a task renders: a whole ordinary letter at once. */
export const CHARACTERS_PER_TASK = 20_000;

/**
 * Counts what one render may still show. The first item is always shown, so every
 * render makes progress.
 */
export class RenderBudget {
  #left: number;
  #takenAny = false;
  /** Whether some item did not fit. */
  cut = false;

  constructor(characters = Infinity) {
    this.#left = characters;
  }

  take(text: string): boolean {
    if (this.cut || (this.#takenAny && this.#left < text.length + ITEM_COST)) {
      this.cut = true;
      return false;
    }
    this.#takenAny = true;
    this.#left -= text.length + ITEM_COST;
    return true;
  }
}

export class ChunkedRenderController implements ReactiveController {
  #allowance = CHARACTERS_PER_TASK;
  #budget?: RenderBudget;
  #timer?: ReturnType<typeof setTimeout>;
  /** Removed from the page while still growing. */
  #stopped = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Whether a later render, a task from now, will show more. */
  get growing(): boolean {
    return this.#timer !== undefined;
  }

  /** The budget for the render that is about to run. */
  next(): RenderBudget {
    return (this.#budget = new RenderBudget(this.#allowance));
  }

  /** Start over with one task's worth, e.g. for another campaign or another language. */
  reset(): void {
    this.#allowance = CHARACTERS_PER_TASK;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  hostUpdated(): void {
    // Only the render that just used a budget counts: a render without the letter has none.
    const budget = this.#budget;
    this.#budget = undefined;
    if (!budget?.cut || this.#timer) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#allowance += CHARACTERS_PER_TASK;
      this.host.requestUpdate();
    });
  }

  hostConnected(): void {
    // Moved in the page while it was growing: carry on.
    if (this.#stopped) this.host.requestUpdate();
    this.#stopped = false;
  }

  hostDisconnected(): void {
    this.#stopped = this.#timer !== undefined;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
