/*
 * The directory: members, volunteers, leaders — a table with the total, pages and sortable columns, filtered by
 * search, unit and district (or duty); a record's form (read-only but for admins), the on-duty switch, deleting
 * (asked in the page first), importing a roster, exporting it to a spreadsheet, and a member's emergency card.
 */
import { t, word, when } from '../lib/i18n.js';
import { add, clear, field, h, input, select, tel } from '../lib/dom.js';
import { failed, loadFailed, showSaveFailure } from '../lib/messages.js';
import { api, edit, qs } from '../lib/api.js';
import { isAdmin, canOperate } from '../lib/user.js';
import { forgetMember, loadMembers, rememberMember } from '../lib/members.js';
import { dataTable } from '../lib/table.js';
import { confirmDialog, toast } from '../lib/dialog.js';
import { onRetry } from '../lib/live.js';
import { area, leaderForm, memberForm, volunteerForm, volunteerInput } from './directory-forms.js';
import { importForm } from './import.js';
import { cardPanel } from './member-card.js';
import { memberCarePanel } from './member-care.js';
import { exportButton } from './export.js';
import { fillFacets } from './facets.js';

export function membersView(view) { directoryView(view, 'members'); }
export function volunteersView(view) { directoryView(view, 'volunteers'); }
export function leadersView(view) { directoryView(view, 'leaders'); }

