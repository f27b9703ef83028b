// Judges Hopper's audio engine against reference tools on material with known answers.
// Called by ./run, which installs the tools. Prints markdown tables on stdout.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import path from 'node:path';

const require = createRequire(import.meta.url);
const { Essentia, EssentiaWASM } = require('essentia.js');
const Meyda = require('meyda');
const essentia = new Essentia(EssentiaWASM);

const work = process.argv[2];
const material = path.join(work, 'material');
fs.mkdirSync(material, { recursive: true });
const SR = 44100;
const NAMES = ['C', 'C#', 'D', 'D#', 'E', 'F', 'F#', 'G', 'G#', 'A', 'A#', 'B'];
const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
const stderrOf = (cmd, args) => {
  const r = require('node:child_process').spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  return r.stderr + r.stdout;
};
const file = (name) => path.join(material, name);
const exists = (f) => fs.existsSync(f) && fs.statSync(f).size > 0;

// ---------------------------------------------------------------- material
const items = []; // { file, group, bpm?, key?, scale? }

function synth(out, rate, channels, synthArgs) {
  if (!exists(out)) run('sox', ['-D', '-n', '-r', String(rate), '-c', String(channels), '-b', '16', out, 'synth', ...synthArgs]);
}

// sines and noise: levels, loudness, pitch, centroid
for (const [hz, db, rate, ch] of [[1000, -20, 48000, 2], [440, -6, 44100, 1], [100, -3, 44100, 2], [3000, -12, 44100, 1], [220, -18, 22050, 1]]) {
  const f = file(`sine-${hz}hz-${-db}dbfs-${rate}-${ch}ch.wav`);
  synth(f, rate, ch, ['20', 'sine', String(hz), 'gain', String(db)]);
  items.push({ file: f, group: 'sine', pitch: hz });
}
for (const db of [-10, -20, -30]) {
  const f = file(`pink-${-db}.wav`);
  synth(f, SR, 2, ['20', 'pinknoise', 'gain', String(db)]);
  items.push({ file: f, group: 'noise' });
}
// click tracks, 60..180 BPM
for (let bpm = 60; bpm <= 180; bpm += 10) {
  const f = file(`clicks-${bpm}bpm.wav`);
  if (!exists(f)) {
    const beat = file(`beat-${bpm}.wav`);
    const period = 60 / bpm;
    run('sox', ['-D', '-n', '-r', String(SR), '-c', '1', '-b', '16', beat, 'synth', '0.02', 'sine', '1500',
      'fade', 'q', '0', '0.02', '0.018', 'pad', '0', (period - 0.02).toFixed(6)]);
    run('sox', [beat, f, 'repeat', String(Math.ceil(30 / period) - 1)]);
    fs.unlinkSync(beat);
  }
  items.push({ file: f, group: 'clicks', bpm });
}
// chord cadences in all 24 keys (I-IV-V-I or i-iv-V-i, plucked, with a bass note)
for (let tonic = 0; tonic < 12; tonic++) {
  for (const major of [true, false]) {
    const f = file(`cadence-${NAMES[tonic].replace('#', 's')}-${major ? 'major' : 'minor'}.wav`);
    if (!exists(f)) {
      const chords = major ? [[0, 4, 7], [5, 9, 12], [7, 11, 14], [0, 4, 7]] : [[0, 3, 7], [5, 8, 12], [7, 11, 14], [0, 3, 7]];
      const parts = chords.map((c, i) => {
        const part = file(`chord-${i}.wav`);
        const notes = [48 + tonic + c[0], ...c.map((n) => 60 + tonic + n)];
        run('sox', ['-D', '-n', '-r', String(SR), '-c', '4', '-b', '16', part, 'synth', '1',
          ...notes.flatMap((m) => ['pluck', `%${m - 69}`]), 'remix', '-', 'gain', '-8']);
        return part;
      });
      run('sox', [...parts, ...parts, ...parts, f]);
      parts.forEach((p) => fs.unlinkSync(p));
    }
    items.push({ file: f, group: 'cadence', key: NAMES[tonic], scale: major ? 'major' : 'minor' });
  }
}
// MIDI rendered by fluidsynth (FluidR3 GM): all 24 keys, tempos 60..175 BPM
const SOUNDFONT = '/usr/share/sounds/sf2/FluidR3_GM.sf2';
for (let i = 0; i < 24; i++) {
  const tonic = (i * 7) % 12; const major = i % 2 === 0; const bpm = 60 + i * 5;
  const f = file(`midi-${NAMES[tonic].replace('#', 's')}-${major ? 'major' : 'minor'}-${bpm}bpm.wav`);
  if (!exists(f)) {
    const mid = f.replace(/\.wav$/, '.mid');
    fs.writeFileSync(mid, song(tonic, major, bpm));
    run('fluidsynth', ['-ni', '-q', '-g', '0.8', '-r', String(SR), '-F', f, SOUNDFONT, mid]);
  }
  items.push({ file: f, group: 'midi', bpm, key: NAMES[tonic], scale: major ? 'major' : 'minor' });
}
// CC0 loops from sonic-pi-samples, repeated; tempo: the power-of-two beat count putting it in [80, 160)
for (const name of ['loop_amen', 'loop_breakbeat', 'loop_compus', 'loop_garzul', 'loop_industrial', 'loop_mika', 'loop_safari', 'loop_tabla', 'loop_mehackit1', 'loop_perc1']) {
  const src = `/usr/share/sonic-pi/samples/${name}.flac`;
  if (!fs.existsSync(src)) continue;
  const f = file(`${name}.wav`);
  const seconds = Number(run('soxi', ['-D', src]).trim());
  if (!exists(f)) run('sox', [src, '-r', String(SR), f, 'repeat', String(Math.max(1, Math.ceil(20 / seconds) - 1))]);
  let beats = 1; while (beats * 60 / seconds < 80) beats *= 2;
  items.push({ file: f, group: 'loops', bpm: beats * 60 / seconds });
}

