#!/usr/bin/env python3
"""Prints one of strace 6.1's x86_64 syscall tables (a personality) as the rows of
src/main/resources/io/jstrace/syscalls/PERSONALITY.tsv: NUMBER NAME NARGS CLASSES FLAGS -
(the signature column, jstrace's own, is left '-').

strace keeps each personality's table as rows `[NR] = { NARGS, FLAGS, SEN(func), "name" },` in
src/linux/ARCH/syscallent.h and the files it includes (numbers may be written `BASE_NR + n` or
`SYS_socket_subcall + n`). This reads those rows from a strace git repository at a tag and maps
the flags to jstrace's class and flag words; the others (NF, MA, CST, CC) are dropped. Usage: tools/syscall-table-from-strace.py STRACE_GIT TAG PERSONALITY
(PERSONALITY: x86_64, i386 or x32; e.g. /work/.mirror/strace+strace/repo v6.1 i386).
"""
import os
import re
import subprocess
import sys

CLASSES = {  # strace's sysent flags, in the order the TSV lists them
    "TD": "desc", "TF": "file", "TI": "ipc", "TN": "network", "TP": "process", "TS": "signal",
    "TM": "memory", "TST": "stat", "TLST": "lstat", "TFST": "fstat", "TSTA": "stat_like",
    "TSF": "statfs", "TFSF": "fstatfs", "TSFA": "statfs_like", "PU": "pure", "TC": "creds",
    "TCL": "clock", "TSD": "seccomp_default", "TRACE_INDIRECT_SUBCALL": "indirect_subcall",
}
FLAGS = {"SE": "stack_at_entry", "SI": "maps"}
IGNORED = {"NF", "MA", "CST", "CC", "0"}
ROW = re.compile(r'^\[([^\]]+)\]\s*=\s*\{\s*(\d+),\s*([^,]*),\s*SEN\(\w+\),\s*"([^"]+)"\s*\},')

repo, tag, personality = sys.argv[1:4]


def show(path):
    r = subprocess.run(["git", "-C", repo, "show", f"{tag}:{path}"], capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else None


def read(path, defines, rows):
    skipping = []
    for line in show(path).splitlines():
        d = line.split()
        if line.startswith("#"):
            word = d[0].lstrip("#") or d[1]
            args = d[1:] if d[0] != "#" else d[2:]
            if word == "endif":
                skipping.pop()
            elif word == "ifndef":
                skipping.append(args[0] in defines)
            elif any(skipping):
                continue
            elif word == "define":
                defines[args[0]] = " ".join(args[1:])
            elif word == "undef":
                defines.pop(args[0], None)
            elif word == "include":
                name = args[0].strip('"')
                here = os.path.normpath(os.path.join(os.path.dirname(path), name))
                read(here if show(here) is not None else "src/linux/generic/" + name, defines, rows)
            continue
        if any(skipping):
            continue
        m = ROW.match(line)
        if m:
            number = eval(expand(m.group(1), defines))
            flags = [expand(f.strip(), defines) for f in m.group(3).split("|")]
            unknown = [f for f in flags if f not in CLASSES and f not in FLAGS and f not in IGNORED]
            if unknown:
                sys.exit(f"{path}: unknown flags {unknown} for {m.group(4)}")
            classes = [c for f, c in CLASSES.items() if f in flags]
            extra = [w for f, w in FLAGS.items() if f in flags]
            rows[number] = (m.group(4), int(m.group(2)), ",".join(classes) or "-", ",".join(extra) or "-")


def expand(text, defines):
    for _ in range(10):
        text = re.sub(r"[A-Za-z_]\w*", lambda w: defines.get(w.group(), w.group()), text)
    return text


rows = {}
read(f"src/linux/{personality}/syscallent.h", {}, rows)
for number in sorted(rows):
    name, nargs, classes, flags = rows[number]
    print(f"{number}\t{name}\t{nargs}\t{classes}\t{flags}\t-")
