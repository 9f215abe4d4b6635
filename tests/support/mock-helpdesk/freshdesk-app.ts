// The fake Freshdesk agent portal (/a/tickets, /a/tickets/<id>, legacy /helpdesk/tickets/<id>):
// one HTML document with inline CSS and JS. Like the real Ember app it re-renders the view on
// history.pushState navigation, reads the private /api/_/ session API, keeps the reply editor
// collapsed behind a placeholder button until clicked, and hides older conversations behind
// "+N conversations". Ticket data is only ever rendered with createElement/textContent.
//
// The script is a String.raw literal: it must not contain backticks or dollar-brace sequences
// (the shared helpers of page-script-helpers.ts are pasted in with the only two substitutions).

import { PAGE_SCRIPT_HELPERS, SPA_NAVIGATION } from './page-script-helpers';
import { escapeHtml as esc } from './shared';

export interface FreshdeskAppOptions {
  accountName: string;
  host: string;
}

const ICON = (d: string) => `<svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round" stroke-linejoin="round" d="${d}"/></svg>`;
const ICONS = {
  logo: '<svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true"><rect width="24" height="24" rx="7" fill="#25c16f"/><path fill="#fff" d="M12 5.5a6 6 0 0 0-6 6v3.2c0 .9.7 1.6 1.6 1.6H9v-4H7.4v-.8a4.6 4.6 0 0 1 9.2 0v.8H15v4h1.4l-.2.3c-.5.8-1.3 1.3-2.3 1.4h-1.3v1.3h1.4c2.2 0 4-1.8 4-4v-3.8a6 6 0 0 0-6-6z"/></svg>',
  dashboard: ICON('M2.5 2.5h4.5v4.5H2.5zM9 2.5h4.5v4.5H9zM2.5 9h4.5v4.5H2.5zM9 9h4.5v4.5H9z'),
  tickets: ICON('M2.5 3.5h11v3a1.5 1.5 0 0 0 0 3v3h-11v-3a1.5 1.5 0 0 0 0-3z'),
  contacts: ICON('M8 8a2.8 2.8 0 1 0 0-5.6A2.8 2.8 0 0 0 8 8zM2.5 14c.7-2.8 2.9-4.2 5.5-4.2s4.8 1.4 5.5 4.2'),
  solutions: ICON('M3 2.5h8l2 2v9H3zM5.5 6h5M5.5 8.5h5M5.5 11h3'),
  analytics: ICON('M2.5 13.5h11M4 11V7.5M7 11V4M10 11V6M13 11V8.5'),
  admin: ICON('M8 10.2a2.2 2.2 0 1 0 0-4.4 2.2 2.2 0 0 0 0 4.4zM8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4'),
  search: ICON('M7 11.5a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zM10.5 10.5 14 14'),
  bell: ICON('M4 11.5V7a4 4 0 0 1 8 0v4.5l1.5 1.5h-11zM6.5 14.5h3'),
  apps: ICON('M2.5 2.5h4v4h-4zM9.5 2.5h4v4h-4zM2.5 9.5h4v4h-4zM9.5 9.5h4v4h-4z'),
};

