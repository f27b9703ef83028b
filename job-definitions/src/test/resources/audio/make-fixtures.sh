#!/usr/bin/env bash
# Regenerates the encoded test fixtures from one known signal: a 440 Hz sine at -6 dBFS,
# stereo, 44.1 kHz, 2 s, made by sox without dither. Needs sox, flac, lame and vorbis-tools
# (Debian packages); the outputs are committed so the unit tests need none of them.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
sox -D -n -r 44100 -c 2 -b 16 "$tmp/sine.wav" synth 2 sine 440 gain -6
flac -s -f --best -o sine-440hz-6dbfs.flac "$tmp/sine.wav"
lame --quiet -b 192 "$tmp/sine.wav" sine-440hz-6dbfs.mp3
oggenc -Q -q 6 -o sine-440hz-6dbfs.ogg "$tmp/sine.wav"
sox -D -n -r 22050 -c 1 -b 16 "$tmp/mono.wav" synth 1 sine 1000 gain -12
lame --quiet -m m -b 64 "$tmp/mono.wav" sine-1khz-mono.mp3
