// Loaded first by hostile-host.html (an external script: the page's policy may forbid inline
// ones). Records console.error calls and uncaught errors, then makes the page as hard on the
// block as `?host=` says:
//   polluted        properties on Object.prototype, as old libraries add them: one assigned
//                   (enumerable), one defined enumerable, one not, named like campaign fields
//                   and like the languages
//   frozen-symbol   Object.freeze(Symbol)
//   lockdown        every built-in constructor and prototype frozen, as SES's lockdown() does
window.__consoleErrors = [];
window.__uncaught = [];
const originalError = console.error.bind(console);
console.error = (...args) => {
  window.__consoleErrors.push(args.map(String).join(' '));
  originalError(...args);
};
window.addEventListener('error', (event) => window.__uncaught.push(event.message));
window.addEventListener('unhandledrejection', (event) => window.__uncaught.push(String(event.reason)));

const host = new URLSearchParams(location.search).get('host');
if (host === 'polluted') {
  Object.prototype.summary = 'Injected summary';
  Object.defineProperty(Object.prototype, 'place', {
    value: 'Injected place',
    enumerable: true,
    configurable: true,
    writable: true,
  });
  Object.defineProperty(Object.prototype, 'initiator', {
    value: 'Injected initiator',
    configurable: true,
    writable: true,
  });
  Object.prototype.each = function each() {};
  // Named like the languages, which key the texts' translations and the block's own tables.
  Object.prototype.nl = 'Injected Dutch';
  Object.prototype.en = 'Injected English';
}
if (host === 'frozen-symbol') Object.freeze(Symbol);
if (host === 'lockdown') {
  const seen = new Set();
  const harden = (value) => {
    if ((typeof value !== 'object' && typeof value !== 'function') || value === null || seen.has(value)) return;
    seen.add(value);
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if ('value' in descriptor) harden(descriptor.value);
    }
    harden(Object.getPrototypeOf(value));
  };
  const intrinsics = [
    Object,
    Function,
    Array,
    String,
    Number,
    Boolean,
    Symbol,
    BigInt,
    Date,
    RegExp,
    Error,
    TypeError,
    RangeError,
    Map,
    Set,
    WeakMap,
    WeakSet,
    WeakRef,
    FinalizationRegistry,
    Promise,
    Proxy,
    Reflect,
    JSON,
    Math,
    Intl,
    ArrayBuffer,
    Uint8Array,
    DataView,
    globalThis.Iterator,
  ];
  intrinsics.forEach(harden);
}
