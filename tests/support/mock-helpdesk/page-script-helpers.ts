// Pieces of page script shared by the fake agent apps (zendesk-app.ts, freshdesk-app.ts). Each is
// plain ES5 text that an app pastes into its inline script, inside its IIFE. Like those scripts,
// they are String.raw literals: they must not contain backticks or dollar-brace sequences.

/**
 * DOM, avatar, text and API helpers. They render text only, never HTML from the API.
 * The including script declares:
 *   COLORS           avatar background colours
 *   HEADERS          headers sent with every api() call
 *   PARAGRAPH_BREAK  the RegExp that paragraphs() splits a body on
 * and has a #toast element in its page.
 */
export const PAGE_SCRIPT_HELPERS = String.raw`
  function h(tag, props, children) {
    var el = document.createElement(tag);
    if (props) Object.keys(props).forEach(function (k) {
      var v = props[k];
      if (v === null || v === undefined || v === false) return;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k.indexOf('on') === 0) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    });
    add(el, children);
    return el;
  }
  function add(el, children) {
    if (children === null || children === undefined) return el;
    (Array.isArray(children) ? children : [children]).forEach(function (c) {
      if (c === null || c === undefined || c === false) return;
      el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return el;
  }
  function initials(name) {
    var parts = String(name || '?').replace(/[^\p{L}\p{N}\s]/gu, ' ').trim().split(/\s+/).filter(Boolean);
    if (!parts.length) return '?';
    return (parts[0].charAt(0) + (parts.length > 1 ? parts[parts.length - 1].charAt(0) : '')).toUpperCase();
  }
  function color(seed) {
    var n = 0; String(seed).split('').forEach(function (c) { n = (n * 31 + c.charCodeAt(0)) >>> 0; });
    return COLORS[n % COLORS.length];
  }
  function avatar(who, cls) {
    var name = who ? who.name : '?';
    return h('span', { class: 'avatar ' + (cls || ''), style: 'background:' + color(name), 'aria-hidden': 'true', text: initials(name) });
  }
  function paragraphs(text) {
    return String(text || '').split(PARAGRAPH_BREAK).map(function (p) {
      var el = h('p');
      p.split('\n').forEach(function (line, i) { if (i) el.appendChild(h('br')); el.appendChild(document.createTextNode(line)); });
      return el;
    });
  }
  function toast(text) {
    var t = document.getElementById('toast');
    t.textContent = text; t.classList.add('show');
    clearTimeout(toast.timer); toast.timer = setTimeout(function () { t.classList.remove('show'); }, 2200);
  }

  // Like the real apps: same-origin fetch with the session cookie; a non-2xx answer rejects with .status.
  function api(path, init) {
    init = init || {};
    var headers = Object.assign({}, HEADERS, init.headers || {});
    return fetch(path, Object.assign({ credentials: 'same-origin' }, init, { headers: headers })).then(function (r) {
      if (!r.ok) { var e = new Error('HTTP ' + r.status); e.status = r.status; throw e; }
      return r.json();
    });
  }
`;

/**
 * SPA navigation: pushState and popstate, and same-tab clicks on a[data-spa] links, with no page
 * reloads. The including script declares render(), which draws the view of the current URL.
 */
export const SPA_NAVIGATION = String.raw`
  function navigate(url) {
    if (url !== location.pathname) history.pushState({}, '', url);
    render();
  }
  window.addEventListener('popstate', render);
  document.addEventListener('click', function (e) {
    var a = e.target && e.target.closest ? e.target.closest('a[data-spa]') : null;
    if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(a.getAttribute('href'));
  });
`;