function song(tonic, major, bpm) {
  // format 0 MIDI: piano chords, bass and drums, 8 bars of 4/4
  const tpq = 480; const events = [];
  const note = (t, ch, n, v, d) => { events.push([t, [0x90 | ch, n, v]]); events.push([t + d, [0x80 | ch, n, 0]]); };
  const progression = major ? [[0, 4, 7], [5, 9, 12], [7, 11, 14], [0, 4, 7]] : [[0, 3, 7], [5, 8, 12], [7, 11, 14], [0, 3, 7]];
  events.push([0, [0xC0, 0]]); events.push([0, [0xC1, 33]]);
  for (let bar = 0; bar < 8; bar++) {
    const t0 = bar * 4 * tpq; const chord = progression[bar % 4];
    for (const n of chord) note(t0, 0, 60 + tonic + n, 80, 4 * tpq - 10);
    note(t0, 1, 36 + tonic + chord[0], 90, 2 * tpq - 10); note(t0 + 2 * tpq, 1, 36 + tonic + chord[0], 90, 2 * tpq - 10);
    for (let b = 0; b < 4; b++) note(t0 + b * tpq, 9, b % 2 === 0 ? 36 : 38, 110, tpq / 4);
    for (let e = 0; e < 8; e++) note(t0 + e * tpq / 2, 9, 42, 70, tpq / 8);
  }
  events.sort((a, b) => a[0] - b[0]);
  const bytes = [];
  const vlq = (v) => { const out = [v & 0x7f]; while ((v >>= 7)) out.unshift((v & 0x7f) | 0x80); return out; };
  const uspq = Math.round(60e6 / bpm);
  bytes.push(0, 0xff, 0x51, 3, (uspq >> 16) & 0xff, (uspq >> 8) & 0xff, uspq & 0xff);
  let last = 0;
  for (const [t, msg] of events) { bytes.push(...vlq(t - last), ...msg); last = t; }
  bytes.push(...vlq(tpq), 0xff, 0x2f, 0);
  const header = [0x4d, 0x54, 0x68, 0x64, 0, 0, 0, 6, 0, 0, 0, 1, (tpq >> 8) & 0xff, tpq & 0xff];
  const len = bytes.length;
  return Buffer.from([...header, 0x4d, 0x54, 0x72, 0x6b, (len >>> 24) & 0xff, (len >> 16) & 0xff, (len >> 8) & 0xff, len & 0xff, ...bytes]);
}

