// Times essentia.js on one file: RhythmExtractor2013, KeyExtractor and per-frame spectral
// centroid/roll-off/flatness/MFCC (2048/1024 Hann), as the Hopper engine computes them.
// Prints wall seconds including the ffmpeg decode to mono float.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
const require = createRequire(new URL('../audio-oracles/package.json', import.meta.url));
const { Essentia, EssentiaWASM } = require('essentia.js');
const essentia = new Essentia(EssentiaWASM);
const t0 = process.hrtime.bigint();
const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', process.argv[2], '-ac', '1', '-f', 'f32le', '-'], { maxBuffer: 2 ** 31 - 1 });
const signal = new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4);
const vector = essentia.arrayToVector(signal);
essentia.RhythmExtractor2013(vector, 208, 'multifeature', 40);
essentia.KeyExtractor(vector);
for (let start = 0; start + 2048 <= signal.length; start += 1024) {
  const fv = essentia.arrayToVector(signal.subarray(start, start + 2048));
  const w = essentia.Windowing(fv, true, 2048, 'hann', 0, false).frame;
  const spectrum = essentia.Spectrum(w, 2048).spectrum;
  essentia.Centroid(spectrum, 22050); essentia.RollOff(spectrum, 0.85, 44100); essentia.Flatness(spectrum);
  const m = essentia.MFCC(spectrum); m.bands.delete(); m.mfcc.delete();
  fv.delete(); w.delete(); spectrum.delete();
}
console.log((Number(process.hrtime.bigint() - t0) / 1e9).toFixed(2));