function directoryView(view, kind) {
  var isMembers = kind === 'members';
  var isVolunteers = kind === 'volunteers';
  var query = input({ type: 'search', id: 'dirQuery', placeholder: t('dir.searchHint') });
  var duty = isVolunteers ? select([['', t('dir.dutyAny')], ['true', t('dir.onDuty')], ['false', t('dir.offDuty')]], '', { id: 'dirDuty' }) : null;
  var unit = isMembers ? select([['', t('dir.anyUnit')]], '', { id: 'dirUnit' }) : null;
  var district = kind !== 'leaders' ? select([['', t('dir.anyDistrict')]], '', { id: 'dirDistrict' }) : null;
  var panel = h('div', { id: 'dirPanel' });
  var search = h('form', { class: 'toolbar', role: 'search' },
    h('div', { class: 'grow' }, field(t('dir.search'), query)),
    unit ? field(t('dir.unit'), unit) : null,
    district ? field(t('dir.district'), district) : null,
    duty ? field(t('dir.duty'), duty) : null,
    h('button', { type: 'submit' }, t('common.search')),
    isAdmin() ? h('button', { type: 'button', class: 'primary', id: 'dirAdd', onclick: function () { openForm(null); } }, t('dir.add.' + kind)) : null,
    isAdmin() && (isMembers || isVolunteers) ? h('button', { type: 'button', id: 'dirImport', onclick: function () { openImport(); } }, t('dir.import')) : null,
    canOperate() && kind !== 'leaders' ? exportButton(kind, function () { return filters(); }) : null);

  function filters() {
    var q = { query: query.value.trim() };
    if (unit && unit.value) q.unit = unit.value;
    if (district && district.value) {
      var parts = district.value.split('|');
      q.city = parts[0];
      if (parts[1]) q.district = parts[1];
    }
    if (duty && duty.value) q.onDuty = duty.value;
    return q;
  }

  var list = dataTable({
    id: 'dirList',
    caption: function (total) { return t('dir.count', { n: total }); },
    columns: columns(kind),
    sort: 'name',
    row: function (e) { return { 'data-key': e.id }; },
    fetch: function (p) {
      var q = filters();
      Object.assign(q, { page: p.page, limit: p.limit, sort: p.sort, order: p.order });
      return api('GET', '/v1/' + kind + qs(q));
    },
    failed: function (e, retry) { loadFailed(list.el, e, retry); }
  });
  add(view, h('h1', null, t('nav.' + kind)), search, panel, list.el);

  function columns(k) {
    var actions = { key: 'actions', label: t('col.actions'), cell: rowActions };
    if (k === 'members') {
      return [
        { key: 'name', label: t('col.name'), sort: 'name', cell: function (m) { return m.name; } },
        { key: 'phone', label: t('col.phone'), cell: function (m) { return tel(m.phone); } },
        { key: 'unit', label: t('col.unit'), sort: 'unit', cell: function (m) { return m.unit || ''; } },
        { key: 'home', label: t('col.home'), sort: 'home', cell: function (m) {
          return [area(m.homeArea), m.homeAddress ? h('div', { class: 'muted small' }, m.homeAddress) : null];
        } },
        { key: 'family', label: t('col.family'), sort: 'family', cell: function (m) {
          return m.familyContacts.length ? h('ul', { class: 'plain' }, m.familyContacts.map(function (c) {
            return h('li', null, c.name + (c.relation ? '（' + c.relation + '）' : '') + ' ', tel(c.phone));
          })) : h('span', { class: 'badge open' }, t('dir.noFamily'));
        } },
        actions];
    }
    if (k === 'volunteers') {
      return [
        { key: 'name', label: t('col.name'), sort: 'name', cell: function (v) { return v.name; } },
        { key: 'phone', label: t('col.phone'), cell: function (v) { return tel(v.phone); } },
        { key: 'area', label: t('col.area'), sort: 'area', cell: function (v) { return area(v.area); } },
        { key: 'skills', label: t('col.skills'), cell: function (v) { return (v.skills || []).map(function (s) { return word('skill', s); }).join('、'); } },
        { key: 'onDuty', label: t('col.onDuty'), sort: 'onDuty', cell: dutyCell },
        { key: 'maxActive', label: t('col.maxActive'), sort: 'maxActive', cell: function (v) { return String(v.maxActive); } },
        actions];
    }
    return [
      { key: 'name', label: t('col.name'), sort: 'name', cell: function (l) { return l.name; } },
      { key: 'phone', label: t('col.phone'), cell: function (l) { return tel(l.phone); } },
      { key: 'title', label: t('col.title'), sort: 'title', cell: function (l) { return l.title || ''; } },
      { key: 'level', label: t('col.leaderLevel'), sort: 'level', cell: function (l) { return t('leader.levelN', { n: l.level }); } },
      { key: 'email', label: t('col.email'), cell: function (l) { return l.email || ''; } },
      actions];
  }

  function dutyCell(v) {
    var sw = isAdmin() ? h('label', { class: 'switch' }, h('input', {
      type: 'checkbox', role: 'switch', checked: v.onDuty, 'aria-label': t('dir.onDutyFor', { name: v.name }), 'data-focus': 'duty',
      onchange: function (ev) { toggleDuty(v, ev.target); }
    }), v.onDuty ? t('dir.onDuty') : t('dir.offDuty')) : (v.onDuty ? t('dir.onDuty') : t('dir.offDuty'));
    return [sw, v.optedOutAt ? h('div', { class: 'muted small' }, t('dir.optedOut', { time: when(v.optedOutAt) })) : null];
  }

  function rowActions(e) {
    if (!isAdmin()) {
      return isMembers ? h('div', { class: 'actions' },
        h('button', { type: 'button', 'data-focus': 'view', onclick: function () { openForm(e); } }, t('common.view')),
        canOperate() ? h('button', { type: 'button', 'data-focus': 'card', onclick: function () { showCard(e); } }, t('card.issue')) : null) : '';
    }
    return h('div', { class: 'actions' },
      h('button', { type: 'button', 'data-focus': 'edit', onclick: function () { openForm(e); }, 'aria-label': t('common.edit') + ' ' + e.name }, t('common.edit')),
      isMembers ? h('button', { type: 'button', 'data-focus': 'card', onclick: function () { showCard(e); }, 'aria-label': t('card.issue') + ' ' + e.name }, t('card.issue')) : null,
      h('button', { type: 'button', class: 'danger', 'data-focus': 'delete', 'aria-label': t('common.delete') + ' ' + e.name, onclick: function () {
        confirmDialog({ title: t('dir.deleteTitle', { name: e.name }), text: t('dir.deleteConfirm', { name: e.name }), confirm: t('common.delete'), danger: true })
          .then(function (yes) {
            if (!yes) return null;
            return edit('DELETE', '/v1/' + kind + '/' + encodeURIComponent(e.id), null, e).then(function () {
              toast(t('dir.deleted', { name: e.name }));
              if (isMembers) forgetMember(e.id);
              list.reload();
            });
          }).catch(function (err) { failed(err); if (err.status === 412) list.reload(); });
      } }, t('common.delete')));
  }

  function toggleDuty(v, box) {
    var body = volunteerInput(v);
    body.onDuty = box.checked;
    box.disabled = true;
    edit('PUT', '/v1/volunteers/' + encodeURIComponent(v.id), body, v).then(function (saved) {
      Object.assign(v, saved);
      toast(t(saved.onDuty ? 'dir.nowOnDuty' : 'dir.nowOffDuty', { name: v.name }));
      list.redraw();
    }).catch(function (e) {
      box.checked = !box.checked;
      box.disabled = false;
      failed(e);
      if (e.status === 412) list.reload();
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
    Array.prototype.forEach.call(form.elements, function (el) { if (readOnly) el.disabled = true; });
    var cancel = h('button', { type: 'button', onclick: function () { clear(panel); query.focus(); } }, t('common.close'));
    form.querySelector('.actions').appendChild(cancel);
    if (readOnly) cancel.disabled = false;
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      var body = form.collect();
      var path = entry ? '/v1/' + kind + '/' + encodeURIComponent(entry.id) : null;
      var req = entry ? edit('PUT', path, body, entry) : api('POST', '/v1/' + kind, body);
      req.then(function (saved) {
        toast(t(entry ? 'dir.saved' : 'dir.created', { name: saved.name }));
        if (isMembers) rememberMember(saved);
        clear(panel);
        list.reload();
      }).catch(function (e) {
        // somebody else saved it meanwhile: the list and the form again, as they are now
        showSaveFailure(form, e, path, function (current) { list.reload(); return showForm(current); });
      });
    });
    clear(panel).appendChild(form);
    if (isMembers && entry) add(panel, memberCarePanel(entry));
    var first = form.querySelector('input, select, textarea');
    if (first) first.focus();
    return form;
  }

  function openImport() {
    clear(panel).appendChild(importForm(kind, function () { loadMembers().then(function () { list.reload(); loadFacets(); }); }));
    panel.querySelector('input').focus();
  }

  function showCard(m) {
    clear(panel).appendChild(cardPanel(m));
  }

  function loadFacets() {
    if (unit || district) fillFacets(unit, district, isMembers);
  }

  search.addEventListener('submit', function (ev) { ev.preventDefault(); list.reload(true); });
  [duty, unit, district].forEach(function (s) { if (s) s.addEventListener('change', function () { list.reload(true); }); });
  onRetry(function () { list.reload(); });
  loadFacets();
  list.reload(true);
}
