"""Runs a command under the filter libseccomp builds for a seccomp profile, as runc 1.1 builds it.

usage: libseccomp_run.py PROFILE.json COMMAND [ARG...]
       libseccomp_run.py --pfc PROFILE.json CALL...


The profile is OCI's linux.seccomp (defaultAction, defaultErrnoRet, syscalls[] with names,
action, errnoRet, args). As runc's matchCall: rules whose action is the default action are
skipped, names libseccomp does not know are skipped, conditions on distinct arguments form one
rule, and when an argument is tested twice each condition is a rule of its own. Exits 125 when
libseccomp refuses the profile (runc would fail to start the container).

With --pfc it runs nothing: it evaluates each CALL (NR[,ARG...], as seccall takes them) on the
filter as libseccomp describes it in its pseudo filter code (export_pfc, written from its rule
tree rather than from the BPF) and prints what seccall would print under that filter: the
call, then "ok" or the errno's name. That is libseccomp's meaning of the profile, against which
its BPF can be checked too.
"""
import errno
import json
import os
import re
import sys
import tempfile

import seccomp

OPS = {"SCMP_CMP_NE": seccomp.NE, "SCMP_CMP_LT": seccomp.LT, "SCMP_CMP_LE": seccomp.LE, "SCMP_CMP_EQ": seccomp.EQ,
       "SCMP_CMP_GE": seccomp.GE, "SCMP_CMP_GT": seccomp.GT, "SCMP_CMP_MASKED_EQ": seccomp.MASKED_EQ}


def action(name, errno):
    return {"SCMP_ACT_ALLOW": lambda: seccomp.ALLOW, "SCMP_ACT_ERRNO": lambda: seccomp.ERRNO(errno),
            "SCMP_ACT_TRACE": lambda: seccomp.TRACE(errno), "SCMP_ACT_LOG": lambda: seccomp.LOG,
            "SCMP_ACT_TRAP": lambda: seccomp.TRAP, "SCMP_ACT_KILL": lambda: seccomp.KILL,
            "SCMP_ACT_KILL_THREAD": lambda: seccomp.KILL, "SCMP_ACT_KILL_PROCESS": lambda: seccomp.KILL_PROCESS}[name]()


def build(path):
    profile = json.load(open(path))
    default = action(profile["defaultAction"], profile.get("defaultErrnoRet") or 1)
    f = seccomp.SyscallFilter(defaction=default)
    try:
        for entry in profile.get("syscalls") or []:
            act = action(entry["action"], entry.get("errnoRet") or 1)
            if act == default:
                continue
            args = entry.get("args") or []
            conds = [seccomp.Arg(a["index"], OPS[a["op"]], a.get("value", 0), a.get("valueTwo", 0)) for a in args]
            split = len({a["index"] for a in args}) < len(args)
            for name in entry["names"]:
                try:
                    if seccomp.resolve_syscall(seccomp.Arch.NATIVE, name) == -1:  # __NR_SCMP_ERROR
                        continue
                except ValueError:
                    continue
                for rule in ([[c] for c in conds] if split else [conds]):
                    f.add_rule(act, name, *rule)
    except (OSError, RuntimeError, ValueError) as e:
        print("libseccomp refused the profile:", e, file=sys.stderr)
        sys.exit(125)
    return f


def pfc_tree(f):
    """The x86_64 part of the pseudo filter code as nested [indent, text, body, else_body] statements."""
    with tempfile.TemporaryFile() as t:
        f.export_pfc(t)
        t.seek(0)
        lines = [(len(l) - len(l.lstrip()), l.strip()) for l in t.read().decode().splitlines()
                 if l.strip() and not l.strip().startswith("#")]

    def block(i, indent):
        out = []
        while i < len(lines) and lines[i][0] >= indent:
            ind, text = lines[i]
            if text == "else":
                out[-1][3], i = block(i + 1, ind + 1)
                continue
            stmt = [ind, text, [], []]
            stmt[2], i = block(i + 1, ind + 1)
            out.append(stmt)
        return out, i

    return block(0, 0)[0]


def holds(cond, args):
    m = re.fullmatch(r"\$a(\d)\.(hi32|lo32)( & 0x([0-9a-f]+))? (==|>=|>) (\d+)", cond)
    a = args[int(m.group(1))]
    word = a >> 32 if m.group(2) == "hi32" else a & 0xffffffff
    if m.group(4):
        word &= int(m.group(4), 16)
    v = int(m.group(6))
    return {"==": word == v, ">=": word >= v, ">": word > v}[m.group(5)]


def run(stmts, nr, args):
    for ind, text, body, other in stmts:
        if text.startswith("action "):
            return text[len("action "):-1]
        cond = text[len("if ("):-1]
        if cond.startswith("$arch"):
            ok = cond == "$arch == %d" % 0xc000003e
        elif cond.startswith("$syscall"):
            ok = nr == int(cond.split()[-1])
        else:
            ok = holds(cond, args)
        result = run(body if ok else other, nr, args)
        if result:
            return result
    return None


def outcome(action):
    if action == "ALLOW":
        return "ok"
    m = re.fullmatch(r"ERRNO\((\d+)\)", action)
    return errno.errorcode[int(m.group(1))] if m else action


def main():
    if sys.argv[1] == "--pfc":
        tree = pfc_tree(build(sys.argv[2]))
        for call in sys.argv[3:]:
            nums = [int(x, 0) & 0xffffffffffffffff for x in call.split(",")] + [0] * 7
            print(call, outcome(run(tree, nums[0], nums[1:7])))
        return
    f = build(sys.argv[1])
    f.load()
    os.execv(sys.argv[2], sys.argv[2:])


main()
