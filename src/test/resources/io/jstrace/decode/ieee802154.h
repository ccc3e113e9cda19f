/*
 * The kernel ABI of AF_IEEE802154 addresses, which no installed header declares (it lives in the kernel's
 * include/net/af_ieee802154.h), for LayoutHeadersTest to check its layout file
 * against: the kernel reads these bytes, so this is their shape on x86_64.
 */
#ifndef JSTRACE_IEEE802154_H
#define JSTRACE_IEEE802154_H
#include <stdint.h>

struct ieee802154_addr_sa {
    int addr_type;
    uint16_t pan_id;
    union {
        uint8_t hwaddr[8];
        uint16_t short_addr;
    };
};

struct sockaddr_ieee802154 {
    uint16_t family;
    struct ieee802154_addr_sa addr;
};

#endif
