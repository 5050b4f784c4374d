/* The forms of a member, a volunteer and a leader; each form's collect() gives the body the API takes. */
import { t } from '../lib/i18n.js';
import { add, field, formShell, h, input, numberOrNull, select } from '../lib/dom.js';

/** "city district" of an area. */
export function area(a) { return a ? [a.city, a.district].filter(Boolean).join(' ') : ''; }

function pointFields(loc) {
  var lat = input({ type: 'number', step: 'any', inputmode: 'decimal', value: loc ? loc.lat : '' });
  var lon = input({ type: 'number', step: 'any', inputmode: 'decimal', value: loc ? loc.lon : '' });
  return {
    fields: [field(t('form.lat'), lat, { name: 'location.lat', hint: t('common.optional') }), field(t('form.lon'), lon, { name: 'location.lon', hint: t('common.optional') })],
    value: function () { return lat.value === '' && lon.value === '' ? null : { lat: numberOrNull(lat.value), lon: numberOrNull(lon.value) }; }
  };
}

function langSelect(value) { return select([['zh-CN', '简体中文'], ['en', 'English']], value || 'zh-CN'); }

export function memberForm(m) {
  m = m || {};
  var form = formShell(m.id ? t('dir.edit', { name: m.name }) : t('dir.add.members'), 'memberForm');
  var name = input({ id: 'mName', value: m.name, maxlength: 50, required: true });
  var phone = input({ id: 'mPhone', type: 'tel', value: m.phone, required: true });
  var unit = input({ value: m.unit, maxlength: 100 });
  var city = input({ id: 'mCity', value: m.homeArea && m.homeArea.city, required: true });
  var district = input({ id: 'mDistrict', value: m.homeArea && m.homeArea.district });
  var address = input({ id: 'mAddress', value: m.homeAddress, maxlength: 200 });
  var language = langSelect(m.language);
  var point = pointFields(m.location);
  var family = h('div', { id: 'familyRows' });
  var familyBox = h('fieldset', null, h('legend', null, t('form.family')), h('p', { class: 'muted small' }, t('form.familyHelp')), family);
  var count = 0;
  function familyRow(c) {
    var i = count++;
    var cn = input({ value: c && c.name, maxlength: 50, 'data-family': 'name' });
    var cr = input({ value: c && c.relation, maxlength: 20, 'data-family': 'relation' });
    var cp = input({ type: 'tel', value: c && c.phone, 'data-family': 'phone' });
    var row = h('div', { class: 'family-row' },
      field(t('form.familyName'), cn, { name: 'familyContacts[' + i + '].name' }),
      field(t('form.familyRelation'), cr, { name: 'familyContacts[' + i + '].relation' }),
      field(t('form.familyPhone'), cp, { name: 'familyContacts[' + i + '].phone' }),
      h('button', { type: 'button', 'aria-label': t('form.familyRemove'), onclick: function () { row.remove(); } }, '✕'));
    family.appendChild(row);
    return cn;
  }
  (m.familyContacts || []).forEach(familyRow);
  add(familyBox, h('button', { type: 'button', id: 'addFamily', onclick: function () { familyRow().focus(); } }, t('form.familyAdd')));
  add(form, h('div', { class: 'grid' },
    field(t('form.name'), name, { name: 'name' }), field(t('form.phone'), phone, { name: 'phone' }),
    field(t('form.unit'), unit, { name: 'unit' }), field(t('form.city'), city, { name: 'homeArea.city' }),
    field(t('form.district'), district, { name: 'homeArea.district' }), field(t('form.language'), language, { name: 'language' }),
    field(t('form.address'), address, { name: 'homeAddress', wide: true }), point.fields),
    familyBox,
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'memberSave' }, t('common.save'))));
  form.collect = function () {
    // rows are renumbered as sent (blank ones left out), so the server's familyContacts[i] errors land on the right row
    var contacts = [];
    family.querySelectorAll('.family-row').forEach(function (row) {
      var get = function (k) { return row.querySelector('[data-family="' + k + '"]').value.trim(); };
      var used = get('name') || get('relation') || get('phone');
      var index = contacts.length;
      row.querySelectorAll('[data-family]').forEach(function (el) {
        el.setAttribute('data-field', used ? 'familyContacts[' + index + '].' + el.getAttribute('data-family') : 'unused');
      });
      if (used) contacts.push({ name: get('name'), relation: get('relation') || null, phone: get('phone') });
    });
    return {
      name: name.value, phone: phone.value, unit: unit.value || null,
      homeArea: { city: city.value, district: district.value || null }, homeAddress: address.value || null,
      location: point.value(), familyContacts: contacts, language: language.value
    };
  };
  return form;
}

