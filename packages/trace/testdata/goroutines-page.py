#!/usr/bin/env python3
"""Reads go tool trace's goroutine analysis pages (http://HOST/goroutines and each
/goroutine?id=PC) and prints one line per goroutine: "gid total exec net sync syscall sched
sweep gcpause", durations exactly as the page shows them (Go truncates them to ns, µs or ms).
Used by gen.sh to record the oracle for goroutines.test.ts. Usage: goroutines-page.py HOST:PORT"""
import re, sys, urllib.request

base = "http://" + sys.argv[1]
index = urllib.request.urlopen(base + "/goroutines").read().decode()
out = []
for pc in sorted(set(re.findall(r'/goroutine\?id=(\d+)', index))):
    page = urllib.request.urlopen(base + "/goroutine?id=" + pc).read().decode()
    table = page[page.find('<table class="details">'):]
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]:
        gid = re.search(r"goid=(\d+)", row)
        if not gid:
            continue
        cells = [re.sub(r"<[^>]*>|\(.*?\)|&nbsp;", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", row, re.S)]
        vals = [c for c in cells[1:] if c != ""]
        out.append((int(gid.group(1)), " ".join([gid.group(1)] + vals)))
for _, line in sorted(out):
    print(line)
