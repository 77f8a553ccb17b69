#!/usr/bin/env python3
"""Generates the shared test vectors of the Roller Coach wire protocol (PROTOCOL.md).

    python3 firmware-protocol/vectors/generate.py          # rewrites *.bin and manifest.txt here
    python3 firmware-protocol/vectors/generate.py --hex    # prints each clean frame as hex

This script is a third, independent implementation of the protocol (encoder, CRC and the reference
framing/resync algorithm of PROTOCOL.md section 6), so the expected values in manifest.txt do not come
from the C or Java code they check. Output is deterministic (fixed seeds); the files are committed.
"""
import os
import random
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
SYNC = b"\xA5\x5A"
HELLO, IMU, STATUS, COMMAND, ACK = 0x01, 0x02, 0x03, 0x10, 0x11
MIN_LEN = {HELLO: 62, IMU: 16, STATUS: 11, COMMAND: 5, ACK: 8}
NAMES = {HELLO: "hello", IMU: "imu", STATUS: "status", COMMAND: "command", ACK: "ack"}


def crc16_mcrf4xx(data, crc=0xFFFF):
    """CRC-16/MCRF4XX: poly 0x1021 reflected (0x8408), init 0xFFFF, refin/refout, xorout 0."""
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0x8408 if crc & 1 else crc >> 1
    return crc


assert crc16_mcrf4xx(b"123456789") == 0x6F91


def fstr(s):
    b = s.encode("ascii")
    assert len(b) <= 16
    return b + b"\0" * (16 - len(b))


def payload(f):
    t = f["type"]
    if t == "hello":
        return struct.pack("<BBfff", f["version"], f["flags"], f["accel_range_g"],
                           f["gyro_range_dps"], f["rate_hz"]) + fstr(f["device_id"]) + \
            fstr(f["firmware"]) + fstr(f["model"])
    if t == "imu":
        return struct.pack("<I6h", f["t_us"], f["ax"], f["ay"], f["az"], f["gx"], f["gy"], f["gz"])
    if t == "status":
        return struct.pack("<HBHhI", f["errors"], f["battery_pct"], f["battery_mv"],
                           f["temp_centi_c"], f["dropped"])
    if t == "command":
        return struct.pack("<BI", f["code"], f["arg"])
    if t == "ack":
        return struct.pack("<BHBI", f["code"], f["command_seq"], f["result"], f["value"])
    if t == "unknown":
        return bytes.fromhex(f["payload"])
    raise ValueError(t)


def type_code(f):
    return {"hello": HELLO, "imu": IMU, "status": STATUS, "command": COMMAND, "ack": ACK}.get(
        f["type"], f.get("code_type"))


def encode(f, length=None):
    p = payload(f)
    n = len(p) if length is None else length
    body = bytes([n, type_code(f)]) + struct.pack("<H", f["seq"]) + p
    return SYNC + body + struct.pack("<H", crc16_mcrf4xx(body))


def parse_payload(t, seq, p):
    """Decoded field dict, or None when a CRC-valid payload has impossible values (malformed)."""
    if t == HELLO:
        v, fl, a, g, r = struct.unpack_from("<BBfff", p)
        if not all(x > 0 and x != float("inf") for x in (a, g, r)):
            return None
        def s(o):
            raw = p[o:o + 16].split(b"\0")[0]
            return "".join(chr(c) if 0x20 <= c <= 0x7E else "?" for c in raw)
        return dict(type="hello", seq=seq, version=v, flags=fl, accel_range_g=a, gyro_range_dps=g,
                    rate_hz=r, device_id=s(14), firmware=s(30), model=s(46))
    if t == IMU:
        tu, ax, ay, az, gx, gy, gz = struct.unpack_from("<I6h", p)
        return dict(type="imu", seq=seq, t_us=tu, ax=ax, ay=ay, az=az, gx=gx, gy=gy, gz=gz)
    if t == STATUS:
        e, bp, mv, tc, d = struct.unpack_from("<HBHhI", p)
        return dict(type="status", seq=seq, errors=e, battery_pct=bp, battery_mv=mv,
                    temp_centi_c=tc, dropped=d)
    if t == COMMAND:
        c, a = struct.unpack_from("<BI", p)
        return dict(type="command", seq=seq, code=c, arg=a)
    if t == ACK:
        c, cs, r, v = struct.unpack_from("<BHBI", p)
        return dict(type="ack", seq=seq, code=c, command_seq=cs, result=r, value=v)
    return dict(type="unknown", seq=seq, code_type=t, payload=p.hex())