// ---------------------------------------------------------------- measurements
const engine = new Map();
for (const line of run('java', ['-cp', process.env.HOPPER_CLASSPATH, 'dev.hopper.jobs.audio.engine.AnalyzeCommand', ...items.map((i) => i.file)]).trim().split('\n')) {
  const r = JSON.parse(line); engine.set(r.file, r.result ?? r.error);
}
const num = (text, re) => { const m = text.match(re); return m ? Number(m[1]) : NaN; };
function ffmpegLoudness(f) {
  const out = stderrOf('ffmpeg', ['-nostats', '-hide_banner', '-i', f, '-filter_complex', 'ebur128=peak=true', '-f', 'null', '-']);
  const summary = out.slice(out.lastIndexOf('Summary:'));
  return { i: num(summary, /I:\s+(-?[\d.]+) LUFS/), lra: num(summary, /LRA:\s+(-?[\d.]+) LU/), tp: num(summary, /Peak:\s+(-?[\d.inf]+) dBFS/) };
}
function ffmpegZcr(f) {
  const out = stderrOf('ffmpeg', ['-nostats', '-hide_banner', '-i', f, '-ac', '1', '-af', 'astats', '-f', 'null', '-']);
  return num(out, /Zero crossings rate:\s+([\d.e-]+)/);
}
function soxStats(f) {
  const out = stderrOf('sox', [f, '-n', 'stats']);
  return { rms: num(out, /RMS lev dB\s+(-?[\d.]+)/), peak: num(out, /Pk lev dB\s+(-?[\d.]+)/) };
}
function aubio(f) {
  const tempo = num(run('aubio', ['tempo', f]), /([\d.]+) bpm/);
  const onsets = run('aubio', ['onset', f]).trim().split('\n').filter(Boolean).length;
  const pitches = run('aubio', ['pitch', f]).trim().split('\n').map((l) => Number(l.split(/\s+/)[1])).filter((p) => p > 0).sort((a, b) => a - b);
  return { tempo, onsets, pitch: pitches.length ? pitches[Math.floor(pitches.length / 2)] : NaN };
}
function mono(f, rate = SR) {
  const raw = execFileSync('ffmpeg', ['-v', 'error', '-i', f, '-ac', '1', '-ar', String(rate), '-f', 'f32le', '-'], { maxBuffer: 1 << 30 });
  return new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4);
}
function essentiaOf(signal, wantRhythm, wantKey) {
  const out = {};
  const vector = essentia.arrayToVector(signal);
  if (wantRhythm) out.bpm = essentia.RhythmExtractor2013(vector, 208, 'multifeature', 40).bpm;
  if (wantKey) { const k = essentia.KeyExtractor(vector); out.key = k.key; out.scale = k.scale; }
  // centroid: 2048-sample Hann frames, hop 1024, magnitude spectrum, frames under -90 dBFS skipped (as the engine)
  // zero-crossing rate: the same frames, unwindowed, Essentia's ZeroCrossingRate
  let sum = 0; let n = 0; let meydaSum = 0; let zcrSum = 0;
  Meyda.bufferSize = 2048; Meyda.sampleRate = SR; Meyda.windowingFunction = 'hanning';
  for (let start = 0; start + 2048 <= signal.length; start += 1024) {
    const frame = signal.subarray(start, start + 2048);
    let e = 0; for (const x of frame) e += x * x;
    if (10 * Math.log10(e / 2048 + 1e-30) < -90) continue;
    const fv = essentia.arrayToVector(frame);
    zcrSum += essentia.ZeroCrossingRate(fv).zeroCrossingRate;
    const w = essentia.Windowing(fv, true, 2048, 'hann', 0, false).frame;
    const spectrum = essentia.Spectrum(w, 2048).spectrum;
    sum += essentia.Centroid(spectrum, SR / 2).centroid; n++;
    meydaSum += Meyda.extract('spectralCentroid', Float32Array.from(frame)) * SR / 2048;
    fv.delete(); w.delete(); spectrum.delete();
  }
  vector.delete();
  out.centroid = sum / n; out.meydaCentroid = meydaSum / n; out.zcr = zcrSum / n;
  return out;
}

