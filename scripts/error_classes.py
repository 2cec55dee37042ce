#!/usr/bin/env python3
"""Count a gold set's errors by class, printing no sentence.

Usage: dyad eval GOLD.jsonl --format json > eval.json
       python3 scripts/error_classes.py eval.json

Pairs each case's misses with its false alarms (same full code first, then
same CAMEO root, then any) and counts: events with nothing coded in their
place, right root with a missing/other source or target, wrong roots, false
alarms with nothing expected. Safe on a blind set: only counts are printed.
"""
import json, sys, collections
d = json.load(open(sys.argv[1]))
miss = collections.defaultdict(list); fa = collections.defaultdict(list)
for m in d['misses']: miss[m['case']].append(m['event'])
for f in d['false_alarms']: fa[f['case']].append(f['event'])
c = collections.Counter()
def actor_diff(g, p, role):
    g = g or ''; p = p or ''
    if g == p: return None
    if not g: return role + ':gold-none'
    if not p: return role + ':coded-none'
    if g[:3] == p[:3]: return role + ':same-country-other-sector'
    if p.startswith(g) or g.startswith(p): return role + ':prefix'
    return role + ':other-actor'
for case in set(miss) | set(fa):
    ms = list(miss[case]); fs = list(fa[case])
    # pair same full code first, then same root
    for key in (lambda e: e['cameo'], lambda e: e['cameo'][:2]):
        for m in list(ms):
            for f in fs:
                if key(m) == key(f):
                    diffs = [x for x in (actor_diff(m['source'], f['source'], 'src'), actor_diff(m['target'], f['target'], 'tgt')) if x]
                    if m['cameo'] != f['cameo']: diffs.append('code-within-root')
                    for x in diffs: c['paired: ' + x] += 1
                    if not diffs: c['paired: other (date/loc?)'] += 1
                    ms.remove(m); fs.remove(f); break
    # remaining: pair across roots if actors equal
    for m in list(ms):
        for f in fs:
            if (m['source'], m['target']) == (f['source'], f['target']):
                c['wrong-root, actors right'] += 1; ms.remove(m); fs.remove(f); break
    for m in list(ms):
        for f in fs:
            c['wrong-root, actors differ'] += 1; ms.remove(m); fs.remove(f); break
    for m in ms: c['miss, nothing coded in its place'] += 1
    for f in fs: c['false alarm, nothing expected'] += 1
print('gold', d['gold_events'], 'coded', d['coded_events'])
for k, v in sorted(c.items(), key=lambda x: -x[1]): print(f'{v:4d}  {k}')
