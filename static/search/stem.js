// The Snowball (Porter2) English stemmer, as github.com/kljensen/snowball
// implements it (internal/search/stem.go), for the words of a query and
// of the passages search.js highlights. search.js imports it when the
// reader first searches; TestBrowserStemmerAgrees holds it to the Go one.
// stem takes a token as search.js makes them: lower-case, no apostrophes;
// it folds and respells it first (variants.go).
export const STOP = new Set(('a about above after again against all am an and any are as at be because been before being below between both but by can did do does doing don down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over own s same she should so some such t than that the their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who whom why will with you your yours yourself yourselves').split(' '));
const SPECIAL = { skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl', gently: 'gentl', ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl', sky: 'sky', news: 'news', howe: 'howe', atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes', inning: 'inning', innings: 'inning', outing: 'outing', outings: 'outing', canning: 'canning', cannings: 'canning', herring: 'herring', herrings: 'herring', earring: 'earring', earrings: 'earring', proceed: 'proceed', proceeds: 'proceed', proceeded: 'proceed', proceeding: 'proceed', exceed: 'exceed', exceeds: 'exceed', exceeded: 'exceed', exceeding: 'exceed', succeed: 'succeed', succeeds: 'succeed', succeeded: 'succeed', succeeding: 'succeed' };
const STEP2 = [['ational', 'ate'], ['fulness', 'ful'], ['iveness', 'ive'], ['ization', 'ize'], ['ousness', 'ous'], ['biliti', 'ble'], ['lessli', 'less'], ['tional', 'tion'], ['alism', 'al'], ['aliti', 'al'], ['ation', 'ate'], ['entli', 'ent'], ['fulli', 'ful'], ['iviti', 'ive'], ['ousli', 'ous'], ['anci', 'ance'], ['abli', 'able'], ['alli', 'al'], ['ator', 'ate'], ['enci', 'ence'], ['izer', 'ize'], ['bli', 'ble'], ['ogi', ''], ['li', '']];
const STEP3 = [['ational', 'ate'], ['tional', 'tion'], ['alize', 'al'], ['icate', 'ic'], ['ative', ''], ['iciti', 'ic'], ['ical', 'ic'], ['ful', ''], ['ness', '']];
const STEP4 = 'ement ance ence able ible ment ent ant ism ate iti ous ive ize ion al er ic'.split(' ');
const isV = (c) => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y';
const utf8Len = (s) => { let n = 0; for (const c of s) { const p = c.codePointAt(0); n += p < 0x80 ? 1 : p < 0x800 ? 2 : p < 0x10000 ? 3 : 4; } return n; };
// fold drops the accents of a token, spell makes its British and American
// spellings one, as internal/search/variants.go does.
const FOLD = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd' };
export const fold = (w) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC').replace(/[ßæœøłđ]/g, (c) => FOLD[c]);
const SPELL = [[/^(.{3,}[iy])z(e[sdr]?|ers|ing|ations?|able)$/u, '$1s$2'], [/^(.{3,})our(s|ed|ing|ful|ites?|able|ers?)?$/u, '$1or$2'],
  [/^(.{2,}[tb])re(s?)$/u, '$1er$2'], [/^(.{2,}[tb])red$/u, '$1ered'], [/^(.{3,})ogue(s?)$/u, '$1og$2']];
const spell = (w) => { const r = SPELL.find(([x]) => x.test(w)); return r ? w.replace(...r) : w; };
export function stem(word) {
  word = spell(fold(word));
  if (utf8Len(word) <= 2 || STOP.has(word)) return word;
  if (Object.prototype.hasOwnProperty.call(SPECIAL, word)) return SPECIAL[word];
  const w = [...word];
  for (let i = 0; i < w.length; i++) if (w[i] === 'y' && (i === 0 || isV(w[i - 1]))) w[i] = 'Y';
  const vnv = (start) => {
    for (let j = start + 1; j < w.length; j++) if (isV(w[j - 1]) && !isV(w[j])) return j + 1;
    return w.length;
  };
  const pre = ['gener', 'commun', 'arsen'].find((p) => w.slice(0, p.length).join('') === p);
  let r1 = pre ? pre.length : vnv(0);
  let r2 = vnv(r1);
  const ends = (s) => s.length <= w.length && w.slice(w.length - s.length).join('') === s;
  const clamp = () => { r1 = Math.min(r1, w.length); r2 = Math.min(r2, w.length); };
  const cut = (n) => { w.length -= n; clamp(); };
  const put = (n, s) => { w.length -= n; w.push(...s); clamp(); };
  const shortSyl = (i) => i === 2 ? isV(w[0]) && !isV(w[1])
    : i >= 3 && !isV(w[i - 1]) && !'wxY'.includes(w[i - 1]) && isV(w[i - 2]) && !isV(w[i - 3]);
  // Step 1a
  let s = ['sses', 'ied', 'ies', 'us', 'ss', 's'].find(ends);
  if (s === 'sses') put(4, 'ss');
  else if (s === 'ied' || s === 'ies') put(3, w.length > 4 ? 'i' : 'ie');
  else if (s === 's' && w.slice(0, w.length - 2).some(isV)) cut(1);
  // Step 1b
  s = ['eedly', 'ingly', 'edly', 'ing', 'eed', 'ed'].find(ends);
  if (s === 'eed' || s === 'eedly') {
    if (s.length <= w.length - r1) put(s.length, 'ee');
  } else if (s && w.slice(0, w.length - s.length).some(isV)) {
    const o1 = r1, o2 = r2;
    cut(s.length);
    const t = ['at', 'bl', 'iz', 'bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt'].find(ends);
    let done = false;
    if (!t) {
      if (r1 >= w.length && shortSyl(w.length)) { w.push('e'); r1 = r2 = w.length; done = true; }
    } else if (t.length === 2 && t[0] !== t[1]) w.push('e');
    else cut(1);
    if (!done) { r1 = Math.min(o1, w.length); r2 = Math.min(o2, w.length); }
  }
  // Step 1c
  const n1 = w.length;
  if (n1 > 2 && (w[n1 - 1] === 'y' || w[n1 - 1] === 'Y') && !isV(w[n1 - 2])) w[n1 - 1] = 'i';
  // Step 2
  let p = STEP2.find(([x]) => ends(x));
  if (p && p[0].length <= w.length - r1) {
    const n = w.length;
    if (p[0] === 'li') { if (n >= 3 && 'cdeghkmnrt'.includes(w[n - 3])) cut(2); }
    else if (p[0] === 'ogi') { if (n >= 4 && w[n - 4] === 'l') put(3, 'og'); }
    else put(p[0].length, p[1]);
  }
  // Step 3
  p = STEP3.find(([x]) => ends(x));
  if (p && p[0].length <= w.length - r1) {
    if (p[0] !== 'ative') put(p[0].length, p[1]);
    else if (w.length - r2 >= 5) cut(5);
  }
  // Step 4
  s = STEP4.find(ends);
  if (s && s.length <= w.length - r2) {
    const n = w.length;
    if (s !== 'ion') cut(s.length);
    else if (n >= 4 && (w[n - 4] === 's' || w[n - 4] === 't')) cut(3);
  }
  // Step 5
  const l = w.length - 1;
  if (r1 <= l) {
    if (w[l] === 'e') { if (r2 <= l || !shortSyl(l)) cut(1); }
    else if (r2 <= l && w[l] === 'l' && l >= 1 && w[l - 1] === 'l') cut(1);
  }
  return w.join('').replace(/Y/g, 'y');
}
// edits is the optimal string alignment distance of a and b (insertions,
// deletions, substitutions, swaps of neighbours), or max+1 once past max:
// search.js's corrections and nearest words, which come with the stemmer.
export function edits(a, b, max) {
  a = [...a]; b = [...b];
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d = [b.map((_, j) => j + 1)];
  d[0].unshift(0);
  for (let i = 1; i <= a.length; i++) {
    d[i] = [i];
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return Math.min(d[a.length][b.length], max + 1);
}
