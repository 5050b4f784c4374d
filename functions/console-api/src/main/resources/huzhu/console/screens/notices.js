/*
 * Notices to the union: compose (title, text, audience, when) with the SMS preview recipients will read, send now
 * or at a time with live progress, every delivery and the replies; how many families have heard from the union,
 * and the button that introduces the rest.
 */
import { t, word, when, isoDate } from '../lib/i18n.js';
import { add, clear, field, formShell, h, input, select, table, tel } from '../lib/dom.js';
import { say, failed, showErrors, showSaveFailure } from '../lib/messages.js';
import { confirmDialog, toast } from '../lib/dialog.js';
import { unitChoice } from './facets.js';
import { api, edit, qs } from '../lib/api.js';
import { canOperate } from '../lib/user.js';
import { every } from '../lib/timers.js';
import { memberName } from '../lib/members.js';
import { pagedList } from '../lib/paging.js';

var AUDIENCES = ['all-members', 'unit', 'volunteers', 'leaders', 'family-contacts'];

function nbadge(status) { return h('span', { class: 'badge n-' + status }, word('nstatus', status)); }
function audience(a) { return a ? word('audience', a.kind) + (a.unit ? '：' + a.unit : '') : ''; }

/** "sent 120 · failed 2 · pending 178 / 300", with a meter. */
function progress(p) {
  if (!p || !p.recipients) return h('span', { class: 'muted' }, '—');
  return h('span', { class: 'progress' },
    h('meter', { min: 0, max: p.recipients, value: p.sent + p.failed, 'aria-label': t('notices.progress') }), ' ',
    t('notices.progressText', { sent: p.sent, failed: p.failed, pending: p.pending + p.sending, total: p.recipients }));
}

export function noticesView(view) {
  var holder = h('div', { id: 'noticeList' });
  var panel = h('div', { id: 'noticePanel' });
  var families = h('div', { id: 'familyReach' });
  var list = pagedList(function (cursor) {
    return api('GET', '/v1/notices' + qs({ limit: 50, cursor: cursor }));
  }, function (items) {
    clear(holder).appendChild(table(null,
      [t('notices.colTitle'), t('col.audience'), t('col.status'), t('col.when'), t('col.progress'), t('col.by')],
      items.map(function (n) {
        return h('tr', { 'data-notice': n.id },
          h('td', null, h('a', { href: '#/notice/' + encodeURIComponent(n.id) }, n.title)),
          h('td', null, audience(n.audience)), h('td', null, nbadge(n.status)),
          h('td', null, when(n.completedAt || n.sendStartedAt || n.scheduledAt || n.createdAt)),
          h('td', null, progress(n.progress)), h('td', null, n.createdBy || ''));
      }), t('notices.empty')));
  }, failed);
  add(view, h('h1', null, t('notices.title')), h('p', { class: 'muted small' }, t('notices.help')),
    canOperate() ? h('div', { class: 'toolbar' },
      h('button', { type: 'button', class: 'primary', id: 'noticeNew', onclick: function () {
        clear(panel).appendChild(noticeForm(null));
        panel.querySelector('input').focus();
      } }, t('notices.new'))) : null,
    panel, holder, list.more, families);
  list.load(true);
  every(5000, function () { if (list.items().some(function (n) { return n.status === 'sending'; })) list.load(true); });
  familyReachCard(families);
}

/** How many families heard from the union, and the button that introduces the rest. */
function familyReachCard(el) {
  api('GET', '/v1/reports/coverage').then(function (c) {
    var r = c.familyReach;
    var box = h('section', { class: 'card', 'aria-labelledby': 'reachTitle' },
      h('h2', { id: 'reachTitle' }, t('intro.reachTitle')),
      h('p', null, t('intro.reach', { reached: r.familiesReached, families: r.families, contacts: r.contactsReached,
        allContacts: r.contacts, pending: r.pending, failed: r.failed })),
      h('p', { class: 'muted small' }, t('intro.help')));
    if (r.familiesNotReached.length) {
      add(box, h('details', null, h('summary', null, t('intro.notReached', { n: r.familiesNotReached.length })),
        h('ul', null, r.familiesNotReached.map(function (g) { return h('li', null, g.name); }))));
    }
    if (canOperate()) {
      add(box, h('div', { class: 'actions' }, h('button', { type: 'button', id: 'introduceAll', onclick: function (ev) {
        var button = ev.currentTarget;
        confirmDialog({ title: t('intro.all'), text: t('intro.allConfirmN', { n: r.families - r.familiesReached }) + ' ' + t('intro.allConfirm'),
          confirm: t('intro.allYes'), danger: true }).then(function (yes) {
          if (!yes) return;
          button.disabled = true;
          api('POST', '/v1/members/introductions', {}).then(function (res) {
            toast(t('intro.allQueued', { queued: res.queued, sent: res.sentNow.sent }));
            clear(el);
            familyReachCard(el);
          }).catch(function (e) { button.disabled = false; failed(e); });
        });
      } }, t('intro.all'))));
    }
    clear(el).appendChild(box);
  }).catch(failed);
}

