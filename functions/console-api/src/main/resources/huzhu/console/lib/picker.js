/*
 * A searchable picker of members (the ARIA combobox pattern) in place of a drop-down of hundreds of names: type a
 * few characters of the name, phone, unit or district, then choose with the arrow keys and Enter, or a tap.
 */
import { t } from './i18n.js';
import { add, clear, h } from './dom.js';
import { knownMembers } from './members.js';

var seq = 0;
var SHOWN = 20;

function label(m) {
  var place = m.homeArea ? [m.homeArea.city, m.homeArea.district].filter(Boolean).join(' ') : '';
  return m.name + (m.unit || place ? '（' + [m.unit, place].filter(Boolean).join(' · ') + '）' : '');
}

function matches(m, q) {
  if (!q) return true;
  var digits = q.replace(/\D/g, '');
  var hay = [m.name, m.unit, m.homeArea && m.homeArea.city, m.homeArea && m.homeArea.district].filter(Boolean).join(' ').toLowerCase();
  return hay.indexOf(q.toLowerCase()) >= 0 || (digits.length >= 3 && String(m.phone).indexOf(digits) >= 0);
}

/**
 * {@code opts}: {id (of the text box), selected (a member id), onChange(member)}. Returns {el, input, value(),
 * set(id)}; {@code input} carries data-field="memberId" for the form's errors.
 */
export function memberPicker(opts) {
  opts = opts || {};
  seq++;
  var listId = 'pick' + seq;
  var chosen = opts.selected || '';
  var active = -1;
  var shown = [];
  var input = h('input', { type: 'text', id: opts.id, role: 'combobox', autocomplete: 'off', 'aria-autocomplete': 'list',
    'aria-expanded': 'false', 'aria-controls': listId, placeholder: t('picker.hint'), 'data-field': 'memberId' });
  var list = h('ul', { id: listId, role: 'listbox', class: 'picker-list', hidden: true, 'aria-label': t('picker.label') });
  var el = h('div', { class: 'picker' }, input, list);

  function open(show) {
    list.hidden = !show;
    input.setAttribute('aria-expanded', show ? 'true' : 'false');
    if (!show) input.removeAttribute('aria-activedescendant');
  }

  function fill() {
    var members = knownMembers();
    var q = input.value.trim();
    shown = Object.keys(members).map(function (id) { return members[id]; }).filter(function (m) { return matches(m, q); })
      .sort(function (a, b) { return a.name.localeCompare(b.name, 'zh-CN'); });
    var more = shown.length - SHOWN;
    shown = shown.slice(0, SHOWN);
    active = shown.length ? 0 : -1;
    clear(list);
    shown.forEach(function (m, i) {
      add(list, h('li', { role: 'option', id: listId + '-' + i, 'aria-selected': i === active ? 'true' : 'false',
        'data-member': m.id, onmousedown: function (ev) { ev.preventDefault(); choose(m); } }, label(m)));
    });
    if (!shown.length) add(list, h('li', { class: 'none', role: 'presentation' }, t('picker.none')));
    else if (more > 0) add(list, h('li', { class: 'none', role: 'presentation' }, t('picker.more', { n: more })));
    mark();
    open(true);
  }

  function mark() {
    Array.prototype.forEach.call(list.querySelectorAll('[role=option]'), function (li, i) {
      li.setAttribute('aria-selected', i === active ? 'true' : 'false');
    });
    if (active >= 0) input.setAttribute('aria-activedescendant', listId + '-' + active);
  }

  function choose(m) {
    chosen = m.id;
    input.value = label(m);
    open(false);
    if (opts.onChange) opts.onChange(m);
  }

  input.addEventListener('input', function () { chosen = ''; fill(); });
  input.addEventListener('focus', function () { if (!chosen) fill(); });
  input.addEventListener('blur', function () { open(false); });
  input.addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (list.hidden) { fill(); return; }
      if (!shown.length) return;
      active = (active + (ev.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length;
      mark();
    } else if (ev.key === 'Enter' && !list.hidden && active >= 0 && shown[active]) {
      ev.preventDefault();
      choose(shown[active]);
    } else if (ev.key === 'Escape') {
      open(false);
    }
  });
  if (chosen && knownMembers()[chosen]) input.value = label(knownMembers()[chosen]);

  return {
    el: el,
    input: input,
    value: function () { return chosen; },
    set: function (id) { chosen = id || ''; input.value = id && knownMembers()[id] ? label(knownMembers()[id]) : ''; }
  };
}

/**
 * Several members chosen with the same searchable picker: each choice joins the list below it, with a button to
 * take it out again. {@code opts}: {id (of the text box)}. Returns {el, input, values()}.
 */
export function membersPicker(opts) {
  var ids = [];
  var chosenList = h('ul', { class: 'picked', 'aria-live': 'polite' });
  var picker = memberPicker({ id: opts && opts.id, onChange: function (m) {
    if (ids.indexOf(m.id) < 0) ids.push(m.id);
    picker.set('');
    draw();
  } });
  function draw() {
    clear(chosenList);
    ids.forEach(function (id) {
      var m = knownMembers()[id];
      var name = m ? label(m) : id;
      add(chosenList, h('li', { 'data-member': id }, name, ' ', h('button', { type: 'button', class: 'unpick',
        'aria-label': t('picker.remove', { name: m ? m.name : id }), onclick: function () {
          ids.splice(ids.indexOf(id), 1);
          draw();
          picker.input.focus();
        } }, t('picker.removeShort'))));
    });
  }
  return { el: h('div', null, picker.el, chosenList), input: picker.input, values: function () { return ids.slice(); } };
}
