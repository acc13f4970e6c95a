/// The replay viewer's script, inlined into replay.html.
///
/// Plain ES2017, no libraries, no network: replay.html must open from a
/// USB stick on an offline laptop. It reads the data block, draws the map
/// on a canvas and shows the numbers Swift computed for each frame (so the
/// terminal replay and the viewer agree). `#t=SECONDS` in the address
/// seeks there; `window.drillsimState()` returns what is shown.
enum ReplayScript {
  static let text = #"""
    "use strict";
    (function () {
      const errors = [];
      window.addEventListener("error", (e) => { errors.push(String(e.message)); showErrors(); });
      function showErrors() { const el = document.getElementById("errors"); if (el) el.textContent = errors.join("\n"); }
      const data = JSON.parse(document.getElementById("drillsim-data").textContent);
      const header = data.header, frames = data.frames, summaries = data.summaries;
      const map = header.map || { links: [], zones: [], grids: [], facilities: [] };
      const end = data.end;
      let lang = "zh", t = 0, playing = false, speed = 60, frameIndex = -1;
      const $ = (id) => document.getElementById(id);
      const label = (key) => (data.labels[lang] && data.labels[lang][key]) || data.labels.en[key] || key;

      // Clock: the scenario's local wall time, as ScenarioClock prints it.
      function pad(n, w) { return String(n).padStart(w, "0"); }
      function elapsed(s) { s = Math.floor(s); return pad(Math.floor(s / 3600), 2) + ":" + pad(Math.floor(s / 60) % 60, 2) + ":" + pad(s % 60, 2); }
      function clockText(s) {
        if (data.startLocal === null) return "T+" + elapsed(s);
        return new Date((data.startLocal + Math.floor(s)) * 1000).toISOString().slice(0, 19).replace("T", " ");
      }
      function frameAt(s) {
        let lo = 0, hi = frames.length;
        while (lo < hi) { const mid = (lo + hi) >> 1; if (frames[mid].t <= s) lo = mid + 1; else hi = mid; }
        return lo - 1;
      }

      // Rasters: changed cells since the previous frame, in full at keyframes.
      const rasters = { flood: null, fire: null };
      function rasterAt(name, k) {
        let r = rasters[name];
        if (!r || r.index > k) {
          let start = k;
          while (start >= 0 && !(frames[start][name] && frames[start][name].full)) start--;
          if (start < 0) return null;
          const g = frames[start][name].grid;
          r = { grid: g, background: frames[start][name].background, index: start - 1, values: null };
          r.values = new Int32Array(g.columns * g.rows).fill(r.background);
          rasters[name] = r;
        }
        for (let n = r.index + 1; n <= k; n++) {
          const layer = frames[n][name];
          if (!layer) continue;
          if (layer.full) { r.grid = layer.grid; r.background = layer.background; r.values = new Int32Array(layer.grid.columns * layer.grid.rows).fill(layer.background); }
          const c = layer.cells;
          for (let i = 0; i + 1 < c.length; i += 2) r.values[c[i]] = c[i + 1];
        }
        r.index = Math.max(r.index, k);
        return r;
      }

      // Map geometry.
      const canvas = $("map"), ctx = canvas.getContext("2d");
      let bounds = [Infinity, Infinity, -Infinity, -Infinity];
      function extend(x, y) { bounds = [Math.min(bounds[0], x), Math.min(bounds[1], y), Math.max(bounds[2], x), Math.max(bounds[3], y)]; }
      for (const l of map.links) for (let i = 0; i + 1 < l.points.length; i += 2) extend(l.points[i], l.points[i + 1]);
      for (const z of map.zones) extend(z.x, z.y);
      for (const f of map.facilities) extend(f.x, f.y);
      for (const name of ["flood", "fire"]) {
        const first = frames.find((f) => f[name] && f[name].full);
        if (first) { const g = first[name].grid; extend(g.west, g.south); extend(g.west + g.columns * g.cell_size, g.south + g.rows * g.cell_size); }
      }
      if (!isFinite(bounds[0])) bounds = [0, 0, 1, 1];
      let scale = 1, ox = 0, oy = 0;
      function fit() {
        const w = canvas.clientWidth || 800, h = canvas.clientHeight || 600;
        canvas.width = w; canvas.height = h;
        const bw = Math.max(bounds[2] - bounds[0], 1), bh = Math.max(bounds[3] - bounds[1], 1);
        scale = Math.min(w / bw, h / bh) * 0.95;
        ox = (w - bw * scale) / 2 - bounds[0] * scale; oy = (h + bh * scale) / 2 + bounds[1] * scale;
      }
      const X = (x) => ox + x * scale, Y = (y) => oy - y * scale;
      function strokeLink(l) {
        const p = l.points; ctx.moveTo(X(p[0]), Y(p[1]));
        for (let i = 2; i + 1 < p.length; i += 2) ctx.lineTo(X(p[i]), Y(p[i + 1]));
      }
      function drawRaster(r, colour, alphaOf) {
        if (!r) return;
        const g = r.grid, north = g.south + g.rows * g.cell_size, size = Math.max(g.cell_size * scale, 1);
        for (let i = 0; i < r.values.length; i++) {
          const v = r.values[i]; if (v === r.background) continue;
          const a = alphaOf(v); if (a <= 0) continue;
          ctx.fillStyle = colour; ctx.globalAlpha = a;
          const col = i % g.columns, row = (i / g.columns) | 0;
          ctx.fillRect(X(g.west + col * g.cell_size), Y(north - row * g.cell_size), size, size);
        }
        ctx.globalAlpha = 1;
      }
      const stateColours = ["#95a5a6", "#f1c40f", "#e67e22", "#3498db", "#27ae60", "#c0392b"];
      function draw(k) {
        const f = k >= 0 ? frames[k] : {};
        ctx.fillStyle = "#f7f5ef"; ctx.fillRect(0, 0, canvas.width, canvas.height);
        if (k >= 0 && f.fire) drawRaster(rasterAt("fire", k), "#c0392b", (v) => (v <= t ? 0.6 : 0));
        if (k >= 0 && f.flood) drawRaster(rasterAt("flood", k), "#2e86de", (v) => Math.min(0.85, 0.25 + v / 200));
        ctx.lineCap = "round";
        for (const mode of ["path", "road"]) {
          ctx.beginPath(); ctx.strokeStyle = mode === "road" ? "#6d6a61" : "#b5b0a1"; ctx.lineWidth = mode === "road" ? 1.4 : 0.7;
          for (const l of map.links) if ((l.mode === "path") === (mode === "path")) strokeLink(l);
          ctx.stroke();
        }
        if (f.loads) {
          let most = 1; for (const d of f.loads) most = Math.max(most, d[1] + d[2] + d[3]);
          for (const d of f.loads) {
            const l = map.links[d[0]]; if (!l) continue;
            const share = (d[1] + d[2] + d[3]) / most;
            ctx.beginPath(); ctx.strokeStyle = "hsl(" + Math.round(120 - 120 * share) + ",80%,45%)"; ctx.lineWidth = 2 + 3 * share;
            strokeLink(l); ctx.stroke();
          }
        }
        if (f.closures) {
          ctx.beginPath(); ctx.strokeStyle = "#e3001b"; ctx.lineWidth = 4;
          for (const c of f.closures) { const l = map.links[c[0]]; if (l) strokeLink(l); }
          ctx.stroke();
        }
        map.zones.forEach((z, i) => {
          let colour = "#bbbbbb";
          if (f.zones && f.zones[i]) { const c = f.zones[i]; let top = 0; for (let s = 1; s < c.length; s++) if (c[s] > c[top]) top = s; if (c[top] > 0) colour = stateColours[top]; }
          ctx.beginPath(); ctx.fillStyle = colour; ctx.strokeStyle = "#333"; ctx.lineWidth = 1;
          ctx.arc(X(z.x), Y(z.y), 6, 0, 2 * Math.PI); ctx.fill(); ctx.stroke();
          ctx.fillStyle = "#222"; ctx.font = "11px sans-serif"; ctx.fillText(z.name || z.id, X(z.x) + 8, Y(z.y) + 4);
        });
        const fills = {}; for (const s of f.shelters || []) fills[s[0]] = s;
        for (const fa of map.facilities) {
          if (fa.kind !== "shelter") continue;
          const s = fills[fa.id], share = s && s[2] > 0 ? Math.min(1, s[1] / s[2]) : 0;
          const x = X(fa.x) - 7, y = Y(fa.y) - 7;
          ctx.fillStyle = "#fff"; ctx.fillRect(x, y, 14, 14);
          ctx.fillStyle = "#1e8449"; ctx.fillRect(x, y + 14 * (1 - share), 14, 14 * share);
          ctx.strokeStyle = "#1e8449"; ctx.lineWidth = 2; ctx.strokeRect(x, y, 14, 14);
        }
        for (const team of f.teams || []) {
          ctx.beginPath(); ctx.fillStyle = "#8e44ad";
          ctx.moveTo(X(team.x), Y(team.y) - 7); ctx.lineTo(X(team.x) - 6, Y(team.y) + 5); ctx.lineTo(X(team.x) + 6, Y(team.y) + 5); ctx.fill();
        }
      }

      // Numbers, events, labels.
      function shownCounts(k) { return k >= 0 ? summaries[k].counts : {}; }
      function renderCounts(k) {
        const counts = shownCounts(k), box = $("counts");
        let html = "";
        for (const key of data.countKeys) {
          const id = "count-" + key.replace(/[._]/g, "-");
          html += "<div class=\"count\"><span class=\"count-label\" data-label=\"" + key + "\">" + escapeHTML(label(key)) +
            "</span> <span class=\"count-value\" id=\"" + id + "\">" + (key in counts ? counts[key] : "–") + "</span></div>";
        }
        box.innerHTML = html;
        const shelters = $("shelters"); let rows = "";
        const f = k >= 0 ? frames[k] : {};
        for (const s of f.shelters || []) {
          const fa = map.facilities.find((x) => x.id === s[0]);
          rows += "<div>" + escapeHTML((fa && fa.name) || s[0]) + " <meter min=\"0\" max=\"" + s[2] + "\" value=\"" + s[1] + "\"></meter> " + s[1] + "/" + s[2] + "</div>";
        }
        shelters.innerHTML = rows;
      }
      function escapeHTML(s) { return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" })[c]); }
      const list = $("events");
      data.events.forEach((e, i) => {
        const li = document.createElement("li");
        li.dataset.t = e[0];
        li.innerHTML = "<span class=\"ev-time\">" + clockText(e[0]).slice(11) + "</span> <b>" + escapeHTML(e[1]) + "</b> " + escapeHTML(e[2]);
        li.addEventListener("click", () => seek(e[0]));
        list.appendChild(li);
      });
      function applyLabels() {
        for (const el of document.querySelectorAll("[data-label]")) el.textContent = label(el.dataset.label);
        $("lang").textContent = lang === "zh" ? "English" : "中文";
        document.documentElement.lang = lang === "zh" ? "zh-Hans" : "en";
      }

      function render() {
        frameIndex = frameAt(t);
        $("clock").textContent = clockText(t);
        $("elapsed").textContent = "T+" + elapsed(t);
        $("timeline").value = String(t);
        renderCounts(frameIndex);
        draw(frameIndex);
        for (const li of list.children) li.classList.toggle("past", Number(li.dataset.t) <= t);
        $("state").textContent = JSON.stringify(window.drillsimState());
      }
      function seek(s) { t = Math.max(0, Math.min(end, Number(s) || 0)); render(); }
      window.drillsimState = function () {
        return { t: t, clock: clockText(t), frame: frameIndex, frameTime: frameIndex >= 0 ? frames[frameIndex].t : null,
          counts: shownCounts(frameIndex), errors: errors.slice(), readyMs: readyMs };
      };
      window.drillsimSeek = seek;

      let last = null;
      function tick(now) {
        if (!playing) { last = null; return; }
        if (last !== null) { t = Math.min(end, t + (now - last) / 1000 * speed); render(); }
        last = now;
        if (t >= end) { playing = false; $("play").dataset.label = "play"; applyLabels(); return; }
        requestAnimationFrame(tick);
      }
      $("play").addEventListener("click", () => {
        playing = !playing; $("play").dataset.label = playing ? "pause" : "play"; applyLabels();
        if (playing) requestAnimationFrame(tick);
      });
      $("speed").addEventListener("change", (e) => { speed = Number(e.target.value); });
      $("timeline").max = String(end);
      $("timeline").addEventListener("input", (e) => seek(e.target.value));
      $("lang").addEventListener("click", () => { lang = lang === "zh" ? "en" : "zh"; applyLabels(); render(); });
      function fromHash() { const m = /(?:^#|&)t=([0-9.]+)/.exec(location.hash); if (m) seek(Number(m[1])); }
      window.addEventListener("hashchange", fromHash);
      window.addEventListener("resize", () => { fit(); render(); });
      const lm = /(?:^#|&)lang=(en|zh)/.exec(location.hash); if (lm) lang = lm[1];
      let readyMs = null;
    fit(); applyLabels(); render(); fromHash();
    readyMs = Math.round(performance.now()); render();
    })();
    """#
}
