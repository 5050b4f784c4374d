/*
 * Importing a roster of members or volunteers from a spreadsheet (.xlsx, or CSV as Excel or WPS saves it). First
 * the check: every row read, nothing stored, and how many families the import will text (an introduction SMS to
 * each new family contact) said with a warning; then, only when the officer confirms, the import. Every bad row is
 * said by number, its fields named as the spreadsheet's columns are.
 */
import { t, fieldName } from '../lib/i18n.js';
import { add, clear, field, formShell, h, table } from '../lib/dom.js';
import { showErrors } from '../lib/messages.js';
import { api } from '../lib/api.js';
import { templateLink } from './export.js';

/** Reads a spreadsheet export: UTF-8 if it is, else GBK (what Excel saves as "CSV" on a Chinese Windows). */
function readFileText(file) {
  return file.arrayBuffer().then(function (buf) {
    try { return new TextDecoder('utf-8', { fatal: true }).decode(buf); } catch (e) { return new TextDecoder('gbk').decode(buf); }
  });
}

var XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function importForm(kind, done) {
  var form = formShell(t('import.title.' + kind), 'importForm');
  var file = h('input', { type: 'file', accept: '.xlsx,.csv,.txt,text/csv,' + XLSX, id: 'importFile' });
  var text = h('textarea', { id: 'importText', rows: 6, placeholder: t('import.example.' + kind) });
  var skip = h('input', { type: 'checkbox', id: 'importSkip' });
  var result = h('div', { id: 'importResult', 'aria-live': 'polite' });
  var check = h('button', { type: 'submit', class: 'primary', id: 'importCheck' }, t('import.check'));
  var xlsx = null;
  add(form, h('p', { class: 'muted small' }, t('import.help')),
    h('p', { class: 'small' }, t('import.columns.' + kind), ' ', templateLink(kind)),
    h('div', { class: 'grid' }, field(t('import.file'), file), field(t('import.paste'), text, { wide: true, name: 'csv' })),
    h('label', { class: 'check' }, skip, t('import.skipInvalid')),
    h('div', { class: 'actions' }, check,
      h('button', { type: 'button', onclick: function () { form.remove(); } }, t('common.close'))),
    result);
  file.addEventListener('change', function () {
    var f = file.files[0];
    xlsx = null;
    if (!f) return;
    if (/\.xlsx$/i.test(f.name)) {
      f.arrayBuffer().then(function (buf) { xlsx = buf; text.value = ''; text.placeholder = t('import.xlsxChosen', { name: f.name }); });
    } else {
      readFileText(f).then(function (s) { text.value = s; });
    }
  });

  function send(dryRun) {
    var query = '?dryRun=' + dryRun + (skip.checked ? '&skipInvalid=true' : '');
    return xlsx ? api('POST', '/v1/' + kind + '/import' + query, xlsx, XLSX)
      : api('POST', '/v1/' + kind + '/import' + query, text.value, 'text/csv; charset=utf-8');
  }

  function problems(e) {
    var rows = {};
    Object.keys(e.fields || {}).forEach(function (k) {
      var m = /^rows\[(\d+)\]\.(.*)$/.exec(k);
      if (!m) return;
      (rows[m[1]] = rows[m[1]] || {})[m[2]] = e.fields[k];
    });
    return Object.keys(rows).map(function (k) { return [Number(k), rows[k]]; });
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    clear(result);
    showErrors(form, null);
    check.disabled = true;
    send(true).then(function (r) {
      add(result, checked(r, kind));
      if (r.imported > 0) {
        var go = h('button', { type: 'button', class: r.outreach && r.outreach.texted ? 'danger-solid' : 'primary', id: 'importBtn' },
          r.outreach && r.outreach.texted ? t('import.goAndText', { n: r.imported, families: r.outreach.families }) : t('import.go', { n: r.imported }));
        go.addEventListener('click', function () {
          go.disabled = true;
          send(false).then(function (done2) {
            clear(result);
            add(result, h('p', { class: 'status-inline' }, t('import.done', { imported: done2.imported, rows: done2.rows, skipped: done2.skipped })));
            if (done2.problems.length) add(result, problemTable(done2.problems.map(function (p) { return [p.row, p.fields]; })));
            done();
          }).catch(function (e) { go.disabled = false; showErrors(form, e); });
        });
        add(result, h('div', { class: 'actions' }, go));
      }
    }).catch(function (e) {
      var rows = problems(e);
      if (rows.length) add(result, h('p', { class: 'form-errors' }, t('import.nothingImported')), problemTable(rows));
      else showErrors(form, e);
    }).then(function () { check.disabled = false; });
  });
  return form;
}

/** What the check found: rows to import, rows skipped, and — said plainly — the SMS the import will send. */
function checked(r, kind) {
  var out = [h('p', null, t('import.checked', { rows: r.rows, imported: r.imported, skipped: r.skipped }))];
  if (r.ignoredColumns && r.ignoredColumns.length) out.push(h('p', { class: 'muted small' }, t('import.ignored', { columns: r.ignoredColumns.join('、') })));
  if (r.problems.length) out.push(problemTable(r.problems.map(function (p) { return [p.row, p.fields]; })));
  if (kind === 'members' && r.outreach) {
    out.push(r.outreach.texted
      ? h('div', { class: 'notice-warning', role: 'alert', id: 'importWarning' },
        h('strong', null, t('import.textsTitle', { families: r.outreach.families, contacts: r.outreach.contacts })), ' ',
        t('import.textsHelp'))
      : h('p', { class: 'muted small', id: 'importWarning' }, t('import.textsNone')));
  }
  return out;
}

function problemTable(problems) {
  var rows = [];
  problems.forEach(function (p) {
    Object.keys(p[1]).forEach(function (f) { rows.push(h('tr', null, h('td', null, String(p[0])), h('td', null, fieldName(f)), h('td', null, p[1][f]))); });
  });
  return table(t('import.problems'), [t('col.row'), t('col.field'), t('col.problem')], rows);
}
