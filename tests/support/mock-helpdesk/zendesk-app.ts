// The fake Zendesk agent workspace: one HTML document (inline CSS and JS, no external resources)
// served for every /agent/* route, like the real SPA. Its script fetches from the mock API, keeps
// every opened ticket's pane mounted (background panes use visibility:hidden, so their
// offsetParent stays non-null, as in the real app), and navigates with history.pushState.
// All ticket data is rendered with createElement/textContent: nothing from the API is ever parsed
// as HTML, so the hostile ticket cannot run anything in the page.
//
// The script is a String.raw literal: it must not contain backticks or dollar-brace sequences
// (the shared helpers of page-script-helpers.ts are pasted in with the only two substitutions).

import { PAGE_SCRIPT_HELPERS, SPA_NAVIGATION } from './page-script-helpers';
import { escapeHtml as esc } from './shared';

export interface ZendeskAppOptions {
  accountName: string;
  host: string;
}

const ICONS = {
  logo: '<svg viewBox="0 0 26 26" width="26" height="26" aria-hidden="true"><path fill="currentColor" d="M12 7.9v13.6H1L12 7.9zm0-4.4c0 3-2.5 5.5-5.5 5.5S1 6.5 1 3.5h11zm2 18c0-3 2.5-5.5 5.5-5.5s5.5 2.5 5.5 5.5H14zm0-4.4V3.5h11L14 17.1z"/></svg>',
  home: '<svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="1.4" d="M2.5 7.5 8 2.5l5.5 5v6h-4v-4h-3v4h-4z"/></svg>',
  views: '<svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="1.4" d="M2 3.5h12M2 8h12M2 12.5h12"/></svg>',
  customers: '<svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true"><circle cx="8" cy="5.5" r="3" fill="none" stroke="currentColor" stroke-width="1.4"/><path fill="none" stroke="currentColor" stroke-width="1.4" d="M2.5 14c.8-3 3-4.5 5.5-4.5s4.7 1.5 5.5 4.5"/></svg>',
  orgs: '<svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="1.4" d="M2.5 14V3.5h7V14M9.5 7h4v7M4.5 6h3M4.5 9h3M4.5 12h3"/></svg>',
  reporting: '<svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="1.4" d="M3 13.5V8M8 13.5v-11M13 13.5V5.5"/></svg>',
  admin: '<svg viewBox="0 0 16 16" width="18" height="18" aria-hidden="true"><circle cx="8" cy="8" r="2.2" fill="none" stroke="currentColor" stroke-width="1.4"/><path fill="none" stroke="currentColor" stroke-width="1.4" d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4"/></svg>',
  search: '<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><circle cx="7" cy="7" r="4.5" fill="none" stroke="currentColor" stroke-width="1.4"/><path stroke="currentColor" stroke-width="1.4" d="m10.5 10.5 3.5 3.5"/></svg>',
  apps: '<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path fill="currentColor" d="M2 2h4v4H2zM10 2h4v4h-4zM2 10h4v4H2zM10 10h4v4h-4z"/></svg>',
  bell: '<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true"><path fill="none" stroke="currentColor" stroke-width="1.4" d="M4 11.5V7a4 4 0 0 1 8 0v4.5l1.5 1.5h-11zM6.5 14.5h3"/></svg>',
};

