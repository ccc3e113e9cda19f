package io.jstrace.decode;

import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.jstrace.decode.Decode.field;

/**
 * The address families of older networks, as strace 6.1's sockaddr.c prints them: AX.25 (with
 * its callsigns and digipeaters), IPX, X.25, and RxRPC (whose transport is an inet address).
 * Each printer gets the address zero-padded past its length, as strace reads it.
 */
final class NetSockaddrOld {
    private NetSockaddrOld() {}

    static final Layout AX25 = Layout.of("full_sockaddr_ax25"), IPX = Layout.of("sockaddr_ipx"),
            X25 = Layout.of("sockaddr_x25"), RXRPC = Layout.of("sockaddr_rxrpc");
    private static final Layout.Field FSA_AX25 = AX25.field("fsa_ax25"), SAX25_CALL = AX25.field("fsa_ax25.sax25_call"),
            SAX25_NDIGIS = AX25.field("fsa_ax25.sax25_ndigis"), DIGIPEATERS = AX25.field("fsa_digipeater"),
            DIGIPEATER = AX25.field("fsa_digipeater[0]"),
            SIPX_PORT = IPX.field("sipx_port"), SIPX_NETWORK = IPX.field("sipx_network"), SIPX_NODE = IPX.field("sipx_node"),
            SIPX_TYPE = IPX.field("sipx_type"), SIPX_ZERO = IPX.field("sipx_zero"),
            X25_ADDR = X25.field("sx25_addr.x25_addr"),
            SRX_SERVICE = RXRPC.field("srx_service"), TRANSPORT_TYPE = RXRPC.field("transport_type"),
            TRANSPORT_LEN = RXRPC.field("transport_len"), TRANSPORT = RXRPC.field("transport"),
            TRANSPORT_FAMILY = RXRPC.field("transport.family");

    /** struct sockaddr_ax25, or the full one with digipeaters when it has some or the length goes past it. */
    static void ax25(Bytes b, int len, List<Value.Field> f) {
        int ndigis = (int) b.s(SAX25_NDIGIS);
        boolean full = ndigis != 0 || len > FSA_AX25.size();
        Value call = callsign(Arrays.copyOfRange(b.b(), SAX25_CALL.offset(), SAX25_CALL.offset() + SAX25_CALL.size()));
        if (full) {
            f.add(field("fsa_ax25", Decode.struct(field("sax25_call", call), field("sax25_ndigis", Decode.dec(ndigis)))));
        } else {
            f.add(field("sax25_call", call));
            f.add(field("sax25_ndigis", Decode.dec(ndigis)));
            return;
        }
        int max = DIGIPEATERS.size() / DIGIPEATER.size();
        int has = Math.min(Math.max(len - FSA_AX25.size(), 0) / DIGIPEATER.size(), max);
        int want = Math.min(Math.max(ndigis, 0), max);
        if (want != 0) {
            List<Value> digis = new ArrayList<>();
            for (int i = 0; i < Math.min(has, want); i++) {
                int at = DIGIPEATERS.offset() + i * DIGIPEATER.size();
                digis.add(callsign(Arrays.copyOfRange(b.b(), at, at + DIGIPEATER.size())));
            }
            f.add(field("fsa_digipeater", new Value.Arr(digis, want > has)));
        }
        if (len > has * DIGIPEATER.size() + FSA_AX25.size()) {
            f.add(field(null, Value.ELLIPSIS));
        }
    }

    /**
     * An AX.25 callsign (six shifted characters and an SSID byte) as strace's print_ax25_addr:
     * {@code VALID-13}; the raw bytes besides when they are not a sane callsign, and only them
     * when its text could not be printed.
     */
    static Value callsign(byte[] call) {
        Value raw = Decode.struct(field("ax25_call", new Value.Str(call, false, true)));
        String text = callsignText(call);
        return switch (callsignStyle(call)) {
            case RAW -> raw;
            case VERBOSE -> new Value.Commented(raw, text);
            case ABBREV -> new Value.Styled(raw, new Value.Name(text), new Value.Name(text));
        };
    }

    /** strace's check_ax25_address: ABBREV when -X decides, VERBOSE or RAW when the bytes force it. */
    private static DecodeOptions.Xstyle callsignStyle(byte[] call) {
        DecodeOptions.Xstyle style = DecodeOptions.Xstyle.ABBREV;
        boolean space = false, chars = false;
        for (int i = 0; i < call.length - 1; i++) {
            int c = call[i] & 0xff;
            if ((c & 1) != 0) {
                style = DecodeOptions.Xstyle.VERBOSE;
            }
            c >>= 1;
            if (c == ' ') {
                space = true;
            } else {
                chars = true;
            }
            if ((c < '0' || c > '9') && (c < 'A' || c > 'Z') && c != ' ' || c != ' ' && space) {
                style = DecodeOptions.Xstyle.VERBOSE;
            }
            if (c < ' ' || c > 0x7e || c == '*' || c == '/') {
                return DecodeOptions.Xstyle.RAW;
            }
        }
        int ssid = call[call.length - 1] & 0xff;
        if ((ssid & ~0x1e) != 0 || !chars && ssid != 0) {
            style = DecodeOptions.Xstyle.VERBOSE;
        }
        return style;
    }

