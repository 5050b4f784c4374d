/*
 * A table as officers know them from Ant Design and Element Plus: the total, sortable columns (click a header;
 * again to turn the order round), pages with numbers and a page size, an empty state, and the focus kept where it
 * was when the table is drawn again. The rows come from {@code fetch(params)}, which asks the server for one page
 * ({page, limit, sort, order}) and answers {items, total}.
 */
import { t } from './i18n.js';
import { add, cellBox, clear, h, select } from './dom.js';

var SIZES = [20, 50, 100];

/**
 * {@code opts}: {id, caption(total), columns: [{key, label, sort (the API's column name, or none), cell(item)}],
 * fetch(params), row(item) (attributes of its tr: a data-key keeps the focus on redraws), empty, sort, order,
 * failed(e)}. Returns {el, reload(firstPage), items()}.
 */
export function dataTable(opts) {
  var state = { page: 1, limit: opts.limit || SIZES[0], sort: opts.sort || null, order: opts.order || 'asc' };
  var items = [];
  var total = 0;
  var holder = h('div', { class: 'data-table', id: opts.id });
  var pager = h('nav', { class: 'pager', 'aria-label': t('table.pages') });

  function header(c) {
    if (!c.sort) return h('th', { scope: 'col' }, c.label);
    var on = state.sort === c.sort;
    var dir = on ? (state.order === 'desc' ? 'descending' : 'ascending') : 'none';
    return h('th', { scope: 'col', 'aria-sort': dir },
      h('button', { type: 'button', class: 'sort', 'data-focus': 'sort-' + c.sort, onclick: function () {
        if (state.sort === c.sort) state.order = state.order === 'asc' ? 'desc' : 'asc';
        else { state.sort = c.sort; state.order = 'asc'; }
        state.page = 1;
        load();
      } }, c.label, h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, on ? (state.order === 'desc' ? ' ▼' : ' ▲') : ' ⇅')));
  }

  function draw() {
    var focused = document.activeElement && holder.contains(document.activeElement) ? focusKey(document.activeElement) : null;
    var body = h('tbody');
    if (!items.length) body.appendChild(h('tr', null, h('td', { colspan: opts.columns.length, class: 'empty' }, opts.empty || t('common.none'))));
    items.forEach(function (item) {
      var tr = h('tr', opts.row ? opts.row(item) : null);
      opts.columns.forEach(function (c) {
        var td = h('td', { 'data-label': c.label, 'data-col': c.key }, c.cell(item));
        tr.appendChild(cellBox(td));
      });
      body.appendChild(tr);
    });
    clear(holder).appendChild(h('div', { class: 'table-wrap' }, h('table', { class: 'stack' },
      h('caption', null, opts.caption(total)),
      h('thead', null, h('tr', null, opts.columns.map(header))),
      body)));
    holder.appendChild(pager);
    drawPager();
    if (focused) refocus(holder, focused);
  }

  function drawPager() {
    var pages = Math.max(1, Math.ceil(total / state.limit));
    clear(pager);
    add(pager, h('span', { class: 'total' }, t('table.total', { n: total })));
    if (pages > 1) {
      add(pager, pageButton('‹', state.page - 1, state.page <= 1, t('table.prev')));
      pageNumbers(state.page, pages).forEach(function (p) {
        if (p === null) add(pager, h('span', { class: 'gap', 'aria-hidden': 'true' }, '…'));
        else add(pager, pageButton(String(p), p, false, t('table.page', { n: p }), p === state.page));
      });
      add(pager, pageButton('›', state.page + 1, state.page >= pages, t('table.next')));
    }
    var size = select(SIZES.map(function (n) { return [n, t('table.perPage', { n: n })]; }), state.limit,
      { 'aria-label': t('table.pageSize'), 'data-focus': 'size' });
    size.addEventListener('change', function () { state.limit = Number(size.value); state.page = 1; load(); });
    add(pager, size);
  }

  function pageButton(text, page, disabled, label, current) {
    return h('button', { type: 'button', class: 'page' + (current ? ' current' : ''), disabled: disabled,
      'aria-label': label, 'aria-current': current ? 'page' : null, 'data-focus': 'page-' + text,
      onclick: function () { state.page = page; load(); } }, text);
  }

  function load() {
    return opts.fetch({ page: state.page, limit: state.limit, sort: state.sort, order: state.order }).then(function (p) {
      items = p.items;
      total = p.total == null ? p.items.length : p.total;
      var pages = Math.max(1, Math.ceil(total / state.limit));
      if (state.page > pages) { state.page = pages; return load(); }
      draw();
      return items;
    }).catch(function (e) { if (opts.failed) opts.failed(e, load); });
  }

  return {
    el: holder,
    reload: function (firstPage) { if (firstPage) state.page = 1; return load(); },
    items: function () { return items; },
    /** Draws the rows again from what was read (a language switch, a ticking clock). */
    redraw: draw
  };
}

/** 1 … 4 5 [6] 7 8 … 20: the first, the last, two either side of the current; null is a gap. */
export function pageNumbers(current, pages) {
  var out = [];
  for (var p = 1; p <= pages; p++) {
    if (p === 1 || p === pages || Math.abs(p - current) <= 2) out.push(p);
    else if (out[out.length - 1] !== null) out.push(null);
  }
  return out;
}

/**
 * What identifies the focused element across a redraw: its own data-focus, under its row's data-key when it is in
 * a row.
 */
export function focusKey(el) {
  var own = el.getAttribute('data-focus') || el.id || null;
  var row = el.closest('[data-key]');
  if (!own) return null;
  return (row ? row.getAttribute('data-key') + '|' : '') + own;
}

/** Puts the focus back on the element {@link focusKey} named, if the redraw made it again. */
export function refocus(root, key) {
  var parts = key.split('|');
  var scope = root;
  if (parts.length > 1) {
    scope = root.querySelector('[data-key="' + parts[0].replace(/"/g, '') + '"]');
    if (!scope) return;
  }
  var own = parts[parts.length - 1].replace(/"/g, '');
  var el = scope.querySelector('[data-focus="' + own + '"]') || document.getElementById(own);
  if (el && !el.disabled) el.focus({ preventScroll: true });
}
