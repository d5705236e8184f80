// Loaded first by strict-csp.html (an external script: the page's policy forbids inline ones).
// Records every Content-Security-Policy and Trusted Types violation in the page.
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push({
    violatedDirective: event.violatedDirective,
    blockedURI: event.blockedURI,
    sample: event.sample,
  });
});
