"""The real-world suite's CPython workload: read a text, compute with much of the standard
library (regular expressions, hashing, zlib, decimal, fractions, floating point, random with a
seed, JSON), work with files and directories, and write the results as JSON."""
import collections
import decimal
import fractions
import hashlib
import json
import math
import os
import random
import re
import struct
import zlib

text = open("words.txt", encoding="utf-8").read()
words = re.findall(r"[a-z]+", text.lower())
print("words:", len(words), "distinct:", len(set(words)))
print("most common:", collections.Counter(words).most_common(8))
print("sha256(words.txt) =", hashlib.sha256(text.encode()).hexdigest())
print("sha1 =", hashlib.sha1(text.encode()).hexdigest(), "md5 =", hashlib.md5(text.encode()).hexdigest())
packed = zlib.compress(text.encode(), 9)
print("zlib:", len(text), "->", len(packed), "crc32", zlib.crc32(packed), "adler32", zlib.adler32(packed))
assert zlib.decompress(packed).decode() == text


def primes(n):
    sieve = bytearray([1]) * n
    sieve[0:2] = b"\0\0"
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = bytearray(len(range(i * i, n, i)))
    return [i for i, v in enumerate(sieve) if v]


ps = primes(200000)
print("primes below 200000:", len(ps), "last", ps[-1])

decimal.getcontext().prec = 60


def arctan_inv(x):
    x = decimal.Decimal(x)
    total, term, n, sign = decimal.Decimal(0), 1 / x, 1, 1
    while term > decimal.Decimal(10) ** -65:
        total += sign * term / n
        term /= x * x
        n += 2
        sign = -sign
    return total


pi = 4 * (4 * arctan_inv(5) - arctan_inv(239))
print("pi =", pi)
harmonic = sum(fractions.Fraction(1, k) for k in range(1, 301))
print("H(300) ~", harmonic.limit_denominator(10 ** 12), "digits:", len(str(harmonic.numerator)))
print("sin:", [f"{math.sin(x / 7):.17g}" for x in range(6)])
print("exp/log:", f"{math.exp(math.pi):.17g}", f"{math.log(10):.17g}", f"{math.atan2(-1, -3):.17g}")
print("zeta(2) ~", math.fsum(1 / k ** 2 for k in range(1, 200000)))
print("struct:", struct.pack("<dqI", math.pi, -2 ** 40, 0xDEADBEEF).hex())
rng = random.Random(12345)
deck = list(range(52))
rng.shuffle(deck)
print("shuffle:", deck[:13], "gauss:", f"{rng.gauss(0, 1):.17g}")


def mandelbrot(w, h, limit=60):
    rows = []
    for y in range(h):
        row = []
        for x in range(w):
            c = complex(-2.2 + 3.0 * x / w, -1.2 + 2.4 * y / h)
            z, n = 0j, 0
            while abs(z) <= 2 and n < limit:
                z, n = z * z + c, n + 1
            row.append(" .:-=+*#%@"[n % 10])
        rows.append("".join(row))
    return rows


art = mandelbrot(72, 24)
print("\n".join(art))

os.makedirs("out/parts", exist_ok=True)
for i, chunk in enumerate(words[i:i + 300] for i in range(0, len(words), 300)):
    with open(f"out/parts/{i:03d}.txt", "w") as f:
        f.write(" ".join(chunk) + "\n")
os.rename("out/parts/000.txt", "out/first.txt")
os.remove("out/parts/001.txt")
sizes = {name: os.stat(os.path.join("out/parts", name)).st_size for name in sorted(os.listdir("out/parts"))}
print("parts:", sizes)
print("listing:", sorted(os.listdir(".")), sorted(os.listdir("out")))

results = {
    "words": len(words),
    "top": collections.Counter(words).most_common(20),
    "primes": [len(ps), ps[-10:]],
    "pi": str(pi),
    "mandelbrot": art,
    "parts": sizes,
}
with open("results.json", "w") as f:
    json.dump(results, f, indent=1, sort_keys=True)
print("wrote results.json:", os.path.getsize("results.json"), "bytes")
