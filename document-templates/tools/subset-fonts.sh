#!/usr/bin/env bash
# Reproduces the committed fonts of the hall's documents in src/main/resources/document-templates/fonts/:
#
#   NotoSansSC-Regular-Hall.ttf   Noto Sans SC Regular (400), subset          SIL Open Font License 1.1 (OFL.txt)
#   NotoSansSC-Bold-Hall.ttf      Noto Sans SC Bold (700), subset             SIL Open Font License 1.1 (OFL.txt)
#   HallHanziExt-Regular.ttf      HanaMinB (GlyphWiki's 花園明朝B), subset of  Hanazono Font License (Hanazono-LICENSE.txt)
#                                 the CJK extensions B–F, renamed
#   NotoSansSC-Regular-Seal.ttf   Noto Sans SC Regular, GB2312 subset, for    SIL Open Font License 1.1 (OFL.txt)
#                                 the agencies' names on their seals
#   OFL.txt, Hanazono-LICENSE.txt the licences, as the sources ship them
#
# Together they print every hanzi of GB 18030-2022 implementation level 3 (URO with U+9FA6–9FEF, extensions A to F,
# the Kangxi radicals) and the whole two-byte part of GB 18030 (GB2312, GBK): the renderer asks Noto Sans SC first and
# falls back to Hall Hanzi Ext for what Noto lacks (most of extensions B–F). See fonts/README.md.
#
# NOT part of the build: the fonts are committed. Run it by hand only to change a character set or a source version,
# then commit the files and update fonts/README.md with the figures this prints (sizes, coverage per block).
#
# Needs: npm (registry reachable), apt-get (Debian's archive reachable; `apt-get update` done once), dpkg-deb, tar,
#        sha256sum, python3 with fontTools and pyftsubset (Debian: apt-get install -y fonttools).
# Usage: document-templates/tools/subset-fonts.sh            (from anywhere)
set -euo pipefail

# Noto Sans SC 2.004 as packaged on npm by Expo
NOTO_PACKAGE='@expo-google-fonts/noto-sans-sc@0.4.3'
# sha256 of the files inside that package, checked so that a re-published package cannot slip in unnoticed
SHA_REGULAR='d45f67f0a7c0ca3f256950777ce6a61cc7ce5f9696d02900cbbaac25f8aa7d16'
SHA_BOLD='9a38ae0ab28cd5a256f9ea8e00dedc688aac17f7915fcb000572990afa956b96'
SHA_OFL='1c05c68c34f9708415aada51f17e1b0092d2cea709bf4a94cd38114f9e73d7d9'
# Hanazono (GlyphWiki Project, 2017-09-04) as packaged by Debian 12 (bookworm)
HANAZONO_PACKAGE='fonts-hanazono=20170904-2.1'
SHA_HANAMINB='829543436cdf7b4c6730e2af5806fa406f8ddf0d4b656e0cd49c58d4db1c8d3c'

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fonts="$here/../src/main/resources/document-templates/fonts"
# fontTools of the system Python (apt fonttools), not whatever python3 comes first on PATH
py=/usr/bin/python3
[ -x "$py" ] || py=python3

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

npm pack --silent "$NOTO_PACKAGE" >/dev/null
tar xzf expo-google-fonts-noto-sans-sc-*.tgz \
    package/400Regular/NotoSansSC_400Regular.ttf package/700Bold/NotoSansSC_700Bold.ttf package/LICENSE_FONT
echo "$SHA_REGULAR  package/400Regular/NotoSansSC_400Regular.ttf" | sha256sum -c --quiet
echo "$SHA_BOLD  package/700Bold/NotoSansSC_700Bold.ttf" | sha256sum -c --quiet
echo "$SHA_OFL  package/LICENSE_FONT" | sha256sum -c --quiet

apt-get download -q "$HANAZONO_PACKAGE" >/dev/null 2>&1 || apt-get download "$HANAZONO_PACKAGE"
dpkg-deb -x fonts-hanazono_*.deb hanazono
hanaminb=hanazono/usr/share/fonts/truetype/hanazono/HanaMinB.ttf
echo "$SHA_HANAMINB  $hanaminb" | sha256sum -c --quiet

