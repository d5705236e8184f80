// Pieces of Lit's own modules that the one-file build replaces with stubs (see
// vite.config.ts), because the block never runs them: its templates (src/open-letter.ts,
// src/letter-template.ts) bind only text, attributes and @events, use no directive, and
// the element renders into the light DOM without styles of its own; and what Lit writes
// into the page's globals and built-ins (version lists, polyfill hooks, Symbol.metadata),
// which a page with frozen built-ins refuses. Together about 0.45 KB gzip. Each stub calls `leftOut` (scripts/left-out.js), so anything that does
// run one fails loudly. Each `code` is copied from Lit's published, minified file: when a
// new Lit no longer has it word for word, the build stops, and the cut is copied anew
// from the new file (or dropped).
export interface LitCut {
  /** The module, under node_modules/. */
  file: string;
  /** What the piece does, for the build's message when it is gone. */
  what: string;
  /** The piece, word for word. */
  code: string;
  /** What stands in its place. */
  stub: string;
}

export const litCuts: LitCut[] = [
  {
    file: 'lit-html/lit-html.js',
    what: 'property bindings (.property=${…})',
    code: 'class I extends H{constructor(){super(...arguments),this.type=3}j(t){this.element[this.name]=t===A?void 0:t}}',
    stub: 'class I{constructor(){leftOut(".property=${…}")}}',
  },
  {
    file: 'lit-html/lit-html.js',
    what: 'boolean attribute bindings (?attribute=${…})',
    code: 'class L extends H{constructor(){super(...arguments),this.type=4}j(t){this.element.toggleAttribute(this.name,!!t&&t!==A)}}',
    stub: 'class L{constructor(){leftOut("?attribute=${…}")}}',
  },
  {
    file: 'lit-html/lit-html.js',
    what: 'element bindings (<element ${…}>)',
    code: 'class Z{constructor(t,i,s){this.element=t,this.type=6,this._$AN=void 0,this._$AM=i,this.options=s}get _$AU(){return this._$AM._$AU}_$AI(t){M(this,t)}}',
    stub: 'class Z{constructor(){leftOut("<element ${…}>")}}',
  },
  {
    // resolveDirective(): a value that is no directive comes back as it is.
    file: 'lit-html/lit-html.js',
    what: 'directives',
    code: 'function M(t,i,s=t,e){if(i===E)return i;let h=void 0!==e?s._$Co?.[e]:s._$Cl;const o=a(i)?void 0:i._$litDirective$;return h?.constructor!==o&&(h?._$AO?.(!1),void 0===o?h=void 0:(h=new o(t),h._$AT(t,s,e)),void 0!==e?(s._$Co??=[])[e]=h:s._$Cl=h),void 0!==h&&(i=M(t,h._$AS(t,i.values),h,e)),i}',
    stub: 'function M(t,i){return i?._$litDirective$?leftOut("directives"):i}',
  },
  {
    // The element's own createRenderRoot() renders into the light DOM and never calls these.
    file: '@lit/reactive-element/reactive-element.js',
    what: 'shadow roots',
    code: 'createRenderRoot(){const t=this.shadowRoot??this.attachShadow(this.constructor.shadowRootOptions);return s(t,this.constructor.elementStyles),t}',
    stub: 'createRenderRoot(){leftOut("shadow roots")}',
  },
  {
    file: 'lit-element/lit-element.js',
    what: 'shadow roots',
    code: 'createRenderRoot(){const t=super.createRenderRoot();return this.renderOptions.renderBefore??=t.firstChild,t}',
    stub: '',
  },
  {
    file: '@lit/reactive-element/reactive-element.js',
    what: 'static styles',
    code: 'static finalizeStyles(s){const i=[];if(Array.isArray(s)){const e=new Set(s.flat(1/0).reverse());for(const s of e)i.unshift(t(s))}else void 0!==s&&i.push(t(s));return i}',
    stub: 'static finalizeStyles(s){return s?leftOut("static styles"):[]}',
  },
  {
    // The block's attributes are strings, numbers and booleans; none is parsed as JSON.
    file: '@lit/reactive-element/reactive-element.js',
    what: 'JSON attributes (type: Object or Array), written',
    code: 'case Object:case Array:t=null==t?t:JSON.stringify(t)',
    stub: 'case Object:case Array:leftOut("JSON attributes")',
  },
  {
    file: '@lit/reactive-element/reactive-element.js',
    what: 'JSON attributes (type: Object or Array), read',
    code: 'case Object:case Array:try{i=JSON.parse(t)}catch(t){i=null}',
    stub: 'case Object:case Array:leftOut("JSON attributes")',
  },
  {
    // Decorators: the element declares its properties in `static properties`.
    file: '@lit/reactive-element/reactive-element.js',
    what: 'decorators (addInitializer)',
    code: 'static addInitializer(t){this._$Ei(),(this.l??=[]).push(t)}',
    stub: 'static addInitializer(){leftOut("decorators")}',
  },
  {
    file: '@lit/reactive-element/reactive-element.js',
    what: 'decorators (inherited initializers)',
    code: 'void 0!==t.l&&(this.l=[...t.l]),',
    stub: '',
  },
  {
    file: '@lit/reactive-element/reactive-element.js',
    what: 'decorators (initializers run)',
    code: ',this.constructor.l?.forEach(t=>t(this))',
    stub: '',
  },
  {
    // Standard decorators' metadata, and the two globals Lit creates for it (Symbol.metadata,
    // litPropertyMetadata): the block writes nothing outside itself.
    file: '@lit/reactive-element/reactive-element.js',
    what: 'decorator metadata (globals)',
    code: 'Symbol.metadata??=Symbol("metadata"),a.litPropertyMetadata??=new WeakMap;',
    stub: '',
  },
  {
    file: '@lit/reactive-element/reactive-element.js',
    what: 'decorator metadata (read)',
    code: 'const t=this[Symbol.metadata];if(null!==t){const s=litPropertyMetadata.get(t);if(void 0!==s)for(const[t,i]of s)this.elementProperties.set(t,i)}',
    stub: '',
  },
  // The hooks for the ShadyDOM polyfills, which only shadow roots need, and the version lists
  // Lit keeps in the page's globals (window.litHtmlVersions and the like): this copy of Lit is
  // the block's own, and writes nothing outside it.
  {
    file: '@lit/reactive-element/reactive-element.js',
    what: 'polyfill support (read)',
    code: 'p=a.reactiveElementPolyfillSupport,',
    stub: '',
  },
  {
    file: '@lit/reactive-element/reactive-element.js',
    what: 'polyfill support and version list',
    code: ',p?.({ReactiveElement:y}),(a.reactiveElementVersions??=[]).push("2.1.2")',
    stub: '',
  },
  {
    file: 'lit-element/lit-element.js',
    what: 'polyfill support and version list',
    code: 'const o=s.litElementPolyfillSupport;o?.({LitElement:i});const n={_$AK:(t,e,r)=>{t._$AK(e,r)},_$AL:t=>t._$AL};(s.litElementVersions??=[]).push("4.2.2");',
    stub: 'const n={_$AK:(t,e,r)=>{t._$AK(e,r)},_$AL:t=>t._$AL};',
  },
  {
    // Templates are html``: no svg`` or mathml`` (an <svg> inside html`` is not affected).
    file: 'lit-html/lit-html.js',
    what: 'svg`` and mathml`` templates (opening)',
    code: 'l=2===i?"<svg>":3===i?"<math>":""',
    stub: 'l=1===i?"":leftOut("svg`` and mathml``")',
  },
  {
    file: 'lit-html/lit-html.js',
    what: 'svg`` and mathml`` templates (closing)',
    code: '+(2===i?"</svg>":3===i?"</math>":"")',
    stub: '',
  },
  {
    file: 'lit-html/lit-html.js',
    what: 'svg`` and mathml`` templates (unwrapping)',
    code: ',2===i||3===i){const t=this.el.content.firstChild;t.replaceWith(...t.childNodes)}',
    stub: ',0){}',
  },
  {
    // No binding inside <script>, <style>, <textarea> or <title>.
    file: 'lit-html/lit-html.js',
    what: 'bindings in raw text elements (scanning)',
    code: '(y.test(u[2])&&(n=RegExp("</"+u[2],"g")),c=p)',
    stub: '(c=p)',
  },
  {
    file: 'lit-html/lit-html.js',
    what: 'bindings in raw text elements',
    code: 'if(y.test(r.tagName)){const t=r.textContent.split(o),i=t.length-1;if(i>0){r.textContent=s?s.emptyScript:"";for(let s=0;s<i;s++)r.append(t[s],c()),P.nextNode(),d.push({type:2,index:++l});r.append(t[i],c())}}',
    stub: 'y.test(r.tagName)&&r.textContent.includes(o)&&leftOut("bindings in raw text elements")',
  },
  {
    // Templates compiled ahead of time (by @lit-labs/compiler): the block's are tagged literals.
    file: 'lit-html/lit-html.js',
    what: 'compiled templates',
    code: '(void 0===s.el&&(s.el=S.createElement(V(s.h,s.h[0]),this.options)),s)',
    stub: 'leftOut("compiled templates")',
  },
  {
    file: 'lit-html/lit-html.js',
    what: "attribute parts' tagName (for directives)",
    code: 'get tagName(){return this.element.tagName}',
    stub: '',
  },
  {
    file: 'lit-html/lit-html.js',
    what: 'polyfill support and version list',
    code: ',B=t.litHtmlPolyfillSupport;B?.(S,k),(t.litHtmlVersions??=[]).push("3.3.3");',
    stub: ';',
  },
];
