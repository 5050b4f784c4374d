/*
 * The directory: members, volunteers, leaders — search, the list, a record's form (read-only but for admins),
 * the on-duty switch, deleting, importing a roster, and a member's printable emergency card.
 */
import { t, word, when } from '../lib/i18n.js';
import { add, clear, field, h, input, select, table } from '../lib/dom.js';
import { say, failed, showErrors, showSaveFailure } from '../lib/messages.js';
import { api, edit, qs } from '../lib/api.js';
import { isAdmin } from '../lib/user.js';
import { forgetMember, loadMembers, rememberMember } from '../lib/members.js';
import { area, leaderForm, memberForm, volunteerForm, volunteerInput } from './directory-forms.js';
import { importForm } from './import.js';
import { cardPanel } from './member-card.js';
import { memberCarePanel } from './member-care.js';
import { pagedList } from '../lib/paging.js';

export function membersView(view) { directoryView(view, 'members'); }
export function volunteersView(view) { directoryView(view, 'volunteers'); }
export function leadersView(view) { directoryView(view, 'leaders'); }

function directoryView(view, kind) {
  var isMembers = kind === 'members';
  var isVolunteers = kind === 'volunteers';
  var query = input({ type: 'search', id: 'dirQuery', placeholder: t('dir.searchHint') });
  var duty = isVolunteers ? select([['', t('dir.dutyAny')], ['true', t('dir.onDuty')], ['false', t('dir.offDuty')]], '') : null;
  var holder = h('div', { id: 'dirList' });
  var panel = h('div', { id: 'dirPanel' });
  var items = [];
  var search = h('form', { class: 'toolbar', role: 'search' },
    h('div', { class: 'grow' }, field(t('dir.search'), query)), duty ? field(t('dir.duty'), duty) : null,
    h('button', { type: 'submit' }, t('common.search')),
    isAdmin() ? h('button', { type: 'button', class: 'primary', id: 'dirAdd', onclick: function () { openForm(null); } }, t('dir.add.' + kind)) : null,
    isAdmin() && (isMembers || isVolunteers) ? h('button', { type: 'button', id: 'dirImport', onclick: function () { openImport(); } }, t('dir.import')) : null);
  var list = pagedList(function (cursor) {
    var q = { query: query.value.trim(), limit: 50, cursor: cursor };
    if (duty && duty.value) q.onDuty = duty.value;
    return api('GET', '/v1/' + kind + qs(q));
  }, function (read) {
    items = read;
    draw();
  }, function (e) { showErrors(search, e); });
  var load = list.load;
  add(view, h('h1', null, t('nav.' + kind)), search, panel, holder, list.more);

  function rowActions(e) {
    if (!isAdmin()) return isMembers ? h('td', null, h('button', { type: 'button', onclick: function () { openForm(e); } }, t('common.view'))) : h('td');
    return h('td', null, h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: function () { openForm(e); }, 'aria-label': t('common.edit') + ' ' + e.name }, t('common.edit')),
      isMembers ? h('button', { type: 'button', onclick: function () { issueCard(e); }, 'aria-label': t('card.issue') + ' ' + e.name }, t('card.issue')) : null,
      h('button', { type: 'button', class: 'danger', 'aria-label': t('common.delete') + ' ' + e.name, onclick: function () {
        if (!confirm(t('dir.deleteConfirm', { name: e.name }))) return;
        edit('DELETE', '/v1/' + kind + '/' + encodeURIComponent(e.id), null, e).then(function () {
          say(t('dir.deleted', { name: e.name }));
          if (isMembers) forgetMember(e.id);
          load(true);
        }).catch(function (err) { failed(err); if (err.status === 412) load(true); });
      } }, t('common.delete'))));
  }

  function draw() {
    var headers;
    var rows;
    if (isMembers) {
      headers = [t('col.name'), t('col.phone'), t('col.unit'), t('col.home'), t('col.family'), t('col.actions')];
      rows = items.map(function (m) {
        return h('tr', null, h('td', null, m.name), h('td', null, m.phone), h('td', null, m.unit || ''),
          h('td', null, area(m.homeArea), m.homeAddress ? h('div', { class: 'muted small' }, m.homeAddress) : null),
          h('td', null, m.familyContacts.length ? h('ul', null, m.familyContacts.map(function (c) {
            return h('li', null, c.name + (c.relation ? '（' + c.relation + '）' : '') + ' ' + c.phone);
          })) : h('span', { class: 'badge open' }, t('dir.noFamily'))),
          rowActions(m));
      });
    } else if (isVolunteers) {
      headers = [t('col.name'), t('col.phone'), t('col.area'), t('col.skills'), t('col.onDuty'), t('col.maxActive'), t('col.actions')];
      rows = items.map(function (v) {
        var sw = isAdmin() ? h('label', { class: 'switch' }, h('input', {
          type: 'checkbox', role: 'switch', checked: v.onDuty, 'aria-label': t('dir.onDutyFor', { name: v.name }),
          onchange: function (ev) { toggleDuty(v, ev.target); }
        }), v.onDuty ? t('dir.onDuty') : t('dir.offDuty')) : (v.onDuty ? t('dir.onDuty') : t('dir.offDuty'));
        return h('tr', null, h('td', null, v.name), h('td', null, v.phone), h('td', null, area(v.area)),
          h('td', null, (v.skills || []).map(function (s) { return word('skill', s); }).join('、')),
          h('td', null, sw, v.optedOutAt ? h('div', { class: 'muted small' }, t('dir.optedOut', { time: when(v.optedOutAt) })) : null),
          h('td', null, String(v.maxActive)), rowActions(v));
      });
    } else {
      headers = [t('col.name'), t('col.phone'), t('col.title'), t('col.level'), t('col.email'), t('col.actions')];
      rows = items.map(function (l) {
        return h('tr', null, h('td', null, l.name), h('td', null, l.phone), h('td', null, l.title || ''),
          h('td', null, t('board.levelN', { n: l.level })), h('td', null, l.email || ''), rowActions(l));
      });
    }
    clear(holder).appendChild(table(t('dir.count', { n: items.length }), headers, rows));
  }

  function toggleDuty(v, box) {
    var body = volunteerInput(v);
    body.onDuty = box.checked;
    box.disabled = true;
    edit('PUT', '/v1/volunteers/' + encodeURIComponent(v.id), body, v).then(function (saved) {
      Object.assign(v, saved);
      say(t(saved.onDuty ? 'dir.nowOnDuty' : 'dir.nowOffDuty', { name: v.name }));
      draw();
    }).catch(function (e) {
      box.checked = !box.checked;
      box.disabled = false;
      failed(e);
      if (e.status === 412) load(true);
    });
  }

  function openForm(entry) {
    if (entry) {
      // the whole record through GET, with the version an edit is based on; for a member, opening it is what the
      // audit log records as a view
      api('GET', '/v1/' + kind + '/' + encodeURIComponent(entry.id)).then(function (r) { showForm(r); }).catch(failed);
    } else {
      showForm(entry);
    }
  }

  function showForm(entry) {
    var form = isMembers ? memberForm(entry) : isVolunteers ? volunteerForm(entry) : leaderForm(entry);
    var readOnly = !isAdmin();
    form.elements && Array.prototype.forEach.call(form.elements, function (el) { if (readOnly) el.disabled = true; });
    var cancel = h('button', { type: 'button', onclick: function () { clear(panel); search.querySelector('input').focus(); } }, t('common.close'));
    form.querySelector('.actions').appendChild(cancel);
    if (readOnly) cancel.disabled = false;
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = form.collect();
      var path = entry ? '/v1/' + kind + '/' + encodeURIComponent(entry.id) : null;
      var req = entry ? edit('PUT', path, body, entry) : api('POST', '/v1/' + kind, body);
      req.then(function (saved) {
        say(t(entry ? 'dir.saved' : 'dir.created', { name: saved.name }));
        if (isMembers) rememberMember(saved);
        clear(panel);
        load(true);
      }).catch(function (e) {
        // somebody else saved it meanwhile: the list and the form again, as they are now
        showSaveFailure(form, e, path, function (current) { load(true); return showForm(current); });
      });
    });
    clear(panel).appendChild(form);
    if (isMembers && entry) add(panel, memberCarePanel(entry));
    var first = form.querySelector('input, select, textarea');
    if (first) first.focus();
    return form;
  }

  function openImport() {
    clear(panel).appendChild(importForm(kind, function () { loadMembers().then(function () { load(true); }); }));
    panel.querySelector('input').focus();
  }

  function issueCard(m) {
    if (!confirm(t('card.rotateConfirm', { name: m.name }))) return;
    api('POST', '/v1/members/' + encodeURIComponent(m.id) + '/trigger-link').then(function (link) {
      clear(panel).appendChild(cardPanel(m, link));
    }).catch(failed);
  }

  search.addEventListener('submit', function (ev) { ev.preventDefault(); load(true); });
  if (duty) duty.addEventListener('change', function () { load(true); });
  load(true);
}
