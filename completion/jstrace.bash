# bash completion for jstrace: options, their values, then the traced command.
#
# Source it (". completion/jstrace.bash") or install it where bash-completion looks
# (bin/install puts it in PREFIX/share/bash-completion/completions/jstrace). It needs no
# bash-completion functions; where bash-completion is loaded, the traced command's own
# arguments are completed by its completion (_command_offset).
#
# Syscall names come from jstrace's syscall table, read when first needed: beside this file in
# a checkout (src/main/resources/...), or in the installed lib/jstrace folder.

_jstrace_dir=${BASH_SOURCE[0]%/*}

# Every option, as typed. CompletionTest checks that it holds every option the parser accepts.
_jstrace_short='-A -a -b -C -c -D -d -E -e -F -f -h -I -i -k -n -O -o -P -p -q -r -S -s -T -t -U -u -V -v -w -X -x -Y -y -Z -z'
_jstrace_long='--abbrev= --absolute-timestamps --absolute-timestamps= --attach= --backend= --color --color=
  --colour --colour= --columns= --const-print-style= --daemonised --daemonised= --daemonize --daemonize=
  --daemonized --daemonized= --debug --decode-fds --decode-fds= --decode-pids= --detach-on= --env=
  --failed-only --failing-only --fault= --follow-forks --help --inject= --instruction-pointer --interruptible=
  --json --kill-on-exit --kvm= --no-abbrev --no-seccomp-bpf --output-append-mode --output-separately --output=
  --pidns-translation --quiet --quiet= --raw= --read= --relative-timestamps --relative-timestamps=
  --seccomp-bpf --seccomp-policy= --seccomp-profile-args --seccomp-profile-base= --seccomp-profile= --secontext
  --secontext= --signals= --silence --silence= --silent --silent= --stack-traces --status= --string-limit=
  --strings-in-hex --strings-in-hex= --successful-only --summary --summary-columns= --summary-only
  --summary-sort-by= --summary-syscall-overhead= --summary-wall-clock --syscall-limit= --syscall-number
  --syscall-times --syscall-times= --timeline= --timestamps --timestamps= --tips --tips= --trace-path= --trace=
  --user= --verbose= --version --write='

# Short options that take a value, and long options whose value may be the next word.
_jstrace_short_values='abeEIoOpPsSuUX'
_jstrace_long_values=' --abbrev --attach --backend --columns --const-print-style --detach-on --env --fault --inject
  --interruptible --output --raw --read --seccomp-policy --seccomp-profile --seccomp-profile-base --signals
  --status --kvm --decode-pids --string-limit --summary-columns --summary-sort-by --summary-syscall-overhead
  --syscall-limit --timeline --trace
  --trace-path --user --verbose --write '

_jstrace_classes='%file %process %net %network %signal %ipc %desc %memory %creds %stat %lstat %fstat %%stat %statfs
  %fstatfs %%statfs %clock %pure'
_jstrace_qualifiers='trace= abbrev= verbose= raw= signal= read= write= fault= inject= status= quiet= decode-fds= kvm='

# The syscall names of jstrace's table, read once.
_jstrace_syscalls() {
  if [[ -z ${_jstrace_syscall_names-} ]]; then
    local tsv
    for tsv in "$_jstrace_dir/../src/main/resources/io/jstrace/syscalls/x86_64.tsv" \
               "$_jstrace_dir/../../../lib/jstrace/x86_64.tsv"; do
      if [[ -r $tsv ]]; then
        local nr name rest
        _jstrace_syscall_names=
        while IFS=$'\t' read -r nr name rest; do
          [[ $nr == [0-9]* ]] && _jstrace_syscall_names+=" $name"
        done < "$tsv"
        break
      fi
    done
  fi
  printf '%s' "${_jstrace_syscall_names-}"
}

# Candidates for one value of a comma-separated list; $1 is the list typed so far, $2.. the words.
_jstrace_list() {
  local typed=$1 head= w
  shift
  [[ $typed == *,* ]] && head=${typed%,*},
  local item=${typed##*,}
  local neg=
  [[ -z $head && $item == '!'* ]] && { neg='!'; item=${item#!}; }
  for w in "$@"; do
    [[ $w == "$item"* ]] && printf '%s\n' "$head$neg$w"
  done
}

# Candidates for the value $2 of option $1 (-e's qualifier included in $2 as trace=...).
_jstrace_values() {
  local opt=$1 val=$2
  case $opt in
    -e)
      if [[ $val != *=* ]]; then
        local q
        for q in $_jstrace_qualifiers; do [[ $q == "$val"* ]] && printf '%s\n' "$q"; done
        _jstrace_list "$val" $_jstrace_classes $(_jstrace_syscalls) all none
        return
      fi
      local key=${val%%=*}
      _jstrace_values "--$key" "${val#*=}" | sed "s|^|$key=|"
      ;;
    --trace|--t|--abbrev|--a|--verbose|--v|--raw|--x|--fault|--inject)
      if [[ $opt == --fault || $opt == --inject ]] && [[ $val == *:* ]]; then
        local set=${val%%:*} tail=${val#*:}
        local field=${tail##*:}
        local done=${tail%"$field"}
        local k
        case $field in
          error=*) for k in $(compgen -W "EPERM ENOENT EINTR EIO EBADF EAGAIN ENOMEM EACCES EFAULT EBUSY EEXIST ENODEV
                      ENOTDIR EISDIR EINVAL ENFILE EMFILE ENOSPC EROFS EPIPE ENOSYS ENOTEMPTY ETIMEDOUT" -- "${field#error=}")
                   do printf '%s\n' "$set:${done}error=$k"; done ;;
          signal=*) for k in $(compgen -A signal -- "${field#signal=}"); do printf '%s\n' "$set:${done}signal=$k"; done ;;
          syscall=*) for k in getpid getppid gettid getuid geteuid getgid getegid getpgrp; do
                       [[ $k == "${field#syscall=}"* ]] && printf '%s\n' "$set:${done}syscall=$k"; done ;;
          *) for k in error= retval= signal= syscall= delay_enter= delay_exit= when=; do
               [[ $k == "$field"* ]] && printf '%s\n' "$set:$done$k"; done ;;
        esac
        return
      fi
      _jstrace_list "$val" $_jstrace_classes $(_jstrace_syscalls) all none
      ;;
    --signal|--signals|--s) _jstrace_list "$val" $(compgen -A signal) all none ;;
    --status) _jstrace_list "$val" successful failed unfinished unavailable detached all none ;;
    --quiet|--silent|--silence|--q)
      _jstrace_list "$val" attach exit path-resolution personality thread-execve superseded all none ;;
    --decode-fds) _jstrace_list "$val" path socket dev pidfd all none ;;
    --read|--reads|--r|--write|--writes|--w) _jstrace_list "$val" 0 1 2 all none ;;
    --kvm) printf '%s\n' vcpu ;;
    -X|--const-print-style) compgen -W 'raw abbrev verbose' -- "$val" ;;
    --color|--colour) compgen -W 'always auto never yes no force tty if-tty none' -- "$val" ;;
    --backend) compgen -W 'ptrace bpf' -- "$val" ;;
    -S|--summary-sort-by)
      compgen -W 'time min-time max-time avg-time calls errors name nothing time-percent total-time shortest
        longest count error syscall none' -- "$val" ;;
    -U|--summary-columns)
      _jstrace_list "$val" time-percent total-time min-time max-time avg-time calls errors name ;;
    --absolute-timestamps|--timestamps)
      _jstrace_list "$val" format:none format:time format:unix precision:s precision:ms precision:us precision:ns ;;
    --relative-timestamps|--syscall-times) compgen -W 's ms us ns' -- "$val" ;;
    -I|--interruptible) compgen -W '1 2 3 4 anywhere waiting never never_tstp' -- "$val" ;;
    -b|--detach-on) compgen -W 'execve' -- "$val" ;;
    -p|--attach)
      local p
      for p in /proc/[0-9]*; do [[ ${p#/proc/} == "$val"* ]] && printf '%s\n' "${p#/proc/}"; done ;;
    -u|--user) compgen -u -- "$val" ;;
    -E|--env) compgen -e -- "$val" ;;
  esac  # file names (-o, -P, --timeline, --seccomp-*): none here, bash's default completes them
}

_jstrace() {
  local line=${COMP_LINE:0:COMP_POINT}
  [[ -n $COMP_LINE ]] || line="${COMP_WORDS[*]:0:COMP_CWORD+1}"
  local -a words
  read -ra words <<< "$line"
  local cur=
  if [[ $line != *[[:space:]] && ${#words[@]} -gt 1 ]]; then
    cur=${words[-1]}
    unset 'words[-1]'
  fi
  # Walk the words before the current one: an option's value pending, or where the command starts.
  local i=1 pending= cmd= w j
  while (( i < ${#words[@]} )); do
    w=${words[i]}
    if [[ -n $pending ]]; then
      pending=
    elif [[ $w == -- ]]; then
      cmd=$(( i + 1 )); break
    elif [[ $w == --* ]]; then
      [[ $w != *=* && $_jstrace_long_values == *" $w "* ]] && pending=$w
    elif [[ $w == -?* ]]; then
      for (( j = 1; j < ${#w}; j++ )); do
        if [[ $_jstrace_short_values == *"${w:j:1}"* ]]; then
          (( j == ${#w} - 1 )) && pending=-${w:j:1}
          break
        fi
      done
    else
      cmd=$i; break
    fi
    (( i++ ))
  done

  local -a cands=()
  if [[ -n $cmd ]] && (( cmd < ${#words[@]} )); then
    # The command's arguments: its own completion if bash-completion is there, else bash's default.
    if declare -F _command_offset > /dev/null; then
      local k
      for (( k = cmd; k <= COMP_CWORD; k++ )); do
        [[ ${COMP_WORDS[k]} == "${words[cmd]}" ]] && { _command_offset "$k"; return; }
      done
    fi
    COMPREPLY=()
    return
  elif [[ -n $cmd ]]; then
    mapfile -t cands < <(compgen -c -- "$cur" | sort -u)
  elif [[ -n $pending ]]; then
    mapfile -t cands < <(_jstrace_values "$pending" "$cur")
  elif [[ $cur == --*=* ]]; then
    local opt=${cur%%=*}
    mapfile -t cands < <(_jstrace_values "$opt" "${cur#*=}" | sed "s|^|$opt=|")
  elif [[ $cur == -e?* ]]; then
    mapfile -t cands < <(_jstrace_values -e "${cur#-e}" | sed 's|^|-e|')
  elif [[ $cur == -* ]]; then
    local o
    for o in $_jstrace_short $_jstrace_long; do [[ $o == "$cur"* ]] && cands+=("$o"); done
  else
    mapfile -t cands < <(compgen -c -- "$cur" | sort -u)
  fi

  # bash replaces only what follows the last word-break character (= and : among them).
  local breaks=${COMP_WORDBREAKS-$' \t\n"\'><=;|&(:'}
  local cut=${cur%[$breaks]*}
  if [[ $cut == "$cur" ]]; then cut=; else cut=${cur:0:${#cut}+1}; fi
  COMPREPLY=()
  local c
  for c in "${cands[@]}"; do
    [[ -n $c && $c == "$cur"* ]] && COMPREPLY+=("${c#"$cut"}")
  done
  # No space after an option that wants its value attached, or a list that may go on.
  if [[ ${#COMPREPLY[@]} -eq 1 && ${COMPREPLY[0]} == *[=,:] ]]; then
    compopt -o nospace 2> /dev/null
  fi
}

complete -F _jstrace -o bashdefault -o default jstrace
