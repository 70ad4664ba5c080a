#!/usr/bin/env python3
"""Writes attention.wav: the kiosk's sound for a page that needs the operator.

Two short rising tones (660 Hz then 880 Hz, 0.12 s each, soft attack and release), 16-bit
mono at 22050 Hz: audible over a scanner's noise without being alarming.
Run: python3 make_attention_wav.py  (writes attention.wav beside this file)
"""
import math
import os
import struct
import wave

RATE = 22050


def tone(freq, seconds, volume=0.45):
    n = int(RATE * seconds)
    ramp = int(RATE * 0.015)
    for i in range(n):
        envelope = min(1.0, i / ramp, (n - i) / ramp)
        yield volume * envelope * math.sin(2 * math.pi * freq * i / RATE)


def main():
    samples = list(tone(660, 0.12)) + [0.0] * int(RATE * 0.03) + list(tone(880, 0.12))
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "attention.wav")
    with wave.open(path, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(b"".join(struct.pack("<h", int(s * 32767)) for s in samples))


if __name__ == "__main__":
    main()
