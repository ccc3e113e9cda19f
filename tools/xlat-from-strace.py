#!/usr/bin/env python3
"""Writes xlat data files from strace 6.1's src/xlat/NAME.in lists, with this machine's header values.

usage: tools/xlat-from-strace.py [--repo GITDIR] [--out DIR] NAME...

strace's lists give the names (and, for names the headers may lack, a fallback value); the
values come from the installed headers, through a C program that includes NETLINK_HEADERS and
prints each name as a C expression. A name no header declares takes the list's fallback value
and is reported, so it can be listed in XlatHeadersTest's NOT_IN_HEADERS. Entry order is the
list's order (strace's printflags and printxval depend on it). NETLINK_HEADERS is the include
list XlatHeadersTest checks these tables with.
"""
import os
import re
import subprocess
import sys
import tempfile

NETLINK_HEADERS = open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "test", "resources", "io", "jstrace", "xlat", "netlink-headers.h")).read()

IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*$")


def entries(repo, name):
    text = subprocess.run(["git", "-C", repo, "show", f"v6.1:src/xlat/{name}.in"], check=True,
                          capture_output=True, text=True).stdout
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    out = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split(None, 1)
        out.append((parts[0], parts[1].strip() if len(parts) > 1 else None))
    return out


def values(es, fallbacks, prelude):
    """name -> value, and the names no header declares. A name that is an expression of
    identifiers no header declares (1<<TCP_LISTEN) uses their fallback values from any list
    given, as strace's own definitions do; {@code prelude} collects those definitions."""
    missing = set()
    while True:
        body = []
        for i, (n, fallback) in enumerate(es):
            expr = fallback if n in missing else n
            if expr is None:
                sys.exit(f"{n}: in no header and no fallback value")
            body.append(f'    printf("%d %lld\\n", {i}, (long long) ({expr}));')
        src = NETLINK_HEADERS + "".join(f"#define {k} ({v})\n" for k, v in prelude.items()) + "\nint main(void) {\n" + "\n".join(body) + "\n    return 0;\n}\n"
        with tempfile.TemporaryDirectory() as d:
            c, exe = os.path.join(d, "x.c"), os.path.join(d, "x")
            open(c, "w").write(src)
            r = subprocess.run(["gcc", "-w", "-o", exe, c], capture_output=True, text=True)
            if r.returncode != 0:
                bad = set(re.findall(r"[‘']([A-Za-z_][A-Za-z0-9_]*)[’'] undeclared", r.stderr))
                defined = {b for b in bad if b in fallbacks and b not in prelude
                           and not any(n == b for n, _ in es)}
                if defined:
                    prelude.update({b: fallbacks[b] for b in defined})
                    continue
                new = {n for n, _ in es if n not in missing and any(re.search(rf"\b{b}\b", n) for b in bad)}
                if not new:
                    sys.exit(r.stderr)
                missing |= new
                continue
            got = subprocess.run([exe], check=True, capture_output=True, text=True).stdout.split("\n")
        vals = {}
        for line in got:
            if line:
                i, v = line.split()
                vals[int(i)] = int(v)
        return vals, missing | {n for n, _ in es if n in prelude}


def main():
    args = sys.argv[1:]
    repo, out = "/work/.mirror/strace+strace/repo", "src/main/resources/io/jstrace/xlat"
    while args and args[0].startswith("--"):
        if args[0] == "--repo":
            repo = args[1]
        elif args[0] == "--out":
            out = args[1]
        args = args[2:]
    if not args:
        sys.exit(__doc__.strip())
    tables = {name: entries(repo, name) for name in args}
    fallbacks = {n: v for es in tables.values() for n, v in es if v is not None and IDENT.match(n)}
    prelude = {}
    for name in args:
        es = tables[name]
        vals, missing = values(es, fallbacks, prelude)
        width = max(len(n) for n, _ in es)
        lines = [f"# {name}: strace 6.1 src/xlat/{name}.in, x86_64 values; checked against netlink-headers.h.", "# NAME VALUE"]
        for i, (n, _) in enumerate(es):
            v = vals[i]
            lines.append(f"{n.ljust(width)} {v if v >= 0 else v}")
        with open(os.path.join(out, name + ".xlat"), "w") as f:
            f.write("\n".join(lines) + "\n")
        if missing:
            print(f"{name}: not in headers: {' '.join(sorted(missing))}")


main()
