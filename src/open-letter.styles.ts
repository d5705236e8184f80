import { css } from 'lit';

/**
 * A quiet, readable letter that takes the host page's font and text colour (both inherit
 * through the shadow root by default), fits any width from 320 px, and exposes custom
 * properties for the few things a site themes.
 */
export const styles = css`
  :host {
    /* Private shorthands for the public custom properties and their defaults. */
    --_space: var(--open-letter-spacing, 1rem);
    /* light-dark() follows the page's color-scheme: a page (or this element) that sets
       color-scheme: light dark follows the reader's preference, others stay light. */
    --_accent: var(--open-letter-accent, light-dark(#1d4ed8, #8ab4f8));
    display: block;
    max-width: var(--open-letter-max-width, 42rem);
    line-height: 1.6;
    overflow-wrap: anywhere;
  }

  :host([hidden]),
  [hidden] {
    display: none !important;
  }

  article {
    padding: var(--_space);
    border: var(--open-letter-border, 1px solid #767676);
    border-radius: 0.25rem;
    background: var(--open-letter-background, transparent);
  }

  :is(h1, h2, h3, h4, h5, h6) {
    line-height: 1.25;
    margin: calc(var(--_space) * 1.5) 0 calc(var(--_space) / 2);
    font-size: 1.1em;
  }

  #title {
    margin-top: 0;
    font-size: 1.5em;
    outline: none;
  }

  p {
    margin: 0 0 calc(var(--_space) * 0.75);
  }

  .translation-note {
    font-style: italic;
  }

  ol,
  ul {
    margin: 0;
    padding-inline-start: 1.5em;
  }

  li + li {
    margin-top: 0.4em;
  }

  .demands {
    margin-bottom: var(--_space);
    padding-inline-start: 2em;
    border-inline-start: 4px solid var(--_accent);
  }

  .name {
    font-weight: 600;
  }

  /* The own party: bold throughout and named in words, never by colour alone. */
  .highlighted {
    font-weight: 700;
  }

  a {
    color: var(--open-letter-link-color, inherit);
    text-underline-offset: 0.15em;
  }

  :focus-visible {
    outline: 3px solid currentColor;
    outline-offset: 2px;
  }

  .language-switch {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
  }

  button {
    font: inherit;
    min-height: 2.75rem;
    min-width: 2.75rem;
    margin-top: 0.5rem;
    padding: 0.25rem 0.75rem;
    color: inherit;
    background: none;
    border: 1px solid;
    border-radius: 0.25rem;
    cursor: pointer;
  }

  /* Pressed is shown by weight and underline too, never by colour alone; in forced-colours
     mode, where the browser drops the shadow and recolours borders, those remain. */
  [aria-pressed='true'] {
    font-weight: 700;
    text-decoration: underline;
    box-shadow: inset 0 -3px var(--_accent);
  }

  .error p {
    margin: 0.5rem 0 0;
    font-weight: 600;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media print {
    article {
      border: none;
      padding: 0;
    }
    .language-switch {
      display: none;
    }
    a[href]::after {
      content: ' <' attr(href) '>';
    }
  }
`;
