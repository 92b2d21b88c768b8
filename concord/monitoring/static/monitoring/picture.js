// The situation picture: Natural Earth boundaries shaded by deaths, and the selected events as circles.
// No tile server: the closed networks the system runs in have none.
(function () {
  "use strict";
  var box = document.getElementById("map");
  if (!box || !window.L) { return; }
  var map = L.map(box, { preferCanvas: true, attributionControl: false }).setView([38, 55], 4);
  var shades = ["#fff5f0", "#fcbba1", "#fb6a4a", "#cb181d", "#67000d"];
  function shade(deaths) {
    if (!deaths) { return shades[0]; }
    return shades[Math.min(4, 1 + Math.floor(Math.log10(deaths) / 1.2))];
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
    legend.onAdd = function () {
      var div = L.DomUtil.create("div", "legend");
      div.style.cssText = "background:#fff;padding:2px 6px;font-size:12px";
      div.innerHTML = '<span style="display:inline-block;width:12px;height:12px;background:#ccc;border:1px dashed #888"></span> ';
      div.appendChild(document.createTextNode(box.dataset.labelNoData));
      return div;
    };
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
          var p = f.properties, size = p.cluster ? 3 + Math.min(22, Math.sqrt(p.deaths || 0) / 3) : 2 + Math.sqrt(p.deaths || 0) / 2;
          return L.circleMarker(latlng, { radius: size, color: "#7b0000", weight: p.cluster ? 1 : 0.5, fillOpacity: 0.5 });
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
    function refresh() {
      if (map.getZoom() < DETAIL_ZOOM) { asked = ""; show(clusters, data.events.features.length); return; }
      var b = map.getBounds().pad(0.25);
      var bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(function (v) { return Math.round(v); }).join(",");
      if (bbox === asked) { return; }
      asked = bbox;
      get(at("level=events&bbox=" + bbox)).then(function (found) {
        if (asked !== bbox) { return; }  // the view moved on meanwhile
        show(circles(found.events), found.events.features.length);
      });
    }
    if (data.events.features.length) { map.fitBounds(clusters.getBounds(), { maxZoom: DETAIL_ZOOM, padding: [20, 20], animate: false }); }
    refresh();
    map.on("moveend", refresh);
  });
})();