/** Compose or edit: title, text, audience, when; the SMS preview says what recipients will read. */
function noticeForm(n) {
  var form = formShell(n ? t('notices.edit') : t('notices.new'), 'noticeForm');
  var title = input({ id: 'noticeTitle', maxlength: 60, value: n ? n.title : '' });
  var text = h('textarea', { id: 'noticeText', rows: 6, maxlength: 2000 });
  text.value = n ? n.text : '';
  var kind = select(AUDIENCES.map(function (a) { return [a, word('audience', a)]; }), n ? n.audience.kind : 'all-members',
    { id: 'noticeAudience' });
  var unit = unitChoice(n && n.audience.unit ? n.audience.unit : '', 'noticeUnit');
  var unitField = field(t('notices.unit'), unit, { name: 'audience.unit' });
  var at = input({ type: 'datetime-local', id: 'noticeAt' });
  if (n && n.scheduledAt) at.value = localInput(n.scheduledAt);
  var preview = h('div', { id: 'noticePreview', 'aria-live': 'polite' });
  add(form, h('div', { class: 'grid' },
    field(t('notices.titleField'), title, { name: 'title' }),
    field(t('notices.audience'), kind, { name: 'audience.kind' }), unitField,
    field(t('notices.at'), at, { name: 'scheduledAt', hint: t('notices.atHint') }),
    field(t('notices.text'), text, { name: 'text', wide: true, hint: t('notices.textHint') })),
    preview,
    h('div', { class: 'actions' },
      h('button', { type: 'button', id: 'noticePreviewBtn', onclick: showPreview }, t('notices.preview')),
      h('button', { type: 'submit', class: 'primary', id: 'noticeSave' }, t('notices.save')),
      h('button', { type: 'button', onclick: function () { form.remove(); } }, t('common.close'))));
  function syncUnit() { unitField.hidden = kind.value !== 'unit'; }
  kind.addEventListener('change', syncUnit);
  syncUnit();
  function body() {
    return { title: title.value, text: text.value, audience: { kind: kind.value, unit: kind.value === 'unit' ? unit.value : null },
      scheduledAt: at.value ? new Date(at.value).toISOString() : null };
  }
  function showPreview() {
    var b = body();
    b.scheduledAt = null;
    api('POST', '/v1/notices/preview', b).then(function (p) {
      showErrors(form, null);
      clear(preview).appendChild(h('div', { class: 'card sms-preview' },
        h('p', null, t('notices.recipients', { n: p.recipients })),
        p.linkInSms ? h('p', { class: 'muted small' }, t('notices.linkNote')) : null,
        Object.keys(p.sms).map(function (lang) {
          return h('div', { class: 'bubble' }, h('div', { class: 'meta' },
            word('lang', lang) + ' · ' + t('notices.segments', { n: p.segments[lang] })), p.sms[lang]);
        })));
    }).catch(function (e) { showErrors(form, e); });
  }
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var path = n ? '/v1/notices/' + encodeURIComponent(n.id) : null;
    var req = n ? edit('PUT', path, body(), n) : api('POST', '/v1/notices', body());
    req.then(function (saved) {
      toast(t(saved.status === 'scheduled' ? 'notices.scheduled' : 'notices.saved', { title: saved.title }));
      location.hash = '#/notice/' + encodeURIComponent(saved.id);
    }).catch(function (e) { showSaveFailure(form, e, path, noticeForm); });
  });
  return form;
}

/** A time as a datetime-local input holds it, in this browser's time zone: 2026-03-01T09:30. */
function localInput(iso) {
  var d = new Date(iso);
  return isoDate(d) + 'T' + String(d.getHours()).padStart(2, '0') + ':' + String(d.getMinutes()).padStart(2, '0');
}