def reference_decode(data):
    """PROTOCOL.md section 6, literally: returns (frames, counters) after the end of input."""
    frames = []
    c = dict(frames=0, crc=0, length_errors=0, malformed=0, resyncs=0, skipped=0, lost=0)
    skipping = False
    last_seq = None
    p, n = 0, len(data)

    def skip():
        nonlocal skipping, p
        c["skipped"] += 1
        if not skipping:
            skipping = True
            c["resyncs"] += 1
        p += 1

    while p < n:
        if data[p] != 0xA5 or (n - p >= 2 and data[p + 1] != 0x5A):
            skip()
            continue
        if n - p < 4:
            skip()  # end of input inside a header: nothing to check
            continue
        length, t = data[p + 2], data[p + 3]
        if length < MIN_LEN.get(t, 0):
            c["length_errors"] += 1
            skip()
            continue
        total = 6 + length + 2
        if n - p < total:
            c["crc"] += 1  # truncated at end of input
            skip()
            continue
        body = data[p + 2:p + 6 + length]
        if crc16_mcrf4xx(body) != struct.unpack_from("<H", data, p + 6 + length)[0]:
            c["crc"] += 1
            skip()
            continue
        skipping = False
        seq = struct.unpack_from("<H", data, p + 4)[0]
        f = parse_payload(t, seq, data[p + 6:p + 6 + length])
        p += total
        if f is None:
            c["malformed"] += 1
            continue
        c["frames"] += 1
        restart = t == HELLO and seq == 0
        if last_seq is not None and not restart:
            c["lost"] += (seq - last_seq - 1) & 0xFFFF
        last_seq = seq
        frames.append(f)
    return frames, c


def unwrapped(frames):
    out, ext, last = [], None, None
    for f in frames:
        if f["type"] != "imu":
            continue
        if ext is None:
            ext = f["t_us"]
        else:
            fwd = (f["t_us"] - last) & 0xFFFFFFFF
            ext += fwd if fwd < 1 << 31 else fwd - (1 << 32)
        last = f["t_us"]
        out.append(ext)
    return out


KEYS = {
    "hello": ["version", "flags", "accel_range_g", "gyro_range_dps", "rate_hz", "device_id",
              "firmware", "model"],
    "imu": ["t_us", "ax", "ay", "az", "gx", "gy", "gz"],
    "status": ["errors", "battery_pct", "battery_mv", "temp_centi_c", "dropped"],
    "command": ["code", "arg"],
    "ack": ["code", "command_seq", "result", "value"],
    "unknown": ["code_type", "payload"],
}


def fmt(v):
    if isinstance(v, float):
        return repr(v)  # every float here is exactly a float32 (4.0, 500.0, 208.0 …)
    return str(v)


def frame_line(f):
    return "frame %s seq=%d %s" % (
        f["type"], f["seq"], " ".join("%s=%s" % (k, fmt(f[k])) for k in KEYS[f["type"]]))


# ---------------------------------------------------------------------------------------------
HELLO_F = dict(type="hello", seq=0, version=1, flags=1, accel_range_g=4.0, gyro_range_dps=500.0,
               rate_hz=208.0, device_id="RC-3C71BF4A12D8", firmware="1.0.0", model="LSM6DS3")


def imu(seq, t_us, ax=120, ay=-340, az=8190, gx=-57, gy=1310, gz=4):
    return dict(type="imu", seq=seq, t_us=t_us, ax=ax, ay=ay, az=az, gx=gx, gy=gy, gz=gz)


