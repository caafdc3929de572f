// Renders every ```mermaid block of a Markdown file the way GitHub shows it — pinned Mermaid
// (package.json), 900 px wide, GitHub's light theme (Mermaid `default` on #ffffff) and dark
// theme (Mermaid `dark` on #0d1117) — in Debian's headless Chromium, then measures every
// piece of text the browser actually draws: its rendered size (computed font size times the
// SVG's on-screen scale) and its WCAG 2.x contrast against the pixels behind it. A text also
// fails when something painted over it covers part of a line (Mermaid's vertical timeline can
// draw a section over the previous section's last event) or when the SVG's edge cuts it off.
// A %%{init}%% or front-matter `theme` is ignored, as GitHub forces its own; themeVariables
// still apply.
//
//   node render.mjs --modules DIR --out DIR [--width 900] [--min-px 12] [--min-contrast 4.5] FILE.md
//
// --modules is the node_modules folder that `npm ci` filled (.ci/timeline-check.sh puts it
// under target/). Screenshots go to --out whatever the outcome: <theme>-<n>.png per diagram.
// Exit: 0 every text passes in both themes; 1 some text fails; 2 a diagram fails to parse or
// render, or the check itself cannot run.
//
// How "what is behind the text" is found: after measuring, every text is made transparent
// and the diagram is screenshotted again; the pixels inside each text's box are the
// background actually painted there (shapes, filters, opacity and all). Each colour that
// covers at least a tenth of the box counts, and the worst contrast among them is the text's.
// The text's own colour comes from its computed fill (SVG) or color (HTML), with its
// opacity, fill-opacity and its ancestors' opacity and brightness()/opacity() filters
// applied, and alpha-blended over that background.

import { createRequire } from 'node:module';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';

const USAGE =
  'usage: node render.mjs --modules NODE_MODULES --out DIR [--width PX] [--min-px PX] [--min-contrast R] FILE.md';

