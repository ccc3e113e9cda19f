#!/usr/bin/env python3
"""Prints strace's own x86_64 ioctl table as `NAME VALUE` lines for src/main/resources/io/jstrace/xlat/ioctl_requests.xlat.

strace compiles its ioctl names (generated from the kernel's uapi headers) into arrays of
{const char *name; unsigned code;}, one per personality, sorted by code. In a PIE binary each
name pointer is an R_X86_64_RELATIVE relocation, so the arrays are runs of 16-byte entries whose
first word is relocated to a string. The 64-bit array is the run that holds FS_IOC_GETFLAGS with
a long-sized code (0x80086601). Usage: tools/ioctl-requests-from-strace.py [/usr/bin/strace]
"""
import re
import struct
import subprocess
import sys

binary = sys.argv[1] if len(sys.argv) > 1 else "/usr/bin/strace"
data = open(binary, "rb").read()
relocated = {}
for line in subprocess.run(["readelf", "-r", "-W", binary], capture_output=True, text=True, check=True).stdout.splitlines():
    f = line.split()
    if len(f) >= 4 and f[2] == "R_X86_64_RELATIVE":
        relocated[int(f[0], 16)] = int(f[3], 16)

# strace's sections sit at file offset == virtual address, so addresses index the file directly.
IDENT = re.compile(rb"[A-Z_][A-Z0-9_]*\0")


def name_at(entry):
    target = relocated.get(entry)
    if target is None or target >= len(data):
        return None
    m = IDENT.match(data, target)
    return m.group()[:-1].decode() if m else None


def run_around(entry):
    start, end = entry, entry
    while name_at(start - 16):
        start -= 16
    while name_at(end + 16):
        end += 16
    return start, end


needle = data.index(b"\0FS_IOC_GETFLAGS\0") + 1
for entry in (e for e, t in relocated.items() if t == needle):
    if struct.unpack_from("<I", data, entry + 8)[0] != 0x80086601:
        continue
    start, end = run_around(entry)
    codes = []
    for e in range(start, end + 16, 16):
        codes.append((struct.unpack_from("<I", data, e + 8)[0], name_at(e)))
    # Two personalities' arrays may touch; the 64-bit one is the sorted run around the needle.
    i = next(k for k, (_, n) in enumerate(codes) if n == "FS_IOC_GETFLAGS")
    lo = i
    while lo > 0 and codes[lo - 1][0] <= codes[lo][0]:
        lo -= 1
    hi = i
    while hi + 1 < len(codes) and codes[hi + 1][0] >= codes[hi][0]:
        hi += 1
    width = max(len(n) for _, n in codes[lo:hi + 1])
    for code, name in codes[lo:hi + 1]:
        print(f"{name:<{width}} {code:#x}")
    sys.exit(0)
sys.exit("ioctl-requests-from-strace: no 64-bit ioctl table found in " + binary)
