// minutebook search client. Plain JS, no dependencies. Reads the index written by
// src/search/mod.rs (see the format notes there) and folds queries exactly as the indexer.
(function () {
  'use strict';

  var WORD = 0, CJK = 1, SPACE = 2, PUNCT = 3;
  var KIND_UNI = 0, KIND_WS_UNI = 1, KIND_BI = 2, KIND_WS_BI = 3, KIND_FACET = 4;
  var P42 = 4398046511104; // 2^42
  var P21 = 2097152; // 2^21
  var PAGE = 10;
  var CJK_FIRST = 0x4E00, CJK_LAST = 0x9FFF; // the block of the manifest's fold_cjk bitmap

  // ---- folding (mirrors src/search/fold.rs) ----

  function classOf(classes, cp) {
    var lo = 0, hi = classes.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1, r = classes[mid];
      if (r[1] < cp) lo = mid + 1;
      else if (r[0] > cp) hi = mid - 1;
      else return r[2];
    }
    return WORD;
  }

  // Folds `text`; `map(ch)` returns the per-character fold (a string) or undefined for identity.
  // Returns {c: array of folded code points, src: source char index of each}.
  // With `texts`, a newline or tab ends one text and starts the next (src/search/fold.rs,
  // fold_texts_into): a 0 between them, which no term contains.
  function foldText(text, map, classes, texts) {
    var out = [], src = [], pending = 0, i = 0;
    for (var ch of text) {
      if (texts && (ch === '\n' || ch === '\t')) {
        if (out.length && out[out.length - 1] !== 0) { out.push(0); src.push(i); }
        pending = 0; i++;
        continue;
      }
      var m = map(ch);
      if (m === undefined) m = ch;
      for (var mc of m) {
        var cp = mc.codePointAt(0), cls = classOf(classes, cp);
        if (cls === SPACE) { if (pending === 0) pending = SPACE; }
        else if (cls === PUNCT) pending = PUNCT;
        else {
          if (pending !== 0 && out.length > 0 && out[out.length - 1] !== 0) {
            var last = classOf(classes, out[out.length - 1]);
            if (pending === PUNCT || (last !== CJK && cls !== CJK)) { out.push(32); src.push(i); }
          }
          pending = 0;
          out.push(cp); src.push(i);
        }
      }
      i++;
    }
    return { c: out, src: src };
  }

  function wordStart(classes, t, i) {
    return classOf(classes, t[i]) === WORD && (i === 0 || classOf(classes, t[i - 1]) !== WORD);
  }

  var OPEN = '"“「『＂';
  function closers(open) {
    if (open === '“') return '”"';
    if (open === '「') return '」';
    if (open === '『') return '』';
    return '"＂”';
  }
  // Unicode White_Space (same list as is_query_space in src/search/query.rs).
  var WHITE = '\t\n\u000b\f\r \u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000';
  function isWhite(ch) { return WHITE.indexOf(ch) >= 0; }

  // Splits a query into raw terms (mirrors parse_query in src/search/query.rs).
  function splitQuery(q) {
    var raw = [], cur = '', quote = null;
    for (var ch of q) {
      if (quote !== null) {
        if (closers(quote).indexOf(ch) >= 0) { raw.push(cur); cur = ''; quote = null; }
        else cur += ch;
      } else if (OPEN.indexOf(ch) >= 0) { raw.push(cur); cur = ''; quote = ch; }
      else if (isWhite(ch)) { raw.push(cur); cur = ''; }
      else cur += ch;
    }
    raw.push(cur);
    return raw;
  }

  // The alternatives of raw term `r` (mirrors term_forms in src/search/fold.rs): its fold, and
  // when it has a Simplified character (`simp`), every string its characters' Traditional forms
  // (`alts`) make: the fold first, then the others sorted.
  function termForms(r, map, classes, simp, alts) {
    var f = foldText(r, map, classes), first = f.c;
    var isSimp = false;
    for (var ch of r) if (simp && simp.has(ch)) isSimp = true;
    if (!first.length || !isSimp) return [first];
    var chars = Array.from(r), all = [[]];
    first.forEach(function (cp, j) {
      var a = cp !== 32 && alts[chars[f.src[j]]];
      var set = a ? Array.from(a).map(function (x) { return x.codePointAt(0); }) : [cp];
      var next = [];
      all.forEach(function (p) { set.forEach(function (x) { next.push(p.concat([x])); }); });
      all = next;
    });
    var k0 = String.fromCodePoint.apply(null, first), seen = new Set([k0]), rest = [];
    all.forEach(function (a) {
      var k = String.fromCodePoint.apply(null, a);
      if (!seen.has(k)) { seen.add(k); rest.push([k, a]); }
    });
    rest.sort(function (x, y) { return x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0; });
    return [first].concat(rest.map(function (x) { return x[1]; }));
  }

  // Folded, deduplicated terms, each as its alternatives (arrays of code points, the fold
  // first; see termForms). A Set, not an object: a term such as "constructor" must not be taken
  // for one already seen.
  function parseQuery(q, map, classes, simp, alts) {
    var out = [], seen = new Set();
    splitQuery(q).forEach(function (r) {
      var forms = termForms(r, map, classes, simp, alts), f = forms[0];
      var k = String.fromCodePoint.apply(null, f);
      if (f.length && !seen.has(k)) { seen.add(k); out.push(forms); }
    });
    return out;
  }

  // ---- index access ----

  function b64bytes(s) {
    var bin = atob(s), out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  function b64varints(s) {
    var bin = atob(s), out = [], v = 0, mul = 1, k = 0;
    for (var i = 0; i < bin.length; i++) {
      var x = bin.charCodeAt(i);
      v += (x & 127) * mul;
      if (x < 128) { k += v; out.push(k); v = 0; mul = 1; } else mul *= 128;
    }
    return out;
  }

  function readVarint(b, st) {
    var v = 0, mul = 1, x;
    do { x = b[st.i++]; v += (x & 127) * mul; mul *= 128; } while (x >= 128);
    return v;
  }

  function Index(base, fetchBytes) {
    this.base = base; // e.g. "/search/"
    this.fetchBytes = fetchBytes;
    this.cache = {};
  }
  Index.prototype.load = function () {
    var self = this;
    if (!this.ready) {
      this.ready = this.fetchBytes(this.base + 'manifest.bin', true).then(function (b) {
        var m = JSON.parse(new TextDecoder().decode(b));
        // Which CJK Unified Ideographs fold to something else (see Manifest in src/search/mod.rs).
        self.foldCjk = b64bytes(m.fold_cjk || '');
        // Which of them fold to themselves but have several Traditional forms.
        self.foldAlt = b64bytes(m.fold_alt || '');
        self.simp = new Set();
        self.alts = {};
        self.m = m;
        self.dir = self.base + m.dir + '/';
        self.groups = b64varints(m.shard_keys);
        self.docFirsts = b64varints(m.doc_files);
        self.groupSize = m.group;
        self.pages = {};
        m.fold_pages.forEach(function (p) { self.pages[p] = 1; });
        self.facetIds = {};
        m.facets.forEach(function (f, i) { self.facetIds[f] = i; });
        self.foldMap = {};
        return self;
      });
      // A manifest that failed to load is fetched again by the next search, not remembered.
      this.ready.catch(function () { self.ready = null; });
    }
    return this.ready;
  };
  Index.prototype.gz = function (name) {
    if (!this.cache[name]) this.cache[name] = this.fetchBytes(this.dir + name, true);
    return this.cache[name];
  };
  // A file stored as it is (not gzip).
  Index.prototype.raw = function (name) {
    if (!this.cache[name]) this.cache[name] = this.fetchBytes(this.dir + name, false);
    return this.cache[name];
  };
  function bit(bits, cp) {
    return cp >= CJK_FIRST && cp <= CJK_LAST && bits.length && (bits[(cp - CJK_FIRST) >> 3] & (1 << ((cp - CJK_FIRST) & 7)));
  }
  // Loads the fold table pages of `chars`; `all` also those of the block's characters whose
  // fold_alt bit is set (a Simplified term needs their forms).
  Index.prototype.loadPages = function (chars, all) {
    var self = this, need = {};
    for (var ch of chars) {
      var cp = ch.codePointAt(0), p = Math.floor(cp / 1024);
      // A character of the bitmap's block whose bit is clear folds to itself: no page needed.
      if (cp >= CJK_FIRST && cp <= CJK_LAST && self.foldCjk.length && !bit(self.foldCjk, cp) && !(all && bit(self.foldAlt, cp))) continue;
      if (self.pages[p]) need[p] = 1;
    }
    return Promise.all(Object.keys(need).map(function (p) {
      return self.gz('f' + p + '.bin').then(function (b) {
        if (!self.cache['fp' + p]) {
          self.cache['fp' + p] = 1;
          var page = JSON.parse(new TextDecoder().decode(b));
          for (var c of page.simp || '') self.simp.add(c);
          Object.assign(self.alts, page.alts || {});
          delete page.simp;
          delete page.alts;
          Object.assign(self.foldMap, page);
        }
      });
    }));
  };
  // Loads the fold table pages the characters of `q` need: those that may fold to something
  // else, then, for a term with a Simplified character, its characters with several forms.
  Index.prototype.loadFold = function (q) {
    var self = this;
    return this.loadPages(q, false).then(function () {
      var more = splitQuery(q).filter(function (r) {
        for (var ch of r) if (self.simp.has(ch)) return true;
        return false;
      }).join('');
      return more ? self.loadPages(more, true) : undefined;
    });
  };
  // Index of the last element of sorted `f` that is <= key, or -1.
  function floorIndex(f, key) {
    var lo = 0, hi = f.length - 1, r = -1;
    while (lo <= hi) { var mid = (lo + hi) >> 1; if (f[mid] <= key) { r = mid; lo = mid + 1; } else hi = mid - 1; }
    return r;
  }
  // The first keys of the shards of group `gi` (fetched once).
  Index.prototype.group = function (gi) {
    var self = this, gname = 'g' + gi + '.bin';
    if (!this.cache[gname]) {
      this.cache[gname] = this.fetchBytes(this.dir + gname, false).then(function (g) {
        var firsts = [], st = { i: 0 }, k = 0;
        while (st.i < g.length) { k += readVarint(g, st); firsts.push(k); }
        return firsts;
      });
    }
    return this.cache[gname];
  };
  // The posting of `key` in the shard whose key range holds it (`s<first key>.bin`), or with
  // `positions` its position posting, from the position shard beside it (`p<first key>.bin`).
  Index.prototype.posting = function (key, positions) {
    var self = this, gi = floorIndex(this.groups, key), f, si, kind = positions ? 'p' : 's';
    if (gi < 0) return Promise.resolve(null);
    return this.group(gi).then(function (firsts) {
      var j = floorIndex(firsts, key);
      si = gi * self.groupSize + j;
      f = firsts[j];
      return self.gz(kind + f.toString(36) + '.bin'); // both are named by the shard's first key
    }).then(function (raw) {
      var map = self.cache[kind + si];
      if (!map) {
        map = new Map();
        var st = { i: 0 }, k = f;
        while (st.i < raw.length) {
          k += readVarint(raw, st);
          var len = readVarint(raw, st);
          map.set(k, raw.subarray(st.i, st.i + len));
          st.i += len;
        }
        self.cache[kind + si] = map;
      }
      return map.get(key) || null;
    });
  };
  // Entries of a presence posting, in (record, section) order, as parallel typed arrays: r
  // (record), s (section), n (occurrences), k (of which in the heading), the first `len` of each
  // in use. Flat numeric arrays: this runs once per query, mostly before the browser has compiled
  // it, where objects and string keys per entry are slow; an entry takes at least two bytes, so
  // half the posting's length bounds their number.
  function entries(cap) {
    return { r: new Int32Array(cap), s: new Int32Array(cap), n: new Int32Array(cap), k: new Int32Array(cap), len: 0 };
  }
  function decodeEntries(p) {
    if (!p) return entries(0);
    var e = entries((p.length >> 1) + 1), er = e.r, es = e.s, en = e.n, ek = e.k;
    var i = 0, m = 0, rec = 0, v, mul, x;
    while (i < p.length) {
      x = p[i++];
      if (x < 128) v = x; else { v = x & 127; mul = 128; do { x = p[i++]; v += (x & 127) * mul; mul *= 128; } while (x >= 128); }
      rec += v;
      x = p[i++];
      if (x < 128) v = x; else { v = x & 127; mul = 128; do { x = p[i++]; v += (x & 127) * mul; mul *= 128; } while (x >= 128); }
      // section*2 + f; f = 0: one occurrence, not in the heading, and nothing follows.
      er[m] = rec; es[m] = v >>> 1; en[m] = 1; ek[m] = 0;
      if (v & 1) {
        v = 0; mul = 1; do { x = p[i++]; v += (x & 127) * mul; mul *= 128; } while (x >= 128);
        en[m] = Math.floor(v / 2);
        if (v & 1) { v = 0; mul = 1; do { x = p[i++]; v += (x & 127) * mul; mul *= 128; } while (x >= 128); ek[m] = v; }
      }
      m++;
    }
    e.len = m;
    return e;
  }
  // Reads the position posting `q` of entries `e` (aligned entry by entry), keeping the positions
  // of the entries listed in `want` (ascending indexes): afterwards entry want[j]'s positions, in
  // ascending order, are e.pos[e.at[want[j]] ..] (e.n of them). Stops after the last one wanted.
  function decodePositions(e, q, want) {
    var pos = new Float64Array(q.length), at = new Int32Array(e.len), m = 0, qi = 0, w = 0, v, mul, x;
    for (var i = 0; i < e.len && w < want.length; i++) {
      var n = e.n[i];
      if (want[w] === i) {
        at[i] = m;
        for (var j = 0, prev = 0; j < n; j++) {
          v = 0; mul = 1; do { x = q[qi++]; v += (x & 127) * mul; mul *= 128; } while (x >= 128);
          prev += v;
          pos[m++] = prev;
        }
        w++;
      } else {
        for (var j2 = 0; j2 < n; j2++) while (q[qi++] >= 128);
      }
    }
    e.pos = pos;
    e.at = at;
  }
  function key(kind, a, b) { return kind * P42 + a * P21 + b; }
  // The offsets of the bigrams that verify a term of three or more characters: 0, 2, 4, … and L-2.
  function termOffsets(t) {
    var offs = [];
    for (var o = 0; o < t.length - 1; o += 2) offs.push(o);
    if (offs[offs.length - 1] !== t.length - 2) offs.push(t.length - 2);
    return offs;
  }
  // The postings a folded term needs, as [key, positions]: presence and, for three or more
  // characters, positions.
  function termKeys(t, cls) {
    if (t.length === 1) {
      var ws = wordStart(cls, t, 0);
      return ws || classOf(cls, t[0]) === CJK ? [[key(ws ? KIND_WS_UNI : KIND_UNI, t[0], 0), false]] : [];
    }
    var out = [];
    (t.length === 2 ? [0] : termOffsets(t)).forEach(function (o) {
      var k = key(wordStart(cls, t, o) ? KIND_WS_BI : KIND_BI, t[o], t[o + 1]);
      out.push([k, false]);
      if (t.length > 2) out.push([k, true]);
    });
    return out;
  }

  // Matching sections of one folded term: entries {r, s, n, k, len} (see decodeEntries) in
  // (record, section) order, k being the occurrences in the heading.
  Index.prototype.term = function (t) {
    var cls = this.m.classes, self = this;
    if (t.length === 1) {
      var ws = wordStart(cls, t, 0);
      if (!ws && classOf(cls, t[0]) !== CJK) return Promise.resolve(decodeEntries(null));
      return this.posting(key(ws ? KIND_WS_UNI : KIND_UNI, t[0], 0)).then(function (p) { return decodeEntries(p); });
    }
    if (t.length === 2) {
      // Presence is exact for two characters: no positions needed.
      return this.posting(key(wordStart(cls, t, 0) ? KIND_WS_BI : KIND_BI, t[0], t[1])).then(function (p) {
        return decodeEntries(p);
      });
    }
    var offs = termOffsets(t);
    var keys = offs.map(function (o) { return key(wordStart(cls, t, o) ? KIND_WS_BI : KIND_BI, t[o], t[o + 1]); });
    // The position postings are fetched alongside the presence postings (a query with hits
    // needs them anyway), so they cost no round trip of their own.
    var qps = keys.map(function (k) { return self.posting(k, true); });
    qps.forEach(function (q) { q.catch(function () {}); });
    return Promise.all(keys.map(function (k) { return self.posting(k); })).then(function (ps) {
      // Presence first: positions are read only for the sections every pair shares.
      var lists = ps.map(function (p) { return decodeEntries(p); });
      var common = commonEntries(lists);
      if (!common.length) return entries(0);
      return Promise.all(qps).then(function (qs) {
        lists.forEach(function (e, x) {
          if (!qs[x]) throw new Error('missing positions');
          decodePositions(e, qs[x], common.map(function (idx) { return idx[x]; }));
        });
        var out = entries(common.length), e0 = lists[0];
        common.forEach(function (idx) {
          var i0 = idx[0], n = 0, h = 0, a0 = e0.at[i0], ptr = idx.map(function (j, x) { return lists[x].at[j]; });
          for (var a = a0; a < a0 + e0.n[i0]; a++) {
            var p = e0.pos[a], ok = true;
            for (var x = 1; x < lists.length && ok; x++) {
              var ex = lists[x], want = p + offs[x], end = ex.at[idx[x]] + ex.n[idx[x]], c = ptr[x];
              while (c < end && ex.pos[c] < want) c++;
              ptr[x] = c;
              ok = c < end && ex.pos[c] === want;
            }
            if (!ok) continue;
            n++;
            if (a - a0 < e0.k[i0]) h++;
          }
          if (n > 0) { out.r[out.len] = e0.r[i0]; out.s[out.len] = e0.s[i0]; out.n[out.len] = n; out.k[out.len] = h; out.len++; }
        });
        return out;
      });
    });
  };
  // The entries of any of `lists` (a term's alternatives), in (record, section) order, with the
  // occurrences of each added up (two alternatives never match at the same place).
  function unionEntries(lists) {
    if (lists.length === 1) return lists[0];
    var cap = 0;
    lists.forEach(function (e) { cap += e.len; });
    var out = entries(cap), ix = lists.map(function () { return 0; });
    for (;;) {
      var best = -1, br = 0, bs = 0;
      lists.forEach(function (e, x) {
        var j = ix[x];
        if (j < e.len && (best < 0 || e.r[j] < br || (e.r[j] === br && e.s[j] < bs))) { best = x; br = e.r[j]; bs = e.s[j]; }
      });
      if (best < 0) break;
      var m = out.len;
      if (m > 0 && out.r[m - 1] === br && out.s[m - 1] === bs) m--;
      else { out.r[m] = br; out.s[m] = bs; out.n[m] = 0; out.k[m] = 0; out.len++; }
      var eb = lists[best], jb = ix[best];
      out.n[m] += eb.n[jb];
      out.k[m] += eb.k[jb];
      ix[best]++;
    }
    return out;
  }
  // The (record, section) pairs all entry lists share: for each, the index of its entry in
  // every list. The lists are in (record, section) order, so one merge pass finds them.
  function commonEntries(lists) {
    var out = [], ix = lists.map(function () { return 0; }), e0 = lists[0];
    outer: for (var i = 0; i < e0.len; i++) {
      var r = e0.r[i], s = e0.s[i];
      ix[0] = i;
      for (var x = 1; x < lists.length; x++) {
        var ex = lists[x], j = ix[x];
        while (j < ex.len && (ex.r[j] < r || (ex.r[j] === r && ex.s[j] < s))) j++;
        ix[x] = j;
        if (j >= ex.len) break outer;
        if (ex.r[j] !== r || ex.s[j] !== s) continue outer;
      }
      out.push(ix.slice());
    }
    return out;
  }
  Index.prototype.facet = function (name) {
    var id = this.facetIds[name];
    if (id === undefined) return Promise.resolve([]);
    return this.posting(KIND_FACET * P42 + id).then(function (p) {
      var out = [], st = { i: 0 }, r = 0;
      while (p && st.i < p.length) { r += readVarint(p, st); out.push(r); }
      return out;
    });
  };

  // While the fold table pages of a query are on their way, starts fetching the postings its
  // terms would need if its characters not yet in the table fold as NFKC and lower case alone
  // would fold them (most characters of a query fold to themselves); when they do, the postings arrive one round trip earlier, and
  // when they do not, the search fetches the right ones after folding, as it would have anyway.
  Index.prototype.speculate = function (q) {
    var self = this, fm = this.foldMap, cls = this.m.classes;
    var guess = function (c) {
      if (fm[c] !== undefined) return fm[c];
      var n = c.normalize('NFKC').toLowerCase();
      return n === c ? undefined : n;
    };
    parseQuery(q, guess, cls).forEach(function (forms) {
      termKeys(forms[0], cls).forEach(function (kp) { self.posting(kp[0], kp[1]).catch(function () {}); });
    });
  };

  // Runs a query. state: {q, unit, topic, series, year, status, sort, also}. Resolves to
  // {terms, hits: [{r, secs: [{s, n, h, terms}], score...}]} sorted.
  Index.prototype.search = function (state) {
    var self = this;
    return this.load().then(function () {
      var fold = self.loadFold(state.q || '');
      self.speculate(state.q || '');
      return fold;
    }).then(function () {
      var fm = self.foldMap, cls = self.m.classes;
      var terms = parseQuery(state.q || '', function (c) { return fm[c]; }, cls, self.simp, self.alts);
      var offers = self.offers(state.q || '');
      // With `also`, a term that is a registered name or alias of a unit or topic also stands for
      // the entry's other names (one more alternative each, as a Simplified term's forms are).
      if (state.also) {
        offers.forEach(function (o) {
          terms.forEach(function (forms) {
            if (String.fromCodePoint.apply(null, forms[0]) !== o.folded) return;
            o.others.forEach(function (f) {
              var cps = Array.from(f).map(function (c) { return c.codePointAt(0); });
              if (cps.length) forms.push(cps);
            });
          });
        });
      }
      var filters = [];
      // status: a follow-up directive's (open or closed); records have none.
      ['unit', 'topic', 'series', 'year', 'status'].forEach(function (f) { if (state[f]) filters.push(f + ':' + state[f]); });
      // Every alternative of every term, for marking matches.
      var marks = [].concat.apply([], terms);
      if (!terms.length && !filters.length) return { terms: marks, hits: [], offers: offers };
      return Promise.all([
        Promise.all(terms.map(function (forms) {
          return Promise.all(forms.map(function (t) { return self.term(t); })).then(unionEntries);
        })),
        Promise.all(filters.map(function (f) { return self.facet(f); }))
      ]).then(function (res) {
        var lists = res[0], facetLists = res[1], R = self.m.records;
        // Per record: how many terms it has, its occurrences, its sections with a heading hit.
        var ok = new Uint16Array(R), nsum = new Float64Array(R), hsec = new Uint32Array(R);
        var need = 0;
        if (terms.length) {
          var headed = new Set();
          lists.forEach(function (e) {
            for (var i = 0, last = -1; i < e.len; i++) {
              var r = e.r[i];
              if (r !== last) { ok[r]++; last = r; }
              nsum[r] += e.n[i];
              if (e.k[i] > 0) {
                var rs = r * 65536 + e.s[i];
                if (!headed.has(rs)) { headed.add(rs); hsec[r]++; }
              }
            }
          });
          need = terms.length;
        }
        facetLists.forEach(function (list) {
          var seen = new Uint8Array(R);
          list.forEach(function (r) { if (r < R && ok[r] === need && !seen[r]) { seen[r] = 1; ok[r]++; } });
          need++;
        });
        var hits = [];
        if (need > 0) {
          var found = [];
          for (var r = 0; r < R; r++) if (ok[r] === need) found.push(r);
          if (state.sort !== 'date') found = rank(found, hsec, nsum);
          for (var j = 0; j < found.length; j++) hits.push(new Hit(found[j], nsum[found[j]], hsec[found[j]], lists));
        }
        return { terms: marks, hits: hits, offers: offers };
      });
    });
  };
  // The registered names of units and topics that have aliases, as the search page lists them
  // (src/pages/search_page.rs): [[names…], [folded names…]] per entry, the registered name first.
  Index.prototype.setNames = function (groups) { this.names = Array.isArray(groups) ? groups : []; };
  // The terms of `q` that are a registered name or alias (its fold equals one's fold), once each:
  // [{typed: the term as written, folded, names: the entry's other names, others: their folds}].
  // Needs the fold table pages of `q` (loaded by search).
  Index.prototype.offers = function (q) {
    var fm = this.foldMap, cls = this.m.classes, out = [], seen = new Set();
    var groups = this.names || [];
    splitQuery(q).forEach(function (r) {
      var f = String.fromCodePoint.apply(null, foldText(r, function (c) { return fm[c]; }, cls).c);
      if (!f || seen.has(f)) return;
      groups.forEach(function (g) {
        var names = g[0] || [], folds = g[1] || [];
        if (folds.indexOf(f) < 0 || seen.has(f)) return;
        seen.add(f);
        var o = { typed: r, folded: f, names: [], others: [] };
        names.forEach(function (n, i) {
          if (folds[i] !== f && o.others.indexOf(folds[i]) < 0) { o.names.push(n); o.others.push(folds[i]); }
        });
        if (o.names.length) out.push(o);
      });
    });
    return out;
  };
  // Records `recs` (ascending, that is newest first) in rank order: sections with a hit in their
  // heading, then occurrences, then newest first. The three are packed into one number per record
  // (heading sections below 2^10, occurrences below 2^21, record ids below 2^21, 52 bits in all,
  // exact in a double), so a native numeric sort orders them without a comparator call per pair.
  function rank(recs, hsec, nsum) {
    var L = 2097152, H = 1024;
    if (recs.length && recs[recs.length - 1] >= L) {
      return recs.slice().sort(function (a, b) { return hsec[b] - hsec[a] || nsum[b] - nsum[a] || a - b; });
    }
    var keys = new Float64Array(recs.length);
    for (var i = 0; i < recs.length; i++) {
      var r = recs[i];
      keys[i] = ((H - 1 - Math.min(hsec[r], H - 1)) * L + (L - 1 - Math.min(nsum[r], L - 1))) * L + r;
    }
    keys.sort();
    var out = new Array(recs.length);
    for (var j = 0; j < recs.length; j++) out[j] = keys[j] % L;
    return out;
  }
  function bits(x) { var c = 0; while (x) { c += x & 1; x >>>= 1; } return c; }

  // One hit: record r, its occurrences n, its sections with a heading hit h; secs (its matching
  // sections, best first: [{s, n, h, terms}], terms a bit per query term) is made when it is
  // first read, as only the hits shown need it.
  function Hit(r, n, h, lists) { this.r = r; this.n = n; this.h = h; this.lists = lists; this._secs = null; }
  Object.defineProperty(Hit.prototype, 'secs', {
    get: function () {
      if (this._secs) return this._secs;
      var r = this.r, by = new Map();
      this.lists.forEach(function (e, ti) {
        var lo = 0, hi = e.len;
        while (lo < hi) { var mid = (lo + hi) >> 1; if (e.r[mid] < r) lo = mid + 1; else hi = mid; }
        for (var i = lo; i < e.len && e.r[i] === r; i++) {
          var s = e.s[i], mine = by.get(s);
          if (mine) { mine.n += e.n[i]; mine.h += e.k[i]; mine.terms |= 1 << Math.min(ti, 30); }
          else by.set(s, { s: s, n: e.n[i], h: e.k[i], terms: 1 << Math.min(ti, 30) });
        }
      });
      var secs = Array.from(by.values());
      secs.sort(function (a, b) {
        return bits(b.terms) - bits(a.terms) || (b.h > 0) - (a.h > 0) || b.n - a.n || a.s - b.s;
      });
      this._secs = secs;
      return secs;
    }
  });

  // A hit's display data, section texts included: its entry in the display file (gzip JSON
  // array) of the consecutive records it shares (the manifest's doc_files lists their first ids).
  Index.prototype.doc = function (hit) {
    var self = this, i = floorIndex(this.docFirsts, hit.r), f = this.docFirsts[i], name = 'D' + f;
    if (!this.cache[name]) {
      this.cache[name] = this.gz('d' + f + '.bin').then(function (b) { return JSON.parse(new TextDecoder().decode(b)); });
    }
    return this.cache[name].then(function (arr) {
      var d = Object.assign({}, arr[hit.r - f]);
      d.text = d.x;
      d.tf = d.f;
      return d;
    });
  };

  // Ranges [start, end) in source chars of `text` where any term occurs.
  function findMatches(text, terms, docMap, classes) {
    var f = foldText(text, function (c) { return docMap[c]; }, classes, true), t = f.c, out = [];
    terms.forEach(function (term) {
      var needWs = classOf(classes, term[0]) === WORD;
      outer: for (var p = 0; p + term.length <= t.length; p++) {
        for (var j = 0; j < term.length; j++) if (t[p + j] !== term[j]) continue outer;
        if (needWs && !wordStart(classes, t, p)) continue;
        out.push([f.src[p], f.src[p + term.length - 1] + 1]);
      }
    });
    out.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    out.forEach(function (m) {
      var last = merged[merged.length - 1];
      if (last && m[0] <= last[1]) last[1] = Math.max(last[1], m[1]); else merged.push(m.slice());
    });
    return merged;
  }

  // Appends `chars[from..to]` to `el`, wrapping matches in <mark>. textContent only.
  function appendMarked(el, chars, ranges, from, to) {
    var pos = from;
    ranges.forEach(function (m) {
      var a = Math.max(m[0], from), b = Math.min(m[1], to);
      if (b <= a) return;
      if (a > pos) el.appendChild(document.createTextNode(chars.slice(pos, a).join('')));
      var mark = document.createElement('mark');
      mark.textContent = chars.slice(a, b).join('');
      el.appendChild(mark);
      pos = b;
    });
    if (pos < to) el.appendChild(document.createTextNode(chars.slice(pos, to).join('')));
  }

  // ---- page wiring ----

  // `also`: the alias offer was taken (see Index.prototype.offers).
  var FIELDS = ['q', 'unit', 'topic', 'series', 'year', 'status', 'sort', 'also'];

  function stateFromUrl() {
    var p = new URLSearchParams(location.search), st = {};
    FIELDS.forEach(function (f) { st[f] = p.get(f) || ''; });
    st.page = Math.max(1, parseInt(p.get('page') || '1', 10) || 1);
    return st;
  }
  // The state as a query string (no leading "?"), as the URL and #search-results[data-state] hold it.
  function queryString(st) {
    var p = new URLSearchParams();
    FIELDS.forEach(function (f) { if (st[f]) p.set(f, st[f]); });
    if (st.page > 1) p.set('page', String(st.page));
    return p.toString();
  }
  function urlFromState(st) {
    var s = queryString(st);
    return location.pathname + (s ? '?' + s : '');
  }

  function fetchBytes(url, gz) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ': ' + r.status);
      if (gz && typeof DecompressionStream !== 'undefined') {
        return new Response(r.body.pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
      }
      return r.arrayBuffer();
    }).then(function (b) { return new Uint8Array(b); });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // ---- interface strings ----
  // The page passes its messages in <script type="application/json" id="search-strings">, written
  // from the theme's interface strings (src/render/i18n.rs) in the site's language. Without that
  // element the messages fall back to bare numbers and symbols: no language is written here.
  var FALLBACK = {
    search_count_one: '{n}', search_count_other: '{n}', search_no_results: '0', search_more: '+',
    search_loading: '…', search_failed: '{error}', search_hit_date: '{roc} ({date})',
    search_alias_offer: '{typed} = {names}', search_alias_also: '+', search_alias_active: '+ {names}',
    search_alias_only: '{typed}', search_alias_sep: ', '
  };

  function Messages(strings, lang) {
    this.s = strings || {};
    try { this.plural = new Intl.PluralRules(lang || undefined); } catch (e) { this.plural = null; }
    try { this.num = new Intl.NumberFormat(lang || undefined); } catch (e) { this.num = null; }
  }
  // The message `key` with its {placeholders} filled from `vars` (values are inserted as they are).
  Messages.prototype.get = function (key, vars) {
    var s = typeof this.s[key] === 'string' ? this.s[key] : FALLBACK[key];
    return s.replace(/\{(\w+)\}/g, function (m, k) {
      return vars && Object.prototype.hasOwnProperty.call(vars, k) ? String(vars[k]) : m;
    });
  };
  // "N records", in the plural form the page language's rules choose (search_count_one / _other…).
  Messages.prototype.count = function (n) {
    var key = 'search_count_' + (this.plural ? this.plural.select(n) : 'other');
    if (typeof this.s[key] !== 'string') key = 'search_count_other';
    return this.get(key, { n: this.num ? this.num.format(n) : String(n) });
  };

  function pageStrings() {
    var node = document.getElementById('search-strings');
    if (!node) return {};
    try { return JSON.parse(node.textContent) || {}; } catch (e) { return {}; }
  }

  function init() {
    var root = document.getElementById('search');
    var results = document.getElementById('search-results');
    var status = document.getElementById('search-status');
    var form = document.getElementById('search-form');
    if (!root || !results || !status || !form) return;
    var msgs = new Messages(pageStrings(), document.documentElement.lang);
    var contentLang = results.getAttribute('data-content-lang');
    var index = new Index(root.getAttribute('data-index') || '/search/', fetchBytes);
    var aliasBox = document.getElementById('search-alias');
    var namesNode = document.getElementById('search-names');
    try { index.setNames(namesNode ? JSON.parse(namesNode.textContent) : []); } catch (e) { index.setNames([]); }
    var seq = 0, timer = null, slow = null, focusAt = -1;
    // History: a pause in typing makes a new entry the first time and replaces it afterwards, so
    // one burst of typing is one entry; a submit or a filter change makes a new entry; Back and
    // Forward (popstate) restore the form and the hits from the URL.
    var typing = false;

    // Puts `st` in the form. A filter or sort value the page does not offer (a link with a unit
    // since renamed, a mistyped URL) is dropped from `st`, so the form and the search agree; the
    // address bar is corrected to match.
    function fillForm(st) {
      var before = queryString(st);
      FIELDS.forEach(function (f) {
        var input = form.elements[f];
        if (!input) return;
        input.value = st[f];
        if (input.tagName === 'SELECT' && input.value !== st[f]) {
          st[f] = '';
          input.value = '';
        }
      });
      if (queryString(st) !== before) navigate(st, false);
    }
    function readForm() {
      var st = {};
      FIELDS.forEach(function (f) { var i = form.elements[f]; st[f] = i ? i.value.trim() : ''; });
      // A taken alias offer stays while the query does (a filter changed); a new query drops it.
      var cur = stateFromUrl();
      st.also = cur.also && cur.q === st.q ? cur.also : '';
      st.page = 1;
      return st;
    }
    // Puts `st` in the address bar: a new history entry when `push`, else the current one replaced.
    function navigate(st, push) {
      var url = urlFromState(st);
      if (url === location.pathname + location.search) return;
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }

    function run(st) {
      var my = ++seq, qs = queryString(st);
      clearTimeout(slow);
      // A query of spaces alone is no query: the page stays as it opened.
      if (!(st.q || '').trim() && !st.unit && !st.topic && !st.series && !st.year && !st.status) {
        results.replaceChildren();
        results.removeAttribute('data-count');
        results.removeAttribute('aria-busy');
        results.setAttribute('data-state', qs);
        status.textContent = '';
        drawOffers(st, []);
        return Promise.resolve();
      }
      results.setAttribute('aria-busy', 'true');
      // Say that a search is running only when it takes long enough to notice.
      slow = setTimeout(function () { if (my === seq) status.textContent = msgs.get('search_loading'); }, 400);
      return index.search(st).then(function (res) {
        if (my !== seq) return;
        var shown = res.hits.slice(0, PAGE * st.page), docs = new Array(shown.length), drawn = 0;
        // Hits are drawn in order as soon as their display files arrive: the first hit does not
        // wait for the slowest of the page's files. The previous results stay until then.
        function drawReady() {
          if (my !== seq) return;
          var frag = document.createDocumentFragment(), from = drawn;
          while (drawn < shown.length && docs[drawn]) {
            frag.appendChild(hitArticle(shown[drawn], docs[drawn], res.terms));
            drawn++;
          }
          if (drawn === from) return;
          if (from === 0) results.replaceChildren(frag);
          else results.appendChild(frag);
        }
        function fetchDoc(i) {
          return index.doc(shown[i]).then(function (d) { docs[i] = d; drawReady(); });
        }
        // The first hit's files are fetched alone, so that they do not queue behind the other
        // hits' (a browser opens at most six HTTP/1.1 connections to a server); the rest follow
        // once it is drawn.
        return (shown.length ? fetchDoc(0) : Promise.resolve()).then(function () {
          if (my !== seq) return;
          var rest = [];
          for (var i = 1; i < shown.length; i++) rest.push(fetchDoc(i));
          return Promise.all(rest);
        }).then(function () {
          if (my !== seq) return;
          if (!shown.length) results.replaceChildren();
          finish(st, qs, res, shown);
        });
      }).catch(function (e) {
        if (my !== seq) return;
        results.replaceChildren();
        results.removeAttribute('data-count');
        results.setAttribute('data-state', qs);
        drawOffers(st, []);
        status.textContent = msgs.get('search_failed', { error: e && e.message ? e.message : String(e) });
      }).finally(function () {
        if (my !== seq) return;
        clearTimeout(slow);
        results.removeAttribute('aria-busy');
      });
    }

    // One hit: the record's title linked to the record, its series and date, and up to five
    // matching sections linked to their anchors, the first with a snippet. Everything from the
    // index is inserted as text.
    function hitArticle(hit, d, terms) {
      var cls = index.m.classes, art = el('article', 'search-hit');
      var title = el('h2', 'search-hit-title'), tlink = el('a'), tchars = Array.from(d.t);
      tlink.href = d.u;
      appendMarked(tlink, tchars, findMatches(d.t, terms, d.f, cls), 0, tchars.length);
      title.appendChild(tlink);
      // The records' language, when the page's is another (data-content-lang, WCAG 3.1.2).
      if (contentLang) title.setAttribute('lang', contentLang);
      art.appendChild(title);
      var meta = el('p', 'search-hit-date');
      if (d.s) {
        var series = el('span', 'search-hit-series', d.s);
        if (contentLang) series.setAttribute('lang', contentLang);
        meta.appendChild(series);
        meta.appendChild(document.createTextNode(' · '));
      }
      var time = el('time', '', msgs.get('search_hit_date', { roc: d.r, date: d.d }));
      time.setAttribute('datetime', d.d);
      meta.appendChild(time);
      art.appendChild(meta);
      var list = el('ul', 'search-hit-sections');
      if (contentLang) list.setAttribute('lang', contentLang);
      var secs = (hit.secs.length ? hit.secs : [{ s: 0 }]).slice(0, 5);
      secs.forEach(function (sv, si) {
        var s = d.h[sv.s];
        if (!s) return;
        var li = el('li'), a = el('a');
        a.href = d.u + (s[0] ? '#' + encodeURIComponent(s[0]) : '');
        var heading = el('span', 'search-hit-heading');
        var htext = s[1] || d.t, hchars = Array.from(htext);
        appendMarked(heading, hchars, findMatches(htext, terms, d.f, cls), 0, hchars.length);
        a.appendChild(heading);
        li.appendChild(a);
        var body = si === 0 && d.text ? d.text[sv.s] : undefined;
        if (body) {
          var chars = Array.from(body), ranges = findMatches(body, terms, d.tf, cls);
          var center = ranges.length ? ranges[0][0] : 0;
          var from = Math.max(0, center - 40), to = Math.min(chars.length, from + 120);
          var snip = el('p', 'search-hit-snippet');
          if (from > 0) snip.appendChild(document.createTextNode('…'));
          appendMarked(snip, chars, ranges, from, to);
          if (to < chars.length) snip.appendChild(document.createTextNode('…'));
          li.appendChild(snip);
        }
        list.appendChild(li);
      });
      art.appendChild(list);
      return art;
    }

    // Every shown hit is drawn: the "show more" button, the count, the state, focus.
    function finish(st, qs, res, shown) {
      if (res.hits.length > shown.length) {
        var more = el('button', 'search-more', msgs.get('search_more'));
        more.type = 'button';
        more.addEventListener('click', function () {
          st.page += 1;
          navigate(st, false);
          focusAt = shown.length;
          run(st);
        });
        results.appendChild(more);
      }
      drawOffers(st, res.offers || []);
      results.setAttribute('data-count', String(res.hits.length));
      results.setAttribute('data-state', qs);
      status.textContent = res.hits.length ? msgs.count(res.hits.length) : msgs.get('search_no_results');
      // After "show more", keyboard focus goes to the first newly shown hit, not back to the top.
      if (focusAt >= 0) {
        var next = results.querySelectorAll('.search-hit')[focusAt], link = next && next.querySelector('a');
        if (link) link.focus();
        focusAt = -1;
      }
    }

    // The alias offer: for a query term that is a unit's or topic's registered name or alias,
    // "<alias> = <registered name>, <other aliases>: <also search>", a link to the same search with `also`; once taken,
    // what was also searched and a link back to the search for what was typed. The hits of the
    // search without `also` are exactly those of the typed terms.
    function drawOffers(st, offers) {
      if (!aliasBox) return;
      aliasBox.replaceChildren();
      aliasBox.hidden = !offers.length;
      var join = function (names) { return names.join(msgs.get('search_alias_sep')); };
      offers.forEach(function (o, i) {
        if (i > 0) aliasBox.appendChild(document.createTextNode(' '));
        var other = {};
        FIELDS.forEach(function (f) { other[f] = st[f]; });
        other.page = 1;
        other.also = st.also ? '' : '1';
        var a = el('a', 'search-alias-link');
        a.href = urlFromState(other);
        if (st.also) {
          aliasBox.appendChild(document.createTextNode(msgs.get('search_alias_active', { names: join(o.names) }) + ' '));
          a.textContent = msgs.get('search_alias_only', { typed: o.typed });
        } else {
          aliasBox.appendChild(document.createTextNode(msgs.get('search_alias_offer', { typed: o.typed, names: join(o.names) })));
          a.textContent = msgs.get('search_alias_also');
        }
        a.addEventListener('click', function (ev) {
          ev.preventDefault();
          clearTimeout(timer);
          typing = false;
          navigate(other, true);
          run(other);
        });
        aliasBox.appendChild(a);
      });
    }

    // Typing: the first input after a pause searches at once (a word committed by an input method
    // is one input event); further input within PAUSE ms waits until typing pauses for PAUSE ms.
    var PAUSE = 80, lastInput = -Infinity;
    function typed() {
      var now = performance.now(), burst = now - lastInput < PAUSE;
      lastInput = now;
      clearTimeout(timer);
      timer = setTimeout(function () {
        var st = readForm();
        navigate(st, !typing);
        typing = true;
        run(st);
      }, burst ? PAUSE : 0);
    }
    form.addEventListener('submit', function (ev) {
      ev.preventDefault();
      clearTimeout(timer);
      typing = false;
      var st = readForm();
      navigate(st, true);
      run(st);
    });
    form.addEventListener('input', function (ev) {
      // Selects are handled on change; text being composed in an input method waits for its end.
      if (ev.target && ev.target.tagName === 'SELECT') return;
      if (ev.isComposing) return;
      typed();
    });
    form.addEventListener('compositionend', typed);
    form.addEventListener('change', function (ev) {
      if (ev.target && ev.target.tagName === 'SELECT') {
        clearTimeout(timer);
        typing = false;
        var st = readForm();
        navigate(st, true);
        run(st);
      }
    });
    window.addEventListener('popstate', function () {
      clearTimeout(timer);
      typing = false;
      var st = stateFromUrl();
      fillForm(st);
      run(st);
    });
    var st0 = stateFromUrl();
    fillForm(st0);
    // The manifest (a few KB) is fetched with the page, so the first query starts one round trip
    // further along; a failure here shows when a search runs.
    index.load().catch(function () {});
    run(st0);
  }

  var api = { foldText: foldText, splitQuery: splitQuery, parseQuery: parseQuery, classOf: classOf, Index: Index };
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
  if (typeof document !== 'undefined') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
    else init();
  }
})();
