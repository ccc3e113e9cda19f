package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.out;
import static io.jstrace.decode.ioctl.IoctlArg.structWith;

/** Real-time clock requests (type 'p'), as strace's rtc.c prints them. */
final class RtcIoctls {
    private RtcIoctls() {}

    private static final Layout TIME = Layout.of("rtc_time"), WKALRM = Layout.of("rtc_wkalrm"),
            PLL = Layout.of("rtc_pll_info"), PARAM = Layout.of("rtc_param");
    private static final List<Layout.Field> DATE = List.of(TIME.field("tm_sec"), TIME.field("tm_min"),
            TIME.field("tm_hour"), TIME.field("tm_mday"), TIME.field("tm_mon"), TIME.field("tm_year"));
    private static final List<Layout.Field> DAY = List.of(TIME.field("tm_wday"), TIME.field("tm_yday"),
            TIME.field("tm_isdst"));
    private static final Layout.Field ENABLED = WKALRM.field("enabled"), PENDING = WKALRM.field("pending"),
            ALARM_TIME = WKALRM.field("time");
    private static final List<Layout.Field> PLL_FIELDS = List.of(PLL.field("pll_ctrl"), PLL.field("pll_value"),
            PLL.field("pll_max"), PLL.field("pll_min"), PLL.field("pll_posmult"), PLL.field("pll_negmult"),
            PLL.field("pll_clock"));
    private static final Layout.Field PARAM_ID = PARAM.field("param"), UVALUE = PARAM.field("uvalue"),
            SVALUE = PARAM.field("svalue"), INDEX = PARAM.field("index"), PAD = PARAM.field("__pad");
    private static final long PARAM_FEATURES = 0, PARAM_CORRECTION = 1, PARAM_BACKUP_SWITCH_MODE = 2;

    /** A struct rtc_time: the date, and the day of week and year and DST flag only under -v. */
    private static Value time(Call c, Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        for (Layout.Field x : DATE) {
            f.add(field(x.name(), Value.Num.dec(b.s(x))));
        }
        if (c.options.verbose()) {
            for (Layout.Field x : DAY) {
                f.add(field(x.name(), Value.Num.dec(b.s(x))));
            }
        }
        return new Value.Struct(f, !c.options.verbose());
    }

    private static Value alarm(Call c, Bytes b) {
        return Decode.struct(field("enabled", Value.Num.udec(b.u(ENABLED))), field("pending", Value.Num.udec(b.u(PENDING))),
                field("time", time(c, b.slice(ALARM_TIME))));
    }

    private static Value pll(Call c, Bytes b) {
        List<Value.Field> f = new ArrayList<>();
        for (Layout.Field x : PLL_FIELDS) {
            f.add(field(x.name(), Value.Num.dec(b.s(x))));
        }
        return new Value.Struct(f, false);
    }

    /** A parameter's value, by the parameter it is. */
    private static Value.Field paramValue(Bytes b) {
        long param = b.u(PARAM_ID), v = b.u(UVALUE);
        if (param == PARAM_FEATURES) {
            return field("uvalue", Xvals.bitFlags("rtc_features", v, "1<<", "1<<RTC_FEATURE_???"));
        }
        if (param == PARAM_CORRECTION) {
            return field("svalue", Value.Num.dec(b.s(SVALUE)));
        }
        if (param == PARAM_BACKUP_SWITCH_MODE) {
            return field("uvalue", Decode.sym("rtc_backup_switch_modes", v, Value.Radix.HEX, "RTC_BSM_???"));
        }
        return field("uvalue", Value.Num.hex(v));
    }

    /** At entry: the parameter, its value when it is set, the index; a non-zero padding last. */
    private static Value paramIn(Bytes b, boolean set) {
        List<Value.Field> f = new ArrayList<>();
        f.add(field("param", Decode.sym("rtc_params", b.u(PARAM_ID), Value.Radix.HEX, "RTC_PARAM_???")));
        if (set) {
            f.add(paramValue(b));
        }
        f.add(field("index", Value.Num.udec(b.u(INDEX))));
        pad(b, f);
        return new Value.Struct(f, false);
    }

    private static void pad(Bytes b, List<Value.Field> f) {
        if (b.u(PAD) != 0) {
            f.add(field("__pad", Value.Num.hex(b.u(PAD))));
        }
    }

    /** RTC_PARAM_GET: the parameter asked for, then {@code => } the value got (or the address, when it failed). */
    private static final IoctlArg PARAM_GET = new IoctlArg() {
        @Override
        public Value entry(Call c, long arg) {
            return structWith(PARAM, (cc, b) -> paramIn(b, false)).read(c, arg);
        }

        @Override
        public Value exit(Call c, long arg, Value atEntry) {
            if (!(atEntry instanceof Value.Struct)) {
                return atEntry;
            }
            Bytes b = Decode.outStruct(c, arg, PARAM.size());
            if (b == null) {
                return new Value.Changed(atEntry, Decode.ptr(arg));
            }
            List<Value.Field> f = new ArrayList<>(List.of(paramValue(b)));
            pad(b, f);
            return new Value.Changed(atEntry, new Value.Struct(f, false));
        }
    };

    private static final RequestMap MAP = new RequestMap()
            .put(IoctlArg.NONE, "RTC_AIE_ON", "RTC_AIE_OFF", "RTC_UIE_ON", "RTC_UIE_OFF", "RTC_PIE_ON", "RTC_PIE_OFF",
                    "RTC_WIE_ON", "RTC_WIE_OFF", "RTC_VL_CLR")
            .put(out(structWith(TIME, RtcIoctls::time)), "RTC_ALM_READ", "RTC_RD_TIME")
            .put(in(structWith(TIME, RtcIoctls::time)), "RTC_ALM_SET", "RTC_SET_TIME")
            .put(in((c, arg) -> Value.Num.udec(arg)), "RTC_IRQP_SET", "RTC_EPOCH_SET")
            .put(out(IoctlArg.longBox(Value.Num::udec)), "RTC_IRQP_READ", "RTC_EPOCH_READ")
            .put(out(structWith(WKALRM, RtcIoctls::alarm)), "RTC_WKALM_RD")
            .put(in(structWith(WKALRM, RtcIoctls::alarm)), "RTC_WKALM_SET")
            .put(out(structWith(PLL, RtcIoctls::pll)), "RTC_PLL_GET")
            .put(in(structWith(PLL, RtcIoctls::pll)), "RTC_PLL_SET")
            .put(out(IoctlArg.intBox(v -> Decode.flags("rtc_vl_flags", v & 0xffffffffL, "RTC_VL_???"))), "RTC_VL_READ")
            .put(PARAM_GET, "RTC_PARAM_GET")
            .put(in(structWith(PARAM, (c, b) -> paramIn(b, true))), "RTC_PARAM_SET");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}