const CSS = String.raw`
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Liberation Sans",sans-serif;font-size:14px;line-height:20px;color:#12344d;background:#f5f7f9;-webkit-font-smoothing:antialiased}
button,select{font:inherit;color:inherit}
button{cursor:pointer}
a{color:#2c5cc5;text-decoration:none}
.app{display:flex;height:100vh;overflow:hidden}
.sidebar{width:60px;flex:none;background:#12344d;display:flex;flex-direction:column;align-items:center;padding:14px 0;gap:6px}
.sidebar .logo{margin-bottom:14px;display:flex}
.sidebar a{width:40px;height:40px;border-radius:8px;display:flex;align-items:center;justify-content:center;color:#a8b8c6}
.sidebar a:hover{background:#ffffff14;color:#fff}
.sidebar a.is-current{background:#2c5cc5;color:#fff}
.main{flex:1;display:flex;flex-direction:column;min-width:0}
.topbar{height:56px;flex:none;background:#fff;border-bottom:1px solid #dfe5ec;display:flex;align-items:center;padding:0 20px;gap:12px}
.crumbs{display:flex;align-items:center;gap:8px;font-size:16px;font-weight:600;min-width:0;white-space:nowrap}
.crumbs a{color:#12344d}
.crumbs .sep{color:#92a2b1}
.crumbs .id{color:#475867;font-weight:500}
.top-right{margin-left:auto;display:flex;align-items:center;gap:10px}
.search{display:flex;align-items:center;gap:8px;background:#f5f7f9;border:1px solid #ebeff3;border-radius:4px;height:34px;width:240px;padding:0 10px;color:#6f7c87;font-size:13px}
.new-btn{background:#fff;border:1px solid #cfd7df;border-radius:4px;height:34px;padding:0 14px;font-weight:600;font-size:13px}
.icon-btn{width:34px;height:34px;border:0;background:none;border-radius:50%;display:flex;align-items:center;justify-content:center;color:#475867}
.icon-btn:hover{background:#f5f7f9}
.avatar{width:32px;height:32px;border-radius:50%;display:inline-flex;align-items:center;justify-content:center;font-size:12px;font-weight:600;color:#fff;flex:none;text-transform:uppercase;overflow:hidden}
.avatar.lg{width:40px;height:40px;font-size:14px}
.avatar.sm{width:26px;height:26px;font-size:11px}
.view{flex:1;min-height:0;position:relative}
.loading{padding:40px;color:#6f7c87}
.error{margin:32px;border:1px solid #ffb6b6;background:#ffecf0;color:#c82124;border-radius:4px;padding:14px 16px}
/* List */
.list-page{display:grid;grid-template-columns:250px minmax(0,1fr);height:100%}
.filters{background:#fff;border-right:1px solid #dfe5ec;padding:18px 10px;overflow:auto}
.filters h3{font-size:12px;font-weight:600;text-transform:uppercase;color:#6f7c87;letter-spacing:.04em;margin:0 10px 10px}
.filters a{display:flex;justify-content:space-between;padding:7px 10px;border-radius:4px;color:#12344d;font-size:13px}
.filters a.is-current{background:#e5f2fd;font-weight:600;color:#2c5cc5}
.filters a:hover{background:#f5f7f9}
.list-main{overflow:auto;padding:0 0 24px}
.list-toolbar{display:flex;align-items:center;gap:12px;padding:14px 24px;background:#fff;border-bottom:1px solid #dfe5ec;position:sticky;top:0;z-index:1}
.list-toolbar h1{font-size:16px;margin:0;font-weight:600}
.list-toolbar .muted{color:#6f7c87;font-size:13px}
.list-toolbar .sort{margin-left:auto;color:#475867;font-size:13px}
.cards{padding:12px 24px;display:flex;flex-direction:column;gap:8px}
.card{background:#fff;border:1px solid #ebeff3;border-radius:6px;display:grid;grid-template-columns:24px 40px minmax(0,1fr) 200px 160px;gap:12px;align-items:center;padding:14px 16px;box-shadow:0 1px 1px #12344d0d;cursor:pointer}
.card:hover{border-color:#a8c4f2;box-shadow:0 2px 6px #12344d1f}
.card input{margin:0}
.card .subject{font-weight:600;font-size:14px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;display:block;color:#12344d}
.card .subject:hover{color:#2c5cc5}
.card .meta{color:#6f7c87;font-size:12px;margin-top:2px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.card .badges{display:flex;gap:6px;margin-bottom:3px}
.badge{font-size:11px;font-weight:600;border-radius:3px;padding:0 6px;line-height:18px;border:1px solid #cfd7df;color:#475867;background:#fff}
.badge.new{border-color:#9ecbfc;color:#2c5cc5;background:#e5f2fd}
.badge.overdue{border-color:#ffb6b6;color:#c82124;background:#ffecf0}
.prio{display:flex;align-items:center;gap:6px;font-size:13px}
.prio i{width:10px;height:10px;border-radius:2px;display:inline-block}
.p1 i{background:#a0d76a}.p2 i{background:#4da1ff}.p3 i{background:#ffd012}.p4 i{background:#ff5959}
.assign{font-size:13px;color:#475867;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.assign b{display:block;color:#12344d;font-weight:600;overflow:hidden;text-overflow:ellipsis}
/* Ticket detail */
.ticket-page{display:flex;flex-direction:column;height:100%}
.actions{display:flex;align-items:center;gap:8px;padding:10px 20px;background:#fff;border-bottom:1px solid #dfe5ec;flex:none}
.btn{border:1px solid #cfd7df;background:linear-gradient(#fff,#f3f5f7);border-radius:4px;height:32px;padding:0 12px;font-size:13px;font-weight:600;color:#12344d;display:inline-flex;align-items:center;gap:6px}
.btn:hover{border-color:#92a2b1}
.btn.primary{background:#12344d;border-color:#12344d;color:#fff}
.btn.primary:hover{background:#264966}
.actions .right{margin-left:auto;display:flex;gap:8px;color:#6f7c87;font-size:13px;align-items:center}
.ticket-body{flex:1;min-height:0;display:grid;grid-template-columns:minmax(0,1fr) 340px}
.thread{overflow:auto;padding:20px 28px 28px}
.ticket-head{display:flex;gap:14px;align-items:flex-start;margin-bottom:18px}
.source-icon{width:40px;height:40px;border-radius:8px;background:#e5f2fd;color:#2c5cc5;display:flex;align-items:center;justify-content:center;font-size:11px;font-weight:700;flex:none;text-transform:uppercase}
.ticket-head h2{font-size:20px;line-height:28px;margin:0;font-weight:600;overflow-wrap:anywhere}
.ticket-head .sub{color:#6f7c87;font-size:13px;margin-top:2px}
.ticket-head .sub b{color:#12344d;font-weight:600}
.tags{display:flex;gap:6px;flex-wrap:wrap;margin-top:8px}
.tag{background:#f5f7f9;border:1px solid #ebeff3;border-radius:3px;padding:0 6px;font-size:12px;color:#475867}
.item{background:#fff;border:1px solid #ebeff3;border-radius:6px;margin-bottom:12px;padding:14px 18px;display:grid;grid-template-columns:40px minmax(0,1fr);gap:0 12px;box-shadow:0 1px 1px #12344d0a}
.item.is-agent{background:#f7fbff;border-color:#dbe9fb}
.item.is-private{background:#fef1e1;border-color:#fcd9b1}
.item.is-public-note{background:#eefaf3;border-color:#bfe6cf}
.item-head{display:flex;align-items:baseline;gap:6px;flex-wrap:wrap;font-size:13px}
.item-head .who{font-weight:600;font-size:14px;overflow-wrap:anywhere}
.item-head .what{color:#475867}
.item-head .when{color:#6f7c87;margin-left:auto;font-size:12px;white-space:nowrap}
.note-label{font-size:11px;font-weight:700;color:#b3590a;text-transform:uppercase;letter-spacing:.03em}
.public-label{font-size:11px;font-weight:700;color:#00795b;text-transform:uppercase;letter-spacing:.03em}
.to{color:#6f7c87;font-size:12px;margin-top:2px;overflow-wrap:anywhere}
.text{margin-top:10px;overflow-wrap:anywhere;unicode-bidi:plaintext}
.text p{margin:0 0 10px}
.text p:last-child{margin:0}
.more{display:block;width:100%;border:1px dashed #cfd7df;background:#fff;border-radius:6px;padding:8px;margin:0 0 12px;color:#2c5cc5;font-weight:600;font-size:13px}
.reply-bar{display:flex;align-items:center;gap:10px;background:#fff;border:1px solid #ebeff3;border-radius:6px;padding:12px 16px}
.reply-placeholder{flex:1;text-align:left;border:1px solid #cfd7df;border-radius:4px;background:#fff;height:36px;padding:0 12px;color:#6f7c87}
.reply-placeholder:hover{border-color:#2c5cc5}
.editor{background:#fff;border:1px solid #cfd7df;border-radius:6px;box-shadow:0 4px 12px #12344d14}
.editor.is-note{background:#fef1e1}
.editor-head{display:flex;gap:12px;align-items:center;padding:10px 14px;border-bottom:1px solid #ebeff3;font-size:13px;color:#475867}
.editor-head b{color:#12344d}
.fr-toolbar{display:flex;gap:2px;padding:6px 10px;border-bottom:1px solid #ebeff3;color:#475867}
.fr-toolbar span{width:28px;height:26px;display:inline-flex;align-items:center;justify-content:center;border-radius:3px;font-size:13px;font-weight:700}
.fr-element{min-height:120px;max-height:260px;overflow:auto;padding:12px 14px;outline:none}
.fr-element p{margin:0}
.editor-foot{display:flex;align-items:center;gap:10px;padding:10px 14px;border-top:1px solid #ebeff3}
.editor-foot .grow{flex:1}
.side{border-left:1px solid #dfe5ec;background:#fff;overflow:auto}
.panel{padding:16px 20px;border-bottom:1px solid #ebeff3}
.panel h4{font-size:12px;text-transform:uppercase;letter-spacing:.05em;color:#6f7c87;margin:0 0 12px;font-weight:600}
.contact{display:flex;gap:12px;align-items:center}
.contact .name{font-weight:600;overflow-wrap:anywhere}
.contact .small{color:#6f7c87;font-size:12px;overflow-wrap:anywhere}
.prop{margin-bottom:12px}
.prop label{display:block;font-size:12px;color:#475867;margin-bottom:4px;font-weight:600}
.prop select{width:100%;height:34px;border:1px solid #cfd7df;border-radius:4px;background:#fff;padding:0 8px;font-size:13px}
.stats{display:grid;grid-template-columns:1fr auto;gap:6px 10px;font-size:13px}
.stats dt{color:#6f7c87}
.stats dd{margin:0;text-align:right}
#toast{position:fixed;left:50%;bottom:32px;transform:translateX(-50%);background:#12344d;color:#fff;border-radius:4px;padding:10px 16px;font-size:13px;opacity:0;transition:opacity .2s;pointer-events:none}
#toast.show{opacity:1}
`;

