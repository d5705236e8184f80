// embed.js — makes embed.html a good guest in WordPress's frame (and any host that speaks
// WordPress's post-embed protocol, wp-includes/js/wp-embed.js). WordPress shows the frame
// sandboxed ("allow-scripts": no storage, no top navigation) and clipped to 1 px until the
// frame posts its height with the secret WordPress put in the frame's address
// (#?secret=…); it sizes the frame to every height it is sent (200–1,000 px), pings
// "ready" in case it started listening late, and opens a {message: 'link'} in the top
// window, for links to the frame's own host only. A classic script, not a module: in the
// sandbox the page has an opaque origin, and a module would need CORS headers from the host.
(function () {
  'use strict';
  // Opened on its own: nothing to talk to, and target="_top" links work as they are.
  if (window.parent === window) return;
  var host = window.parent;
  var secret = readSecret();

  function readSecret() {
    var match = /secret=([A-Za-z0-9]+)/.exec(window.location.hash);
    return match ? match[1] : undefined;
  }

  function send(message, value) {
    // The parent's origin is not known (and ours is opaque): WordPress's own frames post to '*' too.
    host.postMessage({ message: message, value: value, secret: secret }, '*');
  }

  function sendHeight() {
    send('height', Math.ceil(document.documentElement.getBoundingClientRect().height));
  }

  // Early, once loaded, and whenever the content's size changes (a narrower frame wraps more lines).
  document.addEventListener('DOMContentLoaded', sendHeight);
  window.addEventListener('load', sendHeight);
  new ResizeObserver(sendHeight).observe(document.documentElement);

  // A host that adds the secret after the frame loaded changes only the fragment.
  window.addEventListener('hashchange', function () {
    secret = readSecret();
    sendHeight();
  });

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (event.source !== host || !data || data.secret !== secret) return;
    if (data.message === 'ready') sendHeight();
  });

  // The sandbox blocks target="_top": ask the host to open links to the letter instead.
  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || !secret || event.defaultPrevented) return;
    // A modified click means "somewhere else" (a new tab): WordPress leaves those alone too.
    if (event.button !== 0 || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    // WordPress follows only links to the frame's own host.
    if (link.host !== window.location.host) return;
    event.preventDefault();
    send('link', link.href);
  });
})();