STATUS_F = dict(type="status", seq=7, errors=0x0008, battery_pct=87, battery_mv=3912,
                temp_centi_c=2950, dropped=3)


def vectors():
    rnd = random.Random(20240501)
    v = []

    def clean(name, doc, frames):
        v.append((name, doc, b"".join(encode(f) for f in frames), True))

    def raw(name, doc, data):
        v.append((name, doc, data, False))

    clean("hello", "HELLO of the reference firmware (Nano 33 IoT, LSM6DS3 at 208 Hz)", [HELLO_F])
    clean("imu", "one IMU sample: board flat, turning slowly about y", [imu(1, 1_000_000)])
    clean("status", "STATUS: on battery, 3 samples dropped (overrun flag)", [STATUS_F])
    clean("status_unknown", "STATUS of a USB-powered device without temperature",
          [dict(type="status", seq=8, errors=0, battery_pct=255, battery_mv=0,
                temp_centi_c=-32768, dropped=0)])
    clean("command_start", "host asks to start streaming",
          [dict(type="command", seq=0, code=1, arg=0)])
    clean("command_set_rate", "host asks for 416 Hz",
          [dict(type="command", seq=1, code=3, arg=416)])
    clean("command_request_hello", "host asks who is there",
          [dict(type="command", seq=2, code=4, arg=0)])
    clean("ack_set_rate", "device accepted SET_RATE (command seq 1) and applied 416 Hz",
          [dict(type="ack", seq=9, code=3, command_seq=1, result=0, value=416)])
    clean("imu_extremes", "full-scale counts and the largest timestamp",
          [imu(65535, 0xFFFFFFFF, -32768, 32767, 0, -1, 1, -32768)])
    clean("wrapped_timestamp", "the µs clock wraps between the 2nd and 3rd sample (4808 µs apart)",
          [imu(100 + i, (0xFFFFFFFF - 6000 + i * 4808) & 0xFFFFFFFF) for i in range(4)])
    clean("seq_gap", "sequence 10, 11, 14: two frames lost",
          [imu(10, 0), imu(11, 4808), imu(14, 4 * 4808)])
    clean("seq_wrap", "sequence wraps 65534, 65535, 0, 1: nothing lost",
          [imu((65534 + i) & 0xFFFF, i * 4808) for i in range(4)])
    clean("device_restart", "device reboots: HELLO with seq 0, clock from 0 again: not a loss",
          [imu(500, 9_000_000), imu(501, 9_004_808), HELLO_F, imu(1, 0), imu(2, 4808)])
    clean("stream_clean", "HELLO, 6 samples with a STATUS among them",
          [HELLO_F] + [imu(1 + i, i * 4808, 100 * i, -100 * i, 8192, i, -i, 0) for i in range(3)]
          + [dict(STATUS_F, seq=4)]
          + [imu(5 + i, (3 + i) * 4808, 100 * i, -100 * i, 8192, i, -i, 0) for i in range(3)])
    unknown = dict(type="unknown", seq=3, code_type=0x7F, payload="010203")
    clean("unknown_type", "a frame type from newer firmware: valid, delivered as unknown", [unknown])

    f = imu(1, 1_000_000)
    good = encode(f)
    bad = bytearray(good)
    bad[-1] ^= 0xFF
    raw("bad_crc", "IMU frame whose CRC is wrong", bytes(bad))
    raw("truncated", "IMU frame cut after 15 of 24 bytes (end of input)", good[:15])
    bl = bytearray(encode(f))
    bl[2] = 10  # IMU payload must be >= 16
    raw("bad_length", "IMU frame whose length byte (10) is too short for its type", bytes(bl))
    garbage = bytes(rnd.randrange(256) for _ in range(37)).replace(b"\xA5", b"\x00")
    raw("garbage_prefix", "37 bytes of line noise, then a good IMU frame", garbage + good)
    flipped = bytearray(encode(imu(2, 4808)))
    flipped[9] ^= 0x10
    raw("bit_flip", "three IMU frames, one bit flipped in the second: only it is lost",
        encode(imu(1, 0)) + bytes(flipped) + encode(imu(3, 2 * 4808)))
    raw("dropped_byte", "three IMU frames, one payload byte missing from the second",
        encode(imu(1, 0)) + encode(imu(2, 4808))[:10] + encode(imu(2, 4808))[11:]
        + encode(imu(3, 2 * 4808)))
    ext = dict(f)
    body = payload(f) + b"\x11\x22\x33\x44"
    hdr = bytes([len(body), IMU]) + struct.pack("<H", 1) + body
    raw("extended_payload", "IMU frame with 4 extra payload bytes (a future minor version): read",
        SYNC + hdr + struct.pack("<H", crc16_mcrf4xx(hdr)))
    raw("fake_header", "noise that looks like a header promising 255 bytes, then 3 good frames",
        b"\xA5\x5A\xFF\x02" + b"".join(encode(imu(1 + i, i * 4808)) for i in range(3)))
    zero = dict(HELLO_F, accel_range_g=0.0)
    raw("malformed_hello", "CRC-valid HELLO with a zero accelerometer range: not trusted", encode(zero))
    stream = bytearray()
    frames = [HELLO_F] + [imu(1 + i, (0xFFFFFFFF - 20 * 4808 + i * 4808) & 0xFFFFFFFF,
                              rnd.randrange(-32768, 32768), rnd.randrange(-32768, 32768),
                              rnd.randrange(-32768, 32768), rnd.randrange(-32768, 32768),
                              rnd.randrange(-32768, 32768), rnd.randrange(-32768, 32768))
                          for i in range(40)]
    for i, fr in enumerate(frames):
        if i % 3 == 1:
            stream += bytes(rnd.randrange(256) for _ in range(rnd.randrange(1, 30)))
        if i % 5 == 3:
            stream += b"\xA5"  # a lone sync byte
        if i % 7 == 4:
            stream += b"\xA5\x5A\x30\x02"  # a header that swallows the next frames until its CRC fails
        e = bytearray(encode(fr))
        if i in (9, 27):
            e[rnd.randrange(len(e))] ^= 1 << rnd.randrange(8)
        stream += e
    raw("stream_noisy", "HELLO + 40 samples across the µs wrap, garbage and fake headers "
        "between frames, two frames damaged", bytes(stream))
    return v