const SCRIPT = String.raw`
(function () {
  'use strict';
  var ACCOUNT = document.documentElement.getAttribute('data-account') || 'Freshdesk';
  var HEADERS = { accept: 'application/json', 'x-agent-app': 'mock', 'x-requested-with': 'XMLHttpRequest' };
  var SOURCE = { 1: 'Email', 2: 'Portal', 3: 'Phone', 4: 'Forum', 5: 'Twitter', 6: 'Facebook', 7: 'Chat', 8: 'MobiHelp', 9: 'Feedback widget', 10: 'Outbound email', 11: 'E-commerce', 12: 'Bot', 13: 'WhatsApp' };
  var PRIORITY = { 1: 'Low', 2: 'Medium', 3: 'High', 4: 'Urgent' };
  var COLORS = ['#2c5cc5', '#00795b', '#c82124', '#7c3aed', '#b3590a', '#0b7285', '#475867', '#b5317a'];
  // description_text separates paragraphs with ' \n '
  var PARAGRAPH_BREAK = /\n{2,}| \n /;
  var viewEl = document.getElementById('view');
  var crumbsEl = document.getElementById('crumbs');
  var cache = { fields: null, agents: null, groups: null, contacts: new Map() };
  var me = null;
  var renderSeq = 0;

  // h, add, initials, color, avatar, paragraphs, toast, api
${PAGE_SCRIPT_HELPERS}
  var SOURCE_ICONS = {
    1: 'M2 4h12v8H2zM2 4l6 5 6-5',
    2: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2zM2 8h12M8 2c-2 2-2 10 0 12M8 2c2 2 2 10 0 12',
    3: 'M5 2.5 3 3.5c-.5 3.5 3 9 9.5 10l1-2-2.5-2-1.5 1C8 9.5 6.5 8 6 6.5l1-1.5z',
    7: 'M2.5 3h11v7.5H7l-3 2.5v-2.5H2.5z',
    13: 'M8 2a6 6 0 0 0-5.2 9L2 14l3.1-.8A6 6 0 1 0 8 2zM6 5.5c0 2.5 2 4.5 4.5 4.5'
  };
  function sourceIcon(code) {
    var s = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    s.setAttribute('viewBox', '0 0 16 16'); s.setAttribute('width', '20'); s.setAttribute('height', '20'); s.setAttribute('aria-hidden', 'true');
    var p = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    p.setAttribute('d', SOURCE_ICONS[code] || SOURCE_ICONS[1]); p.setAttribute('fill', 'none'); p.setAttribute('stroke', 'currentColor'); p.setAttribute('stroke-width', '1.3'); p.setAttribute('stroke-linejoin', 'round');
    s.appendChild(p);
    return s;
  }
  function fmt(iso) {
    var d = new Date(iso);
    return isNaN(d) ? '' : d.toLocaleString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });
  }
  function fmtDay(iso) {
    var d = new Date(iso);
    return isNaN(d) ? '' : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'Europe/London' });
  }
  function duration(fromIso, toIso) {
    if (!fromIso || !toIso) return '–';
    var mins = Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60000));
    if (mins < 60) return mins + 'm';
    if (mins < 60 * 48) return Math.floor(mins / 60) + 'h ' + (mins % 60) + 'm';
    return Math.floor(mins / 1440) + 'd ' + Math.floor((mins % 1440) / 60) + 'h';
  }
  function statusLabel(code) {
    var choices = cache.fields && cache.fields.status;
    var c = choices && choices[String(code)];
    return c ? c[0] : 'Status ' + code;
  }
  function agentById(id) { return (cache.agents || []).filter(function (a) { return String(a.id) === String(id); })[0] || null; }
  function groupById(id) { return (cache.groups || []).filter(function (g) { return String(g.id) === String(id); })[0] || null; }
  function loadShared() {
    var jobs = [];
    if (!cache.fields) jobs.push(api('/api/_/ticket_fields').then(function (b) {
      var list = b.ticket_fields || [];
      cache.fields = {};
      list.forEach(function (f) { if (f.name === 'status') cache.fields.status = f.choices; });
    }));
    if (!cache.agents) jobs.push(api('/api/_/bootstrap/agents_groups').then(function (b) {
      cache.agents = (b.data.agents || []).map(function (a) { return { id: a.id, name: a.contact.name, email: a.contact.email }; });
      cache.groups = b.data.groups || [];
    }));
    return Promise.all(jobs);
  }

  // ---- Routing
  function route() {
    var p = location.pathname.replace(/\/+$/, '');
    var m = p.match(/^\/(?:a|helpdesk)\/tickets\/(\d+)$/);
    if (m) return { name: 'ticket', id: m[1] };
    return { name: 'list' };
  }
${SPA_NAVIGATION}

  function setCrumbs(parts) {
    crumbsEl.textContent = '';
    parts.forEach(function (p, i) {
      if (i) crumbsEl.appendChild(h('span', { class: 'sep', text: '/' }));
      crumbsEl.appendChild(p);
    });
  }

  function render() {
    var r = route();
    var seq = ++renderSeq;
    viewEl.textContent = '';
    viewEl.appendChild(h('div', { class: 'loading', text: 'Loading…' }));
    var work = r.name === 'ticket' ? renderTicket(r.id, seq) : renderList(seq);
    work.catch(function (e) {
      if (seq !== renderSeq) return;
      viewEl.textContent = '';
      viewEl.appendChild(h('div', { class: 'error', text: e.status === 404 ? 'This ticket does not exist or has been deleted.' : 'Something went wrong while loading (' + e.message + ').' }));
    });
  }

  // ---- Ticket list
  function renderList(seq) {
    setCrumbs([h('span', { text: 'All tickets' })]);
    document.title = 'All tickets : ' + ACCOUNT;
    return loadShared().then(function () { return api('/api/_/tickets?include=requester&per_page=100'); }).then(function (body) {
      if (seq !== renderSeq) return;
      var list = body.tickets || [];
      viewEl.textContent = '';
      var counts = { all: list.length, unresolved: 0, mine: 0, urgent: 0 };
      list.forEach(function (t) {
        if (t.status !== 4 && t.status !== 5) counts.unresolved++;
        if (me && t.responder_id === me.id) counts.mine++;
        if (t.priority >= 3 && t.status !== 4 && t.status !== 5) counts.urgent++;
      });
      var filters = h('aside', { class: 'filters', 'aria-label': 'Ticket views' }, [
        h('h3', { text: 'Ticket views' }),
        h('a', { href: '/a/tickets', 'data-spa': true, class: 'is-current' }, [h('span', { text: 'All tickets' }), h('span', { text: String(counts.all) })]),
        h('a', { href: '/a/tickets', 'data-spa': true }, [h('span', { text: 'All unresolved tickets' }), h('span', { text: String(counts.unresolved) })]),
        h('a', { href: '/a/tickets', 'data-spa': true }, [h('span', { text: 'My open and pending tickets' }), h('span', { text: String(counts.mine) })]),
        h('a', { href: '/a/tickets', 'data-spa': true }, [h('span', { text: 'Urgent and high priority' }), h('span', { text: String(counts.urgent) })]),
        h('a', { href: '/a/tickets', 'data-spa': true }, [h('span', { text: 'Tickets I\u2019m watching' }), h('span', { text: '0' })]),
      ]);
      var cards = h('div', { class: 'cards' });
      list.forEach(function (t) {
        var agent = agentById(t.responder_id), group = groupById(t.group_id);
        var req = t.requester || { id: t.requester_id, name: 'Unknown contact' };
        var open = t.status !== 4 && t.status !== 5;
        cards.appendChild(h('div', { class: 'card', 'data-ticket-id': t.id, onclick: function (e) { if (!e.target.closest('a,input')) navigate('/a/tickets/' + t.id); } }, [
          h('input', { type: 'checkbox', 'aria-label': 'Select ticket ' + t.id }),
          avatar(req, 'lg'),
          h('div', { style: 'min-width:0' }, [
            h('div', { class: 'badges' }, [
              open && !t.responder_id ? h('span', { class: 'badge new', text: 'Unassigned' }) : null,
              open && Date.parse(t.due_by) < Date.now() ? h('span', { class: 'badge overdue', text: 'Overdue' }) : null,
            ]),
            h('a', { class: 'subject', href: '/a/tickets/' + t.id, 'data-spa': true, text: t.subject }),
            h('div', { class: 'meta', text: '#' + t.id + ' · ' + req.name + ' · ' + (SOURCE[t.source] || 'Other') + ' · Created ' + fmtDay(t.created_at) }),
          ]),
          h('div', { class: 'assign' }, [h('b', { text: agent ? agent.name : '-- / --' }), h('span', { text: group ? group.name : 'No group' })]),
          h('div', null, [
            h('div', { class: 'prio p' + t.priority }, [h('i'), h('span', { text: PRIORITY[t.priority] || 'Priority ' + t.priority })]),
            h('div', { style: 'font-size:13px;color:#475867;margin-top:4px', text: statusLabel(t.status) }),
          ]),
        ]));
      });
      var main = h('main', { class: 'list-main' }, [
        h('div', { class: 'list-toolbar' }, [h('h1', { text: 'All tickets' }), h('span', { class: 'muted', text: list.length + ' tickets' }), h('span', { class: 'sort', text: 'Sort by: Last modified ▾' })]),
        cards,
      ]);
      viewEl.appendChild(h('div', { class: 'list-page' }, [filters, main]));
    });
  }

  // ---- Ticket view
  function loadConversations(id) {
    var all = [];
    function page(n) {
      return api('/api/_/tickets/' + id + '/conversations?per_page=100&page=' + n).then(function (b) {
        var list = b.conversations || [];
        all = all.concat(list);
        return list.length < 100 ? all : page(n + 1);
      });
    }
    return page(1);
  }
  function person(id, ticket) {
    if (ticket.requester && String(ticket.requester.id) === String(id)) return { id: id, name: ticket.requester.name, email: ticket.requester.email, kind: 'contact' };
    var a = agentById(id);
    if (a) return { id: id, name: a.name, email: a.email, kind: 'agent' };
    var c = cache.contacts.get(String(id));
    if (c) return { id: id, name: c.name, email: c.email, kind: 'contact' };
    return { id: id, name: 'Contact ' + id, kind: 'contact' };
  }

  function renderTicket(id, seq) {
    setCrumbs([h('a', { href: '/a/tickets', 'data-spa': true, text: 'Tickets' }), h('span', { class: 'id', text: '#' + id })]);
    var ticket;
    return loadShared().then(function () {
      return Promise.all([api('/api/_/tickets/' + id + '?include=requester,stats'), loadConversations(id)]);
    }).then(function (res) {
      ticket = res[0].ticket;
      var convs = res[1];
      // Authors who are neither the requester nor agents (people in CC): fetch their contacts.
      var unknown = [];
      convs.forEach(function (c) {
        var key = String(c.user_id);
        if (key !== String(ticket.requester_id) && !agentById(c.user_id) && !cache.contacts.has(key) && unknown.indexOf(key) < 0) unknown.push(key);
      });
      return Promise.all(unknown.map(function (cid) {
        return api('/api/_/contacts/' + cid).then(function (b) { cache.contacts.set(cid, b.contact); }).catch(function () { /* shown as "Contact <id>" */ });
      })).then(function () { return convs; });
    }).then(function (convs) {
      if (seq !== renderSeq) return;
      document.title = '#' + ticket.id + ' ' + ticket.subject + ' : ' + ACCOUNT;
      viewEl.textContent = '';
      viewEl.appendChild(ticketView(ticket, convs));
    });
  }

  function ticketView(t, convs) {
    var page = h('div', { class: 'ticket-page', 'data-ticket-id': t.id });
    var thread = h('section', { class: 'thread', 'aria-label': 'Conversation' });
    var editorSlot = h('div', { class: 'reply-slot' });
    function openEditor(kind) {
      editorSlot.textContent = '';
      editorSlot.appendChild(editor(t, kind, function () { renderReplyBar(); }));
      var el = editorSlot.querySelector('.fr-element');
      if (el) el.focus();
    }
    function renderReplyBar() {
      editorSlot.textContent = '';
      editorSlot.appendChild(h('div', { class: 'reply-bar' }, [
        avatar(me ? { id: me.id, name: me.contact.name } : null, 'sm'),
        h('button', { class: 'reply-placeholder', type: 'button', 'data-test-id': 'active-editor', onclick: function () { openEditor('reply'); } }, 'Reply to ' + (t.requester ? t.requester.name : 'the customer') + '…'),
        h('button', { class: 'btn', type: 'button', 'data-test-id': 'add-note', onclick: function () { openEditor('note'); } }, 'Add note'),
        h('button', { class: 'btn', type: 'button', onclick: function () { openEditor('forward'); } }, 'Forward'),
      ]));
    }

    page.appendChild(h('div', { class: 'actions' }, [
      h('button', { class: 'btn', type: 'button', onclick: function () { openEditor('reply'); } }, '↩ Reply'),
      h('button', { class: 'btn', type: 'button', onclick: function () { openEditor('note'); } }, '✎ Add note'),
      h('button', { class: 'btn', type: 'button', onclick: function () { openEditor('forward'); } }, '↪ Forward'),
      h('button', { class: 'btn', type: 'button', onclick: function () { update(t, { status: 5 }); } }, '✓ Close'),
      h('button', { class: 'btn', type: 'button' }, 'Merge'),
      h('button', { class: 'btn', type: 'button' }, 'Delete'),
      h('span', { class: 'right' }, [h('span', { text: 'Created ' + fmtDay(t.created_at) })]),
    ]));

    var req = t.requester && String(t.requester.id) === String(t.requester_id) ? t.requester : { id: t.requester_id, name: 'Contact ' + t.requester_id };
    thread.appendChild(h('div', { class: 'ticket-head' }, [
      h('div', { class: 'source-icon', title: SOURCE[t.source] || 'Other' }, sourceIcon(t.source)),
      h('div', { style: 'min-width:0' }, [
        h('h2', { 'data-test-id': 'ticket-subject', text: t.subject }),
        h('div', { class: 'sub' }, ['Created by ', h('b', { text: req.name }), ' via ' + (SOURCE[t.source] || 'other source') + ' · ' + fmt(t.created_at)]),
        t.tags && t.tags.length ? h('div', { class: 'tags' }, t.tags.map(function (tag) { return h('span', { class: 'tag', text: tag }); })) : null,
      ]),
    ]));

    // The description: no id and no author field; the requester by convention.
    thread.appendChild(item(req, 'reported via ' + (SOURCE[t.source] || 'other source').toLowerCase(), t.created_at, t.description_text, { kind: 'customer', description: true }));

    // Like Freshdesk, long threads show the first and the latest few; the rest hide behind a button.
    var HEAD = 1, TAIL = 4;
    function addConvs(list) { list.forEach(function (c) { thread.insertBefore(convItem(c, t), editorSlot); }); }
    thread.appendChild(editorSlot);
    if (convs.length > 10) {
      addConvs(convs.slice(0, HEAD));
      var hidden = convs.slice(HEAD, convs.length - TAIL);
      var more = h('button', { class: 'more', type: 'button', 'data-test-id': 'show-more-conversations', onclick: function () {
        hidden.forEach(function (c) { thread.insertBefore(convItem(c, t), more); });
        more.remove();
      } }, '+ ' + hidden.length + ' conversations');
      thread.insertBefore(more, editorSlot);
      addConvs(convs.slice(convs.length - TAIL));
    } else addConvs(convs);
    renderReplyBar();

    var agent = agentById(t.responder_id), group = groupById(t.group_id);
    function select(label, name, options, value) {
      var s = h('select', { name: name, 'aria-label': label });
      options.forEach(function (o) { s.appendChild(h('option', { value: o[0], selected: String(o[0]) === String(value) ? true : null, text: o[1] })); });
      return h('div', { class: 'prop' }, [h('label', { text: label }), s]);
    }
    var statusOptions = Object.keys((cache.fields && cache.fields.status) || {}).map(function (k) { return [k, statusLabel(k)]; });
    if (!statusOptions.some(function (o) { return String(o[0]) === String(t.status); })) statusOptions.push([String(t.status), statusLabel(t.status)]);
    var props = h('div', { class: 'panel' }, [
      h('h4', { text: 'Properties' }),
      select('Type', 'type', [['', '--'], ['Billing', 'Billing'], ['Technical', 'Technical'], ['Fault', 'Fault'], ['Installation', 'Installation'], ['Complaint', 'Complaint'], ['Data Protection', 'Data Protection']], t.type || ''),
      select('Status', 'status', statusOptions, t.status),
      select('Priority', 'priority', [[1, 'Low'], [2, 'Medium'], [3, 'High'], [4, 'Urgent']], t.priority),
      select('Group', 'group_id', [['', '--']].concat((cache.groups || []).map(function (g) { return [g.id, g.name]; })), t.group_id || ''),
      select('Agent', 'responder_id', [['', '--']].concat((cache.agents || []).map(function (a) { return [a.id, a.name]; })), t.responder_id || ''),
      h('button', { class: 'btn primary', type: 'button', style: 'width:100%;justify-content:center', 'data-test-id': 'update-properties', onclick: function () {
        var v = function (n) { return props.querySelector('[name="' + n + '"]').value; };
        update(t, { type: v('type') || null, status: Number(v('status')), priority: Number(v('priority')), group_id: v('group_id') ? Number(v('group_id')) : null, responder_id: v('responder_id') ? Number(v('responder_id')) : null });
      } }, 'Update'),
    ]);
    var s = t.stats || {};
    var side = h('aside', { class: 'side', 'aria-label': 'Ticket details' }, [
      h('div', { class: 'panel' }, [
        h('h4', { text: 'Contact details' }),
        h('div', { class: 'contact' }, [avatar(req, 'lg'), h('div', { style: 'min-width:0' }, [h('div', { class: 'name', text: req.name }), h('div', { class: 'small', text: req.email || req.mobile || req.phone || 'No email' })])]),
      ]),
      props,
      h('div', { class: 'panel' }, [
        h('h4', { text: 'Timeline' }),
        h('dl', { class: 'stats' }, [
          h('dt', { text: 'First response' }), h('dd', { text: duration(t.created_at, s.first_responded_at) }),
          h('dt', { text: 'Resolution' }), h('dd', { text: duration(t.created_at, s.resolved_at) }),
          h('dt', { text: 'Assigned to' }), h('dd', { text: agent ? agent.name : '--' }),
          h('dt', { text: 'Group' }), h('dd', { text: group ? group.name : '--' }),
        ]),
      ]),
    ]);
    page.appendChild(h('div', { class: 'ticket-body' }, [thread, side]));
    return page;
  }

  function item(who, what, when, text, opts) {
    var cls = 'item' + (opts.kind === 'agent' ? ' is-agent' : '') + (opts.private ? ' is-private' : '') + (opts.publicNote ? ' is-public-note' : '');
    return h('article', { class: cls, 'data-test-id': opts.description ? 'ticket-description' : 'conversation', 'data-conversation-id': opts.id || null }, [
      avatar(who),
      h('div', { style: 'min-width:0' }, [
        h('div', { class: 'item-head' }, [
          h('span', { class: 'who', text: who.name }),
          h('span', { class: 'what', text: what }),
          opts.private ? h('span', { class: 'note-label', text: 'Private note' }) : null,
          opts.publicNote ? h('span', { class: 'public-label', text: 'Public note' }) : null,
          h('time', { class: 'when', datetime: when, text: fmt(when) }),
        ]),
        opts.to ? h('div', { class: 'to', text: 'To: ' + opts.to }) : null,
        add(h('div', { class: 'text', dir: 'auto' }), paragraphs(text)),
      ]),
    ]);
  }

  function convItem(c, t) {
    var who = person(c.user_id, t);
    var isAgent = who.kind === 'agent';
    var note = c.source === 2;
    var what = note ? (c.private ? 'added a private note' : 'added a public note') : c.source === 9 ? 'logged a call' : isAgent ? 'replied' : 'replied';
    return item(who, what, c.created_at, c.body_text, {
      id: c.id, kind: isAgent ? 'agent' : 'customer', private: c.private, publicNote: note && !c.private,
      to: c.source === 0 && isAgent && c.to_emails && c.to_emails.length ? c.to_emails.join(', ') : null,
    });
  }

  function editor(t, kind, onClose) {
    var note = kind === 'note';
    var req = t.requester;
    var area = h('div', { class: 'fr-element fr-view', contenteditable: 'true', dir: 'auto', 'aria-label': 'Rich Text Editor', role: 'textbox', 'aria-multiline': 'true', spellcheck: 'true' }, h('p', null, h('br')));
    var privateBox = h('input', { type: 'checkbox', checked: true, 'aria-label': 'Private note' });
    var box = h('div', { class: 'editor' + (note ? ' is-note' : ''), 'data-test-id': 'reply-editor' }, [
      h('div', { class: 'editor-head' }, note
        ? [h('b', { text: 'Add note' }), h('label', { style: 'display:flex;gap:6px;align-items:center' }, [privateBox, 'Private']), h('span', { text: 'Notify: --' })]
        : [h('span', null, ['From: ', h('b', { text: 'support@' + location.hostname.split('.')[0] + '.freshdesk.com' })]), h('span', null, ['To: ', h('b', { text: kind === 'forward' ? '' : req ? req.name + (req.email ? ' <' + req.email + '>' : '') : '' })])]),
      h('div', { class: 'fr-toolbar', 'aria-hidden': 'true' }, [h('span', { text: 'B' }), h('span', { style: 'font-style:italic', text: 'I' }), h('span', { style: 'text-decoration:underline', text: 'U' }), h('span', { text: '≡' }), h('span', { text: '•' }), h('span', { text: '@' }), h('span', { text: '{ }' })]),
      h('div', { class: 'fr-box fr-basic' }, h('div', { class: 'fr-wrapper' }, area)),
      h('div', { class: 'editor-foot' }, [
        h('button', { class: 'btn', type: 'button', 'data-test-id': 'discard', onclick: onClose }, 'Discard'),
        h('span', { class: 'grow' }),
        h('button', { class: 'btn primary', type: 'button', 'data-test-id': 'submit', onclick: function () {
          var text = area.innerText.replace(/\u00a0/g, ' ').trim();
          if (!text) { toast('Please type a message first'); return; }
          var body = Array.prototype.map.call(area.childNodes, function (n) { return n.textContent; }).filter(Boolean).map(function (line) {
            var d = document.createElement('div'); d.textContent = line; return d.outerHTML;
          }).join('');
          var url = '/api/_/tickets/' + t.id + (note ? '/notes' : '/reply');
          api(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(note ? { body: body, 'private': privateBox.checked } : { body: body }) })
            .then(function () { toast(note ? 'Note added' : 'Reply sent'); render(); })
            .catch(function (e) { toast('Could not send (' + e.message + ')'); });
        } }, note ? 'Add note' : 'Send'),
      ]),
    ]);
    return box;
  }

  function update(t, changes) {
    api('/api/_/tickets/' + t.id, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(changes) })
      .then(function () { toast('Ticket updated'); render(); })
      .catch(function (e) { toast('Update failed (' + e.message + ')'); });
  }

  api('/api/v2/agents/me').then(function (a) {
    me = a;
    var slot = document.getElementById('me');
    slot.textContent = '';
    slot.appendChild(avatar({ id: a.id, name: a.contact.name }));
    slot.setAttribute('title', a.contact.name + ' (' + a.contact.email + ')');
  }).catch(function () { /* read-only header */ });
  render();
})();
`;

