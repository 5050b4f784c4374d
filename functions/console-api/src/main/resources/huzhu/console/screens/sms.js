/*
 * The SMS simulator (local stack only): text the system as anyone, and read every SMS it has sent, as the
 * phones would.
 */
import { t, locale, when } from '../lib/i18n.js';
import { add, clear, field, h, input } from '../lib/dom.js';
import { say, showErrors } from '../lib/messages.js';
import { api, local, qs } from '../lib/api.js';
import { every } from '../lib/timers.js';
import { knownMembers } from '../lib/members.js';
import { workGroupPanel } from './work-group.js';

export function smsView(view) {
  var from = input({ type: 'tel', id: 'smsFrom', list: 'knownPhones', value: sessionStorage.getItem('huzhu.sms.from') || '' });
  var body = h('textarea', { id: 'smsBody', rows: 2, maxlength: 1600 });
  var watch = input({ type: 'tel', id: 'smsWatch', list: 'knownPhones', value: sessionStorage.getItem('huzhu.sms.watch') || '' });
  // a scrolling region: reachable by the keyboard (Tab, then the arrow keys), named by its heading
  var outbox = h('div', { class: 'sms-log', id: 'outbox', 'aria-live': 'polite', role: 'log', tabindex: '0', 'aria-labelledby': 'outboxTitle' });
  var sent = h('ul', { id: 'smsSent', class: 'sent' });
  var phones = h('datalist', { id: 'knownPhones' });
  var form = h('form', { class: 'card', novalidate: true, id: 'smsForm' },
    h('h2', null, t('sms.send')), h('div', { class: 'form-errors', tabindex: '-1' }),
    field(t('sms.from'), from, { name: 'from', hint: t('sms.fromHint') }), field(t('sms.body'), body, { name: 'body' }),
    h('p', { class: 'muted small' }, t('sms.words')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'smsSend' }, t('sms.submit'))), sent);
  var watchForm = h('form', { class: 'toolbar', role: 'search' },
    h('div', { class: 'grow' }, field(t('sms.watch'), watch, { hint: t('sms.watchHint') })), h('button', { type: 'submit' }, t('sms.show')));
  add(view, h('h1', null, t('sms.title')), h('p', { class: 'muted small' }, t('sms.help')), phones,
    h('div', { class: 'two-col' }, form, h('section', { class: 'card', 'aria-labelledby': 'outboxTitle' },
      h('h2', { id: 'outboxTitle' }, t('sms.outbox')), watchForm, outbox)), workGroupPanel());
  knownPhones(phones);
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    sessionStorage.setItem('huzhu.sms.from', from.value);
    local('POST', '/local/sms/inbound', { from: from.value, body: body.value }).then(function () {
      showErrors(form, null);
      sent.insertBefore(h('li', { class: 'bubble in' }, h('div', { class: 'meta' }, new Date().toLocaleTimeString(locale()) + ' · ' + from.value), body.value), sent.firstChild);
      say(t('sms.sent'));
      body.value = '';
      refresh();
    }).catch(function (e) { showErrors(form, e); });
  });
  function refresh() {
    var q = watch.value.trim() ? qs({ to: watch.value.trim() }) : '';
    return local('GET', '/local/sms/outbox' + q).then(function (r) {
      var items = r.items.slice().reverse();
      clear(outbox);
      if (!items.length) outbox.appendChild(h('p', { class: 'empty' }, t('sms.none')));
      items.forEach(function (m) {
        outbox.appendChild(h('div', { class: 'bubble' }, h('div', { class: 'meta' }, when(m.sentAt) + ' → ' + m.to), m.body,
          m.template ? h('div', { class: 'meta template' }, t('sms.template', { name: m.template + (m.templateId ? ' (' + m.templateId + ')' : '') }),
            ' · ', Object.keys(m.variables || {}).map(function (k) { return k + '=' + m.variables[k]; }).join(', ')) : null));
      });
    }).catch(function (e) { showErrors(watchForm, e); });
  }
  watchForm.addEventListener('submit', function (ev) { ev.preventDefault(); sessionStorage.setItem('huzhu.sms.watch', watch.value); refresh(); });
  refresh();
  every(3000, refresh);
}

/** The directory's phones as suggestions: members, their family, volunteers, leaders. */
function knownPhones(list) {
  function option(phone, label) { list.appendChild(h('option', { value: phone }, label)); }
  var members = knownMembers();
  Object.keys(members).forEach(function (id) {
    var m = members[id];
    option(m.phone, m.name + ' · ' + t('sms.member'));
    (m.familyContacts || []).forEach(function (c) { option(c.phone, c.name + ' · ' + t('sms.familyOf', { name: m.name })); });
  });
  ['volunteers', 'leaders'].forEach(function (kind) {
    api('GET', '/v1/' + kind + '?limit=200').then(function (p) {
      p.items.forEach(function (x) { option(x.phone, x.name + ' · ' + t('sms.' + kind)); });
    }).catch(function () {});
  });
}
