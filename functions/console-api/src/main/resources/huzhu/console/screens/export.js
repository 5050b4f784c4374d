/*
 * Spreadsheets to save: a table's rows as .xlsx (with the filters on show), and the empty roster to fill in. The
 * file comes through the API with the session's token, then is handed to the browser to save.
 */
import { t } from '../lib/i18n.js';
import { h } from '../lib/dom.js';
import { api, qs } from '../lib/api.js';
import { failed } from '../lib/messages.js';

function save(path, fallbackName, button) {
  if (button) button.disabled = true;
  return api('GET', path, null, { raw: true }).then(function (r) {
    var name = fallbackName;
    var disposition = r.headers.get('Content-Disposition') || '';
    var m = /filename\*=UTF-8''([^;]+)/.exec(disposition);
    if (m) name = decodeURIComponent(m[1]);
    return r.blob().then(function (blob) {
      var url = URL.createObjectURL(blob);
      var a = h('a', { href: url, download: name, hidden: true });
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
    });
  }).catch(failed).then(function () { if (button) button.disabled = false; });
}

/** "Export to Excel" for a table; {@code filters()}: the query the table shows now. */
export function exportButton(kind, filters) {
  var b = h('button', { type: 'button', id: 'export-' + kind, class: 'export', onclick: function () {
    save('/v1/exports/' + kind + qs(filters ? filters() : {}), kind + '.xlsx', b);
  } }, t('export.xlsx'));
  return b;
}

/** The roster's template (header row and an example), for an import. */
export function templateLink(kind) {
  var b = h('button', { type: 'button', class: 'link-button', id: 'template-' + kind, onclick: function () {
    save('/v1/templates/' + kind, kind + '-template.xlsx', b);
  } }, t('export.template'));
  return b;
}
