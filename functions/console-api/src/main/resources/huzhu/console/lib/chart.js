/* Figures for the reports: a headline number, and bars per month. */
import { h, svgEl } from './dom.js';

export function stat(label, value) { return h('div', { class: 'stat' }, h('div', { class: 'value' }, value), h('div', { class: 'label' }, label)); }

/**
 * Bars per month in SVG (attributes only: the page's CSP allows no inline styles). {@code months}: [{key:
 * "2026-03", …}]; {@code values(month)}: the bars of that month; {@code format}: a value as a label says it.
 */
export function barChart(months, values, format, label, cls) {
  var W = 720;
  var H = 200;
  var pad = 28;
  var n = Math.max(1, months.length);
  var max = 0;
  months.forEach(function (m) { values(m).forEach(function (v) { max = Math.max(max, v); }); });
  max = max || 1;
  var slot = (W - pad * 2) / n;
  var svg = svgEl('svg', { class: 'chart', viewBox: '0 0 ' + W + ' ' + (H + 36), role: 'img', 'aria-label': label });
  svg.appendChild(svgEl('line', { x1: pad, y1: H, x2: W - pad, y2: H, class: 'axis' }));
  months.forEach(function (m, i) {
    var vs = values(m);
    var bw = Math.max(2, (slot - 6) / vs.length);
    vs.forEach(function (v, j) {
      var bh = Math.round(v / max * (H - 20));
      var x = pad + i * slot + 3 + j * bw;
      var r = svgEl('rect', { x: x, y: H - bh, width: bw - 1, height: bh, class: cls || (j === 0 ? 'bar' : 'bar2') });
      var tip = svgEl('title', {});
      tip.textContent = m.key + ': ' + format(v);
      r.appendChild(tip);
      svg.appendChild(r);
      if (v > 0 && j === 0) {
        var tv = svgEl('text', { x: x + bw / 2, y: H - bh - 4, 'text-anchor': 'middle' });
        tv.textContent = format(v);
        svg.appendChild(tv);
      }
    });
    var tx = svgEl('text', { x: pad + i * slot + slot / 2, y: H + 16, 'text-anchor': 'middle' });
    tx.textContent = m.key.substring(2);
    svg.appendChild(tx);
  });
  return svg;
}