# The blocks, shared by the character lists and the report at the end
cat > blocks.py <<'PY'
# GB 18030-2022 implementation level 3: every hanzi the standard specifies, and the Kangxi radicals
LEVEL_3 = [
    ('CJK Unified Ideographs (URO)', 0x4E00, 0x9FA5),
    ('URO U+9FA6–9FEF (new in level 1 of 2022)', 0x9FA6, 0x9FEF),
    ('Extension A', 0x3400, 0x4DB5),
    ('Extension B', 0x20000, 0x2A6D6),
    ('Extension C', 0x2A700, 0x2B734),
    ('Extension D', 0x2B740, 0x2B81D),
    ('Extension E', 0x2B820, 0x2CEA1),
    ('Extension F', 0x2CEB0, 0x2EBE0),
    ('Kangxi Radicals', 0x2F00, 0x2FD5),
]
# printed by the report, not asked for beyond what GB 18030's two-byte part holds
OTHERS = [
    ('CJK Radicals Supplement', 0x2E80, 0x2EF3),
    ('CJK Compatibility Ideographs', 0xF900, 0xFAD9),
    ('CJK Compatibility Ideographs Supplement', 0x2F800, 0x2FA1D),
    ('GB 18030-2022 Amendment 1 (2024): URO U+9FF0–9FFF', 0x9FF0, 0x9FFF),
    ('GB 18030-2022 Amendment 1 (2024): Extension A U+4DB6–4DBF', 0x4DB6, 0x4DBF),
    ('Extension G', 0x30000, 0x3134A),
]

def level_3():
    return {c for _, a, b in LEVEL_3 for c in range(a, b + 1)}

def gb18030_two_byte():
    """Every character of GB 18030's two-byte part (GB2312, GBK and its additions), private use excluded."""
    s = set()
    for hi in range(0x81, 0xFF):
        for lo in list(range(0x40, 0x7F)) + list(range(0x80, 0xFF)):
            try:
                c = ord(bytes([hi, lo]).decode('gb18030'))
            except UnicodeDecodeError:
                continue
            if not 0xE000 <= c <= 0xF8FF:
                s.add(c)
    return s
PY

# Noto Sans SC: printable ASCII, a few typographic signs, CJK symbols and punctuation U+3000–303F, half- and
# full-width forms U+FF00–FFEF, the CJK radicals supplement, the whole two-byte part of GB 18030, and every level-3
# hanzi the font has (all of URO, extension A and the Kangxi radicals; a few hundred of extensions B–F).
"$py" - package/400Regular/NotoSansSC_400Regular.ttf > noto.txt <<'PY'
import sys
from fontTools.ttLib import TTFont
from blocks import level_3, gb18030_two_byte
signs = '\u00a0¥·—–“”‘’…'
wanted = {c for c in range(0x20, 0x7f)} | {c for c in range(0x3000, 0x3040)} | {c for c in range(0xFF00, 0xFFF0)} \
    | {c for c in range(0x2E80, 0x2EF4)} | set(map(ord, signs)) | gb18030_two_byte() | level_3()
have = set(TTFont(sys.argv[1]).getBestCmap())
print(''.join(chr(c) for c in sorted(wanted & have)), end='')
PY
# The seal's font: GB2312 (all 7,445 characters), printable ASCII, U+3000–303F, U+FF00–FFEF, a few signs and a list of
# characters common in given names: the documents' subset before level 3, kept byte for byte. A seal prints only an
# agency's name and purpose, and is drawn per document, parsing its font each time: a small font keeps that cheap.
"$py" - > seal.txt <<'PY'
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
# HanaMinB: the level-3 hanzi Noto Sans SC does not have (the rest of extensions B–F)
"$py" - $hanaminb > ext.txt <<'PY'
import sys
from fontTools.ttLib import TTFont
from blocks import level_3
noto = set(map(ord, open('noto.txt', encoding='utf-8').read()))
have = set(TTFont(sys.argv[1]).getBestCmap())
print(''.join(chr(c) for c in sorted((level_3() - noto) & have)), end='')
PY

