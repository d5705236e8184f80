import { css } from 'lit';

/**
 * A quiet, readable letter that takes the host page's font and text colour, fits any
 * width from 320 px, and exposes custom properties for the few things a site themes.
 */
export const styles = css`
  :host {
    display: block;
    max-width: var(--open-letter-max-width, 42rem);
    font: inherit;
    color: inherit;
    line-height: 1.6;
    overflow-wrap: anywhere;
  }

  :host([hidden]) {
    display: none;
  }

  article {
    box-sizing: border-box;
    padding: var(--open-letter-spacing, 1rem);
    border: var(--open-letter-border, 1px solid #767676);
    border-radius: 0.25rem;
    background: var(--open-letter-background, transparent);
  }

  :is(h1, h2, h3, h4, h5, h6) {
    line-height: 1.25;
    margin: calc(var(--open-letter-spacing, 1rem) * 1.5) 0 calc(var(--open-letter-spacing, 1rem) * 0.5);
  }

  header > :first-child,
  #title {
    margin-top: 0;
  }

  #title {
    font-size: 1.5em;
  }

  #title:focus {
    outline: none;
  }

  #title:focus-visible {
    outline: 2px solid currentColor;
    outline-offset: 2px;
  }

  section :is(h1, h2, h3, h4, h5, h6) {
    font-size: 1.1em;
  }

  p {
    margin: 0 0 calc(var(--open-letter-spacing, 1rem) * 0.75);
  }

  .meta {
    font-size: 0.95em;
  }

  .translation-note {
    font-style: italic;
  }

  .summary {
    font-size: 1.1em;
  }

  .demands {
    margin: 0 0 var(--open-letter-spacing, 1rem);
    padding-inline-start: 2em;
    border-inline-start: 4px solid var(--open-letter-accent, #1d4ed8);
  }

  .demands li + li,
  .sources li + li {
    margin-top: 0.5em;
  }

  .signatories,
  .sources {
    margin: 0;
    padding-inline-start: 1.25em;
  }

  .name {
    font-weight: 600;
  }

  a {
    color: var(--open-letter-link-color, inherit);
    text-decoration-thickness: 1px;
    text-underline-offset: 0.15em;
  }

  a:hover {
    text-decoration-thickness: 2px;
  }

  a:focus-visible,
  button:focus-visible {
    outline: 3px solid currentColor;
    outline-offset: 2px;
  }

  .language-switch {
    display: flex;
    flex-wrap: wrap;
    justify-content: flex-end;
    gap: 0.5rem;
    margin-bottom: 0.5rem;
  }

  button {
    font: inherit;
    min-height: 2.75rem;
    min-width: 2.75rem;
    padding: 0.25rem 0.75rem;
    color: inherit;
    background: transparent;
    border: 1px solid currentColor;
    border-radius: 0.25rem;
    cursor: pointer;
  }

  /* Pressed is shown by weight and underline too, never by colour alone. */
  button[aria-pressed='true'] {
    font-weight: 700;
    text-decoration: underline;
    text-underline-offset: 0.2em;
    box-shadow: inset 0 -3px 0 var(--open-letter-accent, #1d4ed8);
  }

  .error {
    margin-top: 0.5rem;
  }

  .disclosure {
    margin-top: 0.75rem;
  }

  button[aria-disabled='true'] {
    cursor: progress;
  }

  .error p {
    margin: 0 0 0.5rem;
    font-weight: 600;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  [hidden] {
    display: none !important;
  }

  @media (forced-colors: active) {
    .demands {
      border-inline-start-color: CanvasText;
    }
    button[aria-pressed='true'] {
      box-shadow: inset 0 -3px 0 Highlight;
    }
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
      overflow-wrap: anywhere;
    }
  }
`;
