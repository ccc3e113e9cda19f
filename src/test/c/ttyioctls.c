/*
 * Terminal ioctls on a pseudo-terminal pair, as a terminal program makes them: termios, termio
 * and termios2 get/set, window size, modem lines, queues, flushing, process groups; then the
 * same requests on a bad fd and with unreadable or NULL arguments; keyboard map entries (which
 * strace shows even under -e verbose=none).
 */
#define _GNU_SOURCE
#include <asm/termbits.h>
#include <fcntl.h>
#include <linux/kd.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void) {
    int m = open("/dev/ptmx", O_RDWR | O_NOCTTY);
    int unlock = 0, n = 0;
    ioctl(m, TIOCSPTLCK, &unlock);
    ioctl(m, TIOCGPTN, &n);
    int s = ioctl(m, TIOCGPTPEER, O_RDWR | O_NOCTTY);
    struct termios t;
    ioctl(s, TCGETS, &t);
    t.c_lflag &= ~(ICANON | ECHO);
    t.c_cc[VMIN] = 1;
    ioctl(s, TCSETSW, &t);
    struct termios2 t2;
    ioctl(s, TCGETS2, &t2);
    ioctl(s, TCSETS2, &t2);
    struct termio old;
    ioctl(s, TCGETA, &old);
    ioctl(s, TCSETA, &old);
    struct winsize w = {24, 80, 640, 480};
    ioctl(m, TIOCSWINSZ, &w);
    ioctl(s, TIOCGWINSZ, &w);
    int lines = TIOCM_DTR | TIOCM_RTS;
    ioctl(s, TIOCMBIS, &lines);
    ioctl(s, TIOCMGET, &lines);
    ioctl(s, FIONREAD, &n);
    ioctl(m, TIOCOUTQ, &n);
    ioctl(s, TCFLSH, TCIOFLUSH);
    ioctl(s, TCXONC, TCOON);
    ioctl(s, TCSBRK, 1);
    int on = 1;
    ioctl(m, FIONBIO, &on);
    ioctl(m, TIOCPKT, &on);
    ioctl(s, TIOCGPGRP, &n);
    ioctl(s, TIOCGSID, &n);
    ioctl(s, TIOCGETD, &n);
    ioctl(s, TIOCEXCL);
    ioctl(s, TIOCNXCL);
    ioctl(s, FIOCLEX);
    ioctl(s, 0x54ff, 7);

    char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    munmap(page, 4096);
    ioctl(-1, TCGETS, &t);
    ioctl(-1, TCSETS, &t);
    ioctl(-1, TCSETS, NULL);
    ioctl(-1, TCSETS, page);
    ioctl(-1, TIOCSWINSZ, page);
    ioctl(-1, TIOCMSET, &lines);
    lines = 0x7f0000;
    ioctl(-1, TIOCMSET, &lines);
    ioctl(-1, TIOCSTI, "x");
    ioctl(-1, TCXONC, 9);
    struct kbentry kb = {.kb_table = 1, .kb_index = 30, .kb_value = 0x0b61};
    ioctl(-1, KDSKBENT, &kb);
    ioctl(-1, KDGKBENT, &kb);
    ioctl(-1, KDGKBENT, NULL);
    close(s);
    close(m);
    return 0;
}