const CSS = String.raw`
*{box-sizing:border-box}
html,body{margin:0;height:100%}
body{font-family:-apple-system,BlinkMacSystemFont,"Segoe UI","Helvetica Neue",Arial,"Liberation Sans",sans-serif;font-size:14px;line-height:20px;color:#2f3941;background:#f8f9f9;-webkit-font-smoothing:antialiased}
button{font:inherit;color:inherit;cursor:pointer}
a{color:#1f73b7;text-decoration:none}
.app{display:flex;height:100vh;overflow:hidden}
.nav{width:60px;flex:none;background:#03363d;color:#fff;display:flex;flex-direction:column;align-items:center;padding:12px 0;gap:4px}
.nav .logo{color:#fff;margin-bottom:14px;display:flex}
.nav a{width:40px;height:40px;border-radius:6px;display:flex;align-items:center;justify-content:center;color:#b3c2c4;position:relative}
.nav a:hover{background:#ffffff1a;color:#fff}
.nav a.is-current{background:#ffffff26;color:#fff}
.nav a.is-current::before{content:"";position:absolute;left:-10px;top:8px;bottom:8px;width:3px;border-radius:0 3px 3px 0;background:#5eae91}
.nav .spacer{flex:1}
.nav .product{font-size:10px;color:#8eaeb1;letter-spacing:.02em}
.main{flex:1;display:flex;flex-direction:column;min-width:0}
.topbar{height:48px;flex:none;background:#fff;border-bottom:1px solid #d8dcde;display:flex;align-items:stretch;padding-left:8px}
.tabs{display:flex;align-items:stretch;min-width:0;overflow:hidden}
.tab-wrap{position:relative;display:flex;align-items:center;width:208px;min-width:120px;border-right:1px solid #e9ebed}
.tab-wrap.is-selected{background:#edf7ff}
.tab-wrap.is-selected::after{content:"";position:absolute;left:0;right:0;bottom:-1px;height:3px;background:#1f73b7}
.tab{display:grid;grid-template-columns:20px minmax(0,1fr);grid-template-rows:18px 16px;column-gap:6px;align-items:center;padding:6px 30px 6px 10px;width:100%;color:#2f3941}
.tab svg{grid-row:1/3;color:#68737d}
.tab-title{font-weight:600;font-size:13px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.tab-sub{font-size:12px;color:#68737d;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.tab-close{position:absolute;right:6px;top:50%;margin-top:-11px;width:22px;height:22px;border:0;background:none;border-radius:4px;color:#68737d;font-size:16px;line-height:20px;opacity:.7}
.tab-close:hover{background:#e9ebed;opacity:1}
.add-btn{border:0;background:none;color:#68737d;padding:0 14px;font-weight:600;font-size:13px;white-space:nowrap}
.add-btn:hover{color:#1f73b7}
.topbar-right{margin-left:auto;display:flex;align-items:center;gap:6px;padding:0 14px}
.search{display:flex;align-items:center;gap:6px;border:1px solid #d8dcde;border-radius:4px;height:32px;padding:0 10px;color:#87929d;width:200px;font-size:13px;white-space:nowrap;overflow:hidden}
.icon-btn{width:32px;height:32px;border:0;background:none;border-radius:50%;display:flex;align-items:center;justify-content:center;color:#68737d}
.icon-btn:hover{background:#f1f2f3}
.conv-pill{border:1px solid #d8dcde;border-radius:16px;height:30px;padding:0 12px;display:flex;align-items:center;gap:8px;font-size:13px;color:#49545c;background:#fff}
.conv-pill b{background:#e9ebed;border-radius:9px;padding:0 7px;font-weight:600;font-size:12px}
.avatar{width:32px;height:32px;border-radius:50%;display:inline-flex;align-items:center;justify-content:center;font-size:12px;font-weight:700;color:#fff;flex:none;text-transform:uppercase;overflow:hidden;letter-spacing:.02em}
.avatar.sm{width:28px;height:28px;font-size:11px}
.avatar.square{border-radius:6px}
.content{flex:1;position:relative;min-height:0}
.content>section{position:absolute;inset:0}
.content>section[hidden]{display:none}
/* Views */
.views-page{display:grid;grid-template-columns:272px minmax(0,1fr);background:#fff}
.views-list{background:#f8f9f9;border-right:1px solid #d8dcde;padding:20px 12px;overflow:auto}
.views-list h2{font-size:18px;margin:0 8px 14px;font-weight:600}
.views-list a{display:flex;justify-content:space-between;padding:7px 10px;border-radius:4px;color:#2f3941}
.views-list a:hover{background:#e9ebed}
.views-list a.is-current{background:#dfe4e6;font-weight:600}
.views-list .count{color:#68737d}
.views-list .group-title{font-size:12px;font-weight:600;color:#68737d;text-transform:uppercase;letter-spacing:.03em;margin:18px 10px 6px}
.view-main{padding:24px 32px;overflow:auto}
.view-main h1{font-size:22px;line-height:28px;margin:0;font-weight:600}
.view-sub{color:#68737d;margin:4px 0 18px}
.stats{display:flex;gap:16px;margin:0 0 24px}
.stat{border:1px solid #d8dcde;border-radius:6px;padding:12px 16px;min-width:150px}
.stat .label{color:#68737d;font-size:12px}
.stat .value{font-size:24px;line-height:32px;font-weight:600}
table.tickets{width:100%;border-collapse:collapse;font-size:13px}
table.tickets th{text-align:left;font-weight:600;color:#68737d;border-bottom:1px solid #d8dcde;padding:8px 10px;white-space:nowrap}
table.tickets td{border-bottom:1px solid #e9ebed;padding:10px;vertical-align:middle}
table.tickets tr.row{cursor:pointer}
table.tickets tr.row:hover td{background:#f6fbff}
table.tickets td.subject a{color:#2f3941;font-weight:600}
table.tickets td.subject a:hover{color:#1f73b7;text-decoration:underline}
table.tickets td.muted{color:#68737d}
.status{display:inline-block;border-radius:4px;padding:0 6px;font-size:11px;font-weight:700;line-height:18px;color:#fff;text-transform:capitalize;min-width:18px;text-align:center}
.status.new{background:#ffb648;color:#703815}
.status.open{background:#cc3340}
.status.pending{background:#1f73b7}
.status.hold{background:#2f3941}
.status.solved{background:#87929d}
.status.closed{background:#c2c8cc;color:#49545c}
.empty{color:#68737d;padding:40px;text-align:center}
/* Ticket panes: every opened ticket stays mounted; inactive ones are only made invisible. */
.workspace{background:#fff}
.ticket-panes-grid-layout{position:absolute;inset:0;display:grid;grid-template-columns:272px minmax(0,1fr) 300px;grid-template-rows:minmax(0,1fr) 56px;background:#fff}
.ticket-panes-grid-layout[data-is-active="false"]{visibility:hidden;pointer-events:none}
.props-panel{grid-row:1;grid-column:1;background:#f8f9f9;border-right:1px solid #d8dcde;overflow:auto;padding:16px 20px}
.field{margin-bottom:16px}
.field label,.field .label{display:block;font-weight:600;font-size:13px;margin-bottom:6px}
.box{border:1px solid #d8dcde;border-radius:4px;background:#fff;min-height:36px;padding:7px 10px;display:flex;align-items:center;gap:8px;font-size:13px;position:relative}
.box.select{padding-right:28px}
.box.select::after{content:"";position:absolute;right:12px;top:15px;border:4px solid transparent;border-top-color:#68737d}
.box .sub{color:#68737d}
.box .stack{display:flex;flex-direction:column;line-height:17px}
.box .stack .sub{font-size:12px}
.box>span:not(.avatar){min-width:0;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.row2{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.chips{display:flex;flex-wrap:wrap;gap:4px}
.chip{background:#e9ebed;border-radius:4px;padding:0 6px;font-size:12px;line-height:20px;color:#49545c}
.props-panel hr{border:0;border-top:1px solid #d8dcde;margin:18px 0}
.conversation-polaris{grid-row:1;grid-column:2;display:flex;flex-direction:column;min-width:0;min-height:0}
.conv-header{padding:14px 24px 12px;border-bottom:1px solid #e9ebed}
.conv-header h1{font-size:18px;line-height:26px;margin:0 0 4px;font-weight:600;overflow-wrap:anywhere}
.conv-meta{display:flex;align-items:center;gap:8px;color:#68737d;font-size:13px;flex-wrap:wrap}
.log{flex:1;overflow:auto;padding:8px 24px 16px;min-height:0}
.show-more{display:block;margin:8px auto 4px;border:1px solid #d8dcde;background:#fff;border-radius:16px;padding:4px 14px;font-size:12px;color:#1f73b7}
.log-item{display:grid;grid-template-columns:40px minmax(0,1fr);gap:0 12px;padding:16px 0;border-bottom:1px solid #f1f2f3}
.log-item:last-child{border-bottom:0}
.log-head{display:flex;align-items:baseline;gap:8px;flex-wrap:wrap}
.log-author{font-weight:600;overflow-wrap:anywhere}
.log-time{color:#68737d;font-size:12px}
.log-via{color:#87929d;font-size:12px}
.log-body{margin-top:4px;overflow-wrap:anywhere;unicode-bidi:plaintext}
.log-body p{margin:0 0 10px}
.log-body p:last-child{margin-bottom:0}
.internal-tag{display:inline-flex;align-items:center;gap:4px;background:#ffd424;color:#703b15;border-radius:4px;padding:0 6px;font-size:11px;font-weight:700;line-height:18px}
.log-item.is-internal .bubble{background:#fff7ed;border:1px solid #ffcc80;border-radius:6px;padding:10px 12px;margin-top:6px}
.log-item.is-internal .log-body{margin-top:0}
.attachments{display:flex;gap:8px;flex-wrap:wrap;margin-top:10px}
.attachment{border:1px solid #d8dcde;border-radius:4px;padding:6px 10px;font-size:12px;display:flex;gap:6px;align-items:center;color:#49545c;background:#fff}
.attachment .ext{background:#1f73b7;color:#fff;border-radius:3px;padding:0 4px;font-size:10px;font-weight:700}
.call{border:1px solid #d8dcde;border-radius:6px;padding:12px 14px;margin-top:6px;background:#fff}
.call-title{font-weight:600;display:flex;gap:8px;align-items:center}
.call-grid{display:grid;grid-template-columns:130px 1fr;gap:2px 12px;font-size:13px;margin:10px 0}
.call-grid dt{color:#68737d}
.call-grid dd{margin:0}
.player{display:flex;align-items:center;gap:10px;background:#f8f9f9;border-radius:20px;padding:6px 12px;font-size:12px;color:#68737d}
.player .play{width:22px;height:22px;border-radius:50%;background:#1f73b7;position:relative;flex:none}
.player .play::after{content:"";position:absolute;left:8px;top:6px;border:5px solid transparent;border-left:7px solid #fff;border-right:0}
.player .track{flex:1;height:4px;border-radius:2px;background:#d8dcde}
.call details{margin-top:10px;font-size:13px}
.call summary{cursor:pointer;color:#1f73b7}
.call pre{white-space:pre-wrap;font:inherit;margin:8px 0 0;color:#49545c}
/* Conversation-style log for chat and messaging */
.log.is-messaging .log-item{grid-template-columns:32px minmax(0,1fr);border-bottom:0;padding:6px 0}
.log.is-messaging .log-item .avatar{width:28px;height:28px;font-size:11px}
.log.is-messaging .bubble{display:inline-block;max-width:80%;border-radius:12px;padding:8px 12px;margin-top:4px;background:#f1f2f3}
.log.is-messaging .is-agent .bubble{background:#e3f1fd}
.log.is-messaging .log-item.is-internal .bubble{background:#fff7ed;border:1px solid #ffcc80}
.composer{border-top:1px solid #d8dcde;padding:10px 24px 12px;flex:none}
.composer.is-internal{background:#fff7ed}
.composer-head{display:flex;align-items:center;gap:4px;margin-bottom:6px}
.mode{border:0;background:none;border-radius:4px;padding:3px 8px;font-size:13px;font-weight:600;color:#68737d}
.mode[aria-pressed="true"]{color:#2f3941;background:#e9ebed}
.composer.is-internal .mode[aria-pressed="true"]{background:#ffd424;color:#703b15}
.composer-to{margin-left:auto;color:#68737d;font-size:13px;display:flex;gap:6px;align-items:center}
.composer-to .chip{max-width:220px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.ck-editor__editable{min-height:72px;max-height:180px;overflow:auto;outline:none;border:1px solid #d8dcde;border-radius:4px;padding:8px 12px;background:#fff}
.ck-editor__editable:focus{border-color:#1f73b7;box-shadow:0 0 0 3px #1f73b740}
.ck-editor__editable p{margin:0}
.ck-editor__editable.is-empty::before{content:attr(data-placeholder);color:#87929d;position:absolute;pointer-events:none}
.composer-tools{display:flex;gap:2px;margin-top:6px;color:#68737d}
.composer-tools span{width:28px;height:24px;display:inline-flex;align-items:center;justify-content:center;border-radius:4px;font-size:13px;font-weight:700}
.context-panel{grid-row:1;grid-column:3;border-left:1px solid #d8dcde;overflow:auto;padding:16px 20px;background:#fff}
.context-panel h3{font-size:13px;margin:0 0 10px;color:#68737d;font-weight:600;text-transform:uppercase;letter-spacing:.03em}
.customer{display:flex;gap:12px;align-items:center;margin-bottom:14px}
.customer .name{font-weight:600;font-size:15px;overflow-wrap:anywhere}
.customer .email{color:#68737d;font-size:13px;overflow-wrap:anywhere}
.kv{display:grid;grid-template-columns:90px minmax(0,1fr);gap:6px 10px;font-size:13px;margin-bottom:20px}
.kv dt{color:#68737d}
.kv dd{margin:0;overflow-wrap:anywhere}
.interaction{display:flex;gap:10px;padding:8px 0;border-top:1px solid #f1f2f3;font-size:13px;align-items:flex-start}
.interaction .status{margin-top:1px}
.interaction .s{font-weight:600;overflow-wrap:anywhere}
.interaction .d{color:#68737d;font-size:12px}
.pane-footer{grid-row:2;grid-column:1/-1;border-top:1px solid #d8dcde;display:flex;align-items:center;justify-content:space-between;padding:0 16px;background:#fff}
.btn{border:1px solid #d8dcde;background:#fff;border-radius:4px;height:36px;padding:0 14px;font-weight:600;font-size:13px;color:#49545c}
.btn:hover{border-color:#1f73b7;color:#1f73b7}
.split{display:flex;position:relative}
.submit{background:#1f73b7;border:0;color:#fff;height:36px;padding:0 18px;font-weight:600;font-size:14px;border-radius:4px 0 0 4px}
.submit:hover{background:#144a75}
.submit-menu{background:#1f73b7;border:0;border-left:1px solid #ffffff55;color:#fff;height:36px;width:34px;border-radius:0 4px 4px 0}
.menu{position:absolute;right:0;bottom:42px;background:#fff;border:1px solid #d8dcde;border-radius:4px;box-shadow:0 8px 24px #04444d26;padding:4px 0;min-width:200px;z-index:5}
.menu button{display:flex;gap:8px;align-items:center;width:100%;border:0;background:none;text-align:left;padding:7px 14px;font-size:13px}
.menu button:hover{background:#edf7ff}
.loading{padding:40px;color:#68737d}
.error{margin:40px;border:1px solid #f5b5ba;background:#fff0f1;color:#8c232c;border-radius:6px;padding:14px 16px}
#toast{position:fixed;left:50%;bottom:72px;transform:translateX(-50%);background:#2f3941;color:#fff;border-radius:6px;padding:10px 16px;font-size:13px;opacity:0;transition:opacity .2s;pointer-events:none}
#toast.show{opacity:1}
`;