for pair in 'package/400Regular/NotoSansSC_400Regular.ttf:NotoSansSC-Regular-Hall.ttf:noto.txt' \
            'package/700Bold/NotoSansSC_700Bold.ttf:NotoSansSC-Bold-Hall.ttf:noto.txt' \
            'package/400Regular/NotoSansSC_400Regular.ttf:NotoSansSC-Regular-Seal.ttf:seal.txt' \
            "$hanaminb:HallHanziExt-Regular.ttf:ext.txt"; do
  IFS=: read -r src out chars <<<"$pair"
  pyftsubset "$src" --text-file="$chars" --layout-features='*' --name-IDs='*' --output-file="$fonts/$out"
  # drop the cmap format 14 subtable (Unicode variation sequences): FontBox does not read it and warns on every
  # parse; keep the timestamps of the source, so that running again gives byte-identical files
  "$py" - "$fonts/$out" <<'PY'
import sys
from fontTools.ttLib import TTFont
path = sys.argv[1]
font = TTFont(path, recalcTimestamp=False)
font['cmap'].tables = [t for t in font['cmap'].tables if t.format != 14]
if path.endswith('HallHanziExt-Regular.ttf'):
    # A subset is a modified version: it gets a name of its own, and none of the source's names ("HanaMinB",
    # "花園明朝B", "Hanazono Font" are reserved font names under the OFL alternative of its licence)
    name = font['name']
    name.names = []
    for plat, enc, lang in ((3, 1, 0x409),):
        for nid, text in ((0, 'Copyright 2008, 2009, 2010, 2011 GlyphWiki Project. Created by GlyphWiki '
                              '(http://glyphwiki.org/).'),
                          (1, 'Hall Hanzi Ext'), (2, 'Regular'), (3, 'HallHanziExt-Regular;2017-09-04'),
                          (4, 'Hall Hanzi Ext Regular'),
                          (5, 'Version 2017.0904; subset of HanaMinB 2017-09-04 (GlyphWiki Project), Service Hall'),
                          (6, 'HallHanziExt-Regular'),
                          (13, 'Hanazono Font License: unlimited permission is granted to use, copy, and distribute '
                               'it, with or without modification, either commercially and noncommercially. '
                               'THIS FONT IS PROVIDED "AS IS" WITHOUT WARRANTY.')):
            name.setName(text, nid, plat, enc, lang)
    font['OS/2'].usWeightClass = 400
font.save(path)
PY
done
cp package/LICENSE_FONT "$fonts/OFL.txt"
cp hanazono/usr/share/doc/fonts-hanazono/copyright "$fonts/Hanazono-LICENSE.txt"

# What came out: sizes, and for each block how many characters the chain prints (the first font that has it)
"$py" - "$fonts" <<'PY'
import os, sys
from fontTools.ttLib import TTFont
from blocks import LEVEL_3, OTHERS, level_3, gb18030_two_byte
fonts = sys.argv[1]
files = ('NotoSansSC-Regular-Hall.ttf', 'NotoSansSC-Bold-Hall.ttf', 'HallHanziExt-Regular.ttf')
cmaps = {}
for name in files + ('NotoSansSC-Regular-Seal.ttf',):
    f = TTFont(os.path.join(fonts, name))
    cmaps[name] = set(f.getBestCmap())
    print(f"{name}: {os.path.getsize(os.path.join(fonts, name)):,} bytes, {len(cmaps[name]):,} characters, "
          f"{len(f.getGlyphOrder()):,} glyphs, glyf table: {'glyf' in f}, family {f['name'].getDebugName(1)!r}")
# what a document can print in both weights: Noto's regular and bold alike, or the extension font (serves both)
chain = (cmaps[files[0]] & cmaps[files[1]]) | cmaps[files[2]]
print(f"printable in both weights: {len(chain):,} characters")
for label, a, b in LEVEL_3 + OTHERS:
    block = set(range(a, b + 1))
    print(f"  {label:58} {len(block & chain):6,} of {len(block):6,}"
          f"  (Noto {len(block & cmaps[files[0]]):,}, Hall Hanzi Ext {len(block & cmaps[files[2]]):,})")
l3 = level_3()
print(f"  {'GB 18030-2022 level 3, all hanzi and Kangxi radicals':58} {len(l3 & chain):6,} of {len(l3):6,}")
two = gb18030_two_byte()
missing = ''.join(chr(c) for c in sorted(two - chain))
print(f"  {'GB 18030 two-byte part (GB2312, GBK), private use excluded':58} {len(two & chain):6,} of {len(two):6,}"
      + (f"  missing: {missing} ({', '.join('U+%04X' % ord(c) for c in missing)})" if missing else ''))
PY