function parseArgs(argv) {
  const o = { width: 900, minPx: 12, minContrast: 4.5 };
  const rest = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value\n${USAGE}`);
      return argv[++i];
    };
    if (a === '--modules') o.modules = val();
    else if (a === '--out') o.out = val();
    else if (a === '--width') o.width = Number(val());
    else if (a === '--min-px') o.minPx = Number(val());
    else if (a === '--min-contrast') o.minContrast = Number(val());
    else if (a.startsWith('--')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else rest.push(a);
  }
  if (rest.length !== 1 || !o.modules || !o.out) throw new Error(USAGE);
  for (const k of ['width', 'minPx', 'minContrast'])
    if (!(o[k] > 0)) throw new Error(`bad --${k}: ${o[k]}`);
  o.file = rest[0];
  return o;
}

// The fenced ```mermaid blocks of a CommonMark document, with the line each opens on.
export function mermaidBlocks(markdown) {
  const lines = markdown.split(/\r\n|\n|\r/);
  const blocks = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^( {0,3})(`{3,}|~{3,})\s*([^\s`]*)[^`]*$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, info] = open;
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    const body = [];
    let j = i + 1;
    for (; j < lines.length && !close.test(lines[j]); j++) {
      // Content lines lose up to the opening fence's indentation.
      body.push(lines[j].replace(new RegExp(`^ {0,${indent.length}}`), ''));
    }
    if (info.toLowerCase() === 'mermaid') blocks.push({ line: i + 1, source: body.join('\n') });
    i = j; // skip the block's content and its closing fence (or the rest, if unclosed)
  }
  return blocks;
}

const THEMES = [
  { name: 'light', mermaid: 'default', background: '#ffffff' },
  { name: 'dark', mermaid: 'dark', background: '#0d1117' },
];

// Flags this machine needs; Playwright adds --user-data-dir (ours, fresh) and its pipe itself.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--font-render-hinting=none',
];

const MAX_VIEWPORT = 16000; // px; Chromium's hit tests only reach what is in the viewport
const PAD = 16; // page margin around the 900 px column, only so screenshots have a border

// ---- in-page code (runs in Chromium) --------------------------------------------------

// Renders `source` into #c with the given theme; returns {ok, error, svgInfo}.
async function renderInPage({ source, theme, id }) {
  const c = document.getElementById('c');
  c.innerHTML = '';
  for (const el of document.querySelectorAll('body > [id^="d"], body > div[id^="i"]')) el.remove();
  const m = window.mermaid;
  m.initialize({
    startOnLoad: false,
    theme,
    // GitHub forces its own theme: a %%{init}%% directive may not change it (themeVariables
    // still apply).
    secure: ['secure', 'securityLevel', 'startOnLoad', 'maxTextSize', 'suppressErrorRendering', 'maxEdges', 'theme'],
    suppressErrorRendering: true,
  });
  try {
    const parsed = await m.parse(source);
    if (!parsed) return { ok: false, error: 'mermaid.parse returned false' };
  } catch (e) {
    return { ok: false, error: `parse error: ${e && (e.message || e.str || e)}` };
  }
  let svg;
  try {
    ({ svg } = await m.render(id, source));
  } catch (e) {
    return { ok: false, error: `render error: ${e && (e.message || e.str || e)}` };
  }
  c.innerHTML = svg;
  await document.fonts.ready;
  const el = c.querySelector('svg');
  if (!el) return { ok: false, error: 'render produced no <svg>' };
  if (el.getAttribute('aria-roledescription') === 'error' || /Syntax error in text/.test(el.textContent))
    return { ok: false, error: 'Mermaid drew its error diagram' };
  const r = el.getBoundingClientRect();
  const vb = el.viewBox && el.viewBox.baseVal;
  if (!(r.width > 0 && r.height > 0)) return { ok: false, error: 'rendered <svg> has no size' };
  return {
    ok: true,
    svgInfo: {
      viewBox: vb && vb.width ? [vb.width, vb.height] : null,
      rendered: [r.width, r.height],
      scale: vb && vb.width ? r.width / vb.width : null,
      kind: el.getAttribute('aria-roledescription') || '',
    },
  };
}

// Finds every drawn piece of text in #c svg, measures it, and tags its element.
function measureInPage() {
  const svg = document.querySelector('#c svg');
  const SVGNS = 'http://www.w3.org/2000/svg';
  const parse = (s) => {
    const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(s || '');
    if (!m) return null;
    let a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return [+m[1], +m[2], +m[3], a];
  };
  // Whether an element that a hit test finds paints anything there.
  const paints = (e) => {
    const s = getComputedStyle(e);
    if (s.visibility !== 'visible' || parseFloat(s.opacity) === 0) return false;
    if (e.namespaceURI === SVGNS) {
      if (['svg', 'g', 'foreignObject', 'switch', 'a'].includes(e.localName)) return false;
      const f = parse(s.fill), k = parse(s.stroke);
      const fill = f && f[3] > 0 && parseFloat(s.fillOpacity) > 0;
      const stroke = k && k[3] > 0 && parseFloat(s.strokeOpacity) > 0 && parseFloat(s.strokeWidth) > 0;
      const isText = ['text', 'tspan', 'textPath'].includes(e.localName);
      return fill || stroke || (isText && /^url\(/.test(s.fill));
    }
    const bg = parse(s.backgroundColor);
    const ownText = Array.from(e.childNodes).some((c) => c.nodeType === 3 && c.nodeValue.trim());
    return (bg && bg[3] > 0) || s.backgroundImage !== 'none' || ownText || e.localName === 'img';
  };
  const describe = (e) => {
    const t = e.textContent && ['text', 'tspan', 'div', 'span', 'p'].includes(e.localName) ? ` "${e.textContent.trim().slice(0, 40)}"` : '';
    const cls = e.getAttribute('class');
    return `<${e.localName}${cls ? ` class="${cls}"` : ''}>${t}`;
  };
  const out = [];
  const seen = new Set();
  const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
  let n = 0;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (!t.nodeValue.trim()) continue;
    const el = t.parentElement;
    if (!el || seen.has(el)) continue;
    seen.add(el);
    if (el.closest('style, script, title, desc, defs, marker, symbol, clipPath, mask, pattern')) continue;
    const isSvg = el.namespaceURI === SVGNS;
    if (isSvg && !['text', 'tspan', 'textPath'].includes(el.localName)) continue;
    const cs = getComputedStyle(el);
    if (cs.visibility !== 'visible' || cs.display === 'none') continue;
    // Rects in page coordinates (one per line for wrapped HTML), and the clipped union.
    const rects = Array.from(el.getClientRects())
      .filter((r) => r.width > 0.5 && r.height > 0.5)
      .map((r) => [r.left + scrollX, r.top + scrollY, r.width, r.height]);
    if (!rects.length) continue; // not drawn (e.g. the unchosen branch of an SVG <switch>)
    // Its on-screen scale: the CTM of the element (SVG) or of its foreignObject (HTML).
    const host = isSvg ? el : el.closest('foreignObject');
    const ctm = host && host.getScreenCTM();
    const scale = ctm ? Math.sqrt(Math.abs(ctm.a * ctm.d - ctm.b * ctm.c)) : 1;
    const size = parseFloat(cs.fontSize) * scale;
    // Its colour, then opacity and filters up the tree.
    let colour = parse(isSvg ? cs.fill : cs.color);
    const notes = [];
    if (!colour) notes.push(`unreadable colour ${isSvg ? cs.fill : cs.color}`);
    let alpha = colour ? colour[3] : 1;
    if (isSvg) alpha *= parseFloat(cs.fillOpacity);
    let rgb = colour ? colour.slice(0, 3) : [0, 0, 0];
    for (let a = el; a && a !== document.documentElement; a = a.parentElement) {
      const s = a === el ? cs : getComputedStyle(a);
      alpha *= parseFloat(s.opacity);
      if (s.filter && s.filter !== 'none') {
        for (const f of s.filter.matchAll(/([a-z-]+)\(([^)]*)\)/g)) {
          const v = f[2].trim();
          const num = v === '' ? 1 : v.endsWith('%') ? parseFloat(v) / 100 : parseFloat(v);
          if (f[1] === 'brightness') rgb = rgb.map((x) => Math.min(255, x * num));
          else if (f[1] === 'opacity') alpha *= num;
          else if (f[1] === 'drop-shadow' || f[1] === 'url') notes.push(`${f[1]} filter ignored`);
          else notes.push(`${f[1]}() filter not modelled`);
        }
        if (/^url\(/.test(s.filter)) notes.push('url() filter ignored');
      }
    }
    const groupEl = (isSvg ? el.closest('text') : el.closest('foreignObject')) || el;
    // Covered: sample the middle band of each line; at each point where this text is hit, any
    // painted thing above it that is not part of the same label covers it. Clipped: any
    // part of it outside the <svg>.
    let probes = 0, covered = 0, coveredBy = '';
    const step = Math.max(2, parseFloat(cs.fontSize) * scale * 0.4);
    for (const r of el.getClientRects()) {
      if (r.width <= 0.5 || r.height <= 0.5) continue;
      for (const fy of [0.35, 0.5, 0.65])
      for (let x = r.left + 1, y = r.top + r.height * fy; x <= r.right - 1; x += step) {
        const stack = document.elementsFromPoint(x, y);
        const at = stack.findIndex((e) => e === el || el.contains(e));
        if (at < 0) continue;
        probes++;
        const over = stack.slice(0, at).find((e) => !groupEl.contains(e) && !e.contains(el) && paints(e));
        if (over) {
          covered++;
          coveredBy = coveredBy || describe(over);
        }
      }
    }
    const sr = svg.getBoundingClientRect();
    const clipped = rects.some(([x, y, w, h]) => x - scrollX < sr.left - 1 || y - scrollY < sr.top - 1 || x - scrollX + w > sr.right + 1 || y - scrollY + h > sr.bottom + 1);
    if (!groupEl.dataset.tcGroup) groupEl.dataset.tcGroup = String(n++);
    out.push({
      group: +groupEl.dataset.tcGroup,
      text: isSvg ? el.textContent : Array.from(el.childNodes).filter((c) => c.nodeType === 3).map((c) => c.nodeValue).join(''),
      groupText:
        groupEl.localName === 'text' && groupEl.querySelector('tspan')
          ? Array.from(groupEl.querySelectorAll('tspan'), (s) => s.textContent.trim()).join(' ')
          : groupEl.innerText || groupEl.textContent,
      tag: el.localName,
      size,
      fontSize: parseFloat(cs.fontSize),
      scale,
      rgb,
      alpha,
      notes,
      rects,
      covered: probes ? covered / probes : 0,
      coveredBy,
      clipped,
    });
  }
  return out;
}

function hitTestableInPage() {
  if (document.getElementById('tc-hit')) return;
  const s = document.createElement('style');
  s.id = 'tc-hit';
  s.textContent = `#c svg, #c svg * { pointer-events: visiblePainted !important; }
    #c svg foreignObject, #c svg foreignObject * { pointer-events: auto !important; }`;
  document.head.appendChild(s);
}

function hideTextInPage(hide) {
  let s = document.getElementById('tc-hide');
  if (hide && !s) {
    s = document.createElement('style');
    s.id = 'tc-hide';
    s.textContent = `#c svg text, #c svg tspan, #c svg textPath { fill: transparent !important; stroke: transparent !important; }
      #c svg foreignObject, #c svg foreignObject * { color: transparent !important; -webkit-text-fill-color: transparent !important; text-shadow: none !important; text-decoration-color: transparent !important; }`;
    document.head.appendChild(s);
  } else if (!hide && s) s.remove();
}

// Histogram of the pixels of a PNG (base64) inside each rect; rect coordinates are relative
// to the PNG's origin. Returns per rect: [[r,g,b,count], ...] sorted by count, and the total.
async function sampleInPage({ png, rectsList }) {
  const blob = await (await fetch(`data:image/png;base64,${png}`)).blob();
  const bmp = await createImageBitmap(blob);
  const cv = new OffscreenCanvas(bmp.width, bmp.height);
  const cx = cv.getContext('2d', { willReadFrequently: true });
  cx.drawImage(bmp, 0, 0);
  const img = cx.getImageData(0, 0, bmp.width, bmp.height).data;
  return rectsList.map((rects) => {
    const hist = new Map();
    let total = 0;
    for (const [x0, y0, w, h] of rects) {
      const xa = Math.max(0, Math.ceil(x0)), ya = Math.max(0, Math.ceil(y0));
      const xb = Math.min(bmp.width, Math.floor(x0 + w)), yb = Math.min(bmp.height, Math.floor(y0 + h));
      for (let y = ya; y < yb; y++)
        for (let x = xa; x < xb; x++) {
          const i = (y * bmp.width + x) * 4;
          const k = (img[i] << 16) | (img[i + 1] << 8) | img[i + 2];
          hist.set(k, (hist.get(k) || 0) + 1);
          total++;
        }
    }
    const colours = [...hist.entries()].sort((a, b) => b[1] - a[1]).map(([k, c]) => [k >> 16, (k >> 8) & 255, k & 255, c]);
    return { colours, total };
  });
}

// ---- colour maths (WCAG 2.x) ----------------------------------------------------------

const lin = (c) => {
  const s = c / 255;
  return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
};
const luminance = ([r, g, b]) => 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
const contrast = (a, b) => {
  const [la, lb] = [luminance(a), luminance(b)];
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
};
const blend = (fg, a, bg) => fg.map((c, i) => c * a + bg[i] * (1 - a));
const hex = (rgb) => '#' + rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('');
const hexToRgb = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));
const clip = (s, n = 110) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