const SCRIPT = String.raw`
(function () {
  'use strict';
  var ACCOUNT = document.documentElement.getAttribute('data-account') || 'Zendesk';
  var HEADERS = { accept: 'application/json', 'x-agent-app': 'mock' };
  var STATUS = { 'new': 'New', open: 'Open', pending: 'Pending', hold: 'On-hold', solved: 'Solved', closed: 'Closed' };
  var CHANNEL = { email: 'Email', web: 'Web form', chat: 'Chat', native_messaging: 'WhatsApp', voice: 'Phone call', api: 'API', mobile: 'Mobile', sample_ticket: 'Sample ticket' };
  var COLORS = ['#1f73b7', '#038153', '#c72a1c', '#5d3b8c', '#ad5918', '#04444d', '#2f3941', '#b23a73'];
  var PARAGRAPH_BREAK = /\n{2,}/;
  var me = null;
  var users = new Map();
  var tickets = new Map();
  var tabs = [];
  try { tabs = JSON.parse(sessionStorage.getItem('zd-open-tabs') || '[]'); } catch (e) { tabs = []; }
  var views = null;
  var tabEls = new Map();
  var tabsEl = document.getElementById('tabs');
  var homeEl = document.getElementById('home');
  var workspaceEl = document.getElementById('workspace');

  // ---- DOM helpers: text only, never HTML from the API (h, add, initials, color, avatar,
  // paragraphs, toast), and api(): same-origin, session cookie, like the real app.
${PAGE_SCRIPT_HELPERS}
  function svg(d, size) {
    var s = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    s.setAttribute('viewBox', '0 0 16 16'); s.setAttribute('width', size || 16); s.setAttribute('height', size || 16); s.setAttribute('aria-hidden', 'true');
    var p = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    p.setAttribute('d', d); p.setAttribute('fill', 'none'); p.setAttribute('stroke', 'currentColor'); p.setAttribute('stroke-width', '1.3');
    s.appendChild(p);
    return s;
  }
  var TICKET_ICON = 'M2.5 3.5h11v3a1.5 1.5 0 0 0 0 3v3h-11v-3a1.5 1.5 0 0 0 0-3z';
  function fmt(iso, withYear) {
    var d = new Date(iso);
    if (isNaN(d)) return '';
    var o = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' };
    if (withYear) o.year = 'numeric';
    return d.toLocaleString('en-GB', o);
  }
  function fmtDay(iso) {
    var d = new Date(iso);
    return isNaN(d) ? '' : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });
  }

  // ---- API data
  function remember(list) { (list || []).forEach(function (u) { users.set(String(u.id), u); }); }
  function user(id) { return id === null || id === undefined ? null : users.get(String(id)) || null; }
  function isAgent(u) { return !!u && (u.role === 'agent' || u.role === 'admin'); }
  function loadComments(id) {
    var all = [];
    function page(url) {
      return api(url).then(function (body) {
        remember(body.users);
        all = all.concat(body.comments || []);
        // has_more is the only reliable stop: links.next is still set on the last page.
        if (body.meta) return body.meta.has_more && body.links && body.links.next ? page(body.links.next) : all;
        return body.next_page ? page(body.next_page) : all;
      });
    }
    return page('/api/v2/tickets/' + id + '/comments.json?page[size]=100&include=users');
  }

  // ---- Routing: pushState + popstate, no reloads (navigate() and the link handler are shared).
  function route() {
    var p = location.pathname.replace(/\/+$/, '');
    var m = p.match(/^\/agent\/tickets\/(\d+)$/);
    if (m) return { name: 'ticket', id: m[1] };
    m = p.match(/^\/agent\/filters\/(\d+)$/);
    if (m) return { name: 'view', id: m[1] };
    return { name: 'home' };
  }
${SPA_NAVIGATION}

  function saveTabs() { try { sessionStorage.setItem('zd-open-tabs', JSON.stringify(tabs)); } catch (e) { /* private mode */ } }

  function render() {
    var r = route();
    var activeId = r.name === 'ticket' ? r.id : null;
    if (activeId) {
      if (tabs.indexOf(activeId) < 0) { tabs.push(activeId); saveTabs(); }
      ensurePane(activeId);
    }
    homeEl.hidden = !!activeId;
    workspaceEl.hidden = !activeId;
    Array.prototype.forEach.call(workspaceEl.children, function (pane) {
      pane.setAttribute('data-is-active', String(pane.getAttribute('data-ticket-id') === activeId));
    });
    renderTabs(activeId);
    document.querySelectorAll('.nav a[data-nav]').forEach(function (a) {
      var on = (a.getAttribute('data-nav') === 'home' && r.name === 'home') || (a.getAttribute('data-nav') === 'views' && r.name === 'view');
      a.classList.toggle('is-current', on);
    });
    if (!activeId) renderHome(r);
    title();
  }
  function title() {
    var r = route();
    var entry = r.name === 'ticket' ? tickets.get(r.id) : null;
    document.title = (entry && entry.ticket ? entry.ticket.subject + ' – ' : r.name === 'ticket' ? 'Ticket #' + r.id + ' – ' : 'Home – ') + ACCOUNT + ' – Zendesk';
  }

  // ---- Header tabs, updated in place (attributes flip, nodes persist), like React would.
  function renderTabs(activeId) {
    tabEls.forEach(function (el, id) { if (tabs.indexOf(id) < 0) { el.remove(); tabEls.delete(id); } });
    tabs.forEach(function (id) {
      var el = tabEls.get(id);
      if (!el) {
        var link = h('a', { class: 'tab', 'data-test-id': 'header-tab', 'data-entity-type': 'TICKET_ENTITY_TYPE', 'data-entity-id': id, 'data-spa': true, href: '/agent/tickets/' + id, role: 'tab' },
          [svg(TICKET_ICON, 18), h('span', { class: 'tab-title' }), h('span', { class: 'tab-sub' })]);
        var close = h('button', { class: 'tab-close', type: 'button', 'data-test-id': 'close-button', 'aria-label': 'Close tab', onclick: function (e) { e.preventDefault(); e.stopPropagation(); closeTab(id); } }, '×');
        el = h('div', { class: 'tab-wrap' }, [link, close]);
        tabEls.set(id, el);
      }
      tabsEl.appendChild(el);
      var selected = id === activeId;
      var a = el.querySelector('a');
      a.setAttribute('data-entity-is-selected', String(selected));
      a.setAttribute('aria-selected', String(selected));
      el.classList.toggle('is-selected', selected);
      var entry = tickets.get(id);
      var t = entry && entry.ticket;
      a.querySelector('.tab-title').textContent = t ? t.subject : 'Loading…';
      var req = t ? user(t.requester_id) : null;
      a.querySelector('.tab-sub').textContent = (req ? req.name + '  ' : '') + '#' + id;
      if (t) a.setAttribute('title', t.subject);
    });
  }
  function closeTab(id) {
    var i = tabs.indexOf(id);
    if (i < 0) return;
    tabs.splice(i, 1); saveTabs();
    var pane = workspaceEl.querySelector('[data-ticket-id="' + id + '"]');
    if (pane) pane.remove();
    tickets.delete(id);
    var r = route();
    if (r.name === 'ticket' && r.id === id) navigate(tabs.length ? '/agent/tickets/' + tabs[Math.min(i, tabs.length - 1)] : '/agent/dashboard');
    else renderTabs(r.name === 'ticket' ? r.id : null);
  }

  // ---- Home and views
  function renderHome(r) {
    if (!views) {
      homeEl.textContent = '';
      homeEl.appendChild(h('div', { class: 'loading', text: 'Loading views…' }));
      api('/api/v2/views.json').then(function (body) {
        views = body.views || [];
        var ids = views.map(function (v) { return v.id; }).join(',');
        return api('/api/v2/views/count_many.json?ids=' + ids).then(function (c) {
          var counts = {};
          (c.view_counts || []).forEach(function (vc) { counts[vc.view_id] = vc.pretty; });
          views.forEach(function (v) { v.count = counts[v.id]; });
        });
      }).then(function () { if (route().name !== 'ticket') renderHome(route()); })
        .catch(function (e) { homeEl.textContent = ''; homeEl.appendChild(h('div', { class: 'error', text: 'Views could not be loaded (' + e.message + ').' })); });
      return;
    }
    var viewId = r.name === 'view' ? r.id : String((views.filter(function (v) { return v.title === 'All unsolved tickets'; })[0] || views[0] || {}).id);
    var view = views.filter(function (v) { return String(v.id) === viewId; })[0];
    homeEl.textContent = '';
    var list = h('aside', { class: 'views-list', 'aria-label': 'Views' }, [h('h2', { text: 'Views' })]);
    views.forEach(function (v, i) {
      if (i === 3) list.appendChild(h('div', { class: 'group-title', text: 'Shared views' }));
      list.appendChild(h('a', { href: '/agent/filters/' + v.id, 'data-spa': true, class: String(v.id) === viewId && r.name === 'view' ? 'is-current' : '' },
        [h('span', { text: v.title }), h('span', { class: 'count', text: v.count || '0' })]));
    });
    var main = h('main', { class: 'view-main' });
    homeEl.appendChild(list); homeEl.appendChild(main);
    if (!view) { main.appendChild(h('div', { class: 'empty', text: 'This view does not exist or you do not have access to it.' })); return; }
    if (r.name === 'home') {
      main.appendChild(h('h1', { text: 'Home' }));
      main.appendChild(h('div', { class: 'view-sub', text: 'Welcome back' + (me ? ', ' + me.name.split(' ')[0] : '') + '.' }));
      var byName = {}; views.forEach(function (v) { byName[v.title] = v.count || '0'; });
      main.appendChild(h('div', { class: 'stats' }, [
        h('div', { class: 'stat' }, [h('div', { class: 'label', text: 'Open tickets (you)' }), h('div', { class: 'value', text: byName['Your unsolved tickets'] || '0' })]),
        h('div', { class: 'stat' }, [h('div', { class: 'label', text: 'Unsolved (all groups)' }), h('div', { class: 'value', text: byName['All unsolved tickets'] || '0' })]),
        h('div', { class: 'stat' }, [h('div', { class: 'label', text: 'Unassigned' }), h('div', { class: 'value', text: byName['Unassigned tickets'] || '0' })]),
        h('div', { class: 'stat' }, [h('div', { class: 'label', text: 'Recently solved' }), h('div', { class: 'value', text: byName['Recently solved tickets'] || '0' })]),
      ]));
    }
    main.appendChild(h(r.name === 'home' ? 'h2' : 'h1', { text: view.title, style: r.name === 'home' ? 'font-size:16px;margin:0 0 8px' : null }));
    var sub = h('div', { class: 'view-sub', text: 'Loading tickets…' });
    main.appendChild(sub);
    api('/api/v2/views/' + view.id + '/tickets.json?include=users').then(function (body) {
      remember(body.users);
      var rows = body.tickets || [];
      sub.textContent = rows.length + (rows.length === 1 ? ' ticket' : ' tickets');
      if (!rows.length) { main.appendChild(h('div', { class: 'empty', text: 'No tickets in this view.' })); return; }
      var tbody = h('tbody');
      rows.forEach(function (t) {
        var req = user(t.requester_id), asg = user(t.assignee_id);
        tbody.appendChild(h('tr', { class: 'row', 'data-ticket-id': t.id, onclick: function (e) { if (!e.target.closest('a')) navigate('/agent/tickets/' + t.id); } }, [
          h('td', null, h('span', { class: 'status ' + t.status, text: STATUS[t.status] || t.status })),
          h('td', { class: 'muted', text: '#' + t.id }),
          h('td', { class: 'subject' }, h('a', { href: '/agent/tickets/' + t.id, 'data-spa': true, text: t.subject })),
          h('td', { text: req ? req.name : '—' }),
          h('td', { class: 'muted', text: fmtDay(t.created_at) }),
          h('td', { class: 'muted', text: CHANNEL[t.via && t.via.channel] || 'Other' }),
          h('td', { text: t.priority ? t.priority.charAt(0).toUpperCase() + t.priority.slice(1) : '—' }),
          h('td', { text: asg ? asg.name : '—' }),
        ]));
      });
      main.appendChild(h('table', { class: 'tickets' }, [
        h('thead', null, h('tr', null, ['Status', 'ID', 'Subject', 'Requester', 'Requested', 'Channel', 'Priority', 'Assignee'].map(function (c) { return h('th', { text: c }); }))),
        tbody,
      ]));
    }).catch(function (e) { sub.textContent = 'Tickets could not be loaded (' + e.message + ').'; });
  }

  // ---- Ticket panes
  function ensurePane(id) {
    if (workspaceEl.querySelector('[data-ticket-id="' + id + '"]')) return;
    var pane = h('div', { 'data-test-id': 'ticket-' + id + '-standard-layout', 'data-ticket-id': id, 'data-is-active': 'false', class: 'ticket-panes-grid-layout' },
      h('div', { class: 'loading', style: 'grid-column:1/-1', text: 'Loading ticket #' + id + '…' }));
    workspaceEl.appendChild(pane);
    Promise.all([api('/api/v2/tickets/' + id + '.json?include=users,groups'), loadComments(id)]).then(function (res) {
      remember(res[0].users);
      var entry = { ticket: res[0].ticket, groups: res[0].groups || [], comments: res[1], mode: 'public', showAll: false };
      tickets.set(id, entry);
      if (!pane.isConnected) return;
      fillPane(pane, entry);
      renderTabs(route().name === 'ticket' ? route().id : null);
      title();
      loadInteractions(pane, entry);
    }).catch(function (e) {
      pane.textContent = '';
      pane.appendChild(h('div', { class: 'error', style: 'grid-column:1/-1;align-self:start', text: e.status === 404 ? 'Ticket #' + id + ' does not exist, or you do not have access to it.' : 'Ticket #' + id + ' could not be loaded (' + e.message + ').' }));
    });
  }

  function field(label, content) { return h('div', { class: 'field' }, [h('span', { class: 'label', text: label }), content]); }

  function fillPane(pane, entry) {
    var t = entry.ticket;
    var req = user(t.requester_id), asg = user(t.assignee_id);
    var group = entry.groups.filter(function (g) { return g.id === t.group_id; })[0];
    var messaging = t.via && (t.via.channel === 'native_messaging' || t.via.channel === 'chat');
    pane.textContent = '';

    var followers = (t.follower_ids || []).map(user).filter(Boolean);
    pane.appendChild(h('aside', { class: 'props-panel', 'aria-label': 'Ticket properties' }, [
      field('Requester', h('div', { class: 'box' }, [avatar(req, 'sm'), h('span', { text: req ? req.name : 'Unknown' })])),
      field('Assignee', h('div', { class: 'box select' }, asg
        ? [avatar(asg, 'sm'), h('span', { class: 'stack' }, [h('span', { text: asg.name }), group ? h('span', { class: 'sub', text: group.name }) : null])]
        : h('span', { class: 'stack' }, [h('span', { text: '–' }), group ? h('span', { class: 'sub', text: group.name }) : null]))),
      field('Followers', h('div', { class: 'box' }, followers.length ? followers.map(function (f) { return h('span', { class: 'chip', text: f.name }); }) : h('span', { class: 'sub', text: 'Add followers' }))),
      h('hr'),
      field('Tags', h('div', { class: 'box' }, h('div', { class: 'chips' }, (t.tags || []).map(function (tag) { return h('span', { class: 'chip', text: tag }); })))),
      h('div', { class: 'row2' }, [
        field('Type', h('div', { class: 'box select', text: t.type ? t.type.charAt(0).toUpperCase() + t.type.slice(1) : '–' })),
        field('Priority', h('div', { class: 'box select', text: t.priority ? t.priority.charAt(0).toUpperCase() + t.priority.slice(1) : '–' })),
      ]),
      field('Channel', h('div', { class: 'box', text: CHANNEL[t.via && t.via.channel] || 'Other' })),
    ]));

    var log = h('div', { class: 'log' + (messaging ? ' is-messaging' : ''), role: 'log', 'data-test-id': 'omni-log-container', 'aria-label': 'Conversation' });
    var head = h('header', { class: 'conv-header' });
    var conv = h('section', { class: 'conversation-polaris', 'data-ticket-id': t.id, 'aria-label': 'Conversation' }, [head, log, composer(entry, req, messaging)]);
    pane.appendChild(conv);

    pane.appendChild(h('aside', { class: 'context-panel', 'aria-label': 'Customer context' }, [
      h('h3', { text: 'Customer' }),
      h('div', { class: 'customer' }, [avatar(req, 'square'), h('div', null, [h('div', { class: 'name', text: req ? req.name : 'Unknown' }), h('div', { class: 'email', text: req ? req.email : '' })])]),
      h('dl', { class: 'kv' }, [
        h('dt', { text: 'Phone' }), h('dd', { text: (req && req.phone) || '–' }),
        h('dt', { text: 'Local time' }), h('dd', { text: new Date().toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' }) + ' GMT' }),
        h('dt', { text: 'Language' }), h('dd', { text: 'English (United Kingdom)' }),
        h('dt', { text: 'Notes' }), h('dd', { text: (req && req.notes) || 'Add user notes' }),
      ]),
      h('h3', { text: 'Interactions' }),
      h('div', { class: 'interactions' }, h('div', { class: 'loading', style: 'padding:4px 0', text: 'Loading…' })),
    ]));

    var menu = null;
    var submitBtn = h('button', { class: 'submit', type: 'button', 'data-test-id': 'submit_button-button', onclick: function () { submit(pane, entry, null); } });
    var menuBtn = h('button', { class: 'submit-menu', type: 'button', 'data-test-id': 'submit_button-menu-button', 'aria-label': 'Select status', onclick: function () {
      if (menu) { menu.remove(); menu = null; return; }
      menu = h('div', { class: 'menu', role: 'menu' }, ['open', 'pending', 'hold', 'solved'].map(function (s) {
        return h('button', { type: 'button', role: 'menuitem', onclick: function () { menu.remove(); menu = null; submit(pane, entry, s); } }, [h('span', { class: 'status ' + s, text: STATUS[s].charAt(0) }), 'Submit as ' + STATUS[s]]);
      }));
      menuBtn.parentNode.appendChild(menu);
    } }, '▾');
    pane.appendChild(h('footer', { class: 'pane-footer' }, [
      h('button', { class: 'btn', type: 'button', onclick: function () { closeTab(String(t.id)); } }, 'Close tab ▾'),
      h('div', { class: 'split' }, [submitBtn, menuBtn]),
    ]));
    refresh(pane, entry);
  }

  /** Parts that change after a submit: header, log, submit label. */
  function refresh(pane, entry) {
    var t = entry.ticket;
    var head = pane.querySelector('.conv-header');
    head.textContent = '';
    add(head, [
      h('h1', { 'data-test-id': 'omni-header-subject', text: t.subject }),
      h('div', { class: 'conv-meta' }, [
        h('span', { class: 'status ' + t.status, text: STATUS[t.status] || t.status }),
        h('span', { text: 'Ticket #' + t.id }),
        h('span', { text: '·' }),
        h('span', { text: 'Via ' + (CHANNEL[t.via && t.via.channel] || 'other') }),
        h('span', { text: '·' }),
        h('span', { text: 'Created ' + fmt(t.created_at, true) }),
        t.satisfaction_rating && t.satisfaction_rating.score === 'good' ? h('span', { class: 'chip', style: 'background:#edf8f4;color:#037f52', text: 'Satisfaction: Good' }) : null,
        t.satisfaction_rating && t.satisfaction_rating.score === 'bad' ? h('span', { class: 'chip', style: 'background:#fff0f1;color:#cc3340', text: 'Satisfaction: Bad' }) : null,
      ]),
    ]);
    renderLog(pane.querySelector('.log'), entry);
    pane.querySelector('[data-test-id="submit_button-button"]').textContent = 'Submit as ' + (STATUS[t.status] || 'Open');
  }

  var LOG_LIMIT = 30;
  function renderLog(log, entry) {
    log.textContent = '';
    var all = entry.comments;
    var start = entry.showAll ? 0 : Math.max(0, all.length - LOG_LIMIT);
    if (start > 0) log.appendChild(h('button', { class: 'show-more', type: 'button', 'data-test-id': 'convolog-show-more-button', onclick: function () { entry.showAll = true; renderLog(log, entry); } }, 'Show more (' + start + ' earlier)'));
    all.slice(start).forEach(function (c) { log.appendChild(commentEl(c, entry)); });
    log.scrollTop = log.scrollHeight;
  }

  function commentEl(c, entry) {
    var author = user(c.author_id);
    var agent = isAgent(author);
    var internal = !c.public;
    var via = c.via && c.via.channel;
    var body = h('div', { class: 'log-body', 'data-test-id': 'omni-log-message-content', dir: 'auto' });
    if (c.type === 'VoiceComment' && c.data) body.appendChild(callCard(c.data));
    else add(body, paragraphs(c.body));
    var files = (c.attachments || []).map(function (a) {
      var ext = String(a.file_name || '').split('.').pop().slice(0, 4).toUpperCase();
      return h('span', { class: 'attachment' }, [h('span', { class: 'ext', text: ext }), h('span', { text: a.file_name }), h('span', { style: 'color:#87929d', text: Math.max(1, Math.round((a.size || 0) / 1024)) + ' KB' })]);
    });
    return h('article', { class: 'log-item' + (internal ? ' is-internal' : '') + (agent ? ' is-agent' : ' is-end-user'), 'data-test-id': 'omni-log-comment-item', 'data-comment-id': c.type === 'VoiceComment' ? null : c.id }, [
      avatar(author),
      h('div', null, [
        h('div', { class: 'log-head' }, [
          h('span', { class: 'log-author', 'data-test-id': 'omni-log-item-sender', text: author ? author.name : 'Unknown user' }),
          internal ? h('span', { class: 'internal-tag', 'data-test-id': 'omni-log-internal-note-tag', text: 'Internal note' }) : null,
          h('time', { class: 'log-time', datetime: c.created_at, text: fmt(c.created_at) }),
          via && via !== 'web' ? h('span', { class: 'log-via', text: 'via ' + (CHANNEL[via] || via) }) : null,
        ]),
        h('div', { class: 'bubble' }, [body, files.length ? h('div', { class: 'attachments' }, files) : null]),
      ]),
    ]);
  }

  function callCard(d) {
    var mins = Math.floor((d.call_duration || 0) / 60), secs = (d.call_duration || 0) % 60;
    return h('div', { class: 'call' }, [
      h('div', { class: 'call-title' }, [svg('M5 2.5 3 3.5c-.5 3.5 3 9 9.5 10l1-2-2.5-2-1.5 1C8 9.5 6.5 8 6 6.5l1-1.5z'), (d.outbound ? 'Outbound call to ' + d.to : 'Inbound call from ' + d.from)]),
      h('dl', { class: 'call-grid' }, [
        h('dt', { text: 'Answered by' }), h('dd', { text: d.answered_by_name || '–' }),
        h('dt', { text: 'Call to' }), h('dd', { text: d.to || '–' }),
        h('dt', { text: 'Location' }), h('dd', { text: d.location || '–' }),
        h('dt', { text: 'Length' }), h('dd', { text: mins + ' min ' + secs + ' s' }),
      ]),
      h('div', { class: 'player' }, [h('span', { class: 'play' }), h('span', { text: '0:00' }), h('span', { class: 'track' }), h('span', { text: mins + ':' + String(secs).padStart(2, '0') })]),
      d.transcription_text ? h('details', null, [h('summary', { text: 'Call transcript' }), h('pre', { text: d.transcription_text })]) : null,
    ]);
  }

  function composer(entry, req, messaging) {
    var t = entry.ticket;
    var wrap = h('div', { class: 'composer', 'data-test-id': 'omnicomposer' });
    var editor = h('div', {
      'data-test-id': messaging ? 'omnicomposer-plain-text-ckeditor' : 'omnicomposer-rich-text-ckeditor',
      class: 'ck ck-content ck-editor__editable ck-rounded-corners ck-editor__editable_inline is-empty',
      contenteditable: 'true', role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Rich Text Editor. Editing area: main',
      'data-placeholder': messaging ? 'Type your message' : 'Write a public reply…',
      spellcheck: 'true', translate: 'no', lang: 'en-GB',
    }, h('p', null, h('br', { 'data-cke-filler': 'true' })));
    editor.addEventListener('input', function () { editor.classList.toggle('is-empty', !editor.textContent.trim()); });
    var pub = h('button', { class: 'mode', type: 'button', 'aria-pressed': 'true', 'data-test-id': 'omnichannel-channel-switcher-public' }, messaging ? CHANNEL[t.via.channel] : 'Public reply');
    var note = h('button', { class: 'mode', type: 'button', 'aria-pressed': 'false', 'data-test-id': 'omnichannel-channel-switcher-internal' }, 'Internal note');
    function setMode(m) {
      entry.mode = m;
      pub.setAttribute('aria-pressed', String(m === 'public'));
      note.setAttribute('aria-pressed', String(m === 'internal'));
      wrap.classList.toggle('is-internal', m === 'internal');
      editor.setAttribute('data-placeholder', m === 'internal' ? 'Add an internal note…' : messaging ? 'Type your message' : 'Write a public reply…');
    }
    pub.addEventListener('click', function () { setMode('public'); });
    note.addEventListener('click', function () { setMode('internal'); });
    add(wrap, [
      h('div', { class: 'composer-head' }, [pub, note, h('span', { class: 'composer-to' }, ['To', h('span', { class: 'chip', text: req ? req.name : 'requester' })])]),
      editor,
      h('div', { class: 'composer-tools', 'aria-hidden': 'true' }, [h('span', { text: 'B' }), h('span', { style: 'font-style:italic', text: 'I' }), h('span', { style: 'text-decoration:underline', text: 'U' }), h('span', { text: '≡' }), h('span', { text: '@' }), h('span', { text: '⌘' })]),
    ]);
    return wrap;
  }

  function submit(pane, entry, status) {
    var t = entry.ticket;
    var editor = pane.querySelector('.ck-editor__editable');
    var text = editor.innerText.replace(/\u00a0/g, ' ').trim();
    var payload = { ticket: { status: status || t.status } };
    if (text) payload.ticket.comment = { body: text, 'public': entry.mode !== 'internal' };
    api('/api/v2/tickets/' + t.id + '.json', { method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': me ? me.authenticity_token : '' }, body: JSON.stringify(payload) })
      .then(function (res) { entry.ticket = res.ticket; return loadComments(t.id); })
      .then(function (comments) {
        entry.comments = comments;
        editor.textContent = ''; editor.appendChild(h('p', null, h('br', { 'data-cke-filler': 'true' }))); editor.classList.add('is-empty');
        refresh(pane, entry); renderTabs(route().name === 'ticket' ? route().id : null);
        toast('Ticket #' + t.id + ' updated' + (text ? '' : ' (no comment)'));
      })
      .catch(function (e) { toast('Update failed: ' + e.message); });
  }

  function loadInteractions(pane, entry) {
    var box = pane.querySelector('.interactions');
    api('/api/v2/search.json?query=' + encodeURIComponent('type:ticket requester:' + entry.ticket.requester_id)).then(function (body) {
      box.textContent = '';
      (body.results || []).forEach(function (r) {
        box.appendChild(h('div', { class: 'interaction' }, [
          h('span', { class: 'status ' + r.status, text: (STATUS[r.status] || r.status).charAt(0) }),
          h('div', null, [h('a', { class: 's', href: '/agent/tickets/' + r.id, 'data-spa': true, text: r.subject }), h('div', { class: 'd', text: '#' + r.id + ' · ' + fmtDay(r.created_at) })]),
        ]));
      });
    }).catch(function () { box.textContent = 'Interactions unavailable'; });
  }

  // ---- Start
  api('/api/v2/users/me.json').then(function (body) {
    me = body.user;
    var slot = document.getElementById('me');
    slot.textContent = '';
    slot.appendChild(avatar(me));
    slot.setAttribute('title', me.name + ' (' + me.email + ')');
    if (route().name === 'home') renderHome(route());
  }).catch(function () { /* the page still works read-only */ });
  tabs.forEach(function (id) { if (route().id !== id) ensurePane(id); });
  render();
})();
`;

