/*
 * The menu and the screens behind the address's fragment (#/incident/{id}): one module per screen. Drawing a
 * screen stops the previous one's timers and moves the focus to its heading. On a phone the menu folds behind a
 * button, and opening a screen folds it again.
 */
import { t, word } from './lib/i18n.js';
import { $, clear, h } from './lib/dom.js';
import { say, saidWithin } from './lib/messages.js';
import { session } from './lib/auth.js';
import { isAdmin, isLocal, signedInAs } from './lib/user.js';
import { stopTimers } from './lib/timers.js';
import { onRetry } from './lib/live.js';
import { boardView } from './screens/board.js';
import { incidentsView } from './screens/incidents.js';
import { incidentView } from './screens/incident.js';
import { leadersView, membersView, volunteersView } from './screens/directory.js';
import { policyView } from './screens/policy.js';
import { rosterView } from './screens/roster.js';
import { followUpsView } from './screens/followups.js';
import { noticesView, noticeView } from './screens/notices.js';
import { applicationsView, applicationView } from './screens/applications.js';
import { reportsView } from './screens/reports.js';
import { auditView } from './screens/audit.js';
import { smsView } from './screens/sms.js';
import { bereavementView } from './screens/bereavement.js';
import { roundsView, roundView } from './screens/rounds.js';
import { contactRequestsView } from './screens/contact-requests.js';
import { guideView } from './screens/guide.js';

/** The menu, in order; {@code children}: screens reached from this one, shown with it highlighted. */
var ROUTES = [
  { id: 'board', label: 'nav.board', children: ['incident'] },
  { id: 'incidents', label: 'nav.incidents' },
  { id: 'members', label: 'nav.members' },
  { id: 'volunteers', label: 'nav.volunteers' },
  { id: 'leaders', label: 'nav.leaders' },
  { id: 'roster', label: 'nav.roster' },
  { id: 'policy', label: 'nav.policy' },
  { id: 'followups', label: 'nav.followups' },
  { id: 'notices', label: 'nav.notices', children: ['notice'] },
  { id: 'applications', label: 'nav.applications', children: ['application'] },
  { id: 'bereavement', label: 'nav.bereavement' },
  { id: 'rounds', label: 'nav.rounds', children: ['round'] },
  { id: 'contactRequests', label: 'nav.contactRequests' },
  { id: 'guide', label: 'nav.guide' },
  { id: 'reports', label: 'nav.reports' },
  { id: 'audit', label: 'nav.audit', admin: true },
  { id: 'sms', label: 'nav.sms', local: true }
];

var VIEWS = {
  board: boardView, incidents: incidentsView, incident: incidentView, members: membersView,
  volunteers: volunteersView, leaders: leadersView, roster: rosterView, policy: policyView, followups: followUpsView,
  notices: noticesView, notice: noticeView, applications: applicationsView, application: applicationView,
  reports: reportsView, audit: auditView, sms: smsView,
  bereavement: bereavementView, rounds: roundsView, round: roundView, contactRequests: contactRequestsView,
  guide: guideView
};

/** The phone's menu button: shows and hides the menu (kept visible and unused on a wide screen). */
export function menuButton() {
  var b = h('button', { type: 'button', id: 'menuBtn', class: 'menu-button', 'aria-expanded': 'false', 'aria-controls': 'nav' },
    h('span', { 'aria-hidden': 'true' }, '☰ '), t('nav.menu'));
  b.addEventListener('click', function () { setMenuOpen(b.getAttribute('aria-expanded') !== 'true'); });
  return b;
}

function setMenuOpen(open) {
  var b = $('menuBtn');
  if (b) b.setAttribute('aria-expanded', open ? 'true' : 'false');
  document.body.classList.toggle('menu-open', open);
}

function drawNav(active) {
  var nav = clear($('nav'));
  ROUTES.forEach(function (r) {
    if (r.admin && !isAdmin()) return;
    if (r.local && !isLocal()) return;
    nav.appendChild(h('a', { href: '#/' + r.id, id: 'nav-' + r.id, 'aria-current': r.id === active ? 'page' : null }, t(r.label)));
  });
  nav.hidden = false;
  $('signOutBtn').hidden = false;
  var current = ROUTES.filter(function (r) { return r.id === active; })[0];
  var menu = $('menuBtn');
  if (menu) {
    menu.hidden = false;
    menu.lastChild.textContent = current ? t('nav.menuAt', { screen: t(current.label) }) : t('nav.menu');
  }
  var me = signedInAs();
  $('who').textContent = me ? t('app.signedInAs', { name: me.name, roles: (me.roles || []).map(function (r) { return word('role', r); }).join('、') }) : '';
}

/** Draws the screen the address names (the board when it names none the officer may see). */
export function route() {
  if (!session() || !signedInAs()) return;
  stopTimers();
  onRetry(route);
  setMenuOpen(false);
  var hash = location.hash.replace(/^#\/?/, '');
  var parts = hash.split('/');
  var name = parts[0] || 'board';
  var fn = VIEWS[name] || boardView;
  if (name === 'audit' && !isAdmin()) fn = boardView;
  if (name === 'sms' && !isLocal()) fn = boardView;
  // a message belongs to the screen it was said on, unless it announces the move to this one
  if (!saidWithin(1500)) say('');
  var parent = ROUTES.filter(function (r) { return r.children && r.children.indexOf(name) >= 0; })[0];
  drawNav(parent ? parent.id : (VIEWS[name] ? name : 'board'));
  var view = clear($('view'));
  fn(view, decodeURIComponent(parts[1] || ''));
  var heading = view.querySelector('h1');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  }
}