const rows = [];
for (const item of items) {
  const e = engine.get(item.file);
  const name = path.basename(item.file);
  if (!e || e.code) { rows.push({ name, item, error: e?.code ?? 'missing' }); continue; }
  const rhythmic = item.bpm !== undefined; const tonal = item.key !== undefined;
  const signal = mono(item.file);
  rows.push({ name, item, e, ff: ffmpegLoudness(item.file), zcr: ffmpegZcr(item.file), sox: soxStats(item.file),
    aubio: aubio(item.file), ess: essentiaOf(signal, rhythmic, tonal) });
  process.stderr.write('.');
}
process.stderr.write('\n');

// ---------------------------------------------------------------- tables
const f2 = (x, d = 2) => (x === null || x === undefined || Number.isNaN(x)) ? '–' : Number(x).toFixed(d);
const measured = rows.filter((r) => r.e);
const maxAbs = (list) => Math.max(...list.filter((x) => Number.isFinite(x)).map(Math.abs));
const lufsDiffs = measured.filter((r) => r.e.loudness.integratedLufs !== null && Number.isFinite(r.ff.i)).map((r) => r.e.loudness.integratedLufs - r.ff.i);
const lraDiffs = measured.filter((r) => r.e.loudness.loudnessRangeLu !== null && Number.isFinite(r.ff.lra)).map((r) => r.e.loudness.loudnessRangeLu - r.ff.lra);
const tpDiffs = measured.filter((r) => Number.isFinite(r.ff.tp)).map((r) => r.e.loudness.truePeakDbtp - r.ff.tp);
const rmsDiffs = measured.map((r) => r.e.loudness.rmsDbfs - r.sox.rms);
const peakDiffs = measured.map((r) => r.e.loudness.peakDbfs - r.sox.peak);
// astats counts over the whole file, silences included: comparable on steady signals only
const steady = measured.filter((r) => r.item.group === 'sine' || r.item.group === 'noise');
const zcrRel = steady.filter((r) => r.zcr > 0).map((r) => r.e.spectral.zeroCrossingRate.mean / r.zcr - 1);
// per second, since Essentia reads every file resampled to SR
const zcrEssRel = measured.filter((r) => r.ess.zcr > 0).map((r) => (r.e.spectral.zeroCrossingRate.mean * r.e.sampleRate) / (r.ess.zcr * SR) - 1);
const centroidRel = measured.map((r) => r.e.spectral.centroidHz.mean / r.ess.centroid - 1);
const meydaRel = measured.map((r) => r.e.spectral.centroidHz.mean / r.ess.meydaCentroid - 1);
const within = (list, tol) => `${list.filter((d) => Math.abs(d) <= tol).length}/${list.length}`;

console.log(`Material: ${items.length} files (${Object.entries(items.reduce((a, i) => ({ ...a, [i.group]: (a[i.group] ?? 0) + 1 }), {})).map(([g, n]) => `${n} ${g}`).join(', ')}).\n`);
console.log('| measure | reference | files | max abs diff | within target | target |');
console.log('|---|---|---|---|---|---|');
console.log(`| integrated loudness | ffmpeg ebur128 | ${lufsDiffs.length} | ${f2(maxAbs(lufsDiffs))} LU | ${within(lufsDiffs, 0.1)} | 0.1 LU |`);
console.log(`| loudness range | ffmpeg ebur128 | ${lraDiffs.length} | ${f2(maxAbs(lraDiffs))} LU | ${within(lraDiffs, 1.0)} | (1 LU, ours) |`);
console.log(`| true peak | ffmpeg ebur128 | ${tpDiffs.length} | ${f2(maxAbs(tpDiffs))} dB | ${within(tpDiffs, 0.5)} | (0.5 dB, ours) |`);
console.log(`| RMS | sox stats | ${rmsDiffs.length} | ${f2(maxAbs(rmsDiffs), 3)} dB | ${within(rmsDiffs, 0.05)} | 0.05 dB |`);
console.log(`| peak | sox stats | ${peakDiffs.length} | ${f2(maxAbs(peakDiffs), 3)} dB | ${within(peakDiffs, 0.05)} | 0.05 dB |`);
console.log(`| zero-crossing rate | Essentia ZeroCrossingRate (2048/1024) | ${zcrEssRel.length} | ${f2(100 * maxAbs(zcrEssRel), 1)} % | ${within(zcrEssRel, 0.05)} | (5 %, ours) |`);
console.log(`| zero-crossing rate, steady signals | ffmpeg astats (whole file) | ${zcrRel.length} | ${f2(100 * maxAbs(zcrRel), 1)} % | ${within(zcrRel, 0.05)} | (5 %, ours) |`);
console.log(`| spectral centroid | Essentia (2048/1024 Hann) | ${centroidRel.length} | ${f2(100 * maxAbs(centroidRel), 1)} % | ${within(centroidRel, 0.10)} | 10 % |`);
console.log(`| spectral centroid | Meyda (2048/1024 Hann) | ${meydaRel.length} | ${f2(100 * maxAbs(meydaRel), 1)} % | ${within(meydaRel, 0.10)} | second opinion |`);