export function renderFreshdeskApp(opts: FreshdeskAppOptions): string {
  const account = esc(opts.accountName);
  return `<!doctype html>
<html lang="en-GB" data-account="${account}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${account}</title>
<style>${CSS}</style>
</head>
<body>
<div class="app" id="app">
  <nav class="sidebar" aria-label="Main navigation">
    <span class="logo" title="Freshdesk">${ICONS.logo}</span>
    <a href="#" title="Dashboard" onclick="return false">${ICONS.dashboard}</a>
    <a href="/a/tickets" data-spa class="is-current" title="Tickets">${ICONS.tickets}</a>
    <a href="#" title="Contacts" onclick="return false">${ICONS.contacts}</a>
    <a href="#" title="Solutions" onclick="return false">${ICONS.solutions}</a>
    <a href="#" title="Analytics" onclick="return false">${ICONS.analytics}</a>
    <a href="#" title="Admin" onclick="return false">${ICONS.admin}</a>
  </nav>
  <div class="main">
    <header class="topbar">
      <div class="crumbs" id="crumbs"></div>
      <div class="top-right">
        <span class="search">${ICONS.search}<span>Search</span></span>
        <button class="new-btn" type="button">+ New</button>
        <button class="icon-btn" type="button" aria-label="Notifications">${ICONS.bell}</button>
        <button class="icon-btn" type="button" aria-label="Apps">${ICONS.apps}</button>
        <span id="me"><span class="avatar" style="background:#92a2b1"></span></span>
      </div>
    </header>
    <div class="view" id="view"></div>
  </div>
</div>
<div id="toast" role="status" aria-live="polite"></div>
<script>${SCRIPT}</script>
</body>
</html>`;
}