/** A volunteer as PUT /v1/volunteers/{id} takes it back. */
export function volunteerInput(v) {
  return { name: v.name, phone: v.phone, area: v.area, location: v.location, skills: v.skills, onDuty: v.onDuty, maxActive: v.maxActive, language: v.language };
}

export function volunteerForm(v) {
  v = v || { onDuty: true, maxActive: 1 };
  var form = formShell(v.id ? t('dir.edit', { name: v.name }) : t('dir.add.volunteers'), 'volunteerForm');
  var name = input({ id: 'vName', value: v.name, maxlength: 50 });
  var phone = input({ id: 'vPhone', type: 'tel', value: v.phone });
  var city = input({ id: 'vCity', value: v.area && v.area.city });
  var district = input({ id: 'vDistrict', value: v.area && v.area.district });
  var skills = input({ value: (v.skills || []).join('、') });
  var onDuty = h('input', { type: 'checkbox', checked: v.onDuty });
  var maxActive = input({ type: 'number', min: 1, max: 10, value: v.maxActive });
  var language = langSelect(v.language);
  var point = pointFields(v.location);
  add(form, h('div', { class: 'grid' },
    field(t('form.name'), name, { name: 'name' }), field(t('form.phone'), phone, { name: 'phone' }),
    field(t('form.city'), city, { name: 'area.city' }), field(t('form.district'), district, { name: 'area.district' }),
    field(t('form.skills'), skills, { name: 'skills', hint: t('form.skillsHint') }),
    field(t('form.maxActive'), maxActive, { name: 'maxActive' }), field(t('form.language'), language, { name: 'language' }),
    h('div', { class: 'field' }, h('label', { class: 'check' }, onDuty, t('dir.onDuty'))), point.fields),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('common.save'))));
  form.collect = function () {
    return {
      name: name.value, phone: phone.value, area: { city: city.value, district: district.value || null },
      location: point.value(), skills: skills.value.split(/[,，、;；\s]+/).filter(Boolean),
      onDuty: onDuty.checked, maxActive: numberOrNull(maxActive.value), language: language.value
    };
  };
  return form;
}

export function leaderForm(l) {
  l = l || { level: 1 };
  var form = formShell(l.id ? t('dir.edit', { name: l.name }) : t('dir.add.leaders'), 'leaderForm');
  var name = input({ value: l.name, maxlength: 50 });
  var phone = input({ type: 'tel', value: l.phone });
  var title = input({ value: l.title, maxlength: 50 });
  var email = input({ type: 'email', value: l.email });
  var level = input({ type: 'number', min: 1, max: 10, value: l.level });
  var language = langSelect(l.language);
  add(form, h('div', { class: 'grid' },
    field(t('form.name'), name, { name: 'name' }), field(t('form.phone'), phone, { name: 'phone' }),
    field(t('form.title'), title, { name: 'title' }), field(t('form.level'), level, { name: 'level', hint: t('form.levelHint') }),
    field(t('form.email'), email, { name: 'email', hint: t('common.optional') }), field(t('form.language'), language, { name: 'language' })),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, t('common.save'))));
  form.collect = function () {
    return { name: name.value, phone: phone.value, title: title.value || null, email: email.value || null, level: numberOrNull(level.value), language: language.value };
  };
  return form;
}
