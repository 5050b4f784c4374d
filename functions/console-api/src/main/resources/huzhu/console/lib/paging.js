/*
 * A list the API answers page by page ({items, nextCursor}): load(true) reads it again from the start, the "more"
 * button under it reads the next page, and each time show(items) draws every item read so far.
 */
import { t } from './i18n.js';
import { h } from './dom.js';

/** {@code read(cursor)}: a promise of one page; {@code failed(e)}: says why a page could not be read. */
export function pagedList(read, show, failed) {
  var button = h('button', { type: 'button', hidden: true }, t('common.more'));
  var items = [];
  var cursor = null;
  function load(reset) {
    if (reset) { items = []; cursor = null; }
    read(cursor).then(function (p) {
      items = items.concat(p.items);
      cursor = p.nextCursor;
      button.hidden = !cursor;
      show(items);
    }).catch(failed);
  }
  button.addEventListener('click', function () { load(false); });
  return { more: h('div', { class: 'actions' }, button), load: load, items: function () { return items; } };
}
