#!/usr/bin/python3
"""Celery's time for a folder of small WAVs: the baseline of issue 17's batch row.

Debian's python3-celery (5.2) with the machine's RabbitMQ as broker and Redis for results,
two prefork workers; each task reads one WAV from disk and computes RMS, peak and a spectral
centroid. Prints one line: "celery: N tasks in S s". A Celery user passes paths and keeps
files apart; what is timed is "here are my files" to "all results".

    /usr/bin/python3 tools/benchmarks/celery/celery_batch.py FOLDER
"""
import glob
import os
import subprocess
import sys
import time
import wave

import numpy as np
from celery import Celery

QUEUE = "hopper-benchmark-celery"
app = Celery("celery_batch",
             broker=os.environ.get("CELERY_BROKER", "amqp://guest:guest@127.0.0.1:5672//"),
             backend=os.environ.get("CELERY_BACKEND", "redis://127.0.0.1:6379/15"))
app.conf.task_default_queue = QUEUE
app.conf.result_expires = 600


@app.task
def features(path):
    with wave.open(path) as sound:
        rate = sound.getframerate()
        samples = np.frombuffer(sound.readframes(sound.getnframes()), dtype="<i2").astype(np.float64) / 32768.0
    spectrum = np.abs(np.fft.rfft(samples))
    frequencies = np.fft.rfftfreq(len(samples), 1.0 / rate)
    total = spectrum.sum()
    return {"rms": float(np.sqrt(np.mean(samples * samples))), "peak": float(np.max(np.abs(samples))),
            "centroid": float((spectrum * frequencies).sum() / total) if total > 0 else 0.0}


def main(folder):
    files = sorted(glob.glob(os.path.join(folder, "*.wav")))
    app.control.purge()
    worker = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "celery_batch", "worker", "--pool=prefork", "--concurrency=2",
         "-Q", QUEUE, "--loglevel=WARNING", "--without-gossip", "--without-mingle", "--without-heartbeat"],
        cwd=os.path.dirname(os.path.abspath(__file__)), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        features.delay(files[0]).get(timeout=120)  # the worker is up and warm
        started = time.monotonic()
        pending = [features.delay(path) for path in files]
        for result in pending:
            result.get(timeout=600)
        print(f"celery: {len(files)} tasks in {time.monotonic() - started:.3f} s", flush=True)
    finally:
        worker.terminate()
        worker.wait(timeout=30)


if __name__ == "__main__":
    main(sys.argv[1])
