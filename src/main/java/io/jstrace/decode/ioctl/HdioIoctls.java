package io.jstrace.decode.ioctl;

import io.jstrace.decode.Bytes;
import io.jstrace.decode.Call;
import io.jstrace.decode.Decode;
import io.jstrace.decode.IoArrays;
import io.jstrace.decode.Layout;
import io.jstrace.model.Value;

import java.util.ArrayList;
import java.util.List;

import static io.jstrace.decode.Decode.field;
import static io.jstrace.decode.ioctl.IoctlArg.in;
import static io.jstrace.decode.ioctl.IoctlArg.out;

/** ATA disk requests (type 0x03), as strace's hdio.c and its generated HDIO decoders print them. */
final class HdioIoctls {
    private HdioIoctls() {}

    private static final Layout GEOMETRY = Layout.of("hd_geometry"), CMD = Layout.of("hd_drive_cmd_hdr");
    private static final Layout.Field HEADS = GEOMETRY.field("heads"), SECTORS = GEOMETRY.field("sectors"),
            CYLINDERS = GEOMETRY.field("cylinders"), START = GEOMETRY.field("start");
    private static final Layout.Field COMMAND = CMD.field("command"), SECTOR_NUMBER = CMD.field("sector_number"),
            FEATURE = CMD.field("feature"), SECTOR_COUNT = CMD.field("sector_count");
    private static final int SECTOR_SIZE = 512;
    private static final long EIO = 5;

    private static Value geometry(Bytes b) {
        return Decode.struct(field("heads", Value.Num.udec(b.u(HEADS))), field("sectors", Value.Num.udec(b.u(SECTORS))),
                field("cylinders", Value.Num.udec(b.u(CYLINDERS))), field("start", Value.Num.udec(b.u(START))));
    }

    /** HDIO_DRIVE_CMD: the command header in; status, error and sector count out over it, then the data. */
    private static final IoctlArg DRIVE_CMD = new IoctlArg() {
        @Override
        public Value entry(Call c, long arg) {
            return IoctlArg.struct(CMD, b -> Decode.struct(
                    field("command", Decode.sym("hdio_drive_cmds", b.u(COMMAND), Value.Radix.HEX, "ATA_CMD_???")),
                    field("sector_number", Value.Num.udec(b.u(SECTOR_NUMBER))),
                    field("feature", Value.Num.udec(b.u(FEATURE))),
                    field("sector_count", Value.Num.udec(b.u(SECTOR_COUNT))))).read(c, arg);
        }

        @Override
        public Value exit(Call c, long arg, Value atEntry) {
            // The kernel answers EIO with the status filled in.
            Bytes b = c.failed() && c.ret() != -EIO || !(atEntry instanceof Value.Struct) ? null
                    : Decode.struct(c, arg, CMD.size());
            if (b == null) {
                return atEntry;
            }
            // The reply overwrites the header: status, error, nsector, then the sectors that follow.
            List<Value.Field> f = new ArrayList<>(List.of(field("status", Value.Num.hex(b.u(COMMAND))),
                    field("error", Value.Num.udec(b.u(SECTOR_NUMBER))), field("nsector", Value.Num.udec(b.u(FEATURE)))));
            long sectors = b.u(SECTOR_COUNT);
            if (sectors != 0) {
                f.add(field("buf", Decode.printstr(c, arg + CMD.size(), sectors * SECTOR_SIZE, true)));
            }
            return new Value.Changed(atEntry, new Value.Struct(f, false));
        }
    };

    private static final IoctlArg.Reader ULONG = IoctlArg.longBox(Value.Num::udec);
    private static final IoctlArg.Reader THREE_HEX_INTS = (c, addr) -> IoArrays.array(c, addr, 3, 4,
            b -> Value.Num.hex(b.u32(0)));

    private static final RequestMap MAP = new RequestMap()
            .put(out(IoctlArg.struct(GEOMETRY, HdioIoctls::geometry)), "HDIO_GETGEO")
            .put(DRIVE_CMD, "HDIO_DRIVE_CMD")
            .put(out(ULONG), "HDIO_GET_UNMASKINTR", "HDIO_GET_MULTCOUNT", "HDIO_GET_KEEPSETTINGS", "HDIO_GET_32BIT",
                    "HDIO_GET_NOWERR", "HDIO_GET_DMA", "HDIO_GET_WCACHE", "HDIO_GET_ACOUSTIC", "HDIO_GET_ADDRESS")
            .put(in((c, arg) -> Value.Num.udec(arg)), "HDIO_SET_UNMASKINTR", "HDIO_SET_MULTCOUNT",
                    "HDIO_SET_KEEPSETTINGS", "HDIO_SET_32BIT", "HDIO_SET_NOWERR", "HDIO_SET_DMA", "HDIO_SET_WCACHE",
                    "HDIO_SET_ACOUSTIC", "HDIO_SET_ADDRESS", "HDIO_SET_PIO_MODE", "HDIO_UNREGISTER_HWIF")
            .put(out((c, addr) -> Decode.printstr(c, addr, 142, false)), "HDIO_OBSOLETE_IDENTITY")
            .put(out((c, addr) -> Decode.printstr(c, addr, 512, false)), "HDIO_GET_IDENTITY")
            .put(out(IoctlArg.longBox(v -> Xvals.bitFlags("hdio_ide_nice", v, "1 << ", "IDE_NICE_???"))), "HDIO_GET_NICE")
            .put(in((c, arg) -> Xvals.bitFlags("hdio_ide_nice", arg, "1 << ", "IDE_NICE_???")), "HDIO_SET_NICE")
            .put(out(IoctlArg.longBox(v -> Decode.sym("hdio_busstates", v, Value.Radix.HEX, "BUSSTATE_???"))),
                    "HDIO_GET_BUSSTATE")
            .put(in((c, arg) -> Decode.sym("hdio_busstates", arg, Value.Radix.HEX, "BUSSTATE_???")), "HDIO_SET_BUSSTATE")
            .put(in(THREE_HEX_INTS), "HDIO_DRIVE_RESET", "HDIO_SCAN_HWIF");

    static IoctlArg arg(long code) {
        return MAP.get(code);
    }
}