const rhythmic = measured.filter((r) => r.item.bpm !== undefined);
const judge = (bpm, truth) => {
  if (!Number.isFinite(bpm)) return 'none';
  for (const [ratio, label] of [[1, 'ok'], [0.5, 'half'], [2, 'double'], [1 / 3, 'third'], [3, 'triple'], [2 / 3, '2/3'], [1.5, '3/2']]) {
    if (Math.abs(bpm / (truth * ratio) - 1) <= 0.04) return label;
  }
  return 'wrong';
};
const tally = (key) => rhythmic.reduce((a, r) => { const j = judge(key(r), r.item.bpm); a[j] = (a[j] ?? 0) + 1; return a; }, {});
const tallyText = (t) => `${t.ok ?? 0}/${rhythmic.length} (${(100 * (t.ok ?? 0) / rhythmic.length).toFixed(0)} %) | ${t.half ?? 0} | ${t.double ?? 0} | ${Object.entries(t).filter(([k]) => !['ok', 'half', 'double'].includes(k)).map(([k, v]) => `${v} ${k}`).join(', ') || '0'}`;
console.log('\n| tempo (within 4 % of the known tempo) | right | half | double | other |');
console.log('|---|---|---|---|---|');
console.log(`| Hopper | ${tallyText(tally((r) => r.e.rhythm.bpm ?? NaN))} |`);
console.log(`| Essentia RhythmExtractor2013 | ${tallyText(tally((r) => r.ess.bpm))} |`);
console.log(`| aubio tempo | ${tallyText(tally((r) => r.aubio.tempo))} |`);

const tonalRows = measured.filter((r) => r.item.key !== undefined);
const keyRight = (k, s, r) => k === r.item.key && s === r.item.scale;
const ours = tonalRows.filter((r) => keyRight(r.e.tonal.key, r.e.tonal.scale, r)).length;
const theirs = tonalRows.filter((r) => keyRight(r.ess.key, r.ess.scale, r)).length;
console.log('\n| key and scale | right |');
console.log('|---|---|');
console.log(`| Hopper | ${ours}/${tonalRows.length} |`);
console.log(`| Essentia KeyExtractor (bgate) | ${theirs}/${tonalRows.length} |`);

console.log('\n| file | LUFS Hopper / ffmpeg | RMS Hopper / sox | BPM truth / Hopper / Essentia / aubio | key truth / Hopper / Essentia | centroid Hopper / Essentia Hz | pitch Hopper / aubio Hz | onsets/s Hopper / aubio |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  if (!r.e) { console.log(`| ${r.name} | error ${r.error} |||||||`); continue; }
  const dur = r.e.durationSec;
  console.log(`| ${r.name} | ${f2(r.e.loudness.integratedLufs)} / ${f2(r.ff.i, 1)} | ${f2(r.e.loudness.rmsDbfs)} / ${f2(r.sox.rms)} | ${r.item.bpm ? `${f2(r.item.bpm, 1)} / ${f2(r.e.rhythm.bpm, 1)} / ${f2(r.ess.bpm, 1)} / ${f2(r.aubio.tempo, 1)}` : '–'} | ${r.item.key ? `${r.item.key} ${r.item.scale} / ${r.e.tonal.key} ${r.e.tonal.scale} / ${r.ess.key} ${r.ess.scale}` : '–'} | ${f2(r.e.spectral.centroidHz.mean, 0)} / ${f2(r.ess.centroid, 0)} | ${f2(r.e.pitch.medianHz, 1)} / ${f2(r.aubio.pitch, 1)} | ${f2(r.e.rhythm.onsetRatePerSec)} / ${f2(r.aubio.onsets / dur)} |`);
}