    /** strace's ax25_addr2str: the characters without trailing spaces, a dash and the SSID; {@code *} for none. */
    private static String callsignText(byte[] call) {
        int end = call.length - 1;
        while (end > 0 && (call[end - 1] & 0xff) >> 1 == ' ') {
            end--;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < end; i++) {
            sb.append((char) ((call[i] & 0xff) >> 1));
        }
        int ssid = ((call[call.length - 1] & 0xff) >> 1) & 0xf;
        sb.append('-').append(ssid);
        return sb.toString().equals("-0") ? "*" : sb.toString();
    }

    static void ipx(Bytes b, int len, List<Value.Field> f) {
        f.add(field("sipx_port", NetSockaddr.port(b, SIPX_PORT)));
        f.add(field("sipx_network", new Value.Call("htonl", List.of(Value.Num.hex(Integer.reverseBytes((int) b.u(SIPX_NETWORK)) & 0xffffffffL)))));
        List<Value> node = new ArrayList<>();
        for (int i = 0; i < SIPX_NODE.size(); i++) {
            node.add(new Value.Num(b.u8(SIPX_NODE.offset() + i), Value.Radix.WORD8));
        }
        f.add(field("sipx_node", new Value.Arr(node, false)));
        f.add(field("sipx_type", new Value.Num(b.u(SIPX_TYPE), Value.Radix.WORD8)));
        if (b.u(SIPX_ZERO) != 0) {
            f.add(field("sipx_zero", Value.Num.hex(b.u(SIPX_ZERO))));
        }
    }

    static void x25(Bytes b, int len, List<Value.Field> f) {
        f.add(field("sx25_addr", Decode.struct(field("x25_addr", NetSockaddr.cstring(b, X25_ADDR.offset(), X25_ADDR.size())))));
    }

    /** struct sockaddr_rxrpc: the service, then the transport, an inet address of its own length. */
    static void rxrpc(Bytes b, int len, List<Value.Field> f) {
        f.add(field("srx_service", new Value.Explained(Decode.sym("rxrpc_services", b.u(SRX_SERVICE), Value.Radix.HEX, "???_SERVICE"))));
        f.add(field("transport_type", Decode.sym("socktypes", b.u(TRANSPORT_TYPE), Value.Radix.HEX, "SOCK_???")));
        int transportLen = (int) b.u(TRANSPORT_LEN);
        f.add(field("transport_len", Value.Num.udec(transportLen)));
        int family = (int) b.u(TRANSPORT_FAMILY);
        int available = Math.min(transportLen, len - TRANSPORT_FAMILY.offset());
        int data = TRANSPORT_FAMILY.offset() + TRANSPORT_FAMILY.size();
        int rest = Math.max(0, available - TRANSPORT_FAMILY.size());
        Bytes transport = b.slice(TRANSPORT.offset(), b.length() - TRANSPORT.offset());
        Value familyName = Decode.sym("addrfams", family, Value.Radix.HEX, "AF_???");
        List<Value.Field> t = new ArrayList<>();
        if (family == NetSockaddr.AF_INET || family == NetSockaddr.AF_INET6) {
            boolean v6 = family == NetSockaddr.AF_INET6;
            List<Value.Field> in = new ArrayList<>();
            in.add(field(v6 ? "sin6_family" : "sin_family", familyName));
            if (transportLen >= (v6 ? NetSockaddr.SIN6_MIN_LEN : NetSockaddr.SIN.size())) {
                if (v6) {
                    NetSockaddr.inet6(transport, available, in);
                } else {
                    NetSockaddr.inet(transport, available, in);
                }
            } else if (rest > 0) {
                in.add(field(null, new Value.Str(Arrays.copyOfRange(b.b(), data, data + rest), false)));
            }
            t.add(field(v6 ? "sin6" : "sin", new Value.Struct(in, false)));
        } else {
            t.add(field("family", familyName));
            if (rest > 0) {
                t.add(field(null, new Value.Str(Arrays.copyOfRange(b.b(), data, data + rest), false)));
            }
        }
        f.add(field("transport", new Value.Struct(t, false)));
    }
}
