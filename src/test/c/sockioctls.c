/* Socket ioctls (type 0x89) for StraceCompareIT: owner ints, a bridge name, SIOCGIFCONF's
 * sizing call and interface list (lo only: the test runs in the host's namespace, so the list
 * is cut to one entry with a buffer of one ifreq), and a request strace shows as an address. */
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/sockios.h>

int main(void) {
    int s = socket(AF_INET, SOCK_DGRAM, 0);
    int owner = 0; /* a pid would differ between the two runs */
    ioctl(-1, FIOSETOWN, NULL);
    ioctl(s, FIOSETOWN, &owner);
    ioctl(s, FIOGETOWN, &owner);
    ioctl(s, SIOCGPGRP, &owner);
    ioctl(-1, SIOCATMARK, NULL);
    ioctl(-1, SIOCBRADDBR, "jstrace-br0");
    ioctl(-1, SIOCADDRT, NULL);
    ioctl(s, SIOCGIFCONF, NULL);
    struct ifconf ifc = {0};
    ioctl(s, SIOCGIFCONF, &ifc);
    struct ifreq one[1];
    ifc.ifc_len = sizeof(one) + 2;
    ifc.ifc_req = one;
    ioctl(s, SIOCGIFCONF, &ifc);
    close(s);
    return 0;
}