// ---- main -----------------------------------------------------------------------------

async function main() {
  const opt = parseArgs(process.argv.slice(2));
  const req = createRequire(join(resolve(opt.modules), 'noop.js'));
  const { chromium } = req('playwright-core');
  const mermaidJs = req.resolve('mermaid/dist/mermaid.min.js');
  const mermaidVersion = JSON.parse(readFileSync(req.resolve('mermaid/package.json'), 'utf8')).version;
  const markdown = readFileSync(opt.file, 'utf8');
  const blocks = mermaidBlocks(markdown);
  mkdirSync(opt.out, { recursive: true });
  // This run's screenshots only: drop ours from an earlier run (same names, nothing else).
  for (const f of readdirSync(opt.out)) if (/^(light|dark)-\d+\.png$/.test(f)) rmSync(join(opt.out, f));
  const name = basename(opt.file);
  console.log(`${name}: ${blocks.length} mermaid diagram(s); Mermaid ${mermaidVersion}, ${opt.width} px wide; need text >= ${opt.minPx} px and contrast >= ${opt.minContrast}:1`);
  if (!blocks.length) {
    console.log(`FAIL: no \`\`\`mermaid block in ${opt.file}`);
    return 2;
  }

  const profile = mkdtempSync(join(tmpdir(), 'timeline-check-chromium-'));
  let context;
  let worst = 0; // 0 pass, 1 text failures, 2 render failures
  // Per theme: diagrams drawn, smallest text, lowest contrast, failing texts, undrawn diagrams.
  const perTheme = new Map(THEMES.map((t) => [t.name, { drawn: 0, minSize: Infinity, minContrast: Infinity, failing: 0, broken: 0 }]));
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: opt.width + 2 * PAD, height: 800 },
      deviceScaleFactor: 1,
      offline: true,
      colorScheme: 'light',
      timeout: 60000,
    });
    const page = context.pages()[0] || (await context.newPage());
    // Nothing may come from the network: every request but the page itself fails.
    await page.route('**/*', (route) => route.abort());
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));

    for (const theme of THEMES) {
      await page.setViewportSize({ width: opt.width + 2 * PAD, height: 800 });
      await page.setContent(
        `<!doctype html><html><head><meta charset="utf-8"><style>
          html, body { margin: 0; background: ${theme.background}; }
          #wrap { padding: ${PAD}px; background: ${theme.background}; width: ${opt.width}px; }
          #c { width: ${opt.width}px; }
        </style></head><body><div id="wrap"><div id="c"></div></div></body></html>`,
      );
      await page.addScriptTag({ path: mermaidJs });
      if (!(await page.evaluate(() => typeof window.mermaid?.render === 'function')))
        throw new Error(`${mermaidJs} did not define window.mermaid`);

      for (const [bi, block] of blocks.entries()) {
        const label = `diagram ${bi + 1} of ${blocks.length} (${name} line ${block.line}), ${theme.name} theme (Mermaid "${theme.mermaid}" on ${theme.background})`;
        const shot = join(opt.out, `${theme.name}-${bi + 1}.png`);
        const res = await page.evaluate(renderInPage, { source: block.source, theme: theme.mermaid, id: `d${bi}${theme.name}` });
        // Fit the viewport to the page so one screenshot holds the whole diagram.
        const full = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
        await page.setViewportSize({ width: Math.max(opt.width + 2 * PAD, full[0]), height: Math.min(Math.max(200, full[1]), MAX_VIEWPORT) });
        const wrap = page.locator('#wrap');
        await wrap.screenshot({ path: shot });
        console.log(`\n${label}`);
        if (!res.ok) {
          console.log(`  FAIL: Mermaid could not draw it: ${res.error}`);
          console.log(`  screenshot: ${shot}`);
          perTheme.get(theme.name).broken++;
          worst = 2;
          continue;
        }
        const si = res.svgInfo;
        console.log(
          `  ${si.kind || 'svg'}: ${si.viewBox ? si.viewBox.map((v) => v.toFixed(0)).join(' x ') + ' units' : 'no viewBox'} drawn at ${si.rendered.map((v) => v.toFixed(0)).join(' x ')} px` +
            (si.scale ? ` (scale ${si.scale.toFixed(3)})` : ''),
        );
        if (full[1] > MAX_VIEWPORT) console.log(`  note: the page is ${full[1]} px tall; covered text is looked for only in its first ${MAX_VIEWPORT} px`);
        await page.evaluate(hitTestableInPage);
        const texts = await page.evaluate(measureInPage);
        if (!texts.length) {
          console.log('  FAIL: the diagram draws no text');
          perTheme.get(theme.name).broken++;
          worst = 2;
          continue;
        }
        // Background: the same diagram with all text transparent, read pixel by pixel.
        await page.evaluate(hideTextInPage, true);
        const wrapBox = await wrap.boundingBox();
        const png = (await wrap.screenshot()).toString('base64');
        await page.evaluate(hideTextInPage, false);
        const rectsList = texts.map((t) => t.rects.map(([x, y, w, h]) => [x - wrapBox.x, y - wrapBox.y, w, h]));
        const samples = await page.evaluate(sampleInPage, { png, rectsList });
        const pageBg = hexToRgb(theme.background);

        // Per piece of text (a line or span), then per label (its <text> or foreignObject).
        const groups = new Map();
        for (const [i, t] of texts.entries()) {
          const { colours, total } = samples[i];
          const counted = colours.filter((c) => c[3] >= total * 0.1);
          const bgs = counted.length ? counted.map((c) => c.slice(0, 3)) : [pageBg];
          let minC = Infinity, fg = null, bg = null;
          for (const b of bgs) {
            const f = blend(t.rgb, Math.max(0, Math.min(1, t.alpha)), b);
            const cr = contrast(f, b);
            if (cr < minC) [minC, fg, bg] = [cr, f, b];
          }
          const g = groups.get(t.group) || { text: t.groupText.trim().replace(/\s+/g, ' '), size: Infinity, contrast: Infinity, covered: 0, coveredBy: '', clipped: false, notes: new Set() };
          if (t.size < g.size) g.size = t.size;
          if (t.covered > g.covered) Object.assign(g, { covered: t.covered, coveredBy: t.coveredBy });
          g.clipped ||= t.clipped;
          if (minC < g.contrast) Object.assign(g, { contrast: minC, fg, bg });
          t.notes.forEach((x) => g.notes.add(x));
          groups.set(t.group, g);
        }
        const all = [...groups.values()];
        const minSize = Math.min(...all.map((g) => g.size));
        const minContrast = Math.min(...all.map((g) => g.contrast));
        const failing = all.filter((g) => g.size < opt.minPx - 1e-6 || g.contrast < opt.minContrast - 1e-6 || g.covered > 0 || g.clipped);
        console.log(
          `  ${all.length} texts (${texts.length} lines or spans): smallest ${minSize.toFixed(1)} px, lowest contrast ${minContrast.toFixed(2)}:1` +
            (failing.length ? ` — ${failing.length} FAIL` : ' — pass'),
        );
        for (const g of failing) {
          const why = [];
          if (g.size < opt.minPx - 1e-6) why.push(`${g.size.toFixed(1)} px`);
          if (g.contrast < opt.minContrast - 1e-6) why.push(`contrast ${g.contrast.toFixed(2)}:1`);
          if (g.covered > 0) why.push(`${Math.ceil(g.covered * 100)}% of a line covered by ${g.coveredBy}`);
          if (g.clipped) why.push('cut off by the edge of the diagram');
          console.log(`    FAIL ${why.join(', ')}: "${clip(g.text)}" (${g.size.toFixed(1)} px, ${hex(g.fg)} on ${hex(g.bg)}, ${g.contrast.toFixed(2)}:1)`);
        }
        const notes = new Set(all.flatMap((g) => [...g.notes]));
        for (const n of notes) console.log(`  note: ${n}`);
        console.log(`  screenshot: ${shot}`);
        if (failing.length) worst = Math.max(worst, 1);
        const agg = perTheme.get(theme.name);
        agg.drawn++;
        agg.minSize = Math.min(agg.minSize, minSize);
        agg.minContrast = Math.min(agg.minContrast, minContrast);
        agg.failing += failing.length;
      }
    }
    if (pageErrors.length) {
      console.log(`\nFAIL: errors in the page: ${pageErrors.join(' | ')}`);
      worst = 2;
    }
  } finally {
    if (context) await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
  console.log('\nsummary');
  for (const [name, a] of perTheme) {
    const sizes = a.drawn ? `smallest text ${a.minSize.toFixed(1)} px, lowest contrast ${a.minContrast.toFixed(2)}:1` : 'nothing measured';
    console.log(
      `  ${name.padEnd(5)}: ${a.drawn} of ${blocks.length} diagram(s) drawn; ${sizes}; ${a.failing} failing text(s)` +
        (a.broken ? `; ${a.broken} diagram(s) not drawn` : ''),
    );
  }
  console.log(`timeline check: ${worst === 0 ? 'PASS' : 'FAIL'}`);
  return worst;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.log(`timeline check: FAIL: ${e && e.stack ? e.stack : e}`);
    process.exit(2);
  },
);
