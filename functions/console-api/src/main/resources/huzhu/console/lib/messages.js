/*
 * What the page says: the status line (a toast at the top: what just worked, or why it did not), a form's errors
 * next to its fields (named as the form names them), and a list that could not be read, with a retry.
 */
import { t, fieldName } from './i18n.js';
import { $, add, clear, h } from './dom.js';
import { reread } from './api.js';

var saidAt = 0;

/**
 * The toast at the top: what just worked (gone after a few seconds) or why something did not (until the next
 * thing said, or closed).
 */
export function say(text, isError) {
  saidAt = Date.now();
  var s = $('status');
  s.className = 'status' + (isError ? ' error' : '');
  clear(s);
  if (!text) return;
  s.appendChild(document.createTextNode((isError ? '✕ ' : '✓ ') + text));
  if (isError) {
    s.appendChild(h('button', { type: 'button', class: 'toast-close', 'aria-label': t('common.close'), onclick: function () { clear(s); } }, '×'));
  } else {
    setTimeout(function () { if (s.textContent.indexOf(text) >= 0) clear(s); }, 5000);
  }
}

/** Whether something was said in the last {@code ms} milliseconds. */
export function saidWithin(ms) { return Date.now() - saidAt <= ms; }

export function failed(e) { say(e && e.message ? e.message : t('common.failed'), true); }

/**
 * In place of what could not be read (the first load of a list, a record): why, in the page's words, and a
 * button that tries again.
 */
export function loadFailed(holder, e, retry) {
  clear(holder).appendChild(h('div', { class: 'load-failed', role: 'alert' },
    h('p', null, t('load.failed'), ' ', e && e.message ? e.message : t('common.failed')),
    h('button', { type: 'button', class: 'retry', onclick: retry }, t('load.retry'))));
}

/** Puts each field's message next to its input; the rest (and a summary) above the form. */
export function showErrors(form, e) {
  form.querySelectorAll('[aria-invalid]').forEach(function (el) { el.removeAttribute('aria-invalid'); });
  form.querySelectorAll('.field-error').forEach(function (el) { el.textContent = ''; });
  var summary = form.querySelector('.form-errors');
  if (summary) clear(summary);
  if (!e) return;
  var fields = e.fields || {};
  var unplaced = [];
  Object.keys(fields).forEach(function (name) {
    var target = form.querySelector('[data-field="' + cssEscape(name) + '"]');
    if (target) {
      target.setAttribute('aria-invalid', 'true');
      var err = $(target.id + '-err');
      if (err) err.textContent = fields[name];
    } else {
      unplaced.push(fieldName(name) + '：' + fields[name]);
    }
  });
  if (summary) {
    add(summary, h('p', null, e.message || t('common.failed')));
    if (unplaced.length) add(summary, h('ul', null, unplaced.map(function (u) { return h('li', null, u); })));
    summary.focus();
  } else {
    failed(e);
  }
}

/**
 * Shows why saving {@code form} failed. Refused because somebody else saved the record meanwhile (412, "已被他人修改"):
 * the form again in its place, built by {@code build} from the record as it is now (read again from {@code path}),
 * with that message; the officer makes the change again on it.
 */
export function showSaveFailure(form, e, path, build) {
  reread(e, path).then(function (current) {
    var again = build(current);
    form.replaceWith(again);
    showErrors(again, e);
  }).catch(function (other) { showErrors(form, other); });
}

function cssEscape(s) { return s.replace(/["\\\]\[]/g, '\\$&'); }
