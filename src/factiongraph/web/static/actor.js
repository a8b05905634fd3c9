/* An actor's relations over time: one row per counterpart, one mark per report, as SVG, over the
   whole history of its ties (`timeline` holds every report, not only the page of the table; for a
   very busy actor every `timeline_step`-th report in date order, which the chart says). */
(function () {
  'use strict';
  var FG = window.FG;
  var box = document.getElementById('timeline');
  if (!box) return;
  var ROWS = 14, ROW_H = 22, LEFT = 190, RIGHT = 20, TOP = 24;

  FG.getJSON(box.getAttribute('data-api')).then(function (d) {
    var all = d.timeline || d.relations_over_time;
    var items = all.filter(function (t) { return t.date; });
    var undated = all.length - items.length;
    if (!items.length) {
      box.appendChild(FG.el('p', { 'class': 'muted' }, all.length ? 'No dated relations (' + undated + ' undated).' : 'No relations.'));
      return;
    }
    var partners = d.partners.slice(0, ROWS).map(function (p) { return p.id; });
    var names = {};
    d.partners.forEach(function (p) { names[p.id] = p.name; });
    var days = items.map(function (t) { return FG.parseDay(t.date); });
    var t0 = Math.min.apply(null, days), t1 = Math.max.apply(null, days);
    if (t1 - t0 < 86400000 * 30) { t0 -= 86400000 * 15; t1 += 86400000 * 15; }
    var width = Math.max(box.clientWidth - 14, 300), height = TOP + partners.length * ROW_H + 10;
    LEFT = Math.min(LEFT, Math.round(width * 0.38));
    var s = FG.svg('svg', { width: width, height: height, viewBox: '0 0 ' + width + ' ' + height, 'class': 'timeline-svg' });
    function x(iso) { return LEFT + (FG.parseDay(iso) - t0) / (t1 - t0) * (width - LEFT - RIGHT); }
    s.appendChild(FG.svg('text', { x: LEFT, y: 14, 'class': 'axis' }, FG.isoDay(t0)));
    s.appendChild(FG.svg('text', { x: width - RIGHT, y: 14, 'class': 'axis', 'text-anchor': 'end' }, FG.isoDay(t1)));
    partners.forEach(function (p, i) {
      var y = TOP + i * ROW_H + ROW_H / 2;
      var a = FG.svg('a', { href: FG.actorUrl(p) });
      a.appendChild(FG.svg('text', { x: LEFT - 8, y: y + 4, 'text-anchor': 'end', 'class': 'row-label' },
        (names[p] || p).slice(0, LEFT < 190 ? 16 : 28)));
      s.appendChild(a);
      s.appendChild(FG.svg('line', { x1: LEFT, x2: width - RIGHT, y1: y, y2: y, 'class': 'row-line' }));
    });
    items.forEach(function (t) {
      var i = partners.indexOf(t.counterpart);
      if (i < 0) return;
      var y = TOP + i * ROW_H + ROW_H / 2;
      var cls = 'mark ' + (t.type === 'hostility' ? 'hostile' : 'ally') + (t.status === 'former' ? ' ended' : '') +
        (t.source_kind === 'comment' ? ' comment' : '');
      var a = FG.svg('a', { href: FG.relationUrl(t.relation) });
      var c = FG.svg('circle', { cx: x(t.date).toFixed(1), cy: y + (t.type === 'hostility' ? 4 : -4), r: 5,
        'class': cls });
      c.appendChild(FG.svg('title', null, t.date + ' ' + t.type + ' (' + t.status + ', ' + t.certainty + ', ' +
        t.source_kind + ') with ' + (names[t.counterpart] || t.counterpart)));
      a.appendChild(c);
      s.appendChild(a);
    });
    box.appendChild(s);
    var total = d.partner_count || d.partners.length;
    if (total > partners.length) {
      box.appendChild(FG.el('p', { 'class': 'muted' }, 'The ' + partners.length + ' counterparts with the most reports, of ' +
        total + '; every tie is in the table below.'));
    }
    if (d.timeline_step > 1) {
      box.appendChild(FG.el('p', { 'class': 'muted' }, 'One report in ' + d.timeline_step + ', in date order, of ' +
        d.pages.relations.total + ' reports.'));
    }
    if (undated) box.appendChild(FG.el('p', { 'class': 'muted' }, undated + ' undated report' + (undated > 1 ? 's' : '') + ' not on the time axis.'));
    box.setAttribute('data-marks', String(s.querySelectorAll('circle').length));
    box.setAttribute('data-first', FG.isoDay(t0));
    box.setAttribute('data-last', FG.isoDay(t1));
  }).catch(function (err) { box.appendChild(FG.el('p', { 'class': 'warn' }, 'Could not load: ' + err.message)); });
})();
