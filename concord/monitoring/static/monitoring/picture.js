// The situation picture: Natural Earth boundaries shaded by deaths, and the selected events as circles.
// No tile server: the closed networks the system runs in have none.
(function () {
  "use strict";
  var box = document.getElementById("map");
  if (!box || !window.L) { return; }
  var map = L.map(box, { preferCanvas: true, attributionControl: false }).setView([38, 55], 4);
  // the scale and the legend's words come from the page (a JSON element: the CSP forbids inline script)
  var legendData = JSON.parse(document.getElementById("map-legend").textContent);
  function shade(deaths) {
    var index = 0;
    legendData.shade_from.forEach(function (low, i) { if ((deaths || 0) >= low) { index = i + 1; } });
    return legendData.shades[index].color;
  }
  function radius(deaths) { return 2 + Math.sqrt(deaths || 0) / 2; }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function swatch(style) {
    var mark = el("span", "legend-swatch");
    mark.style.cssText = "display:inline-block;width:14px;height:12px;margin-right:4px;vertical-align:middle;" + style;
    return mark;
  }
  function circle(deaths) {
    var size = 2 * radius(deaths) + 2, ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg"), dot = document.createElementNS(ns, "circle");
    svg.setAttribute("width", size); svg.setAttribute("height", size);
    svg.setAttribute("aria-hidden", "true");
    svg.style.verticalAlign = "middle"; svg.style.marginRight = "4px";
    dot.setAttribute("cx", size / 2); dot.setAttribute("cy", size / 2); dot.setAttribute("r", radius(deaths));
    dot.setAttribute("fill", "rgba(123,0,0,0.5)"); dot.setAttribute("stroke", "#7b0000");
    svg.appendChild(dot);
    return svg;
  }
  function legendBox() {
    var div = el("div", "legend");
    div.setAttribute("data-testid", "map-legend");
    div.setAttribute("role", "group");
    div.setAttribute("aria-label", legendData.title);
    div.style.cssText = "background:#fff;color:#222;padding:4px 8px;font-size:12px;line-height:1.5;border:1px solid #999";
    function section(title, rows) {
      div.appendChild(el("strong", "", title));
      rows.forEach(function (row) {
        var line = el("div");
        line.appendChild(row[0]);
        line.appendChild(document.createTextNode(row[1]));
        div.appendChild(line);
      });
    }
    section(legendData.shades_title, legendData.shades.map(function (s) {
      return [swatch("background:" + s.color + ";border:1px solid #888"), s.label];
    }));
    section(legendData.circles_title, legendData.circles.map(function (c) {
      return [circle(c.deaths), c.label + " " + legendData.deaths];
    }));
    section(legendData.no_data_title, [[swatch("background:#ccc;border:1px dashed #888"), legendData.no_data]]);
    return div;
  }
  // The map data comes at two levels (monitoring/mapdata.py): one circle per province for wide views,
  // the deadliest events inside the view once zoomed in to DETAIL_ZOOM. Each answer is cached by the
  // server per data version and carries an ETag: the browser revalidates it (304) instead of reloading.
  var DETAIL_ZOOM = 7;
  function get(url) { return fetch(url, { credentials: "same-origin" }).then(function (r) { return r.json(); }); }
  function at(params) { var url = box.dataset.data; return url + (url.indexOf("?") < 0 ? "?" : "&") + params; }
  Promise.all([get(box.dataset.admin0), get(box.dataset.admin1), get(at("level=areas"))]).then(function (loaded) {
    var admin0 = loaded[0], admin1 = loaded[1], data = loaded[2];
    var label = box.dataset.labelDeaths;
    // no event data (no source covers the country over the period): grey and dashed, never "0"
    var cover = data.coverage || { countries: {}, elsewhere: "unselected" };
    function noData(iso3) { return (cover.countries[iso3] || cover.elsewhere) === "none"; }
    L.geoJSON(admin0, {
      style: function (f) {
        if (noData(f.properties.iso3)) { return { color: "#888", weight: 0.6, dashArray: "3 3", fillOpacity: 0.5, fillColor: "#cccccc" }; }
        return { color: "#888", weight: 0.6, fillOpacity: 0.7, fillColor: shade(data.countries[f.properties.iso3]) };
      },
      onEachFeature: function (f, layer) {
        var text = noData(f.properties.iso3) ? box.dataset.labelNoData : (data.countries[f.properties.iso3] || 0) + " " + label;
        layer.bindTooltip(f.properties.name + ": " + text);
      }
    }).addTo(map);
    var legend = L.control({ position: "bottomright" });
    legend.onAdd = legendBox;
    legend.addTo(map);
    var provinces = {};
    Object.keys(data.provinces).forEach(function (key) {
      var parts = key.split("/"), name = parts.slice(1).join("/").toLowerCase().replace(/ (governorate|province|oblast|region|velayat|viloyati)$/, "");
      provinces[parts[0] + "/" + name] = data.provinces[key];
    });
    L.geoJSON(admin1, {
      filter: function (f) { return f.properties.name; },
      style: function (f) {
        var d = provinces[f.properties.iso3 + "/" + f.properties.name.toLowerCase()];
        return { color: "#aaa", weight: 0.4, fillOpacity: d ? 0.75 : 0, fillColor: shade(d) };
      },
      onEachFeature: function (f, layer) {
        var d = provinces[f.properties.iso3 + "/" + f.properties.name.toLowerCase()] || 0;
        layer.bindTooltip(f.properties.name + ": " + d + " " + label);
      }
    }).addTo(map);
    function circles(collection) {
      return L.geoJSON(collection, {
        pointToLayer: function (f, latlng) {
          var p = f.properties, size = p.cluster ? 3 + Math.min(22, Math.sqrt(p.deaths || 0) / 3) : radius(p.deaths);
          // in the marker pane: always above the shading, whatever was drawn first
          return L.circleMarker(latlng, { radius: size, color: "#7b0000", weight: p.cluster ? 1 : 0.5, fillOpacity: 0.5, pane: "markerPane" });
        },
        onEachFeature: function (f, layer) {
          var p = f.properties;
          // Names come from imported files: given to the popup as text, never as HTML.
          layer.bindPopup(function () {
            var text = document.createElement("span");
            text.textContent = p.cluster
              ? [p.adm1 || p.country, p.events + " " + box.dataset.labelEvents, p.deaths + " " + label].join(" · ")
              : [p.date, p.adm1, p.dyad, p.deaths + " " + label].join(" · ");
            return text;
          });
        }
      });
    }
    var clusters = circles(data.events), shown = null, asked = "";
    function show(layer, count) {
      if (shown !== layer) { if (shown) { map.removeLayer(shown); } layer.addTo(map); shown = layer; }
      box.dataset.level = layer === clusters ? "areas" : "events";
      box.dataset.ready = String(count);
    }
    var covered = null;  // the box the events drawn were asked for
    function refresh() {
      if (map.getZoom() < DETAIL_ZOOM) { asked = ""; covered = null; show(clusters, data.events.features.length); return; }
      // a small move (a popup panning into view) stays inside the box asked for: nothing to fetch
      if (covered && covered.contains(map.getBounds())) { return; }
      var b = map.getBounds().pad(0.25);
      var bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return Math.round(v); }).join(",");
      if (bbox === asked) { return; }
      asked = bbox;
      covered = b;
      get(at("level=events&bbox=" + bbox)).then(function (found) {
        if (asked !== bbox) { return; }  // the view moved on meanwhile
        show(circles(found.events), found.events.features.length);
      });
    }
    if (data.events.features.length) {
      map.fitBounds(clusters.getBounds(), { maxZoom: DETAIL_ZOOM, padding: [20, 20], animate: false });
    } else if (box.dataset.country) {  // no events drawn: the country chosen, whole
      var chosen = admin0.features.filter(function (f) { return f.properties.iso3 === box.dataset.country; });
      if (chosen.length) { map.fitBounds(L.geoJSON(chosen[0]).getBounds(), { maxZoom: DETAIL_ZOOM, animate: false }); }
    }
    refresh();
    map.on("moveend", refresh);
  });
})();
