/*
 * In-page dialogs instead of the browser's confirm(): a modal <dialog> with a title, what will happen, and two
 * buttons; Escape or "cancel" answers no. Focus goes into the dialog and back to where it was.
 */
import { t } from './i18n.js';
import { h } from './dom.js';
import { say } from './messages.js';

var seq = 0;

/**
 * Asks before doing something that cannot be taken back. {@code opts}: {title, text, confirm (button text),
 * danger (red button, the safe answer focused), body (more nodes, e.g. the amount)}. Resolves true or false.
 */
export function confirmDialog(opts) {
  seq++;
  var titleId = 'dlgTitle' + seq;
  var textId = 'dlgText' + seq;
  var before = document.activeElement;
  var yes = h('button', { type: 'button', class: opts.danger ? 'danger-solid' : 'primary', id: 'dialogConfirm' },
    opts.confirm || t('dialog.confirm'));
  var no = h('button', { type: 'button', id: 'dialogCancel' }, t('dialog.cancel'));
  var dialog = h('dialog', { class: 'confirm-dialog', 'aria-labelledby': titleId, 'aria-describedby': textId },
    h('h2', { id: titleId }, opts.title),
    h('p', { id: textId }, opts.text),
    opts.body || null,
    h('div', { class: 'actions' }, no, yes));
  document.body.appendChild(dialog);
  return new Promise(function (resolve) {
    var answered = false;
    function done(answer) {
      if (answered) return;
      answered = true;
      if (dialog.open) dialog.close();
      dialog.remove();
      if (before && before.focus && document.contains(before)) before.focus();
      resolve(answer);
    }
    yes.addEventListener('click', function () { done(true); });
    no.addEventListener('click', function () { done(false); });
    dialog.addEventListener('cancel', function (ev) { ev.preventDefault(); done(false); });
    dialog.showModal();
    (opts.danger ? no : yes).focus();
  });
}

/** A short note that something worked, in the toast at the top of the screen (read out by screen readers). */
export function toast(text) { say(text); }
