/*
 * Building the page: elements are made with DOM calls, never from HTML strings, so names and messages from the
 * API cannot inject markup, and the page runs under a Content-Security-Policy without inline code.
 */
import { t, word } from './i18n.js';

/** An element with attributes ("on…" functions become listeners) and children (see {@link add}). */
export function h(tag, attrs) {
  var el = document.createElement(tag);
  if (attrs) {
    Object.keys(attrs).forEach(function (k) {
      var v = attrs[k];
      if (v == null || v === false) return;
      if (k.indexOf('on') === 0 && typeof v === 'function') el.addEventListener(k.substring(2), v);
      else if (k === 'text') el.textContent = v;
      else if (k === 'value') el.value = v;
      else if (k === 'checked') el.checked = !!v;
      else el.setAttribute(k, v === true ? '' : v);
    });
  }
  for (var i = 2; i < arguments.length; i++) add(el, arguments[i]);
  return el;
}

/** Appends each child (text, node, array of them; null and false skipped) to {@code el}. */
export function add(el) {
  for (var i = 1; i < arguments.length; i++) {
    var child = arguments[i];
    if (child == null || child === false) continue;
    if (Array.isArray(child)) child.forEach(function (c) { add(el, c); });
    else el.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return el;
}

export function svgEl(tag, attrs) {
  var el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
  return el;
}

export function clear(el) { while (el.firstChild) el.removeChild(el.firstChild); return el; }
export function $(id) { return document.getElementById(id); }

var uid = 0;
function nextId(prefix) { uid++; return (prefix || 'f') + uid; }

/**
 * A labelled input; {@code name} is the API's field path, used to show that field's error next to it;
 * {@code control}: what to place when the input sits inside a larger control (a searchable picker).
 */
export function field(label, input, opts) {
  opts = opts || {};
  var id = input.id || nextId('in');
  input.id = id;
  if (opts.name) input.setAttribute('data-field', opts.name);
  var err = h('div', { class: 'field-error', id: id + '-err', 'aria-live': 'polite' });
  input.setAttribute('aria-describedby', id + '-err');
  return h('div', { class: 'field' + (opts.wide ? ' wide' : '') },
    h('label', { for: id }, label, opts.hint ? h('span', { class: 'hint' }, ' ' + opts.hint) : null),
    opts.control || input, err);
}

export function input(attrs) { return h('input', Object.assign({ type: 'text', autocomplete: 'off' }, attrs || {})); }

export function select(options, value, attrs) {
  var s = h('select', attrs || {});
  options.forEach(function (o) {
    s.appendChild(h('option', { value: o[0], selected: String(o[0]) === String(value == null ? '' : value) ? true : null }, o[1]));
  });
  return s;
}

export function table(caption, headers, rows, emptyText) {
  var body = h('tbody');
  if (!rows.length) body.appendChild(h('tr', null, h('td', { colspan: headers.length, class: 'empty' }, emptyText || t('common.none'))));
  rows.forEach(function (r) {
    // each cell names its column, so a phone can show the row as a labelled card: label left, the cell's content
    // (held together in one box, however many parts it has) right
    Array.prototype.forEach.call(r.children, function (td, i) {
      if (headers[i]) td.setAttribute('data-label', headers[i]);
      cellBox(td);
    });
    body.appendChild(r);
  });
  return h('div', { class: 'table-wrap' }, h('table', { class: 'stack' },
    caption ? h('caption', null, caption) : null,
    h('thead', null, h('tr', null, headers.map(function (x) { return h('th', { scope: 'col' }, x); }))),
    body));
}

/** The cell's content in one box, so a phone's two-column card keeps the value beside its label. */
export function cellBox(td) {
  if (td.classList.contains('empty') || (td.childNodes.length === 1 && td.firstChild.nodeType === 1
      && td.firstChild.classList.contains('cell'))) return td;
  var box = h('div', { class: 'cell' });
  while (td.firstChild) box.appendChild(td.firstChild);
  td.appendChild(box);
  return td;
}

/** A phone number anyone can tap to call. */
export function tel(phone) { return phone ? h('a', { href: 'tel:' + phone, class: 'tel' }, phone) : ''; }

/**
 * A link that opens the place on a map (高德 Amap's web URI, which hands over to its app on a phone): the point when
 * known (GPS coordinates), else a search for the address in its city.
 */
export function mapLink(text, address, city, lat, lon) {
  var url = lat != null && lon != null
    ? 'https://uri.amap.com/marker?position=' + encodeURIComponent(lon + ',' + lat) + '&name=' + encodeURIComponent(address || '')
      + '&coordinate=wgs84&callnative=1&src=huzhu'
    : 'https://uri.amap.com/search?keyword=' + encodeURIComponent(address || '') + (city ? '&city=' + encodeURIComponent(city) : '')
      + '&callnative=1&src=huzhu';
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer', class: 'map' }, text);
}

export function badge(status) { return h('span', { class: 'badge ' + status }, word('status', status)); }

/** A form card with its title and the place where errors no field takes are said. */
export function formShell(titleText, id) {
  var form = h('form', { class: 'card', novalidate: true, id: id });
  add(form, h('h2', null, titleText), h('div', { class: 'form-errors', tabindex: '-1', role: 'alert' }));
  return form;
}

export function numberOrNull(v) { return v === '' || v == null ? null : Number(v); }
