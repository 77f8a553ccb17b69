package com.rollercoach.io.ble;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private D-Bus (its own {@code dbus-daemon}) with {@code src/test/resources/ble/mock_bluez.py} on it
 * playing BlueZ and a BLE roller. Closing stops both processes. Needs dbus-daemon and python3 with the
 * dbus and gi modules (Debian: dbus, python3-dbus, python3-gi); without them tests are skipped, except
 * in CI ({@code CI=true}) where their absence fails.
 */
public final class MockBluez implements AutoCloseable {
  static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";

  private final Path dir;
  private Process daemon;
  private Process mock;
  private String address;
  private final Path log;
  private boolean denyBluez;

  public MockBluez(Path dir) {
    this.dir = dir;
    this.log = dir.resolve("mock.log");
  }

  public static void require() {
    boolean daemon = onPath("dbus-daemon");
    boolean python = false;
    try {
      Process p = new ProcessBuilder(PYTHON, "-c", "import dbus, dbus.mainloop.glib, gi.repository.GLib")
          .redirectErrorStream(true).start();
      python = p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      python = false;
    }
    String missing = (daemon ? "" : "dbus-daemon ") + (python ? "" : "python3-dbus/python3-gi");
    if (!missing.isEmpty() && "true".equals(System.getenv("CI"))) {
      fail("the mock BlueZ needs " + missing + " in CI (apt-get install -y dbus python3-dbus python3-gi)");
    }
    assumeTrue(missing.isEmpty(), "mock BlueZ tests skipped: " + missing + " not installed"
        + " (apt-get install dbus python3-dbus python3-gi)");
  }

  /** Starts the bus and the mock with {@code mockArgs}; returns once the mock is on the bus. */
  public MockBluez start(Path stream, String... mockArgs) throws Exception {
    startBus();
    startMock(stream, mockArgs);
    return this;
  }

  /** The bus refuses to pass our calls to BlueZ, as the system bus does for a user BlueZ's policy excludes. */
  public MockBluez denyingBluez() {
    denyBluez = true;
    return this;
  }

  /** Only the private bus, with no BlueZ on it: a machine where bluetoothd is not running. */
  public MockBluez startBus() throws Exception {
    Path conf = dir.resolve("bus.conf");
    Files.writeString(conf, "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\""
        + " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n<busconfig><type>session</type>"
        + "<listen>unix:dir=" + dir + "</listen><auth>EXTERNAL</auth><policy context=\"default\">"
        + "<allow send_destination=\"*\" eavesdrop=\"true\"/><allow eavesdrop=\"true\"/><allow own=\"*\"/>"
        // BlueZ's own policy (/usr/share/dbus-1/system.d/bluetooth.conf) refuses users outside it so.
        + (denyBluez ? "<deny send_destination=\"org.bluez\"/>" : "")
        + "</policy></busconfig>\n");
    daemon = new ProcessBuilder("dbus-daemon", "--config-file=" + conf, "--print-address=1", "--nofork")
        .redirectError(dir.resolve("dbus.err").toFile()).start();
    BufferedReader r = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
    address = r.readLine();
    if (address == null || address.isBlank()) throw new IOException("dbus-daemon printed no address: " + err("dbus.err"));
    address = address.trim();
    return this;
  }

  private void startMock(Path stream, String... mockArgs) throws Exception {
    Path script = Path.of("src/test/resources/ble/mock_bluez.py").toAbsolutePath();
    List<String> cmd = new ArrayList<>(List.of(PYTHON, script.toString(), "--bus", address, "--stream",
        stream.toString(), "--log", log.toString()));
    cmd.addAll(List.of(mockArgs));
    mock = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("mock.out").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!logText().contains("ready")) {
      if (!mock.isAlive()) throw new IOException("mock BlueZ died: " + err("mock.out"));
      if (System.nanoTime() > deadline) throw new IOException("mock BlueZ did not start: " + err("mock.out"));
      Thread.sleep(50);
    }
  }

  /** A session file as the firmware would stream it (HELLO, IMU, STATUS frames), via the emulator. */
  public static byte[] encode(Path session) throws Exception {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    try (com.rollercoach.io.SessionFile input = com.rollercoach.io.SessionFiles.open(session)) {
      new com.rollercoach.io.emulator.Emulator(input, com.rollercoach.io.emulator.DeviceLink.streams(null, out),
          com.rollercoach.io.emulator.Emulator.Options.defaults().withSpeed(Double.POSITIVE_INFINITY)).run();
    }
    return out.toByteArray();
  }

  public String address() {
    return address;
  }

  public String logText() throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  public List<String> logLines() throws IOException {
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  private String err(String name) throws IOException {
    Path p = dir.resolve(name);
    return Files.exists(p) ? Files.readString(p).trim() : "";
  }

  @Override
  public void close() throws Exception {
    for (Process p : new Process[] {mock, daemon}) {
      if (p == null) continue;
      p.destroy();
      if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }

  private static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, tool))) return true;
    }
    return false;
  }
}