export function renderZendeskApp(opts: ZendeskAppOptions): string {
  const account = esc(opts.accountName);
  return `<!doctype html>
<html lang="en-GB" data-account="${account}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${account} – Zendesk</title>
<style>${CSS}</style>
</head>
<body>
<div class="app" id="app">
  <nav class="nav" aria-label="Main navigation">
    <span class="logo" title="Zendesk Support">${ICONS.logo}</span>
    <a href="/agent/dashboard" data-spa data-nav="home" title="Home">${ICONS.home}</a>
    <a href="/agent/filters/360081946603" data-spa data-nav="views" title="Views">${ICONS.views}</a>
    <a href="#" title="Customers" onclick="return false">${ICONS.customers}</a>
    <a href="#" title="Organizations" onclick="return false">${ICONS.orgs}</a>
    <a href="#" title="Reporting" onclick="return false">${ICONS.reporting}</a>
    <a href="#" title="Admin Center" onclick="return false">${ICONS.admin}</a>
    <span class="spacer"></span>
    <span class="product">Support</span>
  </nav>
  <div class="main">
    <header class="topbar">
      <div class="tabs" id="tabs" role="tablist" aria-label="Open tickets"></div>
      <button class="add-btn" type="button">+ Add</button>
      <div class="topbar-right">
        <span class="search">${ICONS.search}<span>Search</span></span>
        <span class="conv-pill">Conversations <b>0</b></span>
        <button class="icon-btn" type="button" aria-label="Notifications">${ICONS.bell}</button>
        <button class="icon-btn" type="button" aria-label="Zendesk products">${ICONS.apps}</button>
        <span id="me" class="me"><span class="avatar" style="background:#87929d"></span></span>
      </div>
    </header>
    <div class="content">
      <section id="home" class="views-page" aria-label="Views"></section>
      <section id="workspace" class="workspace" aria-label="Tickets" hidden></section>
    </div>
  </div>
</div>
<div id="toast" role="status" aria-live="polite"></div>
<script>${SCRIPT}</script>
</body>
</html>`;
}

