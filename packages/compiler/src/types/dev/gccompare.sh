#!/bin/bash
# Developer tool: byte-exact comparison of gc's diagnostics (`go tool compile -e`) with gort's
# (`checkstd.js FILE`) on Go 1.19's errorcheck tests that need no backend flags, or on the files
# given as arguments. Needs Go 1.19 at /usr/lib/go-1.19 and the checker built into /tmp/gort-tc
# (see checkstd.ts). Prints "same=N diff=M"; the differences go to ./gccompare-diffs.txt.
set -u
GO=${GO:-/usr/lib/go-1.19/bin/go}
CHECK=${CHECK:-/tmp/gort-tc/types/dev/checkstd.js}
out=$(pwd)/gccompare-diffs.txt
tmp=$(mktemp -d)
if [ $# -gt 0 ]; then files=("$@"); else
  files=(/usr/lib/go-1.19/test/*.go /usr/lib/go-1.19/test/fixedbugs/*.go /usr/lib/go-1.19/test/typeparam/*.go)
fi
same=0; diff=0; : > "$out"
for f in "${files[@]}"; do
  first=$(head -1 "$f")
  if [ $# -eq 0 ]; then
    echo "$first" | grep -q '^// errorcheck' || continue
    echo "$first" | grep -q -- '-m\|-d=\|-live\|-0\|-+\|-std\|-complete\|-N' && continue
  fi
  lang=$(echo "$first" | grep -o -- '-lang=go[0-9.]*')
  d=$(dirname "$f"); b=$(basename "$f")
  (cd "$d" && "$GO" tool compile -e -p p $lang -o "$tmp/x.o" "$b" 2>&1 | grep -v "^too many errors") > "$tmp/gc.txt"
  (cd "$d" && GOVERSION=$(echo "$lang" | sed 's/-lang=//') node "$CHECK" "$b" 2>&1) > "$tmp/us.txt"
  if cmp -s "$tmp/gc.txt" "$tmp/us.txt"; then same=$((same+1)); else
    diff=$((diff+1)); echo "== $f" >> "$out"; diff "$tmp/gc.txt" "$tmp/us.txt" | head -8 >> "$out"
  fi
done
rm -rf "$tmp"
echo "same=$same diff=$diff"
