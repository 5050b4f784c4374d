/* Importing a roster of members or volunteers from a spreadsheet export (CSV); every bad row said by number. */
import { t } from '../lib/i18n.js';
import { add, clear, field, formShell, h, table } from '../lib/dom.js';
import { showErrors } from '../lib/messages.js';
import { api } from '../lib/api.js';

/** Reads a spreadsheet export: UTF-8 if it is, else GBK (what Excel saves as "CSV" on a Chinese Windows). */
function readFileText(file) {
  return file.arrayBuffer().then(function (buf) {
    try { return new TextDecoder('utf-8', { fatal: true }).decode(buf); } catch (e) { return new TextDecoder('gbk').decode(buf); }
  });
}

export function importForm(kind, done) {
  var form = formShell(t('import.title.' + kind), 'importForm');
  var file = h('input', { type: 'file', accept: '.csv,.txt,text/csv', id: 'importFile' });
  var text = h('textarea', { id: 'importText', rows: 6, placeholder: t('import.example.' + kind) });
  var skip = h('input', { type: 'checkbox', id: 'importSkip' });
  var result = h('div', { id: 'importResult', 'aria-live': 'polite' });
  add(form, h('p', { class: 'muted small' }, t('import.help')),
    h('p', { class: 'small' }, t('import.columns.' + kind)),
    h('div', { class: 'grid' }, field(t('import.file'), file), field(t('import.paste'), text, { wide: true, name: 'csv' })),
    h('label', { class: 'check' }, skip, t('import.skipInvalid')),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary', id: 'importBtn' }, t('import.submit')),
      h('button', { type: 'button', onclick: function () { form.remove(); } }, t('common.close'))),
    result);
  file.addEventListener('change', function () {
    if (file.files[0]) readFileText(file.files[0]).then(function (s) { text.value = s; });
  });
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    clear(result);
    showErrors(form, null);
    api('POST', '/v1/' + kind + '/import' + (skip.checked ? '?skipInvalid=true' : ''), text.value, 'text/csv; charset=utf-8')
      .then(function (r) {
        add(result, h('p', { class: 'status' }, t('import.done', { imported: r.imported, rows: r.rows, skipped: r.skipped })));
        if (r.ignoredColumns && r.ignoredColumns.length) add(result, h('p', { class: 'muted small' }, t('import.ignored', { columns: r.ignoredColumns.join('、') })));
        if (r.problems.length) add(result, problemTable(r.problems.map(function (p) { return [p.row, p.fields]; })));
        done();
      })
      .catch(function (e) {
        var rows = {};
        Object.keys(e.fields || {}).forEach(function (k) {
          var m = /^rows\[(\d+)\]\.(.*)$/.exec(k);
          if (!m) return;
          (rows[m[1]] = rows[m[1]] || {})[m[2]] = e.fields[k];
        });
        var keys = Object.keys(rows);
        if (keys.length) {
          add(result, h('p', { class: 'form-errors' }, t('import.nothingImported')),
            problemTable(keys.map(function (k) { return [Number(k), rows[k]]; })));
        } else {
          showErrors(form, e);
        }
      });
  });
  return form;
}

function problemTable(problems) {
  var rows = [];
  problems.forEach(function (p) {
    Object.keys(p[1]).forEach(function (f) { rows.push(h('tr', null, h('td', null, String(p[0])), h('td', null, f), h('td', null, p[1][f]))); });
  });
  return table(t('import.problems'), [t('col.row'), t('col.field'), t('col.problem')], rows);
}