export function renderFreshdeskSignIn(opts: FreshdeskAppOptions): string {
  const account = esc(opts.accountName);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Login : ${account}</title>
<style>
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:linear-gradient(135deg,#12344d,#264966);font-family:-apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,Arial,sans-serif;color:#12344d}
.card{background:#fff;border-radius:8px;box-shadow:0 20px 40px #0000004d;padding:40px 44px;width:400px}
.logo{display:flex;justify-content:center;margin-bottom:12px}
h1{font-size:22px;text-align:center;margin:0 0 6px;font-weight:600}
p{text-align:center;color:#6f7c87;margin:0 0 26px;font-size:14px}
label{display:block;font-weight:600;font-size:13px;margin:0 0 6px}
input{display:block;width:100%;box-sizing:border-box;height:40px;border:1px solid #cfd7df;border-radius:4px;padding:0 12px;font:inherit;margin-bottom:18px}
button{width:100%;height:40px;border:0;border-radius:4px;background:#12344d;color:#fff;font:inherit;font-weight:600}
</style>
</head>
<body>
<form class="card" id="signin" action="#" onsubmit="return false">
  <div class="logo">${ICONS.logo.replace('width="28" height="28"', 'width="44" height="44"')}</div>
  <h1>Login to ${account}</h1>
  <p>Use your agent account to continue.</p>
  <label for="email">Email address</label><input id="email" type="email" autocomplete="username">
  <label for="password">Password</label><input id="password" type="password" autocomplete="current-password">
  <button type="submit">Log in</button>
</form>
</body>
</html>`;
}
