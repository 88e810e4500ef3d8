#!/usr/bin/env bash
# Reproduces the committed CJK font subsets in
#   src/main/resources/document-templates/fonts/NotoSansSC-Regular-Hall.ttf
#   src/main/resources/document-templates/fonts/NotoSansSC-Bold-Hall.ttf
#   src/main/resources/document-templates/fonts/OFL.txt
# from Noto Sans SC (SIL Open Font License 1.1) as packaged on npm by Expo.
#
# NOT part of the build: the fonts are committed. Run it by hand only to change the character set or the source
# version, then commit the three files and update fonts/README.md (sizes, character count).
#
# Needs: npm (registry reachable), tar, sha256sum, python3 with fontTools and pyftsubset
#        (Debian: apt-get install -y fonttools).
# Usage: document-templates/tools/subset-fonts.sh            (from anywhere)
set -euo pipefail

PACKAGE='@expo-google-fonts/noto-sans-sc@0.4.3'
# sha256 of the files inside that package, checked so that a re-published package cannot slip in unnoticed
SHA_REGULAR='d45f67f0a7c0ca3f256950777ce6a61cc7ce5f9696d02900cbbaac25f8aa7d16'
SHA_BOLD='9a38ae0ab28cd5a256f9ea8e00dedc688aac17f7915fcb000572990afa956b96'
SHA_LICENCE='1c05c68c34f9708415aada51f17e1b0092d2cea709bf4a94cd38114f9e73d7d9'

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fonts="$here/../src/main/resources/document-templates/fonts"
# fontTools of the system Python (apt fonttools), not whatever python3 comes first on PATH
py=/usr/bin/python3
[ -x "$py" ] || py=python3

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

npm pack --silent "$PACKAGE" >/dev/null
tar xzf expo-google-fonts-noto-sans-sc-*.tgz \
    package/400Regular/NotoSansSC_400Regular.ttf package/700Bold/NotoSansSC_700Bold.ttf package/LICENSE_FONT
echo "$SHA_REGULAR  package/400Regular/NotoSansSC_400Regular.ttf" | sha256sum -c --quiet
echo "$SHA_BOLD  package/700Bold/NotoSansSC_700Bold.ttf" | sha256sum -c --quiet
echo "$SHA_LICENCE  package/LICENSE_FONT" | sha256sum -c --quiet

# The character set: GB2312 (all 7,445 characters: 6,763 hanzi and 682 symbols), printable ASCII, CJK symbols and
# punctuation U+3000–303F, half- and full-width forms U+FF00–FFEF, a few typographic signs, and characters common in
# given names that GB2312 lacks (the whole list is given; those already in GB2312 cost nothing).
"$py" - > charset.txt <<'PY'
names = ('喆堃昇玥珺琪琰瑄煜晗頔昕旻燊淼鑫犇垚赟禕祎翀锃镕韡嬿婧妍妤姝婕媛璟瑾瑜琬瑶瑀珏玮炜烨熠焱昊晟曦骞骐骥彧'
         '峥嵘崧岚浚濠溦沣潇湉祺禹铖钰锴镇劼勰翊羿莘蓁菡萱蕙芮茜荞鹏鸿鹤麒麟')
signs = '\u00a0¥·—–“”‘’…'
s = {chr(c) for c in range(0x20, 0x7f)} | {chr(c) for c in range(0x3000, 0x3040)} \
  | {chr(c) for c in range(0xFF00, 0xFFF0)} | set(signs) | set(names)
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            s.add(bytes([hi, lo]).decode('gb2312'))
        except UnicodeDecodeError:
            pass
print(''.join(sorted(s)), end='')
PY

for pair in 'package/400Regular/NotoSansSC_400Regular.ttf:NotoSansSC-Regular-Hall.ttf' \
            'package/700Bold/NotoSansSC_700Bold.ttf:NotoSansSC-Bold-Hall.ttf'; do
  src="${pair%%:*}"; out="${pair##*:}"
  pyftsubset "$src" --text-file=charset.txt --layout-features='*' --name-IDs='*' --output-file="$fonts/$out"
  # drop the cmap format 14 subtable (Unicode variation sequences): FontBox does not read it and warns on every parse
  "$py" - "$fonts/$out" <<'PY'
import sys
from fontTools.ttLib import TTFont
path = sys.argv[1]
font = TTFont(path, recalcTimestamp=False)
font['cmap'].tables = [t for t in font['cmap'].tables if t.format != 14]
font.save(path)
PY
done
cp package/LICENSE_FONT "$fonts/OFL.txt"

# what came out: characters asked for, characters the fonts map, sizes
"$py" - "$fonts" <<'PY'
import os, sys
from fontTools.ttLib import TTFont
fonts = sys.argv[1]
wanted = set(open('charset.txt', encoding='utf-8').read())
for name in ('NotoSansSC-Regular-Hall.ttf', 'NotoSansSC-Bold-Hall.ttf'):
    f = TTFont(os.path.join(fonts, name))
    cmap = set(map(chr, f.getBestCmap()))
    missing = ''.join(sorted(wanted - cmap))
    print(f"{name}: {os.path.getsize(os.path.join(fonts, name)):,} bytes, {len(cmap & wanted)} of {len(wanted)} "
          f"characters mapped, {len(f.getGlyphOrder())} glyphs, glyf table: {'glyf' in f}"
          + (f", not in the source font: {missing!r}" if missing else ''))
PY
