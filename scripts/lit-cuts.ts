// Pieces of Lit's own modules that the one-file build replaces with stubs (see
// vite.config.ts), because the block never runs them: its templates (src/open-letter.ts,
// src/letter-template.ts) bind only text, attributes and @events, use no directive, and
// the element renders into the light DOM without styles of its own. Together about
// 0.25 KB gzip. Each stub calls `leftOut` (scripts/left-out.js), so anything that does
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
];
