package com.rollercoach.io.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Listing and opening serial ports with jSerialComm, with one-line explanations of failures. */
public final class SerialPorts {
  /**
   * USB vendors of the boards and USB-serial bridges a roller is typically built on: Arduino (2341,
   * 2a03), WCH CH340 (1a86), Silicon Labs CP210x (10c4), FTDI (0403), Adafruit (239a), Espressif
   * (303a), Raspberry Pi (2e8a), Seeed (2886), Nordic (1915), SparkFun (1b4f).
   */
  private static final Set<Integer> BOARD_VENDORS =
      Set.of(0x2341, 0x2A03, 0x1A86, 0x10C4, 0x0403, 0x239A, 0x303A, 0x2E8A, 0x2886, 0x1915, 0x1B4F);

  /** Linux errno values jSerialComm reports from open(2). */
  private static final int ENOENT = 2;

  private static final int EAGAIN = 11;
  private static final int EACCES = 13;
  private static final int EISDIR = 21;
  private static final int ENOTTY = 25;
  private static final int EBUSY = 16;

  private SerialPorts() {}

  /**
   * The ports the operating system enumerates, likely rollers first. Pseudo-terminals (socat, the
   * emulator) and often Bluetooth {@code /dev/rfcomm*} bindings are not enumerated: open them by path.
   */
  public static List<PortInfo> list() {
    List<PortInfo> out = new ArrayList<>();
    for (SerialPort p : SerialPort.getCommPorts()) out.add(describe(p));
    out.sort(Comparator.comparing((PortInfo p) -> !p.likelyRoller()).thenComparing(PortInfo::path));
    return out;
  }

  static PortInfo describe(SerialPort p) {
    String desc = nonNull(p.getPortDescription());
    String descriptive = nonNull(p.getDescriptivePortName());
    String text = (desc + " " + descriptive).toLowerCase(Locale.ROOT);
    int vid = p.getVendorID();
    String path = nonNull(p.getSystemPortPath());
    boolean likely =
        text.contains("roller")
            || BOARD_VENDORS.contains(vid)
            || path.contains("rfcomm")
            || text.contains("bluetooth");
    return new PortInfo(
        path,
        desc.isBlank() ? descriptive : desc,
        nonNull(p.getManufacturer()).equalsIgnoreCase("unknown") ? "" : nonNull(p.getManufacturer()),
        vid,
        p.getProductID(),
        nonNull(p.getSerialNumber()),
        likely);
  }

  /**
   * Opens {@code path} afresh for streaming: 8N1 at {@code baud}, semi-blocking reads that return as
   * soon as any byte arrives or after {@code readTimeoutMs}. Symlinks (a socat {@code link=}, a udev
   * rule's {@code /dev/roller}) are resolved now, so a reopen after a reconnect follows them to the
   * device's new node.
   */
  public static SerialPort open(String path, int baud, int readTimeoutMs) throws PortOpenException {
    String target = resolve(path);
    SerialPort port;
    try {
      port = SerialPort.getCommPort(target);
    } catch (SerialPortInvalidPortException e) {
      throw noSuchPort(path);
    }
    port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
    port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, readTimeoutMs, 0);
    // openPort() leaves lastErrorCode 25 (ENOTTY) on ptys although it succeeded: only its result counts.
    if (port.openPort()) return port;
    throw openFailure(path, port.getLastErrorCode());
  }

  /** Whether {@code path} names a port now (always true for names like COM7 that are not files). */
  public static boolean exists(String path) {
    return !looksLikeFile(path) || Files.exists(Path.of(path));
  }

  private static String resolve(String path) throws PortOpenException {
    if (!looksLikeFile(path)) return path;
    Path p = Path.of(path);
    if (!Files.exists(p)) throw noSuchPort(path);
    Path real;
    try {
      real = p.toRealPath();
    } catch (IOException e) {
      throw noSuchPort(path);
    }
    // a directory or a plain file opens as neither: say which, not the C library's number
    if (Files.isDirectory(real)) throw notAPort(path, "is a directory");
    if (Files.isRegularFile(real)) {
      throw notAPort(path, "is a file, not a serial port (a recording? `roller-coach analyze " + path + "`)");
    }
    if (!Files.isReadable(real) || !Files.isWritable(real)) throw permissionDenied(path);
    return real.toString();
  }

  static PortOpenException openFailure(String path, int code) {
    boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    if (windows) {
      // Windows: ERROR_FILE_NOT_FOUND = 2, ERROR_ACCESS_DENIED = 5 (which is how a COM port in use shows).
      if (code == 2) return noSuchPort(path);
      if (code == 5) return busy(path);
    } else {
      // jSerialComm reports 2 for a port this process already holds: with the node present, that is busy.
      if (code == ENOENT) return exists(path) ? busy(path) : noSuchPort(path);
      if (code == EACCES) return permissionDenied(path);
      if (code == EBUSY || code == EAGAIN) return busy(path);
      if (code == EISDIR) return notAPort(path, "is a directory");
      if (code == ENOTTY) return notAPort(path, "is not a serial port");
    }
    return new PortOpenException(
        PortOpenException.Reason.OTHER, "could not open " + path + " (error " + code + ")");
  }

  private static PortOpenException notAPort(String path, String why) {
    return new PortOpenException(PortOpenException.Reason.OTHER, path + " " + why);
  }

  private static PortOpenException noSuchPort(String path) {
    return new PortOpenException(
        PortOpenException.Reason.NO_SUCH_PORT,
        "no such port " + path + ": is the roller plugged in and switched on? `roller-coach ports` lists ports");
  }

  private static PortOpenException permissionDenied(String path) {
    return new PortOpenException(
        PortOpenException.Reason.PERMISSION_DENIED,
        "permission denied on " + path + " (error 13): add yourself to the dialout group"
            + " (sudo usermod -aG dialout $USER, then log out and in again)");
  }

  private static PortOpenException busy(String path) {
    return new PortOpenException(
        PortOpenException.Reason.BUSY,
        "port " + path + " is busy: another program has it open (a serial monitor, ModemManager,"
            + " another roller-coach); close it and try again");
  }

  private static boolean looksLikeFile(String path) {
    return path.startsWith("/") || path.startsWith(".");
  }

  private static String nonNull(String s) {
    return s == null ? "" : s.trim();
  }
}
