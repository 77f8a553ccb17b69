package com.rollercoach.core.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The shared test vectors of {@code firmware-protocol/vectors/manifest.txt} (PROTOCOL.md §8). */
final class ProtocolVectors {
  static final Path DIR = Path.of(System.getProperty("basedir", ".")).resolve("firmware-protocol/vectors");

  record Vector(
      String name,
      byte[] bytes,
      boolean encodes,
      List<Integer> seqs,
      List<Frame> frames,
      List<Long> unwrappedUs,
      Map<String, Long> expect) {
    @Override
    public String toString() {
      return name;
    }
  }

  private ProtocolVectors() {}

  static List<Vector> all() {
    try {
      List<Vector> out = new ArrayList<>();
      String name = null, file = null;
      boolean encodes = false;
      List<Integer> seqs = new ArrayList<>();
      List<Frame> frames = new ArrayList<>();
      List<Long> unwrapped = new ArrayList<>();
      Map<String, Long> expect = new LinkedHashMap<>();
      for (String line : Files.readAllLines(DIR.resolve("manifest.txt"))) {
        if (line.isBlank() || line.startsWith("#")) continue;
        String[] w = line.split(" ");
        switch (w[0]) {
          case "vector":
            name = w[1];
            seqs = new ArrayList<>();
            frames = new ArrayList<>();
            unwrapped = new ArrayList<>();
            expect = new LinkedHashMap<>();
            break;
          case "file":
            file = w[1];
            break;
          case "encode":
            encodes = w[1].equals("yes");
            break;
          case "frame":
            Map<String, String> kv = keyValues(w, 2);
            seqs.add(Integer.parseInt(kv.get("seq")));
            frames.add(frame(w[1], kv));
            break;
          case "unwrapped_us":
            for (int i = 1; i < w.length; i++) unwrapped.add(Long.parseLong(w[i]));
            break;
          case "expect":
            for (Map.Entry<String, String> e : keyValues(w, 1).entrySet()) {
              expect.put(e.getKey(), Long.parseLong(e.getValue()));
            }
            break;
          case "end":
            out.add(new Vector(name, Files.readAllBytes(DIR.resolve(file)), encodes, seqs, frames, unwrapped, expect));
            break;
          case "doc":
            break;
          default:
            throw new IllegalStateException("manifest: unknown line " + line);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> keyValues(String[] words, int from) {
    Map<String, String> kv = new LinkedHashMap<>();
    for (int i = from; i < words.length; i++) {
      int eq = words[i].indexOf('=');
      kv.put(words[i].substring(0, eq), words[i].substring(eq + 1));
    }
    return kv;
  }

  private static Frame frame(String type, Map<String, String> f) {
    switch (type) {
      case "hello":
        return new Frame.Hello(
            i(f, "version"), i(f, "flags"), Float.parseFloat(f.get("accel_range_g")),
            Float.parseFloat(f.get("gyro_range_dps")), Float.parseFloat(f.get("rate_hz")),
            f.get("device_id"), f.get("firmware"), f.get("model"));
      case "imu":
        return new Frame.Imu(
            l(f, "t_us"), i(f, "ax"), i(f, "ay"), i(f, "az"), i(f, "gx"), i(f, "gy"), i(f, "gz"));
      case "status":
        return new Frame.Status(
            i(f, "errors"), i(f, "battery_pct"), i(f, "battery_mv"), i(f, "temp_centi_c"), l(f, "dropped"));
      case "command":
        return new Frame.Command(i(f, "code"), l(f, "arg"));
      case "ack":
        return new Frame.Ack(i(f, "code"), i(f, "command_seq"), i(f, "result"), l(f, "value"));
      case "unknown":
        return new Frame.Unknown(i(f, "code_type"), HexFormat.of().parseHex(f.get("payload")));
      default:
        throw new IllegalStateException("manifest: unknown frame type " + type);
    }
  }

  private static int i(Map<String, String> f, String k) {
    return Integer.parseInt(f.get(k));
  }

  private static long l(Map<String, String> f, String k) {
    return Long.parseLong(f.get(k));
  }
}