def main():
    vs = vectors()
    if "--hex" in sys.argv:
        for name, doc, data, is_clean in vs:
            if is_clean:
                print("%s: %s" % (name, data.hex(" ").upper()))
        return
    lines = ["# Roller Coach wire protocol test vectors. Generated by generate.py: do not edit.",
             "# Format: PROTOCOL.md section 8.", ""]
    for name, doc, data, is_clean in vs:
        frames, c = reference_decode(data)
        if is_clean:
            assert b"".join(encode(f) for f in frames) == data, name
        with open(os.path.join(HERE, name + ".bin"), "wb") as out:
            out.write(data)
        lines.append("vector " + name)
        lines.append("doc " + doc)
        lines.append("file %s.bin" % name)
        lines.append("encode " + ("yes" if is_clean else "no"))
        lines.extend(frame_line(f) for f in frames)
        u = unwrapped(frames)
        if u:
            lines.append("unwrapped_us " + " ".join(str(x) for x in u))
        lines.append("expect " + " ".join("%s=%d" % (k, c[k]) for k in
                                          ["frames", "crc", "length_errors", "malformed",
                                           "resyncs", "skipped", "lost"]))
        lines.append("end")
        lines.append("")
    with open(os.path.join(HERE, "manifest.txt"), "w") as out:
        out.write("\n".join(lines))
    print("wrote %d vectors to %s" % (len(vs), HERE))


if __name__ == "__main__":
    main()
