#!/usr/bin/env bash
# WebP fixtures for ImageDimensionsTests, made by libwebp's own encoder (Debian: webp),
# so the header reader is checked against an independent writer. Sizes are in the names.
set -euo pipefail
cd "$(dirname "$0")"
java ../../../../../tools/images/Blank.java 321 123 opaque.png opaque
java ../../../../../tools/images/Blank.java 321 123 alpha.png
cwebp -quiet -q 50 opaque.png -o lossy-321x123.webp
cwebp -quiet -lossless opaque.png -o lossless-321x123.webp
cwebp -quiet -q 50 alpha.png -o extended-321x123.webp
rm opaque.png alpha.png
