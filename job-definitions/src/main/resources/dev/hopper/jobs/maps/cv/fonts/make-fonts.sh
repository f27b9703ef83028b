#!/usr/bin/env bash
# The label reader's glyph fonts: DejaVu Sans, Serif and Sans Mono, regular and bold, cut
# down to the characters labels use, so a result never depends on the host's fonts.
# Needs Debian's fonts-dejavu-core and fonttools (pyftsubset). Run from this folder.
set -euo pipefail
src=/usr/share/fonts/truetype/dejavu
for face in DejaVuSans DejaVuSans-Bold DejaVuSerif DejaVuSerif-Bold DejaVuSansMono DejaVuSansMono-Bold; do
  pyftsubset "$src/$face.ttf" --text="0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ" \
    --output-file="$face.ttf" --name-IDs='*' --name-languages='*'
done
zcat -f /usr/share/doc/fonts-dejavu-core/copyright > LICENSE-DejaVu.txt