export function renderZendeskSignIn(opts: ZendeskAppOptions): string {
  const account = esc(opts.accountName);
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>Sign in – ${account}</title>
<style>
body{margin:0;min-height:100vh;display:flex;align-items:center;justify-content:center;background:#f8f9f9;font-family:-apple-system,BlinkMacSystemFont,"Segoe UI","Helvetica Neue",Arial,sans-serif;color:#2f3941}
.card{background:#fff;border:1px solid #d8dcde;border-radius:8px;box-shadow:0 20px 28px #04444d14;padding:40px 44px;width:380px}
.logo{color:#03363d;display:flex;justify-content:center;margin-bottom:16px}
h1{font-size:22px;text-align:center;margin:0 0 28px;font-weight:600}
label{display:block;font-weight:600;font-size:14px;margin:0 0 6px}
input{display:block;width:100%;box-sizing:border-box;height:40px;border:1px solid #d8dcde;border-radius:4px;padding:0 12px;font:inherit;margin-bottom:18px}
button{width:100%;height:40px;border:0;border-radius:4px;background:#1f73b7;color:#fff;font:inherit;font-weight:600}
.links{text-align:center;margin-top:20px;font-size:13px}
a{color:#1f73b7;text-decoration:none}
</style>
</head>
<body>
<form class="card" id="signin" action="#" onsubmit="return false">
  <div class="logo">${ICONS.logo.replace('width="26" height="26"', 'width="40" height="40"')}</div>
  <h1>Sign in to ${account}</h1>
  <label for="email">Email</label><input id="email" type="email" autocomplete="username">
  <label for="password">Password</label><input id="password" type="password" autocomplete="current-password">
  <button type="submit">Sign in</button>
  <div class="links"><a href="#">Forgot password?</a> · <a href="#">Sign in with SSO</a></div>
</form>
</body>
</html>`;
}