export function noticeView(view, id) {
  var title = h('h1', null, t('notices.title'));
  var facts = h('div');
  var actions = h('div', { id: 'noticeActions' });
  var panel = h('div');
  var deliveries = h('div', { id: 'noticeDeliveries' });
  var thread = h('div', { id: 'noticeThread' });
  add(view, h('p', null, h('a', { href: '#/notices' }, '← ' + t('notices.back'))), title, facts, actions, panel,
    h('h2', null, t('notices.thread')), thread, h('h2', null, t('notices.deliveries')), deliveries);
  var current = null;

  function draw(n) {
    current = n;
    clear(title);
    add(title, n.title, ' ', nbadge(n.status));
    clear(facts).appendChild(h('div', { class: 'card' }, h('dl', { class: 'facts' },
      h('dt', null, t('notices.audience')), h('dd', null, audience(n.audience)),
      h('dt', null, t('notices.progress')), h('dd', { id: 'noticeProgress' }, progress(n.progress)),
      n.scheduledAt ? [h('dt', null, t('notices.at')), h('dd', null, when(n.scheduledAt))] : null,
      n.sendStartedAt ? [h('dt', null, t('notices.started')), h('dd', null, when(n.sendStartedAt))] : null,
      n.completedAt ? [h('dt', null, t('notices.completed')), h('dd', null, when(n.completedAt))] : null,
      n.cancelledAt ? [h('dt', null, t('notices.cancelledAt')), h('dd', null, when(n.cancelledAt))] : null,
      h('dt', null, t('col.by')), h('dd', null, (n.createdBy || '') + ' · ' + when(n.createdAt)),
      n.status === 'sending' || n.status === 'sent' ? [h('dt', null, t('notices.page')),
        h('dd', null, h('a', { href: n.pageUrl, target: '_blank', rel: 'noopener' }, n.pageUrl))] : null,
      n.topicMessageId ? [h('dt', null, t('notices.topic')), h('dd', null, t('notices.topicDone'))] : null,
      h('dt', null, t('notices.text')), h('dd', { class: 'notice-text' }, n.text))));
    clear(actions);
    if (!canOperate()) return;
    var editable = n.status === 'draft' || n.status === 'scheduled';
    add(actions, h('div', { class: 'actions' },
      editable ? h('button', { type: 'button', class: 'primary', id: 'noticeSend', onclick: sendNow }, t('notices.sendNow')) : null,
      editable ? h('button', { type: 'button', id: 'noticeEdit', onclick: function () {
        clear(panel).appendChild(noticeForm(n));
      } }, t('common.edit')) : null,
      editable || n.status === 'sending' ? h('button', { type: 'button', class: 'danger', id: 'noticeCancel', onclick: function () {
        confirmDialog({ title: t('notices.cancel'), text: t('notices.cancelConfirm'), confirm: t('notices.cancelYes'), danger: true })
          .then(function (yes) {
            if (!yes) return null;
            return api('POST', '/v1/notices/' + encodeURIComponent(n.id) + '/cancel').then(function (x) { toast(t('notices.cancelled')); draw(x); });
          }).catch(failed);
      } }, t('notices.cancel')) : null));
  }

  function sendNow() {
    api('POST', '/v1/notices/preview', { title: current.title, text: current.text, audience: current.audience }).then(function (p) {
      return confirmDialog({ title: t('notices.sendNow'), text: t('notices.sendConfirm', { n: p.recipients }), confirm: t('notices.sendYes', { n: p.recipients }), danger: true })
        .then(function (yes) {
          if (!yes) return null;
          return api('POST', '/v1/notices/' + encodeURIComponent(id) + '/send').then(function (x) {
            toast(t('notices.sending'));
            draw(x);
            loadLists();
          });
        });
    }).catch(failed);
  }

  function loadLists() {
    api('GET', '/v1/notices/' + encodeURIComponent(id) + '/replies').then(function (p) {
      clear(thread).appendChild(p.items.length ? h('ul', { class: 'thread' }, p.items.map(function (r) {
        return h('li', { class: 'bubble in' + (r.decision === 'asked' ? ' asked' : ''), 'data-decision': r.decision || 'reply' },
          h('div', { class: 'meta' }, when(r.at) + ' · ' + (r.name || r.phone) +
          '（' + word('pkind', r.kind) + (r.memberId && r.kind === 'family' ? ' · ' + memberName(r.memberId) : '') + '） ', tel(r.phone)),
          r.text,
          r.decision === 'asked' ? h('div', { class: 'decision' }, '⚠ ' + t('notices.asked')) : null);
      })) : h('p', { class: 'muted' }, t('notices.noReplies')));
    }).catch(failed);
    api('GET', '/v1/notices/' + encodeURIComponent(id) + '/deliveries').then(function (p) {
      clear(deliveries).appendChild(table(t('notices.deliveriesCount', { n: p.items.length }),
        [t('col.name'), t('col.phone'), t('col.kind'), t('col.status'), t('col.when'), t('col.reason')],
        p.items.map(function (d) {
          return h('tr', null, h('td', null, d.name || ''), h('td', null, d.phone), h('td', null, word('pkind', d.kind)),
            h('td', null, word('dstatus', d.status)), h('td', null, d.sentAt ? when(d.sentAt) : ''),
            h('td', null, d.failureReason || ''));
        }), t('notices.noDeliveries')));
    }).catch(failed);
  }

  function load() {
    return api('GET', '/v1/notices/' + encodeURIComponent(id)).then(draw).catch(failed);
  }
  load().then(loadLists);
  every(3000, function () {
    if (current && current.status === 'sending') load().then(loadLists);
  });
}
